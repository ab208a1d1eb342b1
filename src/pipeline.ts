import path from 'node:path'
import type { CacheStore } from './cache/store.js'
import type { Diagnostics } from './diagnostics.js'
import { loadEpubWriter } from './lazy.js'
import { bookSetting, commandLineTheme } from './load/book-theme.js'
import { loadManuscript } from './load/index.js'
import type { Book } from './model/book.js'
import { layOutBook, pressLayoutTheme, printedPages, writePdf } from './pdf/index.js'
import { coverGeometry, type CoverGeometry, type Paper } from './press/cover-geometry.js'
import { pressPage, pressProfiles } from './press/profiles.js'
import type { PressName } from './press/profiles.js'
import { layoutThreads } from './pdf/layout-pool.js'
import type { LayoutReport, PageStart } from './pdf/index.js'
import { pageGeometry, themeSectionNumbers } from './theme/index.js'
import { resolveCrossReferences } from './transform/cross-references.js'
import type { PageName, Theme } from './theme/index.js'
import { editionName, type Format } from './editions.js'
import { checkWritable, writeFilesAtomic, type OutputFile } from './write-atomic.js'

export { editionClashes, editionName, formats, type Format } from './editions.js'

export interface BuildOptions {
  outDir: string
  formats: readonly Format[]
  /** The theme; without it (and without `themeFile`), the one the manuscript names (`theme:`), else the default. */
  theme?: Theme | undefined
  /** A theme file to read (`--theme PATH`): wins over the manuscript's `theme`. */
  themeFile?: string | undefined
  /** The print edition's page; without it, the manuscript's `page`, else a5 (6x9 for a press that does not print a5). */
  page?: PageName | undefined
  /** Trim and bleed boxes with crop marks, for print services. */
  print?: boolean
  /** The printer the PDF is made for; the book's own `press:` without it; the PDF for readers without either. */
  press?: PressName | undefined
  /** Write PDF/A-2b. */
  pdfA?: boolean
  /** Seconds since 1970 that stand for "now" in the editions (reproducible builds). */
  sourceDateEpoch?: string | undefined
  /** Told when each phase starts, and as the print edition's pages are set: progress on long builds. */
  onPhase?: (phase: string) => void
  /** What is kept between builds (see `cache/store.ts`); nothing without it. It never changes an edition. */
  cache?: CacheStore | undefined
  /** Told of every file the book is made of as it is read (what `--watch` watches). */
  onRead?: ((file: string) => void) | undefined
  /** A one-file manuscript's text, given in memory: the input is then the path it is reported under, not read. */
  text?: string | undefined
  /** Told of each chapter as the print edition lays it out: set now, or taken from the cache. */
  onChapter?: ((chapter: number, from: 'set' | 'cache') => void) | undefined
  /** Threads that set the print edition's chapters; `OCTAVO_THREADS` (default 1: the build's own thread) without it. */
  threads?: number | undefined
}

export interface BuildResult {
  book: Book
  /** Paths written. */
  outputs: string[]
  /** The print edition's typesetting report. */
  report: LayoutReport
  /** The theme and page the book was set in (the command line's, or the manuscript's). */
  theme: Theme
  page: PageName
}

/** The options of `makeEditions`: those of `build` but where they would be written. */
export type EditionOptions = Omit<BuildOptions, 'outDir'>

/** One edition, made in memory. */
export interface Edition {
  format: Format
  bytes: Uint8Array
}

export interface EditionsResult extends Omit<BuildResult, 'outputs'> {
  /** `NAME` of `NAME.epub` and `NAME.pdf`: the manuscript file's or folder's base name. */
  name: string
  /** The editions asked for, the PDF first when both are. */
  editions: Edition[]
  /** Where each page of the print edition starts (what the EPUB's page list records). */
  pageStarts: PageStart[]
}

/**
 * Load a manuscript and publish the requested editions.
 *
 * Both editions are made in memory before either is written, so a manuscript
 * that fails halfway leaves the previous files in `outDir` untouched. Where
 * they are to be written is checked first: an output that cannot be written
 * throws a `WriteError` (no fault of the manuscript's) before any work is done.
 */
export async function build(input: string, options: BuildOptions, diag: Diagnostics): Promise<BuildResult> {
  const phase = options.onPhase ?? (() => {})
  const name = editionName(input)
  await checkWritable(options.formats.map((format) => path.join(options.outDir, `${name}.${format}`)))
  const { editions, ...made } = await makeEditions(input, options, diag)
  phase('write')
  const files = editions.map(({ format, bytes }): OutputFile => ({ target: path.join(options.outDir, `${name}.${format}`), bytes }))
  await writeEditions(files)
  return { ...made, outputs: files.map((file) => file.target) }
}

/** Write the editions atomically (see `write-atomic.ts`); a file that cannot be written throws a `WriteError`. */
export async function writeEditions(files: readonly OutputFile[]): Promise<void> {
  await writeFilesAtomic(files)
}

