/**
 * Octavo's print edition: a book typeset in phases that pass plain data —
 * measure, prepare, break lines, compose, paginate (the layout, `layout.ts`),
 * frame — and drawn with pdfkit by `render`, the only phase that knows it.
 */
import type { Diagnostics } from '../diagnostics.js'
import type { Book, Place } from '../model/book.js'
import type { PageStart } from '../model/page-map.js'
import type { PageName, Theme } from '../theme/index.js'
import type { CacheStore } from '../cache/store.js'
import { checkMaxPages, pressPageCount, type PressProfile } from '../press/profiles.js'
import { Framer, registrationColour } from './frame.js'
import { pressLayoutTheme } from './press-layout.js'
import type { FrameOptions } from './frame.js'
import { PrintLayout, type LayoutOptions } from './layout.js'
import { settlePageWords } from './page-words.js'
import type { Page } from './paginate/index.js'
import { PdfRenderer } from './render.js'
import type { LayoutReport } from './report.js'

export type { LayoutReport, RatioSummary } from './report.js'
export { formatReport, layoutReport } from './report.js'
export { layOutBook, pageStarts } from './layout.js'
export { pressLayoutTheme, printedPages } from './press-layout.js'

export interface PdfOptions {
  page: PageName
  /** Trim and bleed boxes with a 3 mm bleed, and crop marks, for a print service. */
  print?: boolean
  /** Write PDF/A-2b. */
  pdfA?: boolean
  /** The printer the file is for (see `press/profiles.ts`): its page, boxes, colour and PDF/X identity; `print` is then not read. */
  press?: PressProfile | undefined
  /** Told after each part (title page, contents, chapter) is set, with the pages set so far: progress on long books. */
  onPart?: (pages: number) => void
  /** Chapters' layouts kept between builds (see `layout-cache.ts`). */
  cache?: CacheStore | undefined
  /** Told of each chapter as it is laid out: set now, or taken from the cache. */
  onChapter?: LayoutOptions['onChapter']
  /** Threads that set chapters (see `layout-pool.ts`). */
  threads?: number | undefined
}

export type { PageStart } from '../model/page-map.js'

export interface PdfResult {
  bytes: Uint8Array
  report: LayoutReport
  pageStarts: PageStart[]
}

/**
 * Set and draw a book, a part at a time (the title page, the contents, each
 * chapter): each part is laid out (see `layout.ts`), framed and drawn before
 * the next is laid out, so that memory holds one chapter's layout however
 * long the book. The contents are paginated in their place but drawn last,
 * when the pages they list are known; the PDF puts its pages in order.
 */
export async function writePdf(book: Book, bookTheme: Theme, options: PdfOptions, diag: Diagnostics): Promise<PdfResult> {
  const { press } = options
  const layoutOptions = { page: options.page, cache: options.cache, onChapter: options.onChapter, threads: options.threads }
  // A press's margins (a gutter from the page count, a clear band inside the trim) are the theme's for that page.
  const theme = press ? await pressLayoutTheme(book, bookTheme, press, layoutOptions, diag) : bookTheme
  await settlePageWords(book, theme, layoutOptions, diag)
  const layout = new PrintLayout(book, theme, layoutOptions, diag)
  const frameOptions: FrameOptions = press ? { print: true, bleed: press.bleed, spineBleed: press.spineBleed, marks: press.marks, markColour: registrationColour } : { print: options.print === true }
  const framer = new Framer(book, theme, layout.geometry, layout.measurer, frameOptions)
  const warn = (reason: string, place?: Place): void => void diag.warn(reason, place, 'pdf-image')
  const renderer = new PdfRenderer(layout.structs.nodes, book, theme, { pdfA: options.pdfA === true, warn, press })
  const deferred: Array<{ page: Page; toBook: (id: number) => number }> = []

  for await (const part of layout.parts()) {
    framer.record(part.pages)
    if (part.deferred) {
      deferred.push(...part.pages.map((page) => ({ page, toBook: part.toBook })))
      renderer.reserve(part.struct)
      continue
    }
    for (const page of part.pages) renderer.page(framer.frame(page, part.toBook))
    renderer.release(part.struct)
    options.onPart?.(layout.count)
  }
  for (const { page, toBook } of deferred) renderer.page(framer.frame(page, toBook))
  if (press) {
    const pages = finishPress(layout.count, press, diag)
    for (let number = layout.count + 1; number <= pages; number++) renderer.page(framer.frame(blankPage(number)))
  }
  const bytes = await renderer.finish()
  return { bytes, ...layout.summary() }
}

/**
 * The pages a press file ends with: blank pages added where the printer asks
 * for an even count ending on a blank page; a count the printer binds, or
 * the build fails (too many) or warns (too few: a proof can still be made).
 */
function finishPress(count: number, press: PressProfile, diag: Diagnostics): number {
  const pages = pressPageCount(press, count)
  checkMaxPages(press, pages, diag)
  if (press.minPages !== undefined && pages < press.minPages) {
    diag.warn(`${press.printer} binds at least ${press.minPages} pages, and this book takes ${pages}: it will be refused as it stands`, undefined, 'press')
  }
  return pages
}

function blankPage(number: number): Page {
  return { number, kind: 'blank', chapter: null, opening: false, body: [], notes: [], full: false }
}
