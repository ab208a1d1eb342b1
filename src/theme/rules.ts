/**
 * The theme's rules resolved to points, one function per kind of rule: the
 * typesetter reads these numbers as they are, and the EPUB's style sheet
 * states the same numbers in ems and lines of its text (`epub/css.ts`).
 */
import { resolveStyle } from './style.js'
import type { TextRole, Theme } from './theme.js'

/** A body line: the unit of vertical space. */
function bodyLine(theme: Theme): number {
  return resolveStyle(theme, 'body').leading
}

/** Whether emphasis within italic text is set upright. */
export function romanWithinItalic(theme: Theme): boolean {
  return theme.inline.emphasisWithinItalic === 'roman'
}

/** The size of smaller text (`small`) as a multiple of the text around it. */
export function smallScale(theme: Theme): number {
  return theme.inline.smallScale
}

/** A list in text of `role`: the space around it and between loose items, in points, and the gap from label to text, in word spaces. */
export function listMetrics(theme: Theme, role: TextRole): { space: number; gap: number } {
  return { space: resolveStyle(theme, role).leading * theme.lists.space, gap: theme.lists.gap }
}

/** The space above and below a section break in text of `role`, in points. */
export function sectionBreakSpace(theme: Theme, role: TextRole): number {
  return resolveStyle(theme, role).leading * theme.sectionBreakSpace
}

/** The space above and below a displayed formula, in points: the theme's math space in lines of `role`. */
export function displayMathSpace(theme: Theme, role: TextRole): number {
  return resolveStyle(theme, role).leading * theme.math.space
}

/** The space above a figure, in points: the caption role's, or the theme's figure space in lines of the caption. */
export function figureSpaceBefore(theme: Theme): number {
  const caption = resolveStyle(theme, 'caption')
  return caption.spaceBefore || caption.leading * theme.figures.space
}

/**
 * How far the ground of a code block reaches past its text, in points: half
 * the gap between its lines and the code face's descent (`descent`, in ems),
 * so that the ground frames the first and last lines evenly.
 */
export function codeGroundPadding(theme: Theme, descent: number): number {
  const code = resolveStyle(theme, 'code')
  return (code.leading - code.size) / 2 + code.size * descent
}

/** The space between text and footnotes, and the rule over the notes (its length in points for a measure, its weight in points). */
export function footnoteMetrics(theme: Theme, measure: number): { space: number; ruleLength: number; ruleWeight: number } {
  const notes = resolveStyle(theme, 'footnote')
  return { space: bodyLine(theme) * theme.footnotes.space, ruleLength: measure * theme.footnotes.rule.length, ruleWeight: notes.size * theme.footnotes.rule.weight }
}

/** How far down a text block of `depth` points the first line of an opening page stands, in points. */
export function openingDrop(theme: Theme, opening: keyof Theme['openings'], depth: number): number {
  return depth * theme.openings[opening]
}

/** The space above a first-level entry of the contents, in points. */
export function contentsSpace(theme: Theme): number {
  return bodyLine(theme) * theme.contents.space
}

/** The distance of the running head's baseline above the text block and of the folio's below it, in points. */
export function furnitureDistances(theme: Theme): { head: number; folio: number } {
  return { head: bodyLine(theme) * theme.furniture.head, folio: bodyLine(theme) * theme.furniture.folio }
}