/** Load a manuscript and make the requested editions in memory; nothing is written. */
export async function makeEditions(input: string, options: EditionOptions, diag: Diagnostics): Promise<EditionsResult> {
  const phase = options.onPhase ?? (() => {})
  phase('read')
  const chosen = await commandLineTheme(options, diag)
  const { book, settings } = await loadManuscript(input, diag, { sourceDateEpoch: options.sourceDateEpoch, cache: options.cache, onRead: options.onRead, text: options.text })
  // The theme, every value checked, before anything is set.
  const { theme, page: chosenPage } = await bookSetting(chosen, options, settings, diag)
  // Numbers and references once the theme is known: a section is referred to by its number when the theme numbers it.
  resolveCrossReferences(book, themeSectionNumbers(book, theme), diag)

  const editions: Edition[] = []
  // The print edition is always laid out: where its pages start is what the EPUB's page list records, so an
  // e-reader can cite the printed page. It is drawn only when asked for.
  const pressName = options.press ?? settings.press
  const press = pressName === undefined ? undefined : pressProfiles[pressName]
  const page = pressPage(press, chosenPage, diag)
  const layoutOptions = { page, cache: options.cache, onChapter: options.onChapter, threads: options.threads ?? layoutThreads() }
  let print: { report: LayoutReport; pageStarts: PageStart[] }
  if (options.formats.includes('pdf')) {
    phase('pdf')
    const pdfOptions = { ...layoutOptions, press, print: options.print === true, pdfA: options.pdfA === true, onPart: (pages: number) => phase(`pdf: ${pages} page${pages === 1 ? '' : 's'} set`) }
    const pdf = await writePdf(book, theme, pdfOptions, diag)
    editions.push({ format: 'pdf', bytes: pdf.bytes })
    print = pdf
  } else {
    phase('print layout')
    // The page list cites the pages as the press prints them.
    const printTheme = press ? await pressLayoutTheme(book, theme, press, layoutOptions, diag) : theme
    print = await layOutBook(book, printTheme, layoutOptions, diag)
  }
  if (options.formats.includes('epub')) {
    phase('epub')
    // The EPUB's writer (and epub-gen-memory, JSZip) is loaded only when an EPUB is asked for.
    const { writeEpub } = await loadEpubWriter()
    const epubOptions = { ...(options.cache?.folder === undefined ? {} : { subsetCache: options.cache.folder }), rebuilds: options.cache?.rebuilds === true }
    editions.push({ format: 'epub', bytes: await writeEpub(book, theme, diag, print.pageStarts, epubOptions) })
  }
  return { book, name: editionName(input), editions, report: print.report, theme, page, pageStarts: print.pageStarts }
}

export interface CoverOptions {
  outDir: string
  /** The theme, as for `build`: without it (and without `themeFile`), the manuscript's. */
  theme?: Theme | undefined
  themeFile?: string | undefined
  /** The printer the cover is for (its bleed, colour and PDF/X identity; its spine from its page count). */
  press: PressName
  paper: Paper
  page?: PageName | undefined
  sourceDateEpoch?: string | undefined
  onPhase?: (phase: string) => void
  cache?: CacheStore | undefined
  /** The page count to measure the spine by, instead of the book's as the press prints it. */
  pages?: number | undefined
}

export interface CoverResult {
  output: string
  geometry: CoverGeometry
}

/**
 * The print cover of a manuscript (`NAME-cover.pdf`): the full wrap for the
 * press, its spine as thick as the book the press prints from the same
 * manuscript, on the same page, with the same theme.
 */
export async function buildCover(input: string, options: CoverOptions, diag: Diagnostics): Promise<CoverResult> {
  const phase = options.onPhase ?? (() => {})
  const target = path.join(options.outDir, `${editionName(input)}-cover.pdf`)
  await checkWritable([target])
  phase('read')
  const chosen = await commandLineTheme(options, diag)
  const { book, settings } = await loadManuscript(input, diag, { sourceDateEpoch: options.sourceDateEpoch, cache: options.cache })
  const { theme, page: chosenPage } = await bookSetting(chosen, options, settings, diag)
  resolveCrossReferences(book, themeSectionNumbers(book, theme), diag)
  const press = pressProfiles[options.press]
  const page = pressPage(press, chosenPage, diag)
  phase('print layout')
  const layoutOptions = { page, cache: options.cache, threads: layoutThreads() }
  const pages = options.pages ?? (await printedPages(book, theme, press, layoutOptions, diag))
  const geometry = coverGeometry(pageGeometry(theme, page), pages, options.paper, press.name)
  phase('cover')
  // What draws a cover is loaded only when a cover is asked for.
  const [{ renderCover }, { coverSvg }, { listPhrase }] = await Promise.all([import('./pdf/render-cover.js'), import('./epub/cover.js'), import('./epub/documents/title-block.js')])
  const lang = book.metadata.lang
  const frontImage = book.metadata.cover === undefined ? undefined : book.assets.find((asset) => asset.id === book.metadata.cover)
  const bytes = await renderCover({ book, theme: theme, press, geometry, frontSvg: coverSvg({ book, theme: theme, lang }), frontImage, byline: listPhrase(book.metadata.authors, lang), warn: (reason, place) => void diag.warn(reason, place, 'cover') })
  phase('write')
  await writeFilesAtomic([{ target, bytes }])
  return { output: target, geometry }
}
