/**
 * Tables in print, checked from the PDF (poppler's words and their boxes,
 * pdfinfo, the PDF's objects) and, where the PDF cannot tell, from the flow
 * the typesetter composed: what never breaks, column widths, smaller type
 * then a turned page, spans, tags, and where pages break in a long table.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { before, describe, it } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import type { Book, Table } from '../../src/model/book.js'
import { blockWords } from '../../src/model/text.js'
import { composeBook } from '../../src/pdf/compose/index.js'
import type { Flow, FlowBox } from '../../src/pdf/flow.js'
import { createHyphenator } from '../../src/pdf/hyphenate.js'
import { createMeasurer } from '../../src/pdf/measure.js'
import { paginate } from '../../src/pdf/paginate/index.js'
import type { Page } from '../../src/pdf/paginate/index.js'
import { defaultTheme, pageGeometry, resolveStyle } from '../../src/theme/index.js'
import { decodeXml, pdfText, qpdfCheck } from '../support/tools.js'
import { cell, longTable, tablesBook, text } from '../support/tables.js'
import { setBook, uncompressed } from './helpers.js'
import type { Written } from './helpers.js'

const run = promisify(execFile)
const theme = defaultTheme
const geometry = pageGeometry(theme, 'a5')
const body = resolveStyle(theme, 'body')
const measurer = createMeasurer(theme)

/** Compose and paginate as `writePdf` does, without drawing. */
function layOut(book: Book): { flow: Flow; pages: Page[] } {
  const flow = composeBook(book, theme, measurer, geometry, new Diagnostics(), { hyphenate: createHyphenator('en', theme.hyphenation) })
  return { flow, pages: paginate(flow, { depth: geometry.depth, noteSeparator: body.leading, leading: body.leading }) }
}

interface WordBox {
  word: string
  xMin: number
  yMin: number
  xMax: number
}

/** Every word poppler finds, page by page, with where it stands (as a viewer shows the page). */
async function pageWords(file: string): Promise<WordBox[][]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
  return [...stdout.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(([, page]) =>
    [...page!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(([, xMin, yMin, xMax, word]) => ({ word: decodeXml(word!), xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax) })),
  )
}

/** The block of the tables book each table stands at. */
const at = { reference: 2, narrow: 4, smaller: 6, spans: 8, wide: 10, long: 13 }
const boxesOf = (flow: Flow, block: number): FlowBox[] => flow.items.filter((item): item is FlowBox => item.kind === 'box' && item.source?.block[0] === block && item.source.block.length === 1)
const runSizes = (boxes: readonly FlowBox[]): Set<number> => new Set(boxes.flatMap((box) => box.drawings.flatMap((drawing) => (drawing.kind === 'text' && drawing.run.text !== '' ? [drawing.run.style.size] : []))))

