/**
 * Faces for characters: text is cut into runs each set in a face that has
 * its glyphs — the theme's face where it can, else the first fallback face
 * that has the whole grapheme cluster (a base letter with its marks, an emoji
 * sequence). Characters no face has stay in the text, in the theme's face,
 * marked `missing`: they are drawn as its empty box and given to text
 * extraction as what they are (ActualText).
 */
import type { FontKey } from '../theme/index.js'
import type { Measurer } from './measure.js'
import { fallbackIndex } from './style.js'
import type { FaceKey, RunStyle } from './style.js'

export interface FaceRun {
  text: string
  font: FaceKey
  /** No face has these characters. */
  missing?: true
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Characters that are never seen: joiners, direction marks and isolates, zero-width spaces, variation selectors. */
const invisible = /\p{Default_Ignorable_Code_Point}/u
const invisibles = /\p{Default_Ignorable_Code_Point}/gu

/**
 * `text` less the characters that are never seen and that `font` has no
 * glyph for. Shaped, each would come out as the face's empty box, whose
 * width fontkit gives as nothing or as a box's, depending on what it shaped
 * before; left out, they take no room and text extraction does not read them.
 * (Those the face has, a soft hyphen, a zero-width space, fontkit hides.)
 */
export function withoutInvisible(text: string, font: FaceKey, measurer: Measurer): string {
  if (!invisible.test(text)) return text
  return text.replace(invisibles, (char) => (measurer.hasGlyph(font, char.codePointAt(0)!) ? char : ''))
}

/** `text` cut by the face that sets it; one run in `font` when the face has it all (the usual case). */
export function splitByFace(text: string, font: FaceKey, measurer: Measurer, missing?: Set<string>): FaceRun[] {
  text = withoutInvisible(text, font, measurer)
  if (fallbackIndex(font) !== undefined || measurer.covers(font, text)) return [{ text, font }]
  const base = font as FontKey
  const runs: FaceRun[] = []
  for (const { segment } of graphemes.segment(text)) {
    let face: FaceKey | undefined = measurer.covers(font, segment) ? font : measurer.fallbackFor(base, segment)
    const lacking = face === undefined
    if (lacking) {
      face = font
      if (missing) for (const char of segment) if (!measurer.covers(font, char)) missing.add(char)
    }
    const last = runs.at(-1)
    if (last && last.font === face && (last.missing === true) === lacking) last.text += segment
    else runs.push(lacking ? { text: segment, font: face!, missing: true } : { text: segment, font: face! })
  }
  return runs
}

/** The width of `text` set as `splitByFace` would set it. */
export function textWidth(text: string, style: RunStyle, measurer: Measurer): number {
  return splitByFace(text, style.font, measurer).reduce((sum, run) => sum + measurer.width(run.text, run.font === style.font ? style : { ...style, font: run.font }), 0)
}

/** `U+0041 A, U+05D0 א`: characters listed for a reader of a warning. */
export function describeCharacters(chars: Iterable<string>): string {
  return [...chars].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${char}`).join(', ')
}
