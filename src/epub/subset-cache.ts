/**
 * Font subsets kept on disk between builds (in `.octavo-cache/subsets/` when
 * built through `build()`), so that a book built again, or another book with the same
 * characters, takes its fonts from a file instead of harfbuzz's subsetter:
 * most of what an EPUB of a short book costs is loading the subsetter and
 * reading the fonts, two of them 10 MB.
 *
 * A subset is found by everything that decides its bytes: the content of the
 * font file (its SHA-256), the characters, the subsetting options, and the
 * versions of subset-font and harfbuzz. An entry holds its whole key and the
 * SHA-256 of its bytes, and is used only when both match: a damaged, cut or
 * foreign file, or one written by another version, is passed over and
 * written anew. So the cache never changes an edition's bytes, only the time
 * they take.
 *
 * Hashing a font means reading it. The hash of each file is therefore kept
 * too (`fonts.json`), with the file's size, times and inode: while none of
 * them changes the file is not read again (a file written in any way gets a
 * new change time, as `git status` and `make` also rely on).
 *
 * Every write goes to a temporary file renamed into place, so that builds
 * running at once never read half an entry; a cache that cannot be read or
 * written is no cache, and the build goes on without it.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fontBytes } from '../theme/font-files.js'
import { fontPath, isLocalFont, type FontFile } from '../theme/index.js'

const ENTRY_MAGIC = 'octavo-subset 1'

interface FileIdentity {
  size: number
  mtimeMs: number
  ctimeMs: number
  ino: number
  sha256: string
}

export class SubsetCache {
  private readonly subsets: string
  private readonly hashFile: string
  private readonly hashes: Map<string, FileIdentity>
  private hashesChanged = false

  constructor(readonly dir: string) {
    this.subsets = path.join(dir, 'subsets')
    this.hashFile = path.join(dir, 'fonts.json')
    this.hashes = readHashes(this.hashFile)
  }

  /**
   * The key of a subset: what decides its bytes, as one string. `options`
   * must be plain data (the subsetter's options).
   */
  key(font: FontFile, characters: string, options: object): string {
    return JSON.stringify({ font: this.contentHash(font), characters, options, subsetter: subsetterVersion() })
  }

  /** The subset stored under `key`, or `undefined` when there is none, or none that can be trusted. */
  read(key: string): Uint8Array | undefined {
    let entry: Buffer
    try {
      entry = readFileSync(this.entryPath(key))
    } catch {
      return undefined
    }
    // The magic line, the key, the SHA-256 of the subset in hex, each ended by a line break; then the subset.
    const header = Buffer.from(`${ENTRY_MAGIC}\n${key}\n`, 'utf8')
    const hashEnd = header.length + 65
    if (entry.length < hashEnd || !entry.subarray(0, header.length).equals(header) || entry[hashEnd - 1] !== 0x0a) return undefined
    const bytes = entry.subarray(hashEnd)
    if (sha256(bytes) !== entry.toString('latin1', header.length, hashEnd - 1)) return undefined
    return new Uint8Array(bytes)
  }

  /** Store a subset under `key`. */
  write(key: string, bytes: Uint8Array): void {
    const header = Buffer.from(`${ENTRY_MAGIC}\n${key}\n${sha256(bytes)}\n`, 'utf8')
    writeAtomic(this.entryPath(key), Buffer.concat([header, bytes]))
  }

  /** Keep the font files' hashes learnt in this build for the next. */
  save(): void {
    if (!this.hashesChanged) return
    const files = Object.fromEntries(this.hashes)
    writeAtomic(this.hashFile, Buffer.from(`${JSON.stringify({ version: 1, files }, null, 1)}\n`))
    this.hashesChanged = false
  }

  /** Where the entry of a key lives: its file name is the key's hash. */
  private entryPath(key: string): string {
    return path.join(this.subsets, `${sha256(Buffer.from(key, 'utf8'))}.ttf`)
  }

  /** The SHA-256 of a font file's content: from `fonts.json` while the file is unchanged, else read and hashed. */
  private contentHash(font: FontFile): string {
    // A writer's own file was hashed when its theme was read.
    if (isLocalFont(font)) return font.sha256
    const file = fontPath(font)
    const stats = statSync(file)
    const known = this.hashes.get(file)
    if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs && known.ctimeMs === stats.ctimeMs && known.ino === stats.ino) return known.sha256
    const identity = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, sha256: sha256(fontBytes(font)) }
    this.hashes.set(file, identity)
    this.hashesChanged = true
    return identity.sha256
  }
}

/** A cache in `dir`, or `undefined` when `dir` cannot be made (the build then subsets every font itself). */
export function openSubsetCache(dir: string): SubsetCache | undefined {
  try {
    mkdirSync(path.join(dir, 'subsets'), { recursive: true })
    return new SubsetCache(dir)
  } catch {
    return undefined
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The hashes of `fonts.json`; an unreadable or malformed file, or entry, counts for nothing. */
function readHashes(file: string): Map<string, FileIdentity> {
  const hashes = new Map<string, FileIdentity>()
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return hashes
  }
  const files = (data as { version?: unknown; files?: unknown } | null)?.files
  if ((data as { version?: unknown }).version !== 1 || typeof files !== 'object' || files === null) return hashes
  for (const [name, value] of Object.entries(files)) {
    const entry = value as Partial<FileIdentity> | null
    const numbers = [entry?.size, entry?.mtimeMs, entry?.ctimeMs, entry?.ino]
    if (numbers.every((number) => typeof number === 'number') && typeof entry?.sha256 === 'string' && /^[0-9a-f]{64}$/.test(entry.sha256)) {
      hashes.set(name, entry as FileIdentity)
    }
  }
  return hashes
}

/** Write a file beside its place and rename it there; a failure leaves the cache as it was. */
function writeAtomic(target: string, bytes: Uint8Array): void {
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    writeFileSync(temporary, bytes)
    renameSync(temporary, target)
  } catch {
    // A cache that cannot be written is only slower.
    rmSync(temporary, { force: true })
  }
}

let subsetter: string | undefined

/** The subsetter's versions, which a subset's bytes depend on: subset-font's and the harfbuzz it runs. */
function subsetterVersion(): string {
  if (subsetter === undefined) {
    const require = createRequire(import.meta.url)
    const version = (manifest: string): string => (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
    const subsetFont = require.resolve('subset-font/package.json')
    // harfbuzzjs exports no package.json: it is found beside the WebAssembly it ships.
    const wasm = createRequire(subsetFont).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')
    subsetter = `subset-font ${version(subsetFont)}, harfbuzzjs ${version(path.join(path.dirname(wasm), '..', 'package.json'))}`
  }
  return subsetter
}
