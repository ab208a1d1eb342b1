/**
 * The theme's font files as the editions open them: a file is read only when
 * a face in it is asked for (the fallback faces, two of them 10 MB of Chinese,
 * only when a character needs them), and at most once per process, however
 * many editions and books the process makes.
 *
 * Two kinds of face come from the bytes. A face that only answers questions —
 * whether it has a character, its features, its metrics — is parsed once and
 * shared (`sharedFace`). A face that shapes text is each caller's own
 * (`openFace`, though it shares the decoded tables), since what fontkit
 * shapes depends on what it shaped before: it keeps each glyph with the
 * characters it was first made for, which decides whether a default-ignorable
 * character is hidden and what text the PDF says a glyph stands for. Shared,
 * such a face would let one edition or one book change another's bytes.
 *
 * This module is not exported from `theme/index.ts`: it loads fontkit, which
 * `octavo --version` has no use for.
 */
import { readFileSync } from 'node:fs'
import * as fontkit from 'fontkit'
import { fontIdentity, fontPath } from './fonts.js'
import type { FontFile } from './theme.js'

const bytesByPath = new Map<string, Buffer>()
const sharedByPath = new Map<string, fontkit.Font>()
/** Every file a face was parsed from in this process. */
const parsed = new Set<string>()

/** The bytes of a font file, read the first time they are asked for (see `readable`). */
export function fontBytes(font: FontFile): Buffer {
  const identity = fontIdentity(font)
  let bytes = bytesByPath.get(identity)
  if (bytes === undefined) {
    bytes = readable(readFileSync(fontPath(font)))
    bytesByPath.set(identity, bytes)
  }
  return bytes
}

/**
 * Hold a font's bytes as the editions are to read them: a writer's WOFF2
 * file unpacked (when its theme is read) to the TrueType or OpenType file it
 * packs, which the PDF embeds and the EPUB subsets. fontkit reads either,
 * with the same glyphs, so a thread that reads the packed file measures the same.
 */
export function keepFontBytes(font: FontFile, bytes: Buffer): void {
  bytesByPath.set(fontIdentity(font), readable(bytes))
}

/**
 * A TrueType file whose last glyph has no outline and ends the file, padded
 * with a few zero bytes: fontkit reads a glyph's header even for a glyph with
 * no outline (a space), which there reads past the end of the file and fails
 * (IBM Plex Mono as Google Fonts ships it ends so). Tables are found by their
 * offsets, so bytes after the last one change nothing else. Other files are
 * returned as they are.
 */
function readable(bytes: Buffer): Buffer {
  return emptyGlyphEndsFile(bytes) ? Buffer.concat([bytes, Buffer.alloc(16)]) : bytes
}

/** Whether a TrueType file's last glyph is empty and stands too near the end of the file for a glyph header to be read there. */
function emptyGlyphEndsFile(file: Buffer): boolean {
  const size = file.byteLength
  const read = (offset: number, length: number): Buffer => file.subarray(offset, offset + length)
  if (size < 12) return false
  const header = read(0, 12)
  const version = header.readUInt32BE(0)
  if (version !== 0x00010000 && version !== 0x74727565) return false
  const count = header.readUInt16BE(4)
  if (12 + count * 16 > size) return false
  const directory = read(12, count * 16)
  const tables = new Map<string, { offset: number; length: number }>()
  for (let index = 0; index < count; index++) {
    const record = index * 16
    tables.set(directory.toString('latin1', record, record + 4), { offset: directory.readUInt32BE(record + 8), length: directory.readUInt32BE(record + 12) })
  }
  const glyf = tables.get('glyf')
  const loca = tables.get('loca')
  const head = tables.get('head')
  if (!glyf || !loca || !head || head.offset + 52 > size || loca.offset + loca.length > size) return false
  if (glyf.offset + glyf.length + glyphHeader <= size) return false
  // The last glyph starts where the table ends: it has no outline (`loca` in shorts, halved, or in longs).
  const long = read(head.offset + 50, 2).readInt16BE(0) === 1
  const entry = long ? 4 : 2
  if (loca.length < 2 * entry) return false
  const bytes = read(loca.offset + loca.length - 2 * entry, entry)
  const lastStart = long ? bytes.readUInt32BE(0) : bytes.readUInt16BE(0) * 2
  return lastStart >= glyf.length
}

/** The bytes of a glyph's header in the `glyf` table: its number of contours and its bounding box. */
const glyphHeader = 10

/**
 * A face of its own for a caller that shapes text with it (see above). Its
 * tables are the process's shared face's: a table, once decoded, is the same
 * for every caller, and decoding GSUB, GPOS and the metrics is most of what a
 * face costs. Only the glyphs it makes, which carry their first characters,
 * are its own (fontkit shares tables between a face's variations so too).
 */
export function openFace(font: FontFile): fontkit.Font {
  const face = fontkit.create(fontBytes(font)) as unknown as { _tables: object }
  face._tables = (sharedFace(font) as unknown as { _tables: object })._tables
  return face as unknown as fontkit.Font
}

/** The process's one face of a file, for what does not depend on shaping: coverage, features, metrics. */
export function sharedFace(font: FontFile): fontkit.Font {
  const identity = fontIdentity(font)
  let face = sharedByPath.get(identity)
  if (face === undefined) {
    face = fontkit.create(fontBytes(font))
    sharedByPath.set(identity, face)
    parsed.add(fontPath(font))
  }
  return face
}

/** The font files read so far in this process, by path: what its builds needed (subsetting included). */
export function fontFilesRead(): readonly string[] {
  return [...new Set([...bytesByPath.keys()].map((identity) => identity.replace(/#[0-9a-f]{64}$/, '')))]
}

/** The font files a face was parsed from so far in this process, by path: the faces its builds set text in or asked about. */
export function fontFacesParsed(): readonly string[] {
  return [...parsed]
}
