/**
 * A property run: random documents (one per seed) as the chapters of one
 * book, built through the command line, and each judged on its own. A
 * document ends published (EPUBCheck finds nothing in its chapter, qpdf
 * accepts the PDF, no word of it is lost in either edition) or refused (exit
 * 1 with a message that names its file, line and column); anything else is a
 * failure: a crash (exit 3, a stack trace), a refusal without a place, an
 * invalid chapter, a lost word.
 *
 * A book that is refused is built again without the refused chapter; one
 * that crashes is halved until the documents that crash it are found.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { defaultTheme, pageGeometry } from '../../src/theme/index.js'
import { altTexts, chapterReaderText, epubChapters, isCrash, pdfReaderPages, placedMessages, problemsAbout, stderrLines } from './conformance.js'
import type { EpubDocument } from './editions.js'
import { documentFor, localPictures } from './markdown-arbitrary.js'
import { fixturePicture } from './commonmark.js'
import { epubcheck, octavo, qpdfCheck, tempDir } from './tools.js'
import type { CommandResult } from './tools.js'
import { comparableWords, markdownReaderWords, missingWords, printedWords } from './words.js'

/** Characters the loader drops on reading. */
const dropped = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const bookTitle = 'Property cases'
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }

export interface CaseVerdict {
  seed: number
  file: string
  outcome: 'published' | 'refused' | 'crashed'
  /** What is wrong with this case; empty when it holds. */
  failures: string[]
}

export interface PropertyRun {
  cases: CaseVerdict[]
  /** Builds made, counting those that found a refused or crashing document. */
  builds: number
  /** Where the documents (`cases/`) and the editions (`out/`) were written. */
  dir: string
}

const fileFor = (index: number, seed: number): string => `case-${String(index).padStart(4, '0')}-seed-${seed}.md`
const seedOf = (file: string): number => Number(/seed-(\d+)\.md$/.exec(file)![1])

async function writeBook(folder: string, files: ReadonlyMap<string, string>): Promise<void> {
  await rm(folder, { recursive: true, force: true })
  await mkdir(folder, { recursive: true })
  await writeFile(path.join(folder, 'book.yaml'), `title: ${bookTitle}\nlang: en\n`)
  for (const picture of localPictures) await copyFile(fixturePicture(picture), path.join(folder, picture))
  for (const [file, source] of files) await writeFile(path.join(folder, file), source)
}

