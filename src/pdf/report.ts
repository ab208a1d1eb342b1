/**
 * The layout report: what the typesetter knows about every line and page it
 * set, as figures a reader of `octavo build --report` (and the tests) can hold
 * it to.
 */
import type { FlowBox } from './flow.js'
import type { Page, Placed } from './paginate/index.js'

export interface RatioSummary {
  mean: number
  p95: number
  max: number
}

export interface LayoutReport {
  pages: number
  /** Lines of text set, in the body and the footnotes. */
  lines: number
  /** Lines justified to the full measure (not a paragraph's last line, not ragged). */
  justifiedLines: number
  /** Adjustment ratios of the justified lines: > 0 stretched, < 0 shrunk, 1 = glue stretched by its full stretchability. */
  adjustment: RatioSummary
  hyphenatedLines: number
  /** Longest run of consecutive lines ending with a hyphen. */
  longestHyphenRun: number
  /** Lines wider than their measure. */
  overfullLines: number
  /** A paragraph's last line alone at the top of a page. */
  widows: number
  /** A paragraph's first line alone at the foot of a page. */
  orphans: number
  /** Headings with fewer than two lines of what follows them on their page, while that goes on overleaf. */
  strandedHeadings: number
  /** Pages whose last line (of the text, or of a footnote that runs on) ends in a hyphen: a word broken over the page's foot. */
  hyphenatedPageEnds: number
  /** Full pages whose text stops short of the foot of the text block: vertical justification could not bring it down. */
  shortPages: number
}

export function layoutReport(pages: readonly Page[]): LayoutReport {
  const ratios: number[] = []
  let lines = 0
  let hyphenated = 0
  let run = 0
  let longestRun = 0
  let overfull = 0
  let widows = 0
  let orphans = 0
  let stranded = 0

  // The text's lines and the footnotes' lines are two sequences: a run of hyphens goes on from page to page in each.
  for (const sequence of [pages.flatMap((page) => page.body), pages.flatMap((page) => page.notes)]) {
    run = 0
    for (const { box } of sequence) {
      const line = box.line
      if (!line) continue
      lines++
      if (line.justified) ratios.push(line.ratio)
      if (line.overfull) overfull++
      if (line.hyphenated) {
        hyphenated++
        run++
        longestRun = Math.max(longestRun, run)
      } else run = 0
    }
  }

  let brokenWords = 0
  pages.forEach((page, index) => {
    const body = withoutRepeatedHeader(page)
    if (isWidow(body[0]?.box)) widows++
    if (isOrphan(body.at(-1)?.box)) orphans++
    let next = index + 1
    while (next < pages.length && pages[next]!.body.length === 0) next++
    const following = pages[next]
    if (following && following.chapter === page.chapter && following.kind === page.kind && strandsHeading(body, withoutRepeatedHeader(following)[0]?.box)) stranded++
    if (endsInHyphen(page)) brokenWords++
  })

  return {
    pages: pages.length,
    lines,
    justifiedLines: ratios.length,
    adjustment: summarise(ratios),
    hyphenatedLines: hyphenated,
    longestHyphenRun: longestRun,
    overfullLines: overfull,
    widows,
    orphans,
    strandedHeadings: stranded,
    hyphenatedPageEnds: brokenWords,
    shortPages: pages.filter((page) => page.short).length,
  }
}

/*
 * The page checks below read only what the line breaker and the composer
 * recorded on each box (a line's place in its paragraph, a heading, a
 * hyphen), never the keeps pagination obeyed: a page builder that ignored a
 * keep is caught here.
 */

/** The page's body, less a table's header row set again at its top. */
function withoutRepeatedHeader(page: Page): readonly Placed[] {
  return page.body[0]?.repeated ? page.body.slice(1) : page.body
}

/** A paragraph's last line opening a page. */
export function isWidow(first: FlowBox | undefined): boolean {
  return first?.para !== undefined && first.para.count > 1 && first.para.index === first.para.count - 1
}

/** A paragraph's first line closing a page. */
export function isOrphan(last: FlowBox | undefined): boolean {
  return last?.para !== undefined && last.para.count > 1 && last.para.index === 0
}

/**
 * Whether the last heading on a page is left with fewer than two lines of
 * what follows it, the rest overleaf. `nextFirst` is the next page's first box
 * when the text goes on there in the same chapter: a heading with one line
 * after it is no fault when that line was all its section held.
 */
export function strandsHeading(body: readonly Placed[], nextFirst: FlowBox | undefined): boolean {
  let at = body.length - 1
  while (at >= 0 && !body[at]!.box.heading) at--
  if (at < 0 || nextFirst === undefined) return false
  const heading = body[at]!.box
  // A heading set on several lines: its further lines stand in the same block and belong to no paragraph.
  let after = at + 1
  while (after < body.length && !body[after]!.box.para && sameBlock(body[after]!.box, heading)) after++
  const following = body.length - after
  return following === 0 || (following === 1 && !nextFirst.heading)
}

function sameBlock(a: FlowBox, b: FlowBox): boolean {
  return a.source !== undefined && b.source !== undefined && a.source.chapter === b.source.chapter && a.source.block.join() === b.source.block.join()
}

/** Whether the page's last line, in its text or in a footnote running on, ends in a hyphen. */
export function endsInHyphen(page: Page): boolean {
  return page.body.at(-1)?.box.line?.hyphenated === true || page.notes.at(-1)?.box.line?.hyphenated === true
}

function summarise(values: readonly number[]): RatioSummary {
  if (values.length === 0) return { mean: 0, p95: 0, max: 0 }
  const sorted = [...values].sort((a, b) => a - b)
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!
  return { mean, p95, max: sorted.at(-1)! }
}

/** The report as `octavo build --report` prints it. */
export function formatReport(report: LayoutReport, name: string): string {
  const figure = (value: number): string => value.toFixed(2)
  const row = (label: string, value: string | number): string => `  ${label.padEnd(26)}${value}`
  return [
    `${name}: layout`,
    row('pages', report.pages),
    row('lines', `${report.lines} (${report.justifiedLines} justified)`),
    row('adjustment ratio', `mean ${figure(report.adjustment.mean)}, 95th percentile ${figure(report.adjustment.p95)}, max ${figure(report.adjustment.max)}`),
    row('hyphenated lines', `${report.hyphenatedLines} (longest run ${report.longestHyphenRun})`),
    row('overfull lines', report.overfullLines),
    row('widows', report.widows),
    row('orphans', report.orphans),
    row('stranded headings', report.strandedHeadings),
    row('pages ending in a hyphen', report.hyphenatedPageEnds),
    row('full pages left short', report.shortPages),
  ].join('\n')
}
