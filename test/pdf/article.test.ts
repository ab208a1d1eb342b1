/**
 * The article end to end: the manuscript in content/ set as a PDF and checked
 * with the tools a printer or a reader would use.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import { loadBook } from '../../src/load/index.js'
import type { Book } from '../../src/model/book.js'
import { pdfFonts, pdfInfo, pdfText, qpdfCheck, root } from '../support/tools.js'
import { countWords, extraWords, joinHyphenatedLines, manuscriptWords, missingWords } from '../support/words.js'
import { setBook, textBlockText, uncompressed } from './helpers.js'
import type { Written } from './helpers.js'

const manuscript = path.join(root, 'content/article.md')

describe('the article as a PDF', () => {
  let book: Book
  let pdf: Written
  before(async () => {
    book = await loadBook(manuscript, new Diagnostics(), { sourceDateEpoch: '1700000000' })
    pdf = await setBook(book, { page: 'a5' }, 'article')
  })

  it('is an A5, tagged PDF with the title, language and description', async () => {
    const info = await pdfInfo(pdf.file)
    assert.equal(info.Tagged, 'yes')
    assert.equal(info.Title, book.metadata.title)
    assert.equal(info.Subject, book.metadata.description)
    assert.match(info['Page size'] ?? '', /^419\.5\d* x 595\.2\d* pts/)
    assert.equal(Number(info.Pages), pdf.report.pages)
    const raw = await uncompressed(pdf.file)
    assert.match(raw, /\/Lang \(en\)/)
    assert.match(raw, /\/DisplayDocTitle true/)
    assert.match(raw, /\/Outlines \d+ 0 R/)
    assert.match(raw, /\/S \/Document/)
    assert.match(raw, /\/S \/P\b/)
    assert.match(raw, /\/S \/H1\b/)
  })

  it('embeds every font as a subset', async () => {
    const fonts = await pdfFonts(pdf.file)
    assert.ok(fonts.length >= 2)
    for (const font of fonts) {
      assert.ok(font.embedded, `${font.name} embedded`)
      assert.ok(font.subset, `${font.name} subset`)
    }
  })

  it('passes qpdf --check', async () => {
    const result = await qpdfCheck(pdf.file)
    assert.equal(result.code, 0, result.stdout + result.stderr)
  })

  it('loses no word: the text block holds every word of the manuscript, no more', async () => {
    const expected = manuscriptWords(manuscript)
    // The title block sets the front matter's title, which the manuscript's body does not hold.
    countWords(book.metadata.title, expected)
    const actual = countWords(joinHyphenatedLines(await textBlockText(pdf.file), expected))
    assert.deepEqual(missingWords(expected, actual), [])
    assert.deepEqual(extraWords(expected, actual), [])
  })

  it('draws a hyphen where a word is broken, which joining `-` + newline undoes', async () => {
    assert.ok(pdf.report.hyphenatedLines > 0)
    // Poppler's word boxes, a line per line set: its plain modes join hyphenated words themselves.
    const raw = (await pdfText(pdf.file)).join('\n')
    assert.match(raw, /\p{L}-\n\p{Ll}/u)
    const expected = manuscriptWords(manuscript)
    countWords(book.metadata.title, expected)
    const actual = countWords(joinHyphenatedLines(raw, expected))
    assert.deepEqual(missingWords(expected, actual), [])
  })

  it('is set with no line past the margin, no widow, orphan or stranded heading', () => {
    assert.equal(pdf.report.overfullLines, 0)
    assert.equal(pdf.report.widows, 0)
    assert.equal(pdf.report.orphans, 0)
    assert.equal(pdf.report.strandedHeadings, 0)
    assert.ok(pdf.report.longestHyphenRun <= 2)
  })

  it('is byte-identical when set twice', async () => {
    const again = await setBook(book, { page: 'a5' }, 'again')
    assert.ok(Buffer.from(pdf.bytes).equals(Buffer.from(again.bytes)))
  })

  it('records where each page starts, page 1 at the first paragraph', () => {
    assert.equal(pdf.pageStarts.length, pdf.report.pages)
    assert.deepEqual(pdf.pageStarts[0], { page: 1, chapter: 0, block: [0], word: 0 })
    for (const start of pdf.pageStarts.slice(1)) assert.ok(start.word > 0 || start.block[0]! > 0)
  })
})