/** Build and judge the documents of `seeds` as one book (or several, when some are refused or crash). */
export async function runProperty(seeds: readonly number[], log: (line: string) => void = () => {}): Promise<PropertyRun> {
  const dir = await tempDir('octavo-property-')
  const remaining = new Map(seeds.map((seed, index) => [fileFor(index, seed), documentFor(seed)]))
  const verdicts = new Map<string, CaseVerdict>()
  let builds = 0
  const folder = path.join(dir, 'cases')
  const out = path.join(dir, 'out')

  const build = async (files: ReadonlyMap<string, string>, where: string): Promise<CommandResult> => {
    builds++
    await writeBook(where, files)
    return octavo(['build', where, '--out', out, '--quiet'], env)
  }

  /** The documents among `files` that crash a build on their own account. */
  const isolate = async (files: ReadonlyMap<string, string>): Promise<Map<string, CommandResult>> => {
    const result = await build(files, path.join(dir, 'isolate'))
    if (!isCrash(result)) return new Map()
    if (files.size === 1) return new Map([[[...files.keys()][0]!, result]])
    const entries = [...files]
    const half = Math.ceil(entries.length / 2)
    const found = new Map([...(await isolate(new Map(entries.slice(0, half)))), ...(await isolate(new Map(entries.slice(half))))])
    // Documents that crash a build only together are blamed together.
    return found.size > 0 ? found : new Map(entries.map(([file]) => [file, result]))
  }

  let result: CommandResult | undefined
  while (remaining.size > 0) {
    result = await build(remaining, folder)
    if (result.code === 0 && !isCrash(result)) break
    if (isCrash(result)) {
      log(`a build crashed (exit ${result.code}): looking for the documents that crash it`)
      for (const [file, alone] of await isolate(remaining)) {
        verdicts.set(file, { seed: seedOf(file), file, outcome: 'crashed', failures: [`exit ${alone.code}: ${stderrLines(alone).slice(-3).join(' | ')}`] })
        remaining.delete(file)
      }
      continue
    }
    // Refused: the last message is the error; it must name a case's file, line and column.
    const error = placedMessages(result).filter((message) => message.severity === 'error').at(-1)
    const file = error ? path.relative(folder, error.file) : undefined
    if (!error || !file || !remaining.has(file)) {
      for (const name of remaining.keys()) {
        verdicts.set(name, { seed: seedOf(name), file: name, outcome: 'refused', failures: [`the book was refused without a case's file:line:column: ${stderrLines(result).at(-1)}`] })
      }
      remaining.clear()
      break
    }
    verdicts.set(file, { seed: seedOf(file), file, outcome: 'refused', failures: [] })
    log(`${file}: refused at ${error.line}:${error.column}: ${error.text}`)
    remaining.delete(file)
  }
  if (remaining.size === 0 || result === undefined) return { cases: order(seeds, verdicts), builds, dir }

  // The published book: each remaining document is a chapter, but those left out for having nothing to publish.
  const epub = path.join(out, 'cases.epub')
  const pdf = path.join(out, 'cases.pdf')
  const [check, qpdf, chapters, pages] = await Promise.all([epubcheck(epub), qpdfCheck(pdf), epubChapters(epub), pdfReaderPages(pdf, pageGeometry(defaultTheme, 'a5').margins)])
  const leftOut = new Set(
    placedMessages(result)
      .filter((message) => /left out/.test(message.text))
      .map((message) => path.relative(folder, message.file)),
  )
  const files = [...remaining.keys()].sort()
  const present = files.filter((file) => !leftOut.has(file))
  const documents = new Map<string, EpubDocument>()
  if (chapters.length === present.length) present.forEach((file, index) => documents.set(file, chapters[index]!))

  for (const file of files) {
    const source = remaining.get(file)!
    const failures: string[] = []
    if (qpdf.code !== 0) failures.push(`qpdf --check: ${qpdf.stdout.split('\n').slice(0, 3).join(' ')}`)
    if (chapters.length !== present.length) failures.push(`${chapters.length} chapter documents for ${present.length} chapter files`)
    const document = documents.get(file)
    const problems = problemsAbout(check.problems, document?.href ?? 'no-document.xhtml')
    if (problems.length > 0) failures.push(`EPUBCheck: ${problems.slice(0, 3).join(' | ')}`)

    const epubWanted = markdownReaderWords(source, { dropped })
    const epubFound = comparableWords(document ? `${chapterReaderText(document.xhtml)}\n${altTexts(document.xhtml).join('\n')}` : '')
    const epubLost = missingWords(epubWanted, epubFound)
    if (epubLost.length > 0) failures.push(`words missing from the EPUB: ${epubLost.map(([word, count]) => `${word}×${count}`).join(' ')}`)

    // Pictures in the book's folder are shown in print; their alternative text is not printed.
    const pdfWanted = markdownReaderWords(source, { dropped, imageAlt: (url) => /^[a-z]+:/i.test(url) })
    const printed = document
      ? [...document.xhtml.matchAll(/epub:type="pagebreak"[^>]*\btitle="(\d+)"/g)].map(([, page]) => pages[Number(page) - 1] ?? '').join('\n')
      : ''
    const pdfLost = missingWords(pdfWanted, printedWords(printed, pdfWanted))
    if (pdfLost.length > 0) failures.push(`words missing from the PDF: ${pdfLost.map(([word, count]) => `${word}×${count}`).join(' ')}`)
    verdicts.set(file, { seed: seedOf(file), file, outcome: 'published', failures })
  }
  return { cases: order(seeds, verdicts), builds, dir }
}

function order(seeds: readonly number[], verdicts: Map<string, CaseVerdict>): CaseVerdict[] {
  return seeds.map((seed, index) => verdicts.get(fileFor(index, seed))!)
}
