/**
 * Words shaped once for both phases that need them: the measurer shapes a
 * word to learn its width, and the text writer needs the same word's glyphs
 * to draw it. Each phase shapes in a face of its own (see
 * `theme/font-files.ts`: what fontkit makes of a string can depend on what
 * that face shaped before, through the characters a glyph keeps from the
 * string it was first made for), so what is kept here is only what cannot
 * depend on that: a run of plain text (Latin, Greek, Cyrillic, common
 * punctuation; nothing combining or default-ignorable) whose glyphs are its
 * characters' own, one to one, each remembering its own character and no
 * other, none moved off the baseline. fontkit's shaping reads nothing else
 * (glyph ids, the characters the glyphs remember, the string's script, the
 * features), so such a run is the same in every face of the file whose
 * glyphs remember the same characters. The writer makes the glyph objects in
 * its own face as fontkit would when shaping (`glyphsOf`) and checks that,
 * so what that face keeps is what it would have kept, and the PDF's bytes
 * are the same.
 */
import type * as fontkit from 'fontkit'

/** A plain run: glyph ids, and advances in thousandths of an em (as pdfkit scales them), kerning included. */
export interface PlainRun {
  ids: Uint16Array
  advances: Float64Array
  /** Its width in ems as the measurer computes it (fontkit's advance width over the face's units per em), when the measurer shaped it. */
  width?: number
}

/** Strings kept at most, over all faces: more than a long book's vocabulary in every face it uses. */
const maxRuns = 200000
/** Longer strings are whole code lines or long prefixes of long names, rarely drawn twice. */
const maxLength = 120

let kept = 0
const runsByFace = new Map<string, Map<string | undefined, Map<string, PlainRun>>>()

/** Characters whose shaping in fontkit's default shaper depends on nothing but the face: letters, digits, punctuation of the scripts written left to right without marks. */
const plainCharacters = '\\u0021-\\u007e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u0370-\\u0482\\u048a-\\u052f\\u1e00-\\u1fff\\u2010-\\u2027\\u2030-\\u205e\\u20a0-\\u20cf\\u2100-\\u218f\\u2190-\\u21ff\\u2212'
const plainText = new RegExp(`^[${plainCharacters}]+$`)
/** The same, with spaces between. */
const plainSpacedText = new RegExp(`^[ ${plainCharacters}]+$`)

/** Whether a glyph is the character's own glyph and remembers that character alone. */
function isOwnGlyph(glyph: fontkit.Glyph, code: number, id: number): boolean {
  return glyph.id === id && glyph.codePoints.length === 1 && glyph.codePoints[0] === code
}

/** A run as its shaper left it: the glyphs of `face`, and their positions multiplied by `scale` to thousandths of an em. */
export interface ShapedRun {
  glyphs: readonly fontkit.Glyph[]
  positions: ReadonlyArray<{ xAdvance: number; xOffset: number; yOffset: number }>
  scale: number
  width?: number
}

/**
 * Keep what `face` made of `text` when it is a plain run (see above).
 * `identity` is the face's file. `spaced`: whether `text` may hold spaces,
 * which it may where the run was shaped as pdfkit shapes it when drawing (as
 * a whole with features, else word by word; the measurer shapes a spaced
 * string as a whole).
 */
export function keepRun(identity: string, features: string | undefined, text: string, run: ShapedRun, face: fontkit.Font, spaced: boolean): void {
  if (text.length > maxLength || !(spaced ? plainSpacedText : plainText).test(text)) return
  const { glyphs, positions, scale } = run
  // Plain text is in the basic plane: a character is a UTF-16 unit.
  if (glyphs.length !== text.length) return
  const ids = new Uint16Array(glyphs.length)
  const advances = new Float64Array(glyphs.length)
  for (let index = 0; index < glyphs.length; index++) {
    const glyph = glyphs[index]!
    const position = positions[index]!
    const code = text.charCodeAt(index)
    if (!isOwnGlyph(glyph, code, face.glyphForCodePoint(code).id)) return
    if (position.xOffset !== 0 || position.yOffset !== 0) return
    ids[index] = glyph.id
    advances[index] = position.xAdvance * scale
  }
  if (kept >= maxRuns) {
    runsByFace.clear()
    kept = 0
  }
  let byFeatures = runsByFace.get(identity)
  if (!byFeatures) runsByFace.set(identity, (byFeatures = new Map()))
  let runs = byFeatures.get(features)
  if (!runs) byFeatures.set(features, (runs = new Map()))
  const known = runs.get(text)
  if (!known) kept++
  const width = run.width ?? known?.width
  runs.set(text, width === undefined ? { ids, advances } : { ids, advances, width })
}

/** The plain run kept for `text` in a face of this file, if the measurer shaped it or it was drawn before. */
export function plainRun(identity: string, features: string | undefined, text: string): PlainRun | undefined {
  return runsByFace.get(identity)?.get(features)?.get(text)
}

/**
 * The glyphs of a plain run's text in `face`, made as fontkit's shaping makes
 * them (each character's glyph, then the space it hides ignorables with), or
 * `undefined` when one of them remembers another character (made first for
 * a string where it stood for that one): the caller then shapes the text.
 */
export function glyphsOf(face: fontkit.Font, text: string, run: PlainRun): fontkit.Glyph[] | undefined {
  const glyphs: fontkit.Glyph[] = []
  for (let index = 0; index < text.length; index++) glyphs.push(face.glyphForCodePoint(text.charCodeAt(index)))
  face.glyphForCodePoint(0x20)
  for (let index = 0; index < glyphs.length; index++) {
    if (!isOwnGlyph(glyphs[index]!, text.charCodeAt(index), run.ids[index]!)) return undefined
  }
  return glyphs
}