describe('tables as a documentation book holds them', () => {
  const book = tablesBook()
  let pdf: Written
  let lines: string[][]
  let words: WordBox[][]
  let flow: Flow
  let pages: Page[]

  before(async () => {
    pdf = await setBook(book, { page: 'a5' }, 'tables')
    lines = (await pdfText(pdf.file)).map((page) => page.split('\n'))
    words = await pageWords(pdf.file)
    ;({ flow, pages } = layOut(book))
  })

  it('never breaks a number, a piece of code or a cell of one word', async () => {
    const all = lines.flat()
    const kept = ['240.1', '1,024', '−3.5e-7', '12 %', 'finishFlush()', 'Promise<void>', 'setEncoding(enc)', 'Rotterdam-Europoort', '14,500,000', '24.0 m', 'highWaterMark', 'Experimental', 'Deprecated', 'v10.0.0']
    for (const whole of kept) assert.ok(all.some((line) => ` ${line} `.includes(` ${whole} `)), `${whole} on one line`)
    // No header word and none of those is broken at a line's end (prose may be).
    const headers = ['Method', 'Returns', 'Description', 'Harbour', 'Capacity', 'Tonnage', 'Station', 'Distance', 'Kilometres', 'Option', 'Default', 'Platform', 'Remarks', ...kept]
    for (const line of all.filter((entry) => /\S-$/.test(entry))) {
      const piece = line.split(' ').at(-1)!.slice(0, -1)
      assert.ok(!headers.some((word) => word.startsWith(piece) && word !== piece), `"${line}" breaks a word that must stay whole`)
    }
    assert.equal(pdf.report.overfullLines, 0)
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })

  it('gives a column of one letter no more room than its letter while the column of prose wraps', () => {
    const page = words[0]!
    const header = page.find((box) => box.word === 'a' && page.some((other) => other.word === 'Description' && Math.abs(other.yMin - box.yMin) < 1))!
    const row = (word: string): WordBox => page.find((box) => box.word === word && box.yMin >= header.yMin - 1)!
    const [a, b, c, description] = ['a', 'b', 'c', 'Description'].map(row) as [WordBox, WordBox, WordBox, WordBox]
    const padding = 2 * theme.tables.padding.inline * resolveStyle(theme, 'table').size
    for (const [left, right] of [[a, b], [b, c], [c, description]] as const) {
      assert.ok(right.xMin - left.xMin < left.xMax - left.xMin + padding + 1, `${left.word} to ${right.word}: ${(right.xMin - left.xMin).toFixed(1)} pt`)
    }
    // The prose runs to the measure's edge and wraps.
    const prose = page.filter((box) => box.yMin > description.yMin && box.xMin >= description.xMin - 1 && box.yMin < row('Another').yMin)
    assert.ok(new Set(prose.map((box) => Math.round(box.yMin))).size >= 2, 'the description wraps')
    const right = geometry.margins.inner + geometry.measure
    assert.ok(Math.max(...prose.map((box) => box.xMax)) > right - 40)
  })

  it('sets a table too wide for the measure a size smaller, and one too wide for that on a turned page', async () => {
    const table = resolveStyle(theme, 'table').size
    assert.deepEqual([...runSizes(boxesOf(flow, at.reference))].filter((size) => size < table * 0.8), [], 'the reference table at its own size')
    const smaller = [...runSizes(boxesOf(flow, at.smaller))]
    assert.ok(smaller.length > 0 && smaller.every((size) => size < table - 0.1), `sizes ${smaller.join(', ')}`)

    // The wide table stands alone on a turned page, the text before it ending its page, the text after it starting the next.
    const wide = boxesOf(flow, at.wide)
    const turned = pages.filter((page) => page.turned)
    assert.equal(turned.length, 1)
    assert.ok(turned[0]!.body.every((placed) => wide.includes(placed.box)))
    assert.ok(wide.every((box) => turned[0]!.body.some((placed) => placed.box === box)))
    const number = turned[0]!.number
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', String(pages.length), pdf.file])
    const rotations = [...stdout.matchAll(/^Page\s+(\d+) rot:\s+(\d+)/gm)].map(([, page, rot]) => [Number(page), Number(rot)])
    assert.deepEqual(rotations.filter(([, rot]) => rot !== 0), [[number, 90]], 'shown upright in a viewer')
    const sizes = new Set([...stdout.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map(([, size]) => size))
    assert.equal(sizes.size, 1, 'every page the same size')
    // Upright (as a viewer shows it), the table is as wide as the page's depth allows: wider than the upright measure.
    const onTurned = words[number - 1]!
    const span = Math.max(...onTurned.map((box) => box.xMax)) - Math.min(...onTurned.filter((box) => box.word === 'Option').map((box) => box.xMin))
    assert.ok(span > geometry.measure, `${span.toFixed(0)} pt across`)
    const first = onTurned.find((box) => box.word === 'highWaterMark')!
    const row = onTurned.filter((box) => Math.abs(box.yMin - first.yMin) < 4).sort((x, y) => x.xMin - y.xMin).map((box) => box.word)
    assert.deepEqual(row.slice(0, 8), ['highWaterMark', 'integer', '16384', 'v10.0.0', 'no', 'all', 'no', 'Buffer'], 'a row reads across, upright')
    // No running head on the turned page; the text after the table on the next page, with its running head.
    assert.ok(!onTurned.some((box) => box.word === 'Tables'))
    assert.match(lines[number]!.join('\n'), /The text goes on after the turned table/)
  })

  it('draws a cell spanning columns over them, with a rule under it, and one spanning rows beside both', () => {
    const page = words.find((entries) => entries.some((box) => box.word === 'Kilometres'))!
    const find = (word: string): WordBox => page.find((box) => box.word === word)!
    const [distance, miles, kilometres] = [find('Distance'), find('Miles'), find('Kilometres')]
    const centre = (distance.xMin + distance.xMax) / 2
    assert.ok(Math.abs(centre - (miles.xMin + kilometres.xMax) / 2) < 12, 'Distance centred over Miles and Kilometres')
    assert.ok(distance.yMin < miles.yMin, 'in the header row above')
    // The rule under it spans those two columns only, short of the table's edges.
    const spans = boxesOf(flow, at.spans)
    const rules = spans.flatMap((box) => box.drawings.filter((drawing) => drawing.kind === 'rule'))
    const under = rules.filter((drawing) => drawing.kind === 'rule' && drawing.x1 > 1 && drawing.x2 < geometry.measure - 1)
    assert.equal(under.length, 1)
    // "North harbour …" spans the rows of 12 and 14: it starts on the line of 12, and Lighthouse stands below both.
    const [north, twelve, fourteen, lighthouse] = [find('North'), find('12'), find('14'), find('Lighthouse')]
    assert.ok(Math.abs(north.yMin - twelve.yMin) < 1)
    assert.ok(fourteen.yMin > twelve.yMin && lighthouse.yMin > fourteen.yMin)
    assert.ok(find('morning').yMin < lighthouse.yMin)
  })

  it('tags the tables: head and body, Scope on header cells, ColSpan and RowSpan on spanning cells', async () => {
    const raw = await uncompressed(pdf.file)
    for (const type of ['Table', 'THead', 'TBody', 'TR', 'TH', 'TD']) assert.match(raw, new RegExp(`/S /${type}\\b`), type)
    // qpdf writes a dictionary's keys in order: ColSpan, O, RowSpan, Scope.
    assert.match(raw, /\/A <<\s*\/ColSpan 2\s*\/O \/Table\s*\/Scope \/Column\s*>>/, 'Distance')
    assert.match(raw, /\/A <<\s*\/ColSpan 2\s*\/O \/Table\s*>>/, 'unknown')
    assert.match(raw, /\/A <<\s*\/O \/Table\s*\/RowSpan 2\s*\/Scope \/Column\s*>>/, 'Station')
    assert.match(raw, /\/A <<\s*\/O \/Table\s*\/RowSpan 2\s*>>/, 'North harbour')
  })

  it('repeats the header rows on every page a long table runs on, leaves no body row alone, and starts each page at the word the page map says', () => {
    const long = book.chapters[0]!.blocks[at.long] as Table
    const all = blockWords(long)
    const starts = pdf.pageStarts.filter((start) => start.block[0] === at.long && start.word > 0)
    assert.ok(starts.length >= 2, 'the table runs over pages')
    for (const start of starts) {
      const page = pages[start.page - 1]!
      assert.ok(page.body[0]!.repeated, `page ${start.page} opens with the header rows`)
      assert.ok(page.body.filter((placed) => !placed.repeated).length >= 2, `page ${start.page} holds two rows at least`)
      // The page's first line after its running head starts with the word the page map points at.
      const first = lines[start.page - 1]!.filter((line) => line.trim() !== '' && line !== 'Tables')[0]!
      assert.equal(first.split(' ')[0], all[start.word], `page ${start.page}`)
    }
  })
})

describe('a long table ending a chapter', () => {
  const vocabulary = ['harbour', 'light', 'keeper', 'station', 'evening', 'weather', 'a', 'of', 'the']
  const phrase = (count: number, seed: number): string => Array.from({ length: count }, (_, index) => vocabulary[(index * 7 + seed) % vocabulary.length]).join(' ')
  function book(rows: number): Book {
    const table: Table = { type: 'table', align: [null, null], headerRows: 1, rows: [[cell(text('Name')), cell(text('Value'))], ...Array.from({ length: rows }, (_, row) => [cell(text(`Row ${row}`)), cell(text(phrase(6 + (row % 3) * 4, row)))])] }
    return {
      metadata: { title: 'Rows', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00.000Z' },
      chapters: [
        { id: 'one', title: 'One', source: 'one.md', blocks: [{ type: 'heading', depth: 1, id: 'one', children: [text('One')] }, table], notes: [] },
        { id: 'two', title: 'Two', source: 'two.md', blocks: [{ type: 'heading', depth: 1, id: 'two', children: [text('Two')] }, { type: 'paragraph', children: [text(phrase(30, 1))] }], notes: [] },
      ],
      assets: [],
    }
  }
  const bodyRows = (page: Page): number => page.body.filter((placed) => placed.box.repeat !== undefined && !placed.repeated).length

  it('no longer ends on a page of one row followed by a blank page', () => {
    // Twenty-nine rows: the last row used to stand alone on a right-hand page, a blank page after it before chapter two.
    const { pages } = layOut(book(29))
    const last = pages.filter((page) => bodyRows(page) > 0).at(-1)!
    assert.ok(bodyRows(last) >= 2, `${bodyRows(last)} rows on page ${last.number}`)
    const after = pages[last.number]!
    assert.notEqual(after.kind, 'blank')
    assert.ok(after.opening && after.chapter === 1)
  })

  it('leaves two body rows at least on each side of every break, whatever the length', () => {
    for (let rows = 10; rows <= 40; rows++) {
      const { pages } = layOut(book(rows))
      for (const page of pages.filter((entry) => bodyRows(entry) > 0)) assert.ok(bodyRows(page) >= 2, `${rows} rows: ${bodyRows(page)} on page ${page.number}`)
    }
  })

  it('keeps a table of three body rows whole', () => {
    const { flow } = layOut({ ...book(3), chapters: [{ ...book(3).chapters[0]!, blocks: [longTable(3)] }] })
    const boxes = flow.items.filter((item): item is FlowBox => item.kind === 'box' && item.source?.block[0] === 0)
    assert.ok(boxes.slice(1).every((box) => box.keepWithPrevious))
  })
})

describe('a turned table for a print service', () => {
  it('keeps the page upright, its content drawn turned, with no /Rotate', async () => {
    const pdf = await setBook(tablesBook(), { page: 'a5', print: true }, 'print')
    const raw = await uncompressed(pdf.file)
    assert.doesNotMatch(raw, /\/Rotate/)
    assert.match(raw, /\n0 -1 1 0 [\d.]+ [\d.]+ cm\n/)
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', String(pdf.report.pages), pdf.file])
    assert.equal(new Set([...stdout.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map(([, size]) => size)).size, 1)
  })
})
