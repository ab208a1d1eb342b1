/**
 * How a run of text is drawn: the face, size, colour and OpenType features,
 * derived from a theme role and the inline marks around the text.
 */
import type { FontKey, TextRole, Theme } from '../theme/index.js'
import { fontKey, resolveStyle } from '../theme/index.js'
import type { ResolvedStyle } from '../theme/index.js'

/**
 * Named sets of OpenType features. `code` turns contextual alternates off:
 * JetBrains Mono's programming ligatures (`->`, `!=`, `//`) make fontkit 2.0.4
 * read past the end of the glyph table, and printed code should show the
 * characters as typed anyway.
 */
export type FeatureSet = 'smallCaps' | 'superscript' | 'code'

export interface RunStyle {
  font: FontKey
  /** Size in points. */
  size: number
  colour: string
  features?: FeatureSet
  strike?: boolean
}

/** fontkit's feature switches for a feature set; `undefined` is the font's defaults (kerning, standard ligatures). */
export function fontFeatures(set: FeatureSet | undefined): Record<string, boolean> | undefined {
  switch (set) {
    case 'smallCaps':
      return { smcp: true }
    case 'superscript':
      return { sups: true }
    case 'code':
      return { calt: false, liga: false }
    default:
      return undefined
  }
}

export function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return a.font === b.font && a.size === b.size && a.colour === b.colour && a.features === b.features && a.strike === b.strike
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

function decompose(font: FontKey): { face: 'text' | 'mono'; bold: boolean; italic: boolean } {
  switch (font) {
    case 'mono':
      return { face: 'mono', bold: false, italic: false }
    case 'textBold':
      return { face: 'text', bold: true, italic: false }
    case 'textItalic':
      return { face: 'text', bold: false, italic: true }
    case 'textBoldItalic':
      return { face: 'text', bold: true, italic: true }
    default:
      return { face: 'text', bold: false, italic: false }
  }
}

/** Emphasis inside an italic context goes back to roman, as in print. */
export function emphasised(style: RunStyle): RunStyle {
  const parts = decompose(style.font)
  if (parts.face === 'mono') return style
  return { ...style, font: fontKey('text', parts.bold, !parts.italic) }
}

export function strong(style: RunStyle): RunStyle {
  const parts = decompose(style.font)
  if (parts.face === 'mono') return style
  return { ...style, font: fontKey('text', true, parts.italic) }
}

/** Inline code: the theme's code face at the code role's size relative to the surrounding text. */
export function inlineCode(theme: Theme, style: RunStyle): RunStyle {
  const scale = theme.roles.code.scale / theme.roles.body.scale
  const { strike, ...rest } = style
  const result: RunStyle = { ...rest, font: 'mono', size: style.size * scale, features: 'code' }
  if (strike) result.strike = true
  return result
}

export function withColour(style: RunStyle, colour: string): RunStyle {
  return { ...style, colour }
}

export function withFeatures(style: RunStyle, features: FeatureSet): RunStyle {
  if (style.font === 'mono') return style
  return { ...style, features }
}
