/**
 * The print edition's layout: the book composed and paginated a part at a
 * time, its pages numbered, its report and the starts of its pages (what
 * the EPUB's page list records) gathered. Plain data, no pdfkit: a build of
 * the EPUB alone stops here, a build of the PDF draws each part as it comes.
 */
import type { CacheStore } from '../cache/store.js'
import { Diagnostics, ManuscriptError, type Said } from '../diagnostics.js'
import type { Book } from '../model/book.js'
import type { PageStart } from '../model/page-map.js'
import type { PageGeometry, PageName, Theme } from '../theme/index.js'
import { pageGeometry, themeChapterNumbers } from '../theme/index.js'
import { Composer } from './compose/context.js'
import { partPlans, type PartPlan } from './compose/index.js'
import { createLanguageHyphenator } from './hyphenate.js'
import { warnUnhyphenated } from './hyphenation-warnings.js'
import { bookLayoutKey, chapterLayoutKey, keepLayout, keptLayout, type PartLayout } from './layout-cache.js'
import { createMeasurer, type Measurer } from './measure.js'
import { MissingCharacters } from './missing.js'
import { layoutPool, type ChapterOutcome, type LayoutPool } from './layout-pool.js'
import type { Page, PageParams } from './paginate/index.js'
import { pageParams, setPart } from './set-part.js'
import { layoutReport, type LayoutReport, type RatioSummary } from './report.js'
import { BookStructs } from './structs.js'
import { recordDestPages } from './dests.js'
import { settlePageWords } from './page-words.js'

export interface LayoutOptions {
  page: PageName
  /** Chapters' layouts kept between builds; none without it. */
  cache?: CacheStore | undefined
  /** Told of each chapter as it is laid out: set now, or taken from the cache. */
  onChapter?: ((chapter: number, from: 'set' | 'cache') => void) | undefined
  /** Threads that set chapters (see `layout-pool.ts`); 1 or none: chapters are set in the build's own thread. */
  threads?: number | undefined
  /** A round before the last (see `trialLayout`): its layouts are kept even in a one-off build's store, for the rounds after. */
  trial?: boolean
}

/** A part laid out: its pages numbered in the book, its structure element numbered in the book's structure tree. */
export interface LaidOutPart {
  pages: Page[]
  /** The table of contents, drawn last (see `writePdf`). */
  deferred: boolean
  struct: number
  /** The book's number of each structure node the part's drawings name (they keep the part's). */
  toBook: (id: number) => number
}

export interface LayoutSummary {
  report: LayoutReport
  pageStarts: PageStart[]
}

export class PrintLayout {
  readonly geometry: PageGeometry
  readonly measurer: Measurer
  /** The book's structure tree, growing as parts are laid out. */
  readonly structs = new BookStructs()
  private readonly composer: Composer
  private readonly params: PageParams
  private readonly reports: LayoutReport[] = []
  private readonly ratios: number[] = []
  private readonly starts: PageStart[] = []
  private readonly missing = new MissingCharacters()
  /** What the keys of all the chapters' kept layouts share (see `bookLayoutKey`), made when first needed. */
  private bookKey: string | undefined
  /** Whether the layouts set are kept: by a store that outlives the build, or for the rounds after a trial round. */
  private readonly keeps: boolean
  /** Pages so far. */
  count = 0
  /** The page each destination of the parts laid out so far landed on, for the index (see `Composer.destPages`). */
  private readonly destPages = new Map<string, number>()

  constructor(
    private readonly book: Book,
    private readonly theme: Theme,
    private readonly options: LayoutOptions,
    private readonly diag: Diagnostics,
  ) {
    this.geometry = pageGeometry(theme, options.page)
    this.measurer = createMeasurer(theme)
    warnUnhyphenated(book, diag)
    const hyphenate = createLanguageHyphenator(book.metadata.lang, theme.hyphenation)
    this.composer = new Composer(book, theme, this.measurer, this.geometry, diag, hyphenate)
    this.params = pageParams(theme, this.geometry)
    this.composer.destPages = this.destPages
    this.keeps = options.trial === true || options.cache?.oneOff === false
  }

  /**
   * The book's parts in order, each laid out when asked for; when the last
   * is, one warning lists the characters no font has. With threads, the
   * chapters ahead are set on them meanwhile (a few, so that memory holds a
   * few chapters' layouts, not the book's).
   */
  async *parts(): AsyncGenerator<LaidOutPart> {
    const plans = partPlans(this.composer)
    const pool = this.options.threads !== undefined && this.options.threads > 1 ? layoutPool(this.options.threads) : undefined
    const ahead = pool ? pool.size : 0
    const coming: Coming[] = []
    for (let index = 0; index < plans.length; index++) {
      for (let next = coming.length; next < Math.min(plans.length, index + 1 + ahead); next++) coming.push(this.plan(plans[next]!, pool))
      const layout = await this.layOut(plans[index]!, coming[index]!)
      // Let the layout go once it is placed: only the chapters ahead are held.
      coming[index] = { from: 'done' }
      yield this.place(layout)
    }
    this.missing.report(this.theme, this.diag)
  }

  /** The page each named destination landed on, once every part is laid out. */
  destinationPages(): ReadonlyMap<string, number> {
    return this.destPages
  }

  /** The report and the pages' starts, once every part is laid out. */
  summary(): LayoutSummary {
    const starts = [...this.starts].sort((a, b) => a.page - b.page)
    return { report: mergeReports(this.reports, this.ratios), pageStarts: starts }
  }

  private chapterNumbers: Array<string | undefined> | undefined

