/**
 * Octavo as a library: `build(options)` makes a manuscript's editions in
 * memory and hands them back as bytes with what was said about the
 * manuscript; it writes a file only when `out` names a folder.
 *
 *   import { build } from 'octavo'
 *   const { ok, epub, pdf, diagnostics } = await build({ input: 'book/' })
 *   const article = await build({ markdown: '# Title\n\nText.', path: 'notes.md' })
 */
import path from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { CacheStore } from './cache/store.js'
import { Diagnostics, ManuscriptError } from './diagnostics.js'
import { editionName, formats as allFormats, type Format } from './editions.js'
import type { Metadata, PressName } from './model/book.js'
import type { LayoutReport } from './pdf/index.js'
import { makeEditions, writeEditions } from './pipeline.js'
import { pressNames } from './press/profiles.js'
import { themes, type PageName, type Theme } from './theme/index.js'
import { isThemeFileName, pageNames } from './theme/names.js'

export interface BuildOptions {
  /** The manuscript: a Markdown file, or a folder holding a book's chapters (and its `book.yaml`). Not with `markdown`. */
  input?: string | undefined
  /**
   * The manuscript as text, a one-file book (front matter and all), instead of `input`: nothing is read
   * for it. Its messages name `path`; images and a theme file it names are looked for beside `path`.
   */
  markdown?: string | undefined
  /**
   * With `markdown`: the path its messages name it by, which need not exist (`chapter.md`), and the editions'
   * name (`chapter.epub`); `<input>` without it, the editions then named `book`.
   */
  path?: string | undefined
  /** The editions to make; both without it. */
  formats?: readonly Format[] | undefined
  /**
   * A built-in theme's name (`novel`), a theme file's path (`./press.yaml`), or a theme object (see
   * `extendTheme`); the manuscript's `theme` without it, else `default`.
   */
  theme?: string | Theme | undefined
  /** The print edition's page; the manuscript's `page` without it, else a5 (6x9 for a press that does not print a5). */
  page?: PageName | undefined
  /** The printer the PDF is made for (`kdp`, `ingram`, `offset`); the manuscript's `press` without it, else the PDF for readers. */
  press?: PressName | undefined
  /** Trim and bleed boxes with crop marks on the PDF for readers (a proof). */
  print?: boolean | undefined
  /** The PDF as PDF/A-2b. */
  pdfA?: boolean | undefined
  /** A folder to write `NAME.epub` and `NAME.pdf` into (made when missing); nothing is written without it. */
  out?: string | undefined
  /**
   * Seconds since 1970 that stand for "now" in the editions; `process.env.SOURCE_DATE_EPOCH` without it.
   * Without either, the manuscript's `date`, else the moment of the build.
   */
  sourceDateEpoch?: string | number | undefined
  /** A folder to keep what the next build can use (as `.octavo-cache/` does for the command); memory only without it. */
  cacheFolder?: string | undefined
}

/** One message about the manuscript. `line` and `column` count from 1; both are absent for a file as a whole. */
export interface Diagnostic {
  file: string | undefined
  line: number | undefined
  column: number | undefined
  message: string
  /** An error stopped the build; a warning did not. */
  severity: 'error' | 'warning'
  /** What kind of message it is (`link`, `lang`, `image` …). */
  rule: string | undefined
}

export interface BuildResult {
  /** False when the manuscript has a fault that stopped the build: then no edition is made and none written. */
  ok: boolean
  /** `NAME` of `NAME.epub` and `NAME.pdf`: the manuscript file's or folder's base name. */
  name: string
  /** The EPUB's bytes, when asked for and made. */
  epub?: Uint8Array | undefined
  /** The PDF's bytes, when asked for and made. */
  pdf?: Uint8Array | undefined
  /** Every warning, and the error that stopped the build if one did, in the order they were given. */
  diagnostics: Diagnostic[]
  /** The paths written (with `out`); empty without it. */
  written: string[]
  /** The book's metadata as the editions state it (title, authors, language, dates …), when it was read. */
  metadata?: Metadata | undefined
  /** The print edition's typesetting report (overfull lines, widows and orphans), when the book was set. */
  report?: LayoutReport | undefined
}

