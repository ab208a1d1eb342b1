/**
 * What a page break costs, so that the page builder can weigh one fault
 * against another, as TeX's does: a page ending earlier than it could against
 * a word broken over the page's foot. Keeps (a heading with what follows,
 * widows and orphans, blocks that must not split) are not priced: they are
 * rules, and `keepWithPrevious` in the flow says where they forbid a break.
 */
export interface PageCosts {
  /**
   * A page whose last line ends in a hyphen on a left-hand page: the rest of
   * the word is on the facing page, in view (TeX's \brokenpenalty).
   */
  brokenWordVerso: number
  /**
   * A page whose last line ends in a hyphen on a right-hand page: the reader
   * turns the leaf in the middle of the word, which printers avoid most.
   */
  brokenWordRecto: number
  /**
   * Per line left empty at the foot, squared, against the fullest break the
   * page allows: one line is spread unseen over the page's gaps, three show.
   */
  shortLine: number
  /**
   * A page too short for vertical justification to bring its last baseline
   * down to the foot: it stands out from its neighbours.
   */
  unaligned: number
}

export const defaultPageCosts: Readonly<PageCosts> = Object.freeze({
  // Against `shortLine`: a left-hand page gives up to two lines (400) to keep a word whole, not three
  // (900, a tenth of the leading added to every gap of a page of text, which shows); a right-hand page
  // gives up whatever still lets it line up with its neighbours. Measured on the generated books, a
  // page rarely has a choice between those: its other breaks are a line or two up, or too far up.
  brokenWordVerso: 500,
  brokenWordRecto: 3000,
  shortLine: 100,
  unaligned: 10000,
})
