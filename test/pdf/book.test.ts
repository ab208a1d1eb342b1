/**
 * A generated book of prose, over a hundred pages: the typesetter's own
 * figures must show a clean setting, and the book's furniture (title page,
 * contents, chapter openings, running heads) must be where a reader expects.
 */
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { pdfInfo, qpdfCheck } from '../support/tools.js'
import { setBook, textBlockText, uncompressed } from './helpers.js'
import type { Written } from './helpers.js'
import { proseBook } from './prose.js'

describe('a generated book of 100 pages and more', () => {
  const book = proseBook({ chapters: 8, paragraphsPerChapter: 44 })
  let pdf: Written
  before(async () => {
    pdf = await setBook(book, { page: 'a5' }, 'prose')
  })

  it('runs past 100 pages, tagged, and passes qpdf --check', async () => {
    assert.ok(pdf.report.pages >= 100, `${pdf.report.pages} pages`)
    const info = await pdfInfo(pdf.file)
    assert.equal(Number(info.Pages), pdf.report.pages)
    assert.equal(info.Tagged, 'yes')
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })

  it('has no overfull line, widow, orphan or stranded heading, and no more than two hyphens in a row', () => {
    const report = pdf.report
    assert.ok(report.justifiedLines > 2000)
    assert.equal(report.overfullLines, 0)
    assert.equal(report.widows, 0)
    assert.equal(report.orphans, 0)
    assert.equal(report.strandedHeadings, 0)
    assert.ok(report.longestHyphenRun <= 2, `hyphen run ${report.longestHyphenRun}`)
    assert.ok(report.adjustment.max < 10)
  })

  it('opens with a title page and the contents, each chapter on a right-hand page', () => {
    const chapterStarts = book.chapters.map((_, index) => pdf.pageStarts.find((start) => start.chapter === index)!)
    for (const start of chapterStarts) {
      assert.equal(start.page % 2, 1, `chapter ${start.chapter} opens on page ${start.page}`)
      assert.deepEqual(start.block, [0])
      assert.equal(start.word, 0)
    }
    assert.ok(chapterStarts[0]!.page >= 5, 'title page, its verso and the contents come first')
  })

  it('lists the chapters in the contents with the pages they open on', async () => {
    const text = await textBlockText(pdf.file, 'a5', ['-layout'])
    const firstChapter = pdf.pageStarts.find((entry) => entry.chapter === 0)!.page
    const contents = text.split('\f').slice(2, firstChapter - 1).join('\n')
    assert.match(contents, /Contents/)
    book.chapters.forEach((chapter, index) => {
      const start = pdf.pageStarts.find((entry) => entry.chapter === index)!
      const line = contents.split('\n').find((entry) => entry.trim().startsWith(chapter.title.slice(0, 20)))
      assert.ok(line, `${chapter.title} in the contents`)
      assert.match(line, new RegExp(`\\s${start.page}$`))
    })
  })

  it('links the contents to the chapters and footnote calls to their notes and back', async () => {
    const raw = await uncompressed(pdf.file)
    assert.match(raw, /\/S \/GoTo/)
    assert.match(raw, /\/D \(chapter-1\/chapter-1-title\)/, 'a heading, named by its chapter and its id')
    assert.match(raw, /\/D \(note-chapter-1-note-1\)/)
    assert.match(raw, /\/D \(noteref-chapter-1-note-1\)/)
    assert.match(raw, /\/S \/Note\b/)
    assert.match(raw, /\/S \/TOC\b/)
  })

  it('records a page start for every page with text on it', () => {
    const pages = pdf.pageStarts.map((start) => start.page)
    assert.deepEqual(pages, [...pages].sort((a, b) => a - b))
    assert.ok(pages.length > 90)
  })
})