/**
 * Make a manuscript's editions. A fault in the manuscript resolves with
 * `ok: false` and the error among the diagnostics; options that are not
 * Octavo's (an unknown format, theme name, page or press) reject with a
 * TypeError; anything else that rejects is a fault in Octavo.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const { input, name } = checkedInput(options)
  const wanted = checkedFormats(options.formats)
  const theme = checkedTheme(options.theme)
  if (options.page !== undefined && !pageNames.includes(options.page)) throw new TypeError(`unknown page '${String(options.page)}' (expected ${pageNames.join(', ')})`)
  if (options.press !== undefined && !pressNames.includes(options.press)) throw new TypeError(`unknown press '${String(options.press)}' (expected ${pressNames.join(', ')})`)
  const epoch = options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH
  const diag = new Diagnostics()
  try {
    const made = await makeEditions(
      input,
      {
        text: options.markdown,
        formats: wanted,
        ...theme,
        page: options.page,
        press: options.press,
        print: options.print === true,
        pdfA: options.pdfA === true,
        sourceDateEpoch: epoch === undefined ? undefined : String(epoch),
        cache: new CacheStore(options.cacheFolder === undefined ? { oneOff: true } : { folder: path.resolve(options.cacheFolder) }),
      },
      diag,
    )
    const written: string[] = []
    if (options.out !== undefined) {
      const files = made.editions.map(({ format, bytes }) => ({ target: path.join(options.out!, `${name}.${format}`), bytes }))
      await writeEditions(files)
      written.push(...files.map((file) => file.target))
    }
    const bytes = (format: Format): Uint8Array | undefined => made.editions.find((edition) => edition.format === format)?.bytes
    return { ok: true, name, epub: bytes('epub'), pdf: bytes('pdf'), diagnostics: diag.messages.map(diagnostic), written, metadata: made.book.metadata, report: made.report }
  } catch (error) {
    if (!(error instanceof ManuscriptError)) throw error
    return { ok: false, name, diagnostics: diag.messages.map(diagnostic), written: [] }
  }
}

/** A vfile message as plain data. */
export function diagnostic(message: VFileMessage): Diagnostic {
  return {
    file: message.file || undefined,
    line: message.line ?? undefined,
    column: message.line == null ? undefined : (message.column ?? 1),
    message: message.reason,
    severity: message.fatal === true ? 'error' : 'warning',
    rule: message.ruleId ?? undefined,
  }
}

/** The path the manuscript is read from or reported under, and the editions' name; exactly one of `input` and `markdown`. */
function checkedInput(options: BuildOptions): { input: string; name: string } {
  if (options.markdown !== undefined) {
    if (options.input !== undefined) throw new TypeError('give the manuscript as input or as markdown, not both')
    if (typeof options.markdown !== 'string') throw new TypeError('markdown must be a string')
    return options.path === undefined ? { input: '<input>', name: 'book' } : { input: options.path, name: editionName(options.path) }
  }
  if (options.input === undefined) throw new TypeError('no manuscript: give input (a file or a folder) or markdown (its text)')
  if (options.path !== undefined) throw new TypeError('path names markdown given as text; with input, it is not used')
  return { input: options.input, name: editionName(options.input) }
}

function checkedFormats(formats: readonly Format[] | undefined): Format[] {
  if (formats === undefined) return [...allFormats]
  for (const format of formats) {
    if (!allFormats.includes(format)) throw new TypeError(`unknown format '${String(format)}' (expected ${allFormats.join(', ')})`)
  }
  if (formats.length === 0) throw new TypeError('formats names no edition')
  return allFormats.filter((format) => formats.includes(format))
}

function checkedTheme(theme: string | Theme | undefined): { theme: Theme | undefined; themeFile: string | undefined } {
  if (theme === undefined) return { theme: undefined, themeFile: undefined }
  if (typeof theme !== 'string') return { theme, themeFile: undefined }
  if (Object.hasOwn(themes, theme)) return { theme: themes[theme], themeFile: undefined }
  if (isThemeFileName(theme)) return { theme: undefined, themeFile: theme }
  throw new TypeError(`unknown theme '${theme}' (expected ${Object.keys(themes).join(', ')}, or a theme file such as ./press.yaml)`)
}
