/**
 * Octavo's print edition: a book typeset in phases that pass plain data —
 * measure, prepare, break lines, compose, paginate, frame — and drawn with
 * pdfkit by `render`, the only phase that knows it.
 */
import type { Diagnostics } from '../diagnostics.js'
import type { Book, Place } from '../model/book.js'
import type { PageStart } from '../model/page-map.js'
import type { PagePreset, Theme } from '../theme/index.js'
import { pageGeometry, resolveStyle } from '../theme/index.js'
import { Composer } from './compose/context.js'
import { composeParts } from './compose/index.js'
import { Framer } from './frame.js'
import { createHyphenator } from './hyphenate.js'
import { createMeasurer } from './measure.js'
import { paginate } from './paginate/index.js'
import type { Page } from './paginate/index.js'
import { PdfRenderer } from './render.js'
import { layoutReport } from './report.js'
import type { LayoutReport, RatioSummary } from './report.js'

export type { LayoutReport, RatioSummary } from './report.js'
export { formatReport, layoutReport } from './report.js'

export interface PdfOptions {
  page: PagePreset
  /** Trim and bleed boxes with a 3 mm bleed, and crop marks, for a print service. */
  print?: boolean
  /** Write PDF/A-2b. */
  pdfA?: boolean
  /** Told after each part (title page, contents, chapter) is set, with the pages set so far: progress on long books. */
  onPart?: (pages: number) => void
}

export type { PageStart } from '../model/page-map.js'

export interface PdfResult {
  bytes: Uint8Array
  report: LayoutReport
  pageStarts: PageStart[]
}

/**
 * Set and draw a book, a part at a time (the title page, the contents, each
 * chapter): each part is composed, paginated, framed and drawn before the next
 * is composed, so that memory holds one chapter's layout however long the
 * book. The contents are paginated in their place but drawn last, when the
 * pages they list are known; the PDF puts its pages in order.
 */
export async function writePdf(book: Book, theme: Theme, options: PdfOptions, diag: Diagnostics): Promise<PdfResult> {
  const geometry = pageGeometry(theme, options.page)
  const measurer = createMeasurer(theme)
  const hyphenate = createHyphenator(book.metadata.lang, theme.hyphenation)
  const composer = new Composer(book, theme, measurer, geometry, diag, hyphenate)
  const body = resolveStyle(theme, 'body')
  const params = { depth: geometry.depth, noteSeparator: body.leading, leading: body.leading }
  const framer = new Framer(book, theme, geometry, measurer, { print: options.print === true })
  const warn = (reason: string, place?: Place): void => void diag.warn(reason, place, 'pdf-image')
  const renderer = new PdfRenderer(composer.structs, book, theme, { pdfA: options.pdfA === true, warn })
  const reports: LayoutReport[] = []
  const ratios: number[] = []
  const starts: PageStart[] = []
  const deferred: Page[] = []
  let count = 0

  for (const part of composeParts(composer)) {
    const pages = paginate(part.flow, params)
    // Every part opens on a right-hand page: a blank left-hand page first when the pages so far end on a right-hand one.
    const opening = part.flow.items[0]
    if (count % 2 === 1 && opening?.kind === 'break' && opening.recto) pages.unshift({ number: 0, kind: 'blank', chapter: opening.chapter, opening: false, body: [], notes: [], full: false })
    pages.forEach((page, index) => (page.number = count + index + 1))
    count += pages.length
    framer.record(pages)
    reports.push(layoutReport(pages))
    for (const ratio of justifiedRatios(pages)) ratios.push(ratio)
    starts.push(...pageStarts(pages))
    if (part.deferred) {
      deferred.push(...pages)
      renderer.reserve(part.struct)
      continue
    }
    for (const page of pages) renderer.page(framer.frame(page))
    renderer.release(part.struct)
    await renderer.settle()
    options.onPart?.(count)
  }
  for (const page of deferred) renderer.page(framer.frame(page))
  const bytes = await renderer.finish()
  starts.sort((a, b) => a.page - b.page)
  return { bytes, report: mergeReports(reports, ratios), pageStarts: starts }
}

/** Adjustment ratios of the justified lines, in the body and the notes (what the report summarises). */
function justifiedRatios(pages: readonly Page[]): number[] {
  const ratios: number[] = []
  for (const page of pages) for (const { box } of [...page.body, ...page.notes]) if (box.line?.justified) ratios.push(box.line.ratio)
  return ratios
}

/**
 * The reports of the parts as one: counts add up, the longest run of
 * hyphens is the longest of any part (each opens a page), the ratios are
 * summarised over all the book's justified lines.
 */
function mergeReports(reports: readonly LayoutReport[], ratios: number[]): LayoutReport {
  const merged = { ...layoutReport([]) } as unknown as Record<string, unknown>
  for (const report of reports) {
    for (const [key, value] of Object.entries(report)) {
      if (typeof value !== 'number') continue
      const sum = (merged[key] as number | undefined) ?? 0
      merged[key] = key === 'longestHyphenRun' ? Math.max(sum, value) : sum + value
    }
  }
  merged.adjustment = summarise(ratios)
  return merged as unknown as LayoutReport
}

function summarise(values: number[]): RatioSummary {
  if (values.length === 0) return { mean: 0, p95: 0, max: 0 }
  values.sort((a, b) => a - b)
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  return { mean, p95: values[Math.min(values.length - 1, Math.ceil(0.95 * values.length) - 1)]!, max: values.at(-1)! }
}

export function pageStarts(pages: readonly Page[]): PageStart[] {
  const starts: PageStart[] = []
  for (const page of pages) {
    // A table's header row set again at the top of the page is not where the page starts.
    const source = page.body.find((placed) => !placed.repeated && placed.box.source)?.box.source
    if (source) starts.push({ page: page.number, chapter: source.chapter, block: [...source.block], word: source.word })
  }
  return starts
}
