import type { Align, Face, FontFile, FontKey, Margins, PageName, PagePreset, PageSize, TextRole, Theme } from './theme.js'
import { isLocalFont } from './fonts.js'
import { derivedMargins, isTrimName, trimSize } from './trims.js'

/** A role resolved to absolute values: what a typesetter needs to set a run of text. */
export interface ResolvedStyle {
  font: FontKey
  /** Font size in points. */
  size: number
  /** Distance between baselines in points. */
  leading: number
  spaceBefore: number
  spaceAfter: number
  /** Left and right indent of the block, in points. */
  inset: number
  align: Align
  smallCaps: boolean
  colour: string
}

/** The one place sizes and faces come from: both emitters call this. */
export function resolveStyle(theme: Theme, role: TextRole): ResolvedStyle {
  const spec = theme.roles[role]
  const size = theme.size * spec.scale
  const bodyLine = theme.size * theme.leading
  return {
    font: themeFace(theme, spec.face, spec.bold === true, spec.italic === true),
    size,
    leading: size * (spec.leading ?? theme.leading),
    spaceBefore: (spec.spaceBefore ?? 0) * bodyLine,
    spaceAfter: (spec.spaceAfter ?? 0) * bodyLine,
    inset: (spec.inset ?? 0) * theme.size,
    align: spec.align ?? 'justify',
    smallCaps: spec.smallCaps === true,
    colour: theme.colours[spec.colour ?? 'text'],
  }
}

/** The face for a face family and a weight/slant, as inline emphasis asks. */
export function fontKey(face: Face, bold: boolean, italic: boolean): FontKey {
  if (face === 'mono') return 'mono'
  if (face === 'heading') {
    if (bold) return italic ? 'headingBoldItalic' : 'headingBold'
    return italic ? 'headingItalic' : 'heading'
  }
  if (bold) return italic ? 'textBoldItalic' : 'textBold'
  return italic ? 'textItalic' : 'text'
}

/**
 * The face of the theme for a family, weight and slant: a heading face made
 * of the same file as the text face of its weight and slant is that text
 * face, so that an edition sets, measures and embeds one face, not two.
 */
export function themeFace(theme: Theme, face: Face, bold: boolean, italic: boolean): FontKey {
  const key = fontKey(face, bold, italic)
  if (face !== 'heading') return key
  const text = fontKey('text', bold, italic)
  return sameFontFile(theme.fonts[key], theme.fonts[text]) ? text : key
}

/** Whether two fonts are one file. */
export function sameFontFile(a: FontFile, b: FontFile): boolean {
  return fileKey(a) === fileKey(b)
}

function fileKey(font: FontFile): string {
  return isLocalFont(font) ? `${font.path}#${font.sha256}` : `${font.package}/${font.file}`
}

/** The family, weight and slant of a face. */
export function faceParts(key: FontKey): { face: Face; bold: boolean; italic: boolean } {
  const face: Face = key === 'mono' ? 'mono' : key.startsWith('heading') ? 'heading' : 'text'
  return { face, bold: key.includes('Bold'), italic: key.endsWith('Italic') }
}

/** First-line indent of a paragraph that follows another, in points. */
export function paragraphIndent(theme: Theme): number {
  return theme.indent * theme.size
}

export interface PageGeometry extends PageSize {
  margins: Margins
  /** Width of the text block. */
  measure: number
  /** Height of the text block. */
  depth: number
}

/** A page's size and margins: the theme's for its presets, the printer's trim and the theme's (or derived) margins for a trim. */
export function pageGeometry(theme: Theme, preset: PageName): PageGeometry {
  const size = Object.hasOwn(theme.pages, preset) ? theme.pages[preset as PagePreset] : isTrimName(preset) ? trimSize(preset) : undefined
  if (size === undefined) throw new Error(`no page size for '${preset}'`)
  const margins = theme.margins[preset] ?? derivedMargins(theme, size)
  return {
    ...size,
    margins,
    measure: size.width - margins.inner - margins.outer,
    depth: size.height - margins.top - margins.bottom,
  }
}

export const headingRoles = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const satisfies readonly TextRole[]

/** An alert's rule, the gap after it and the space around it, in points (the CSS states the same in ems and lines). */
export function alertMetrics(theme: Theme): { rule: number; gap: number; space: number } {
  const bodyLine = theme.size * theme.leading
  return { rule: theme.alert.rule * theme.size, gap: theme.alert.gap * theme.size, space: theme.alert.space * bodyLine }
}

/** A definition list's indent of details and space between items, in points. */
export function definitionMetrics(theme: Theme): { indent: number; space: number } {
  return { indent: theme.definitions.indent * theme.size, space: theme.definitions.space * theme.size * theme.leading }
}

/** The space around a disclosure (`details`), in points. */
export function detailsSpace(theme: Theme): number {
  return theme.details.space * theme.size * theme.leading
}
