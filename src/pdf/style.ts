/**
 * How a run of text is drawn: the face, size, colour and OpenType features,
 * derived from a theme role and the inline marks around the text.
 */
import type { FontFile, FontKey, TextRole, Theme } from '../theme/index.js'
import { faceParts, fontKey, resolveStyle, romanWithinItalic, smallScale } from '../theme/index.js'
import type { ResolvedStyle } from '../theme/index.js'

/**
 * Named sets of OpenType features. `code` turns contextual alternates off:
 * JetBrains Mono's programming ligatures (`->`, `!=`, `//`) make fontkit 2.0.4
 * read past the end of the glyph table, and printed code should show the
 * characters as typed anyway.
 */
export type FeatureSet = 'smallCaps' | 'code'

/**
 * A face the PDF sets text in: one of the theme's faces, or a fallback face
 * (`fallback` and an index into `theme.fallbacks`) for characters the theme's
 * face lacks.
 */
export type FaceKey = FontKey | `fallback${number}`

export function fallbackKey(index: number): FaceKey {
  return `fallback${index}`
}

/** The index into `theme.fallbacks` of a fallback face, or `undefined` for a theme face. */
export function fallbackIndex(key: FaceKey): number | undefined {
  return key.startsWith('fallback') ? Number(key.slice('fallback'.length)) : undefined
}

/** The font file a face is set from. */
export function fontFileOf(theme: Theme, key: FaceKey): FontFile {
  const index = fallbackIndex(key)
  const file = index === undefined ? theme.fonts[key as FontKey] : theme.fallbacks[index]
  if (!file) throw new Error(`no face ${key} in the theme`)
  return file
}

export interface RunStyle {
  font: FaceKey
  /** Size in points. */
  size: number
  colour: string
  features?: FeatureSet
  strike?: boolean
  underline?: boolean
  /** A ground behind the text (marked text), in this colour. */
  ground?: string
  /** Baseline shift upwards in points (superscripts; negative for subscripts). */
  rise?: number
}

/** fontkit's feature switches for a feature set; `undefined` is the font's defaults (kerning, standard ligatures). */
export function fontFeatures(set: FeatureSet | undefined): Record<string, boolean> | undefined {
  switch (set) {
    case 'smallCaps':
      return { smcp: true }
    case 'code':
      return { calt: false, liga: false }
    default:
      return undefined
  }
}

export function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return a.font === b.font && a.size === b.size && a.colour === b.colour && a.features === b.features && a.strike === b.strike && a.underline === b.underline && a.ground === b.ground && a.rise === b.rise
}

/** The base run style of a role. */
export function roleStyle(theme: Theme, role: TextRole): RunStyle {
  const resolved = resolveStyle(theme, role)
  return fromResolved(resolved)
}

export function fromResolved(resolved: ResolvedStyle): RunStyle {
  const style: RunStyle = { font: resolved.font, size: resolved.size, colour: resolved.colour }
  if (resolved.smallCaps) style.features = 'smallCaps'
  else if (resolved.font === 'mono') style.features = 'code'
  return style
}

/** The family, weight and slant of a face; a fallback face counts as the upright text face. */
function partsOf(font: FaceKey): ReturnType<typeof faceParts> {
  return fallbackIndex(font) === undefined ? faceParts(font as FontKey) : { face: 'text', bold: false, italic: false }
}

/** Emphasis: italic; within italic, roman or italic still, as the theme says (`inline.emphasisWithinItalic`). */
export function emphasised(theme: Theme, style: RunStyle): RunStyle {
  const parts = partsOf(style.font)
  if (parts.face === 'mono') return style
  const italic = parts.italic && romanWithinItalic(theme) ? false : true
  return { ...style, font: fontKey(parts.face, parts.bold, italic) }
}

export function strong(style: RunStyle): RunStyle {
  const parts = partsOf(style.font)
  if (parts.face === 'mono') return style
  return { ...style, font: fontKey(parts.face, true, parts.italic) }
}

/** Inline code: the theme's code face at the code role's size relative to the surrounding text. */
export function inlineCode(theme: Theme, style: RunStyle): RunStyle {
  const scale = theme.roles.code.scale / theme.roles.body.scale
  return { ...style, font: 'mono', size: style.size * scale, features: 'code' }
}

/** Smaller text (`<small>`): the theme's `inline.smallScale` of the text around it. */
export function smaller(theme: Theme, style: RunStyle): RunStyle {
  return { ...style, size: style.size * smallScale(theme) }
}

/**
 * A superscript or subscript (a footnote call among them): the theme's
 * `scriptScale` of the text around it, raised or lowered by the distance the
 * face's designer gives for them (OS/2 `ySuperscriptYOffset` and
 * `ySubscriptYOffset`, in ems of the text around it).
 */
export function script(theme: Theme, style: RunStyle, offsets: { superscript: number; subscript: number }, position: 'superscript' | 'subscript'): RunStyle {
  const shift = position === 'superscript' ? offsets.superscript : -offsets.subscript
  return { ...style, size: style.size * theme.scriptScale, rise: (style.rise ?? 0) + shift * style.size }
}

/** A link's text: in the theme's link colour, and underlined if the theme says so (`inline.underlineLinks`). */
export function linkStyle(theme: Theme, style: RunStyle): RunStyle {
  const coloured = withColour(style, theme.colours.link)
  return theme.inline.underlineLinks ? { ...coloured, underline: true } : coloured
}

export function withColour(style: RunStyle, colour: string): RunStyle {
  return { ...style, colour }
}

export function withFeatures(style: RunStyle, features: FeatureSet): RunStyle {
  if (style.font === 'mono') return style
  return { ...style, features }
}
