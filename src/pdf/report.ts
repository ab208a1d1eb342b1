/**
 * The layout report: what the typesetter knows about every line and page it
 * set, as figures a reader of `octavo build --report` (and the tests) can hold
 * it to.
 */
import type { FlowBox } from './flow.js'
import type { Page } from './paginate/index.js'

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
  /** Headings with nothing after them on their page, while the text goes on overleaf. */
  strandedHeadings: number
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

  const boxes: FlowBox[] = []
  for (const page of pages) {
    for (const placed of page.body) boxes.push(placed.box)
    for (const placed of page.notes) boxes.push(placed.box)
  }
  for (const box of boxes) {
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

  pages.forEach((page, index) => {
    // A table's header row set again at the top of the page is not part of the count.
    const body = page.body[1]?.box.repeat === page.body[0]?.box ? page.body.slice(1) : page.body
    const first = body[0]?.box
    const last = body.at(-1)?.box
    if (first?.para && first.para.count > 1 && first.para.index === first.para.count - 1) widows++
    if (last?.para && last.para.count > 1 && last.para.index === 0) orphans++
    const continues = pages.slice(index + 1).find((next) => next.body.length > 0)
    if (last?.heading && continues && continues.chapter === page.chapter && continues.kind === page.kind) stranded++
    else if (last && !last.heading && continues) {
      // A heading followed only by its own further lines counts too.
      const lastHeading = [...body].reverse().find((placed) => placed.box.heading)
      if (lastHeading && body.slice(body.indexOf(lastHeading) + 1).every((placed) => placed.box.keepWithPrevious && !placed.box.para && placed.box.source?.block.join() === lastHeading.box.source?.block.join())) stranded++
    }
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
  }
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
  return [
    `${name}: layout`,
    `  pages              ${report.pages}`,
    `  lines              ${report.lines} (${report.justifiedLines} justified)`,
    `  adjustment ratio   mean ${figure(report.adjustment.mean)}, 95th percentile ${figure(report.adjustment.p95)}, max ${figure(report.adjustment.max)}`,
    `  hyphenated lines   ${report.hyphenatedLines} (longest run ${report.longestHyphenRun})`,
    `  overfull lines     ${report.overfullLines}`,
    `  widows             ${report.widows}`,
    `  orphans            ${report.orphans}`,
    `  stranded headings  ${report.strandedHeadings}`,
  ].join('\n')
}
