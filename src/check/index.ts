/**
 * `octavo check`: everything that can be checked of a manuscript, or of an
 * edition already made, in one list of diagnostics — what loading the
 * manuscript finds (faults, links that lead nowhere, pictures without alt
 * text), headings that skip a level, text in another script without a
 * language, pictures too coarse for print at the size the print edition sets
 * them, the typesetting report's faults (overfull lines, widows, orphans,
 * stranded headings), and EPUBCheck on the EPUB the manuscript makes. An
 * `.epub` is checked by EPUBCheck; a `.pdf` by qpdf and pdffonts. Nothing is
 * written but scratch files, removed after.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Diagnostics } from '../diagnostics.js'
import { editionName } from '../editions.js'
import { loadEpubWriter } from '../lazy.js'
import { bookSetting, commandLineTheme } from '../load/book-theme.js'
import { loadManuscript } from '../load/index.js'
import { pressLayoutTheme } from '../pdf/index.js'
import { PrintLayout } from '../pdf/layout.js'
import type { LayoutReport } from '../pdf/report.js'
import { pressPage, pressProfiles, type PressName } from '../press/profiles.js'
import type { PageName, Theme } from '../theme/index.js'
import { checkHeadingLevels, checkUndeterminedLanguages } from './lints.js'
import { checkPrintResolution, printedPictures } from './print-resolution.js'
import { epubcheck, pdfFontsCheck, qpdfCheck, type ToolRun } from './tools.js'

export { printResolution } from './print-resolution.js'
export type { ToolRun } from './tools.js'

export interface CheckOptions {
  theme?: Theme | undefined
  themeFile?: string | undefined
  page?: PageName | undefined
  press?: PressName | undefined
  sourceDateEpoch?: string | undefined
  /** Where `OCTAVO_EPUBCHECK_JAR` is read. */
  env?: NodeJS.ProcessEnv
}

/**
 * Check one input; every finding goes to `diag` (with its rule id). Resolves
 * to the checkers run or skipped; a manuscript at fault stops as a build
 * does, with its faults in `diag` (a `ManuscriptError`).
 */
export async function check(input: string, options: CheckOptions, diag: Diagnostics): Promise<ToolRun[]> {
  const env = options.env ?? process.env
  if (/\.epub$/i.test(input)) return [tell(await epubcheck(input, env), input, diag)]
  if (/\.pdf$/i.test(input)) return [tell(await qpdfCheck(input), input, diag), tell(await pdfFontsCheck(input), input, diag)]

  const chosen = await commandLineTheme(options, diag)
  const { book, settings } = await loadManuscript(input, diag, { sourceDateEpoch: options.sourceDateEpoch })
  const { theme, page: chosenPage } = await bookSetting(chosen, options, settings, diag)
  checkHeadingLevels(book, diag)
  checkUndeterminedLanguages(book, diag)

  // The print edition laid out as a build lays it out (for its press, when it names one), not drawn.
  const pressName = options.press ?? settings.press
  const press = pressName === undefined ? undefined : pressProfiles[pressName]
  const page = pressPage(press, chosenPage, diag)
  const layoutOptions = { page, threads: 1 }
  const printTheme = press ? await pressLayoutTheme(book, theme, press, layoutOptions, diag) : theme
  const layout = new PrintLayout(book, printTheme, layoutOptions, diag)
  const printed = []
  for await (const part of layout.parts()) printed.push(...printedPictures(book, part.pages))
  const { report, pageStarts } = layout.summary()
  checkPrintResolution(book, printed, diag)
  tellReport(report, input, diag)

  const { writeEpub } = await loadEpubWriter()
  const bytes = await writeEpub(book, theme, diag, pageStarts)
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'octavo-check-'))
  try {
    const name = `${editionName(input)}.epub`
    const file = path.join(scratch, name)
    await writeFile(file, bytes)
    return [tell(await epubcheck(file, env), `${input} (its EPUB, ${name})`, diag)]
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** A checker's findings as diagnostics, each in `shown` (the checked file, or the EPUB a manuscript makes). */
function tell(run: ToolRun, shown: string, diag: Diagnostics): ToolRun {
  if (!run.ran) return run
  for (const finding of run.findings) {
    const file = finding.file === undefined ? shown : `${shown}: ${finding.file}`
    const where = finding.line === undefined ? file : { file, line: finding.line, column: finding.column ?? 1 }
    if (finding.severity === 'error') diag.error(finding.message, where, finding.rule)
    else diag.warn(finding.message, where, finding.rule)
  }
  return run
}

/** The typesetting report's faults, each kind one warning on the manuscript. */
function tellReport(report: LayoutReport, input: string, diag: Diagnostics): void {
  const faults: Array<[number, string, string]> = [
    [report.overfullLines, 'line wider than its measure', 'lines wider than their measure'],
    [report.widows, "widow (a paragraph's last line alone at the top of a page)", "widows (a paragraph's last line alone at the top of a page)"],
    [report.orphans, "orphan (a paragraph's first line alone at the foot of a page)", "orphans (a paragraph's first line alone at the foot of a page)"],
    [report.strandedHeadings, 'heading stranded at the foot of a page', 'headings stranded at the foot of a page'],
  ]
  for (const [count, one, many] of faults) {
    if (count > 0) diag.warn(`the print edition has ${count} ${count === 1 ? one : many}: see \`octavo build --report\``, input, 'typesetting')
  }
}
