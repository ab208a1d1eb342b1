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
import { readFileSync } from 'node:fs'
import * as fontkit from 'fontkit'
import { fontIdentity, fontPath } from './fonts.js'
import type { FontFile } from './theme.js'

const bytesByPath = new Map<string, Buffer>()
const sharedByPath = new Map<string, fontkit.Font>()
/** Every file a face was parsed from in this process. */
const parsed = new Set<string>()

/** The bytes of a font file, read the first time they are asked for. */
export function fontBytes(font: FontFile): Buffer {
  const identity = fontIdentity(font)
  let bytes = bytesByPath.get(identity)
  if (bytes === undefined) {
    bytes = readFileSync(fontPath(font))
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
  bytesByPath.set(fontIdentity(font), bytes)
}

/** A face of its own for a caller that shapes text with it (see above). */
export function openFace(font: FontFile): fontkit.Font {
  parsed.add(fontPath(font))
  return fontkit.create(fontBytes(font))
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
