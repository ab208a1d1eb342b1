/**
 * The theme's font files as the editions open them: a file is read only when
 * a face in it is asked for (the fallback faces, two of them 10 MB of Chinese,
 * only when a character needs them), and at most once per process, however
 * many editions and books the process makes.
 *
 * Two kinds of face come from the bytes. A face that only answers questions —
 * whether it has a character, its features, its metrics — is parsed once and
 * shared (`sharedFace`). A face that shapes text is parsed anew for each
 * caller (`openFace`), since what fontkit shapes depends on what it shaped
 * before: it keeps each glyph with the characters it was first made for,
 * which decides whether a default-ignorable character is hidden and what text
 * the PDF says a glyph stands for. Shared, such a face would let one edition
 * or one book change another's bytes. Parsing a face takes little: its tables
 * are read when shaping first needs them.
 *
 * This module is not exported from `theme/index.ts`: it loads fontkit, which
 * `octavo --version` has no use for.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import * as fontkit from 'fontkit'
import { fontPath } from './fonts.js'
import type { FontFile } from './theme.js'

const bytesByPath = new Map<string, Buffer>()
const sharedByPath = new Map<string, fontkit.Font>()
/** Every file a face was parsed from in this process. */
const parsed = new Set<string>()

/** The bytes of a font file, read the first time they are asked for (see `readable`). */
export function fontBytes(font: FontFile): Buffer {
  const file = fontPath(font)
  let bytes = bytesByPath.get(file)
  if (bytes === undefined) {
    bytes = readable(readFileSync(file))
    bytesByPath.set(file, bytes)
  }
  return bytes
}

/**
 * What a PDF writer is to open a font file from: its path, or its bytes when
 * they have to be made readable (see `readable`). Only the file's table
 * directory is read to tell, so a fallback face no text is set in stays unread.
 */
export function fontSource(font: FontFile): string | Buffer {
  const file = fontPath(font)
  const descriptor = openSync(file, 'r')
  try {
    const head = Buffer.alloc(12)
    readSync(descriptor, head, 0, 12, 0)
    const directory = Buffer.alloc(12 + head.readUInt16BE(4) * 16)
    readSync(descriptor, directory, 0, directory.byteLength, 0)
    return glyphsEndFile(directory, fstatSync(descriptor).size) ? fontBytes(font) : file
  } finally {
    closeSync(descriptor)
  }
}

/**
 * A TrueType file whose glyph table ends the file, padded with a few zero
 * bytes: fontkit reads a glyph's header even for a glyph with no outline (a
 * space), which at the very end of the file reads past it and fails (IBM
 * Plex Mono as Google Fonts ships it ends so). Tables are found by their
 * offsets, so bytes after the last one change nothing else. Other files are
 * returned as they are.
 */
function readable(bytes: Buffer): Buffer {
  return glyphsEndFile(bytes, bytes.byteLength) ? Buffer.concat([bytes, Buffer.alloc(16)]) : bytes
}

/** Whether a TrueType file's `glyf` table ends too near the end of the file for a glyph header to be read there; `start` holds its table directory. */
function glyphsEndFile(start: Buffer, size: number): boolean {
  if (start.byteLength < 12) return false
  const version = start.readUInt32BE(0)
  if (version !== 0x00010000 && version !== 0x74727565) return false
  const tables = start.readUInt16BE(4)
  for (let index = 0; index < tables; index++) {
    const record = 12 + index * 16
    if (record + 16 > start.byteLength) return false
    if (start.toString('latin1', record, record + 4) !== 'glyf') continue
    return start.readUInt32BE(record + 8) + start.readUInt32BE(record + 12) + glyphHeader > size
  }
  return false
}

/** The bytes of a glyph's header in the `glyf` table: its number of contours and its bounding box. */
const glyphHeader = 10

/** A face of its own for a caller that shapes text with it (see above). */
export function openFace(font: FontFile): fontkit.Font {
  parsed.add(fontPath(font))
  return fontkit.create(fontBytes(font))
}

/** The process's one face of a file, for what does not depend on shaping: coverage, features, metrics. */
export function sharedFace(font: FontFile): fontkit.Font {
  const file = fontPath(font)
  let face = sharedByPath.get(file)
  if (face === undefined) {
    face = fontkit.create(fontBytes(font))
    sharedByPath.set(file, face)
    parsed.add(file)
  }
  return face
}

/** The font files read so far in this process, by path: what its builds needed (subsetting included). */
export function fontFilesRead(): readonly string[] {
  return [...bytesByPath.keys()]
}

/** The font files a face was parsed from so far in this process, by path: the faces its builds set text in or asked about. */
export function fontFacesParsed(): readonly string[] {
  return [...parsed]
}
