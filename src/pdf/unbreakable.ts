/**
 * Text that must not break across lines: a number (`240.1`, `1,024`,
 * `−3.5e-7`), a number with its unit (`12 %`, `3 ms`), a table cell of a
 * single word. The preparer keeps them whole when asked (table cells). The
 * EPUB leaves them to the reading system: its style sheet never turns
 * wrapping off, so that a word longer than any line still wraps there.
 */
import type { TableCell } from '../model/book.js'
import { inlineText, words } from '../model/text.js'

/** A number as tables print them: digits with their separators, sign, exponent, per cent sign, brackets and trailing punctuation. */
const number = /^[([{"'“‘]*[-+−±~≈<>≤≥]?[$€£¥]?\d[\d.,:/'’\u2009\u202f\u2013-]*(?:[eE][-+−]?\d+)?[%‰°]?[)\]}"'”’.,;:]*$/u
/** A unit or sign set after a number, a space between: `%`, `°C`, `ms`, `km`, `MB`, `KiB`, `€` … */
const unit = /^(?:[%‰‱′″°€$£¥]|°[CFK]|(?:[yzafpnµμmcdhkMGTPEZY]|[KMGTPE]i)?(?:B|b|bit|bits|bps|Hz|m|g|s|l|L|V|W|A|Pa|N|J|K|Ω|mol|px|pt|dpi)|min|h|d|rem|em)[)\]}.,;:]*$/u
/** Spaces no line breaks at: no-break, narrow no-break and figure spaces. */
const noBreakSpace = /^[\u00a0\u202f\u2007]+$/u

/** Whether a run of non-white-space is a number, kept whole. */
export function isNumber(token: string): boolean {
  return number.test(token)
}

/** Whether the white space `space` between the words `before` and `after` ties them: a no-break space, or a number and its unit. */
export function tiedSpace(before: string, space: string, after: string): boolean {
  return noBreakSpace.test(space) || (isNumber(before) && unit.test(after))
}

/**
 * Whether a table cell is kept on one line: a single word (an identifier, a
 * version, a name), or a number with its unit. Code and numbers inside longer
 * text are kept whole on their own.
 */
export function cellKeptWhole(cell: TableCell): boolean {
  const text = inlineText(cell.children)
  const parts = words(text)
  if (parts.length <= 1) return true
  const spaces = text.trim().split(/\S+/).slice(1, -1)
  return parts.length === 2 && tiedSpace(parts[0]!, spaces[0] ?? ' ', parts[1]!)
}
