/**
 * Page presets, print and PDF/A options, and the constructs fixture: what the
 * PDF holds beyond running text (figures, links, tables, code, notes).
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import { loadBook } from '../../src/load/index.js'
import type { Book } from '../../src/model/book.js'
import { defaultTheme } from '../../src/theme/index.js'
import type { PagePreset } from '../../src/theme/index.js'
import { pdfFonts, pdfInfo, qpdfCheck, root } from '../support/tools.js'
import { pageBoxes, setBook, textBlockText, uncompressed } from './helpers.js'

const mm = 72 / 25.4

function smallBook(paragraphs: string[]): Book {
  return {
    metadata: { title: 'Small', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00.000Z' },
    chapters: [{ id: 'small', title: 'Small', source: 'small.md', blocks: paragraphs.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })), notes: [] }],
    assets: [],
  }
}

describe('page presets', () => {
  for (const preset of ['a4', 'letter', '6x9'] as PagePreset[]) {
    it(`sets ${preset} pages at the theme's size`, async () => {
      const pdf = await setBook(smallBook(['A short paragraph on a page of another size.']), { page: preset })
      const boxes = await pageBoxes(pdf.file)
      const size = defaultTheme.pages[preset]
      assert.deepEqual(boxes.MediaBox!.map((value) => Math.round(value)), [0, 0, Math.round(size.width), Math.round(size.height)])
    })
  }
})

describe('print and archive options', () => {
  it('--print: trim box at the page size, bleed box 3 mm beyond it, crop marks outside', async () => {
    const pdf = await setBook(smallBook(['Text for the printer.']), { page: 'a5', print: true })
    const boxes = await pageBoxes(pdf.file)
    const trim = boxes.TrimBox!
    const bleed = boxes.BleedBox!
    assert.ok(Math.abs(trim[2]! - trim[0]! - 148 * mm) < 0.01)
    assert.ok(Math.abs(trim[3]! - trim[1]! - 210 * mm) < 0.01)
    assert.ok(Math.abs(trim[0]! - bleed[0]! - 3 * mm) < 0.01)
    assert.ok(Math.abs(bleed[2]! - trim[2]! - 3 * mm) < 0.01)
    assert.ok(boxes.MediaBox![2]! > bleed[2]!)
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })

  it('--pdf-a: PDF/A-2b identification, an output intent, every font embedded', async () => {
    const pdf = await setBook(smallBook(['Text for the archive.']), { page: 'a5', pdfA: true })
    const raw = await uncompressed(pdf.file)
    assert.match(raw, /<pdfaid:part>2<\/pdfaid:part>/)
    assert.match(raw, /<pdfaid:conformance>B<\/pdfaid:conformance>/)
    assert.match(raw, /\/OutputIntents/)
    assert.match(raw, /<xmp:ModifyDate>2024-01-01T00:00:00Z<\/xmp:ModifyDate>/)
    for (const font of await pdfFonts(pdf.file)) assert.ok(font.embedded && font.subset)
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })
})

describe('words no line can hold', () => {
  it('breaks a 400-character URL and a 400-letter word inside the text block', async () => {
    const url = `https://example.com/${Array.from({ length: 40 }, (_, index) => `part${index}`).join('/')}/end`
    const word = 'abcdefghij'.repeat(40)
    const pdf = await setBook(smallBook([`Before the address ${url} and after it.`, `Before the word ${word} and after it.`]))
    assert.equal(pdf.report.overfullLines, 0)
    const text = await textBlockText(pdf.file, 'a5', ['-raw'])
    // The URL breaks after its slashes with nothing added; the word breaks with hyphens that join back.
    assert.equal(text.replace(/-\n/g, '').replace(/\n/g, '').includes(word), true)
    assert.equal(text.replace(/\n/g, '').includes(url), true)
  })
})

describe('the constructs fixture', () => {
  const manuscript = path.join(root, 'test/fixtures/constructs.md')

  it('sets every construct: tagged figures with their alt text, tables, lists, code, notes and live links', async () => {
    const diag = new Diagnostics()
    const book = await loadBook(manuscript, diag, { sourceDateEpoch: '1700000000' })
    const pdf = await setBook(book, { page: 'a5' }, 'constructs')
    const info = await pdfInfo(pdf.file)
    assert.equal(info.Tagged, 'yes')
    assert.equal(info.Author, 'Ada Specimen, Ben Sample')
    assert.equal(info.Keywords, 'Typography, Testing')
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
    assert.equal(pdf.report.overfullLines, 0)
    const raw = await uncompressed(pdf.file)
    for (const type of ['Figure', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'Lbl', 'LBody', 'Code', 'Note', 'Link', 'BlockQuote', 'H2', 'H6']) {
      assert.match(raw, new RegExp(`/S /${type}\\b`), type)
    }
    assert.match(raw, /\/Alt \(A diagram of a circle and a triangle\)/)
    assert.match(raw, /\/Alt \(A vector figure\)/)
    assert.match(raw, /\/URI \(https:\/\/example.com\/inline\)/)
    assert.match(raw, /\/S \/GoTo/)
    // Every figure is drawn: none is replaced by its description.
    assert.deepEqual(pdf.diag.warnings.filter((message) => message.ruleId === 'pdf-image'), [])
    const text = await textBlockText(pdf.file)
    assert.doesNotMatch(text, /A vector figure/)
    assert.match(text, /Left aligned/)
    assert.match(text, /function greet\(name\)/)
  })
})

describe('blocks that do not split', () => {
  it("repeats a long table's header row at the top of every page it runs on", async () => {
    const cell = (value: string) => ({ children: [{ type: 'text' as const, value }] })
    const rows = [[cell('Station'), cell('Distance')], ...Array.from({ length: 90 }, (_, index) => [cell(`Stop number ${index + 1}`), cell(`${index * 3} km`)])]
    const book: Book = {
      ...smallBook([]),
      chapters: [{ id: 't', title: 'T', source: 't.md', blocks: [{ type: 'table', align: [null, 'right'], rows, headerRows: 1 }], notes: [] }],
    }
    const pdf = await setBook(book)
    assert.ok(pdf.report.pages >= 3)
    const pages = (await textBlockText(pdf.file)).split('\f').filter((page) => page.trim() !== '')
    // The header row is set again at the top of every later page, as an artifact that text extraction reads as nothing.
    assert.equal([...pages.join('\n').matchAll(/Station/g)].length, 1, 'the header row is read once')
    const raw = await uncompressed(pdf.file)
    const contents = [...raw.matchAll(/%% Contents for page (\d+)[\s\S]*?\nstream\n([\s\S]*?)endstream/g)].map((match) => match[2]!)
    assert.equal(contents.length, pdf.report.pages)
    for (const content of contents.slice(1)) assert.match(content, /\/Artifact <<\n\/Type \/Pagination\n>> BDC\n\/Span <<\/ActualText \(\)>> BDC\nBT\n[^]*?\] TJ\n/)
    assert.doesNotMatch(contents[0]!, /ActualText \(\)/)
    // Every row is set once, whole.
    const text = pages.join('\n')
    const numbers = [...text.matchAll(/Stop number (\d+)\b/g)].map((match) => Number(match[1]))
    assert.deepEqual(numbers, Array.from({ length: 90 }, (_, index) => index + 1))
    assert.ok(pdf.pageStarts.every((start) => start.block[0] === 0))
    assert.ok(pdf.pageStarts.slice(1).every((start) => start.word > 0), 'a page starts at its first body row, not the repeated header')
  })

  it('warns about a character no font has (a fallback face sets the others)', async () => {
    const pdf = await setBook(smallBook(['A snowman ☃, a Hangul syllable 한 and a hieroglyph \u{13000} in the text.']))
    assert.ok(pdf.diag.warnings.some((message) => /U\+13000/.test(message.reason)))
    assert.ok(!pdf.diag.warnings.some((message) => /U\+2603|U\+D55C/.test(message.reason)))
  })

  it('sets the title of a manuscript with no text', async () => {
    const pdf = await setBook({ ...smallBook([]), chapters: [] })
    assert.equal(pdf.report.pages, 1)
    assert.match(await textBlockText(pdf.file), /Small/)
  })
})
