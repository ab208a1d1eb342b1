/**
 * Octavo's print edition: a book typeset in phases that pass plain data —
 * measure, prepare, break lines, compose, paginate, frame — and drawn with
 * pdfkit by `render`, the only phase that knows it.
 */
import type { Diagnostics } from '../diagnostics.js'
import type { Book } from '../model/book.js'
import type { PagePreset, Theme } from '../theme/index.js'
import { pageGeometry, resolveStyle } from '../theme/index.js'
import { composeBook } from './compose/index.js'
import { framePages } from './frame.js'
import { createHyphenator } from './hyphenate.js'
import { createMeasurer } from './measure.js'
import { paginate } from './paginate/index.js'
import type { Page } from './paginate/index.js'
import { render } from './render.js'
import { layoutReport } from './report.js'
import type { LayoutReport } from './report.js'

export type { LayoutReport, RatioSummary } from './report.js'
export { formatReport, layoutReport } from './report.js'

export interface PdfOptions {
  page: PagePreset
  /** Trim and bleed boxes with a 3 mm bleed, and crop marks, for a print service. */
  print?: boolean
  /** Write PDF/A-2b. */
  pdfA?: boolean
}

/**
 * Where a printed page starts in the manuscript: the EPUB marks the print
 * edition's page breaks there.
 */
export interface PageStart {
  /** The page number as printed. */
  page: number
  /** Index into `book.chapters`. */
  chapter: number
  /**
   * Path of the block: an index into `chapter.blocks`, then into a
   * blockquote's children, or a list's items and then the item's children.
   */
  block: number[]
  /** Index of the page's first word in the block's text: runs of non-white-space of `inlineText` (or of the code, or of the table's cells in order). */
  word: number
}

export interface PdfResult {
  bytes: Uint8Array
  report: LayoutReport
  pageStarts: PageStart[]
}

export async function writePdf(book: Book, theme: Theme, options: PdfOptions, diag: Diagnostics): Promise<PdfResult> {
  const geometry = pageGeometry(theme, options.page)
  const measurer = createMeasurer(theme)
  const hyphenate = createHyphenator(book.metadata.lang, theme.hyphenation)
  const flow = composeBook(book, theme, measurer, geometry, diag, { hyphenate })
  const body = resolveStyle(theme, 'body')
  const pages = paginate(flow, { depth: geometry.depth, noteSeparator: body.leading, leading: body.leading })
  const frames = framePages(pages, book, theme, geometry, measurer, { print: options.print === true })
  const bytes = await render(frames, flow.structs, book, theme, { pdfA: options.pdfA === true })
  return { bytes, report: layoutReport(pages), pageStarts: pageStarts(pages) }
}

export function pageStarts(pages: readonly Page[]): PageStart[] {
  const starts: PageStart[] = []
  for (const page of pages) {
    // A table's header row set again at the top of the page is not where the page starts.
    const repeated = page.body[1]?.box.repeat === page.body[0]?.box ? 1 : 0
    const source = page.body.slice(repeated).find((placed) => placed.box.source)?.box.source
    if (source) starts.push({ page: page.number, chapter: source.chapter, block: [...source.block], word: source.word })
  }
  return starts
}