  /** The number the theme gives chapter `index` (see `Theme.numbering`): a fact of the book its layout reads. */
  private chapterNumber(index: number): string | undefined {
    this.chapterNumbers ??= themeChapterNumbers(this.book, this.theme)
    return this.chapterNumbers[index]
  }

  /** How a part's layout will be had: a chapter's kept, or being set on a thread; else set in this thread at its turn. */
  private plan(plan: PartPlan, pool: LayoutPool | undefined): Coming {
    const index = plan.chapter
    if (index === null) return { from: 'here' }
    const { cache } = this.options
    let key: string | undefined
    // The last round of a one-off build keeps nothing: a key is worth making only to find what a trial round kept.
    if (cache && (this.keeps || cache.mayHold('layout'))) {
      this.bookKey ??= bookLayoutKey(this.book, this.theme, this.options.page)
      key = chapterLayoutKey(this.bookKey, this.book, index, plan.depth, this.chapterNumber(index))
      const kept = keptLayout(cache, key)
      if (kept) return { from: 'cache', layout: kept }
    }
    if (!pool) return { from: 'here', key }
    const { metadata, assets } = this.book
    const task = { index, chapter: this.book.chapters[index]!, depth: plan.depth, within: plan.within, chapterCount: this.book.chapters.length, number: this.chapterNumber(index), metadata, assets, theme: this.theme, page: this.options.page }
    const outcome = pool.layOut(task)
    // A chapter ahead whose thread died is told of when its turn comes, or never if the build fails before.
    outcome.catch(() => {})
    return { from: 'thread', key, outcome }
  }

  /** A part set and paginated, or a chapter's as kept or as set on a thread; what setting it said is said now, in the book's order. */
  private async layOut(plan: PartPlan, coming: Coming): Promise<PartLayout> {
    let layout: PartLayout
    switch (coming.from) {
      case 'here':
        layout = setPart(plan.compose, this.params, this.diag)
        break
      case 'cache':
        layout = coming.layout
        this.retell(layout.said)
        break
      case 'thread': {
        const outcome = await coming.outcome
        if (!('layout' in outcome)) {
          this.retell(outcome.said)
          throw new Error(`a chapter could not be set: ${outcome.error ?? 'no reason given'}`)
        }
        layout = outcome.layout
        this.retell(layout.said)
        break
      }
      case 'done':
        throw new Error('a part laid out twice')
    }
    const index = plan.chapter
    if (index === null) return layout
    if (coming.from !== 'cache' && coming.key !== undefined && this.keeps) keepLayout(this.options.cache!, coming.key, layout)
    // What a part title after the chapter reads of the composer, as if the chapter had just been set here.
    this.composer.chapter = index
    this.composer.pendingKeep = layout.pendingKeep
    this.options.onChapter?.(index, coming.from === 'cache' ? 'cache' : 'set')
    return layout
  }

  /** Say again what setting a part said elsewhere; a failure fails the build here, as it would have. */
  private retell(said: readonly Said[]): void {
    for (const message of said) {
      if (message.fatal) this.diag.fail(message.reason, message.where, message.ruleId)
      this.diag.warn(message.reason, message.where, message.ruleId)
    }
  }

  /**
   * Number a part's pages and structure nodes in the book, and note what the
   * report and the page list need. The layout is left as it is (it may be kept
   * for the next build, see `layout-cache.ts`): its pages are numbered as copies.
   */
  private place(layout: PartLayout): LaidOutPart {
    // Every part opens on a right-hand page: a blank left-hand page first when the pages so far end on a right-hand one.
    const set = this.count % 2 === 1 && layout.recto ? [blankPage(layout.chapter), ...layout.pages] : layout.pages
    const pages = set.map((page, index) => ({ ...page, number: this.count + index + 1 }))
    this.count += pages.length
    const toBook = this.structs.add(layout)
    this.missing.add(layout)
    this.reports.push(layoutReport(pages))
    for (const ratio of justifiedRatios(pages)) this.ratios.push(ratio)
    this.starts.push(...pageStarts(pages))
    recordDestPages(pages, this.destPages)
    return { pages, deferred: layout.deferred, struct: toBook(layout.struct), toBook }
  }
}

/** A page left blank before a part, numbered as it is placed. */
function blankPage(chapter: number | null): Page {
  return { number: 0, kind: 'blank', chapter, opening: false, body: [], notes: [], full: false }
}

/** Lay the book out without drawing it (for the EPUB's page list alone). */
export async function layOutBook(book: Book, theme: Theme, options: LayoutOptions, diag: Diagnostics): Promise<LayoutSummary> {
  await settlePageWords(book, theme, options, diag)
  const layout = new PrintLayout(book, theme, options, diag)
  for await (const part of layout.parts()) void part
  return layout.summary()
}

/** How a part's layout is had (see `PrintLayout.plan`). */
type Coming =
  | { from: 'here'; key?: string | undefined }
  | { from: 'cache'; layout: PartLayout }
  | { from: 'thread'; key: string | undefined; outcome: Promise<ChapterOutcome> }
  | { from: 'done' }

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

/**
 * The whole book laid out only to read what the layout found (its page count,
 * where destinations land), with nothing said: the build that draws it says it
 * again. A manuscript that cannot be set fails here, with the layout's errors.
 */
export async function trialLayout(book: Book, theme: Theme, options: LayoutOptions, diag: Diagnostics): Promise<PrintLayout> {
  const scratch = new Diagnostics()
  const layout = new PrintLayout(book, theme, { ...options, onChapter: undefined, trial: true }, scratch)
  try {
    for await (const part of layout.parts()) void part
  } catch (error) {
    if (error instanceof ManuscriptError) for (const message of scratch.messages) if (message.fatal) diag.messages.push(message)
    throw error
  }
  return layout
}
