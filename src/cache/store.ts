/**
 * What a build may keep for the next: values by kind and key, in memory for a
 * session (`--watch`, the library's rebuilds) and, when given a folder, on
 * disk (`.octavo-cache/`) for the next process.
 *
 * A key is a hash of everything the value depends on, so a value found is the
 * value a fresh computation would give: the cache can only save time, never
 * change an edition. An entry that cannot be read back (written by another
 * version of Octavo, cut short, tampered with) is a miss, never an error.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deserialize, serialize } from 'node:v8'

/**
 * Bumped whenever what a cached value holds, or how it is computed, changes
 * in a way its key does not show (the model's shape, the parser's rules):
 * entries written before are then never read.
 */
export const CACHE_FORMAT = 2

export interface StoreOptions {
  /** Where entries are kept between processes; memory only without it. */
  folder?: string
  /** Told of an entry that could not be written (a full disk, a read-only folder): the build goes on without it. */
  onWriteError?: (error: unknown) => void
  /**
   * The store serves a session of rebuilds (`--watch`, the preview): what is
   * costly to read back from its bytes (a chapter's layout) may be kept as
   * objects too, for the next build, at the cost of the memory they take.
   */
  rebuilds?: boolean
  /**
   * The store serves one-off builds (the command line's without the folder,
   * the library's `build` without `cacheFolder`): no later build reads it, so
   * what a build asks for once (a file's conversion, the last round's
   * layouts) is not kept. Keeping it cost some 0.9 s of the Node.js docs'
   * 14 s EPUB build, copying and serializing what nothing read.
   */
  oneOff?: boolean
}

export class CacheStore {
  private readonly memory = new Map<string, unknown>()
  /** The kinds of the values kept in memory. */
  private readonly kinds = new Set<string>()

  constructor(private readonly options: StoreOptions = {}) {}

  /** Whether the store serves a session of rebuilds (see `StoreOptions.rebuilds`). */
  get rebuilds(): boolean {
    return this.options.rebuilds === true
  }

  /** Whether the store serves one-off builds (see `StoreOptions.oneOff`). */
  get oneOff(): boolean {
    return this.options.oneOff === true
  }

  /** The folder entries are kept in between processes, if any (other caches keep theirs beside, see `epub/subset-cache.ts`). */
  get folder(): string | undefined {
    return this.options.folder
  }

  /** Whether a value of `kind` may be found: one kept in this process, or any with a folder. */
  mayHold(kind: string): boolean {
    return this.options.folder !== undefined || this.kinds.has(kind)
  }

  /** A copy of the value kept under `kind` and `key`, or undefined. */
  get<T>(kind: string, key: string): T | undefined {
    const id = `${kind}/${key}`
    if (this.memory.has(id)) return structuredClone(this.memory.get(id)) as T
    const file = this.file(kind, key)
    if (!file) return undefined
    try {
      const value = deserialize(readFileSync(file)) as { format: number; value: T }
      if (value.format !== CACHE_FORMAT) return undefined
      this.memory.set(id, value.value)
      return structuredClone(value.value)
    } catch {
      return undefined
    }
  }

  /** Keep a copy of `value` (later changes to it do not reach the cache). */
  set(kind: string, key: string, value: unknown): void {
    const copy = structuredClone(value)
    this.memory.set(`${kind}/${key}`, copy)
    this.kinds.add(kind)
    const file = this.file(kind, key)
    if (!file) return
    try {
      mkdirSync(path.dirname(file), { recursive: true })
      // Written aside and renamed into place: a reader never sees half an entry.
      const temporary = `${file}.${process.pid}.tmp`
      writeFileSync(temporary, serialize({ format: CACHE_FORMAT, value: copy }))
      renameSync(temporary, file)
    } catch (error) {
      this.options.onWriteError?.(error)
    }
  }

  private file(kind: string, key: string): string | undefined {
    return this.options.folder === undefined ? undefined : path.join(this.options.folder, kind, key.slice(0, 2), `${key}.bin`)
  }
}

/** A key for a value computed from `parts` by this program: each part counts, and so does where one ends. */
export function cacheKey(...parts: ReadonlyArray<string | number | boolean | undefined>): string {
  const hash = createHash('sha256')
  hash.update(`${CACHE_FORMAT}:${programStamp()}`)
  for (const part of parts) {
    const text = part === undefined ? '\u0000undefined' : `${typeof part}:${String(part)}`
    hash.update(`${text.length}:${text}`)
  }
  return hash.digest('hex')
}

let stamp: string | undefined

/**
 * What identifies the program that computes the values: the name, size and
 * modification time of each of its compiled files. A value computed by another
 * build of Octavo (an upgrade, or a developer's change) is then never taken
 * for this one's.
 */
function programStamp(): string {
  if (stamp !== undefined) return stamp
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
  const hash = createHash('sha256')
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(folder, entry.name)
      if (entry.isDirectory()) visit(file)
      else if (entry.name.endsWith('.js')) {
        const stats = statSync(file)
        hash.update(`${path.relative(root, file)}:${stats.size}:${stats.mtimeMs}\n`)
      }
    }
  }
  visit(root)
  stamp = hash.digest('hex')
  return stamp
}
