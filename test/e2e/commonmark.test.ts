/**
 * The CommonMark specification's examples through both editions: each
 * example is a chapter of one book, built once, checked once by EPUBCheck and
 * by qpdf, and read back so that no word a reader of the example's expected
 * HTML would see goes missing.
 *
 * Examples whose pictures Octavo refuses by design (an absolute path, a name
 * that is not a picture's) cannot be chapters of a book that builds: each is
 * built on its own and must be refused with a message in file:line:column form.
 */
import assert from 'node:assert/strict'
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { fixturePicture, imagePlan, specExamples } from '../support/commonmark.js'
import type { SpecExample } from '../support/commonmark.js'
import { defaultTheme, pageGeometry } from '../../src/theme/index.js'
import { assertNoCrash, chapterReaderText, epubChapters, pdfReaderPages, placedMessages, problemsAbout, readerText, stderrLines } from '../support/conformance.js'
import type { EpubDocument } from '../support/editions.js'
import { epubcheck, octavo, qpdfCheck, tempDir } from '../support/tools.js'
import type { CommandResult } from '../support/tools.js'
import { comparableWords, missingWords, printedWords } from '../support/words.js'
import type { WordCounts } from '../support/words.js'

const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
const bookTitle = 'CommonMark examples'

/**
 * Examples that lose words on purpose, by number, with the reason. Raw HTML
 * is sanitised: what is dropped never reaches an edition.
 */
const expectedLosses = new Map<number, string>([
  [171, 'a <textarea> is a form control: dropped with its content'],
])

const titleOf = (example: SpecExample): string => `Example ${example.number}`
const fileOf = (example: SpecExample): string => `example-${String(example.number).padStart(4, '0')}.md`

