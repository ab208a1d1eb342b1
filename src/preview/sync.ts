/**
 * How the preview keeps its two panes in step: a position in one pane (how far
 * it is scrolled) is carried to the other through the print edition's pages.
 * Each page that has a page-break marker in the EPUB gives a pair of positions
 * that stand for the same place, the top of the page in the print pane and the
 * marker in the e-reader pane; between two such pairs a position is carried in
 * proportion (half-way down page 45 is half-way from page 45's marker to page
 * 46's).
 *
 * Pure and free of the DOM: the browser loads this file as it is compiled
 * (the preview's server serves it), and the tests call it in Node.
 */

/** One place that both panes show: where it is in the print pane and in the e-reader pane, in pixels from each pane's top. */
export interface Knot {
  print: number
  reader: number
}

/**
 * The knots in the order of the pages, with any that would make the mapping
 * run backwards left out (a marker laid out above the one of an earlier page),
 * and the panes' tops and ends added so that every position has a place.
 */
export function knotsBetween(pages: readonly Knot[], printEnd: number, readerEnd: number): Knot[] {
  const knots: Knot[] = [{ print: 0, reader: 0 }]
  for (const knot of pages) {
    const last = knots.at(-1)!
    if (knot.print >= last.print && knot.reader >= last.reader) knots.push(knot)
  }
  const last = knots.at(-1)!
  knots.push({ print: Math.max(printEnd, last.print), reader: Math.max(readerEnd, last.reader) })
  return knots
}

/** The position in the other pane that stands for `position` in pane `from`. */
export function carry(knots: readonly Knot[], position: number, from: keyof Knot): number {
  const to: keyof Knot = from === 'print' ? 'reader' : 'print'
  if (knots.length === 0) return 0
  let index = 0
  while (index < knots.length - 2 && knots[index + 1]![from] <= position) index++
  const start = knots[index]!
  const end = knots[index + 1] ?? start
  const span = end[from] - start[from]
  const fraction = span <= 0 ? 0 : Math.min(1, Math.max(0, (position - start[from]) / span))
  return start[to] + fraction * (end[to] - start[to])
}

/** The page shown at `position` in the print pane: the last whose top is at or above it (pages' tops in order). */
export function pageAt(tops: readonly number[], position: number): number {
  let page = 1
  for (let index = 0; index < tops.length; index++) {
    if (tops[index]! <= position) page = index + 1
    else break
  }
  return page
}
