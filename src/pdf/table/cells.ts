/**
 * What a table cell is made of, for setting it: which breaks it allows (a
 * header is never hyphenated; a cell of one word never breaks; numbers and
 * code never break inside), and how narrow and how wide its text may be set,
 * read off the line breaker's items.
 */
import type { TableCell } from '../../model/book.js'
import { cellKeptWhole } from '../unbreakable.js'
import type { Item } from '../linebreak/items.js'
import type { KeepRules, Piece } from '../prepare.js'

/** How a cell's text may break. */
export interface CellBreaking {
  hyphenate: boolean
  keep: KeepRules
}

/**
 * The breaks a cell allows. Numbers and inline code never break, in any cell;
 * a cell of a single word (or a number and its unit) does not break at all; a
 * header cell breaks only between its words; a cell of several words (prose)
 * may hyphenate as a paragraph does.
 */
export function cellBreaking(cell: TableCell, header: boolean): CellBreaking {
  const whole = cellKeptWhole(cell)
  return { hyphenate: !header && !whole, keep: { numbers: true, code: true, words: whole } }
}

/** The narrowest and the widest a cell's text may be set, without its padding. */
export interface ContentExtent {
  /** The widest piece that may not break (a word, a number, a word of code, the whole of a one-word cell). */
  min: number
  /** The widest line of the text set without a break but its own (hard line breaks). */
  max: number
}

/**
 * A cell's extent from its items. The minimum counts the breaks a column
 * allows without harm: between words, after a hyphen the text holds, after
 * the punctuation of an address. Hyphenation points do not narrow it: a
 * column is made wide enough for its longest word, and hyphens in it are a
 * choice of the line breaker, not a need.
 */
export function contentExtent(items: ReadonlyArray<Item<Piece>>): ContentExtent {
  let min = 0
  let max = 0
  let line = 0
  let piece = 0
  let afterBox = false
  for (const item of items) {
    switch (item.type) {
      case 'box':
        line += item.width
        piece += item.width
        min = Math.max(min, piece)
        afterBox = true
        break
      case 'glue':
        line += item.width
        // Glue after a box is a place to break; after a penalty (a tied space) it is not.
        if (afterBox) piece = 0
        else piece += item.width
        afterBox = false
        break
      case 'penalty':
        afterBox = false
        if (item.cost <= -10000) {
          max = Math.max(max, line)
          line = 0
          piece = 0
        } else if (item.cost < 10000 && (item.kind === undefined || (item.kind === 'emergency' && item.width === 0))) piece = 0
        break
    }
  }
  return { min, max: Math.max(max, line, min) }
}