describe('the CommonMark specification examples, as chapters of one book', () => {
  const examples = specExamples()
  const refused = examples.filter((example) => imagePlan(example.markdown).refused.length > 0)
  const included = examples.filter((example) => !refused.includes(example))
  let dir: string
  let book: string
  let result: CommandResult
  let refusedRun: CommandResult
  let problems: string[]
  let epubcheckCode: number
  let qpdf: CommandResult
  /** Each included example's chapter document, if the book has one for it (an example with no content has none). */
  const documents = new Map<number, EpubDocument>()
  const expected = new Map<number, WordCounts>()
  const lostInEpub = new Map<number, Array<[string, number]>>()
  const lostInPdf = new Map<number, Array<[string, number]>>()

  before(async () => {
    dir = await tempDir('octavo-commonmark-')
    book = path.join(dir, 'commonmark')
    await mkdir(book)
    await writeFile(path.join(book, 'book.yaml'), `title: ${bookTitle}\nlang: en\n`)
    for (const example of included) {
      await writeFile(path.join(book, fileOf(example)), `---\ntitle: ${titleOf(example)}\n---\n\n${example.markdown}`)
      for (const picture of imagePlan(example.markdown).local) {
        await mkdir(path.dirname(path.join(book, picture)), { recursive: true })
        await copyFile(fixturePicture(picture), path.join(book, picture))
      }
      expected.set(example.number, comparableWords(readerText(example.html)))
    }
    const alone = path.join(dir, 'refused')
    await mkdir(alone)
    for (const example of refused) await writeFile(path.join(alone, fileOf(example)), example.markdown)

    // The refused examples in one run of the command line: each input is built (and refused) on its own.
    ;[result, refusedRun] = await Promise.all([
      octavo(['build', book, '--out', dir, '--quiet'], env),
      octavo(['build', ...refused.map((example) => path.join(alone, fileOf(example))), '--out', alone, '--quiet'], env),
    ])
    assert.equal(result.code, 0, result.stderr)

    const epub = path.join(dir, 'commonmark.epub')
    const pdf = path.join(dir, 'commonmark.pdf')
    const [check, qpdfResult, chapters, pages] = await Promise.all([
      epubcheck(epub),
      qpdfCheck(pdf),
      epubChapters(epub),
      // The text blocks only: running heads and folios stand outside them.
      pdfReaderPages(pdf, pageGeometry(defaultTheme, 'a5').margins),
    ])
    problems = check.problems
    epubcheckCode = check.code
    qpdf = qpdfResult
    for (const chapter of chapters) {
      const number = /<title>Example (\d+)<\/title>/.exec(chapter.xhtml)?.[1]
      if (number) documents.set(Number(number), chapter)
    }

    for (const example of included) {
      const want = expected.get(example.number)!
      const document = documents.get(example.number)
      const epubMissing = missingWords(want, comparableWords(document ? chapterReaderText(document.xhtml) : ''))
      if (epubMissing.length > 0) lostInEpub.set(example.number, epubMissing)
      // The example's print pages are those its EPUB document marks; hyphenated line ends are joined.
      const printed = document
        ? [...document.xhtml.matchAll(/epub:type="pagebreak"[^>]*\btitle="(\d+)"/g)].map(([, page]) => pages[Number(page) - 1] ?? '').join('\n')
        : ''
      const pdfMissing = missingWords(want, printedWords(printed, want))
      if (pdfMissing.length > 0) lostInPdf.set(example.number, pdfMissing)
    }
  })

  it('builds the book of every example whose pictures can be published, with exit 0 and no stack trace', (t) => {
    assertNoCrash(result)
    assert.equal(result.code, 0)
    t.diagnostic(`${included.length} of ${examples.length} examples are chapters of the book; ${refused.length} refused by design: ${refused.map((example) => example.number).join(', ')}`)
    t.diagnostic(`${included.length - documents.size} examples have nothing to publish (link definitions alone) and no chapter document`)
  })

  it('refuses each example whose picture lies outside the book or is not a picture, in one line with its place', () => {
    assert.ok(refused.length > 0, 'the specification has examples with pictures Octavo refuses')
    assertNoCrash(refusedRun)
    assert.equal(refusedRun.code, 1, refusedRun.stderr)
    const errors = placedMessages(refusedRun).filter((message) => message.severity === 'error')
    assert.deepEqual(
      errors.map((message) => path.basename(message.file)),
      refused.map(fileOf),
      `one error for each refused example:\n${stderrLines(refusedRun).join('\n')}`,
    )
    for (const message of errors) assert.match(message.text, /image/, `${message.file}: ${message.text}`)
  })

  /** EPUBCheck's problems about an example's chapter, and those about the book as a whole. */
  const problemsOf = (example: SpecExample): string[] =>
    // An example with nothing to publish (link definitions only) has no document: only the book's own problems concern it.
    problemsAbout(problems, documents.get(example.number)?.href ?? 'no-document.xhtml')

  it('passes EPUBCheck with no error and no warning', (t) => {
    const clean = included.filter((example) => problemsOf(example).length === 0)
    t.diagnostic(`${clean.length} of ${included.length} examples EPUBCheck-clean`)
    assert.deepEqual([...new Set(included.flatMap(problemsOf))].slice(0, 20), [])
    assert.equal(epubcheckCode, 0)
  })

  it('passes qpdf --check', () => {
    assert.equal(qpdf.code, 0, qpdf.stdout + qpdf.stderr)
  })

  const report = (lost: Map<number, Array<[string, number]>>, numbers: Iterable<number>): string[] =>
    [...numbers].filter((number) => lost.has(number)).map((number) => `${number}: ${lost.get(number)!.map(([word, count]) => `${word}×${count}`).join(' ')}`)
  const unlisted = (lost: Map<number, Array<[string, number]>>): number[] =>
    [...lost.keys()].filter((number) => !expectedLosses.has(number))

  it('loses no word of any example in the EPUB, but where raw HTML is dropped on purpose', (t) => {
    t.diagnostic(`${included.length - lostInEpub.size} of ${included.length} examples lose no word in the EPUB`)
    const stale = [...expectedLosses.keys()].filter((number) => !lostInEpub.has(number) && !lostInPdf.has(number))
    if (stale.length > 0) t.diagnostic(`listed as losing words on purpose, but lose none now: ${stale.join(', ')}`)
    assert.deepEqual(report(lostInEpub, unlisted(lostInEpub)), [])
  })

  it('loses no word of any example in the PDF, but where raw HTML is dropped on purpose', (t) => {
    t.diagnostic(`${included.length - lostInPdf.size} of ${included.length} examples lose no word in the PDF`)
    assert.deepEqual(report(lostInPdf, unlisted(lostInPdf)), [])
  })
})
