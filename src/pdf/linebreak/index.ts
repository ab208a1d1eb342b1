/**
 * Line breaking: items in, lines out. Pure arithmetic on widths; knows nothing of fonts or pages.
 *
 * The contract with the preparer, in short (details in items.ts and paragraph.ts):
 * - A paragraph is the items of one block. Its end is a forced break the breaker supplies itself; the
 *   last line (and any line ending at a forced break) is never stretched, as if closed by TeX's
 *   \parfillskip. The preparer adds nothing at the end. The last line's `end` is `items.length` unless
 *   the items themselves end with a forced-break penalty. Like any line it may be shrunk (ratio < 0).
 * - Hyphenation points are penalties of kind `'hyphenation'` (flagged, width = the hyphen); breaks after
 *   hyphens already in the text are flagged penalties of width 0 (`explicitHyphenBreak`).
 * - Boxes that may be too wide for a line (long words, URLs) carry emergency breaks inside them: the
 *   preparer splits such a box into pieces with `emergencyBreak()` penalties between them (every few
 *   characters, or at every grapheme; width 0 for a URL, a hyphen's width for a word). Those breaks are
 *   used only in the last resort, when no setting within `looseTolerance` exists, and then only where
 *   they beat a very loose line. A box with none that is wider than the measure gets a line of its own,
 *   marked `overfull`.
 * - Each line is items `[start, end)`; the item at `end` (if any) is the break: its glue vanishes, a
 *   penalty's width (the hyphen) is drawn at the line's end. Glue and penalties after a break up to the
 *   next box belong to no line.
 */

import { type BreakCosts, withCosts } from './costs.js'
import { greedy } from './greedy.js'
import type { BreakOptions, Item, Line } from './items.js'
import { knuthPlass } from './knuth-plass.js'

export type { BreakCosts } from './costs.js'
export { defaultCosts, withCosts } from './costs.js'
export * from './items.js'
export { greedy } from './greedy.js'
export { knuthPlass } from './knuth-plass.js'

/**
 * Breaks a paragraph into lines: total-fit (Knuth–Plass) for justified text, first-fit for ragged text.
 * `costs` replaces any of `defaultCosts`.
 */
export function breakLines<T>(items: readonly Item<T>[], options: BreakOptions, costs?: Partial<BreakCosts>): Line[] {
  const all = withCosts(costs)
  return options.justify ? knuthPlass(items, options, all) : greedy(items, options, all)
}
