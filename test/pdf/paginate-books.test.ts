/**
 * Pagination on whole books, checked from the pages themselves rather than
 * from the layout report: the fixture book, the generated prose book of a
 * hundred pages, the manuscript of every construct, and a book of long
 * tables, code and notes.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import { loadBook } from '../../src/load/index.js'
import type { Block, Book, Inline } from '../../src/model/book.js'
import { composeBook } from '../../src/pdf/compose/index.js'
import type { Flow, FlowBox } from '../../src/pdf/flow.js'
import { createHyphenator } from '../../src/pdf/hyphenate.js'
import { createMeasurer } from '../../src/pdf/measure.js'
import { paginate } from '../../src/pdf/paginate/index.js'
import type { Page } from '../../src/pdf/paginate/index.js'
import { layoutReport } from '../../src/pdf/report.js'
import { defaultTheme, pageGeometry, resolveStyle } from '../../src/theme/index.js'
import { root } from '../support/tools.js'
import { proseBook } from './prose.js'
import { imageAsset } from '../support/assets.js'

const geometry = pageGeometry(defaultTheme, 'a5')
const body = resolveStyle(defaultTheme, 'body')
const measurer = createMeasurer(defaultTheme)

/** Compose and paginate as `writePdf` does, without drawing. */
function layOut(book: Book): { flow: Flow; pages: Page[] } {
  const hyphenate = createHyphenator(book.metadata.lang, defaultTheme.hyphenation)
  const flow = composeBook(book, defaultTheme, measurer, geometry, new Diagnostics(), { hyphenate })
  const pages = paginate(flow, { depth: geometry.depth, noteSeparator: body.leading, leading: body.leading })
  return { flow, pages }
}

const text = (box: FlowBox): string => box.drawings.flatMap((drawing) => (drawing.kind === 'text' ? [drawing.run.text] : [])).join(' ')
const blockKey = (box: FlowBox): string | undefined => (box.source ? `${box.source.chapter}/${box.source.block.join('.')}` : undefined)
const isCode = (box: FlowBox): boolean => box.drawings.some((drawing) => drawing.kind === 'rect')
const isTableRow = (box: FlowBox, flow: Flow): boolean => box.repeat !== undefined || flow.items.some((item) => item.kind === 'box' && item.repeat === box)

/** The page each box is set on (a table's repeated header row counts where it first stands). */
function pageOf(pages: readonly Page[]): Map<FlowBox, number> {
  const where = new Map<FlowBox, number>()
  for (const page of pages) for (const placed of [...page.body, ...page.notes]) if (!where.has(placed.box)) where.set(placed.box, page.number)
  return where
}

/** Every full page ends on the foot of the text block: its notes' last baseline, or its text's. */
function assertAligned(pages: readonly Page[]): void {
  for (const page of pages.filter((entry) => entry.full)) {
    const last = page.notes.at(-1) ?? page.body.at(-1)
    assert.ok(last && Math.abs(last.y - geometry.depth) < 1e-6, `page ${page.number} ends at ${last?.y} of ${geometry.depth}`)
  }
}

/** Notes start on the page of their first call; the text never runs into them. */
function assertNotesPlaced(flow: Flow, pages: readonly Page[]): void {
  const where = pageOf(pages)
  const seen = new Set<string>()
  for (const page of pages) {
    for (const placed of page.body) {
      for (const id of placed.box.notes) {
        if (seen.has(id) || !flow.notes.has(id)) continue
        seen.add(id)
        assert.equal(where.get(flow.notes.get(id)![0]!), page.number, `note ${id} called on page ${page.number}`)
      }
    }
    if (page.noteRule !== undefined && page.body.length > 0) assert.ok(page.body.at(-1)!.y < page.noteRule, `page ${page.number}: text over the notes`)
  }
  const placed = pages.reduce((sum, page) => sum + page.notes.length, 0)
  const set = [...seen].reduce((sum, id) => sum + flow.notes.get(id)!.length, 0)
  assert.equal(placed, set, 'every line of every note is set once')
}

/** No page in a chapter ends with a heading, or with a heading and a single line after it. */
function assertHeadingsKept(pages: readonly Page[]): void {
  pages.forEach((page, index) => {
    const next = pages.slice(index + 1).find((later) => later.body.length > 0)
    if (!next || next.chapter !== page.chapter || next.kind !== page.kind) return
    const at = page.body.findLastIndex((placed) => placed.box.heading)
    if (at < 0) return
    const heading = page.body[at]!.box
    // Lines of the heading itself (same block, no paragraph) are not what follows it.
    const after = page.body.slice(at + 1).filter((placed) => placed.box.para || blockKey(placed.box) === undefined || blockKey(placed.box) !== blockKey(heading))
    assert.ok(after.length >= 2 || (after.length === 1 && next.body[0]!.box.heading), `page ${page.number}: heading "${heading.heading!.title}" with ${after.length} lines after it`)
  })
}

describe('the fixture book', () => {
  it("sets the opening chapter's last paragraph and its note on the opening page, which has room for both", async () => {
    const book = await loadBook(path.join(root, 'test/fixtures/book'), new Diagnostics(), { sourceDateEpoch: '1700000000' })
    const { flow, pages } = layOut(book)
    const chapterPages = pages.filter((page) => page.chapter === 0 && page.kind === 'chapter' && page.body.length > 0)
    assert.equal(chapterPages.length, 1, `chapter 0 on pages ${chapterPages.map((page) => page.number).join(', ')}`)
    const opening = chapterPages[0]!
    assert.ok(opening.body.some((placed) => text(placed.box).startsWith('The last rule')))
    assert.equal(opening.notes.length, flow.notes.get([...flow.notes.keys()][0]!)!.length)
    assertNotesPlaced(flow, pages)
  })
})

describe('the generated prose book', () => {
  let flow: Flow
  let pages: Page[]
  before(() => {
    ;({ flow, pages } = layOut(proseBook({ chapters: 8, paragraphsPerChapter: 44 })))
  })

  it('runs past 100 pages with every full page ending on the foot of the text block', () => {
    assert.ok(pages.length >= 100)
    assert.ok(pages.filter((page) => page.full).length > 80)
    assertAligned(pages)
    // A page whose text stops short of the foot (above its notes' rule, say) is rare, and counted.
    const short = pages.filter((page) => page.short).length
    assert.ok(short <= pages.length / 50, `${short} pages left short`)
    assert.equal(layoutReport(pages).shortPages, short)
  })

  it('keeps notes on the page of their call and headings with what follows them', () => {
    assertNotesPlaced(flow, pages)
    assertHeadingsKept(pages)
  })

  it('leaves no line of a paragraph of three or more lines alone at the top or the foot of a page', () => {
    for (const page of pages) {
      const first = page.body[0]?.box.para
      const last = page.body.at(-1)?.box.para
      if (first && first.count >= 3) assert.notEqual(first.index, first.count - 1, `widow on page ${page.number}`)
      if (last && last.count >= 3) assert.notEqual(last.index, 0, `orphan on page ${page.number}`)
    }
  })

  it('rarely ends a page in a hyphen, and the report counts those pages', () => {
    // Without the page builder's price on a broken word, about one page in seven ends in one; with it,
    // only those whose other breaks would leave them too short to line up (four in a hundred).
    const ends = pages.filter((page) => page.body.at(-1)?.box.line?.hyphenated || page.notes.at(-1)?.box.line?.hyphenated)
    assert.ok(ends.length <= pages.length / 12, `${ends.length} of ${pages.length} pages`)
    assert.equal(layoutReport(pages).hyphenatedPageEnds, ends.length)
  })
})

describe('every construct, and long tables, code and notes', () => {
  it('sets the manuscript of every construct with nothing split that must not be', async () => {
    const book = await loadBook(path.join(root, 'test/fixtures/constructs.md'), new Diagnostics(), { sourceDateEpoch: '1700000000' })
    const { flow, pages } = layOut(book)
    const where = pageOf(pages)
    const report = layoutReport(pages)
    assert.equal(report.widows + report.orphans + report.strandedHeadings + report.overfullLines, 0)
    const blocks = new Map<string, Set<number>>()
    for (const item of flow.items) {
      if (item.kind !== 'box' || !(isCode(item) || isTableRow(item, flow)) || blockKey(item) === undefined) continue
      const key = blockKey(item)!
      blocks.set(key, (blocks.get(key) ?? new Set()).add(where.get(item)!))
    }
    assert.ok(blocks.size >= 4, 'the code blocks and the table')
    for (const [key, on] of blocks) assert.equal(on.size, 1, `block ${key} on pages ${[...on].join(', ')}`)
    assertNotesPlaced(flow, pages)
    assertHeadingsKept(pages)
  })

  const words = (count: number, seed: number): Inline[] => [{ type: 'text', value: Array.from({ length: count }, (_, index) => ['harbour', 'light', 'keeper', 'station', 'evening', 'weather'][(index * 7 + seed) % 6]).join(' ') }]
  const paragraph = (count: number, seed: number): Block => ({ type: 'paragraph', children: words(count, seed) })

  function longBook(): Book {
    const blocks: Block[] = [{ type: 'heading', depth: 1, id: 'long', children: [{ type: 'text', value: 'Long things' }] }]
    for (let index = 0; index < 4; index++) blocks.push(paragraph(60, index))
    blocks.push({ type: 'table', align: ['left', 'right'], rows: [[{ children: words(1, 0) }, { children: words(1, 1) }], ...Array.from({ length: 80 }, (_, row) => [{ children: words(2, row) }, { children: [{ type: 'text' as const, value: String(row) }] }])], headerRows: 1 })
    blocks.push(paragraph(40, 5))
    // A code block of fifteen lines (less than half a page: twenty are a little more) stands whole; one of eighty must run over pages.
    blocks.push({ type: 'code', value: Array.from({ length: 15 }, (_, row) => `line ${row}`).join('\n') })
    for (let index = 0; index < 3; index++) blocks.push(paragraph(50, index))
    blocks.push({ type: 'code', value: Array.from({ length: 80 }, (_, row) => `step ${row}`).join('\n') })
    blocks.push({ type: 'paragraph', children: [...words(30, 2), { type: 'noteRef', note: 'long-note', number: 1 }, ...words(30, 3)] })
    for (let index = 0; index < 6; index++) blocks.push(paragraph(50, index))
    blocks.push({ type: 'figure', asset: 'diagram', alt: 'A diagram', caption: words(6, 1) })
    for (let index = 0; index < 4; index++) blocks.push(paragraph(50, index))
    const note = { id: 'long-note', number: 1, blocks: Array.from({ length: 6 }, (_, index) => paragraph(70, index)) }
    return {
      metadata: { title: 'Long Things', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00.000Z' },
      chapters: [{ id: 'long', title: 'Long things', source: 'long.md', blocks, notes: [note] }],
      assets: [imageAsset('diagram', path.join(root, 'test/fixtures/images/diagram.png'), 'image/png')],
    }
  }

  it('repeats the header row of a table longer than a page, splits no row and no short code block, runs a long note on', () => {
    const { flow, pages } = layOut(longBook())
    const where = pageOf(pages)
    const rows = flow.items.filter((item): item is FlowBox => item.kind === 'box' && item.repeat !== undefined)
    const header = rows[0]!.repeat!
    const tablePages = [...new Set(rows.map((row) => where.get(row)!))]
    assert.ok(tablePages.length >= 2, 'the table runs over pages')
    for (const number of tablePages.slice(1)) {
      const page = pages[number - 1]!
      assert.equal(page.body[0]!.box, header, `page ${number} opens with the header row`)
      assert.equal(page.body[1]!.box.repeat, header)
    }
    const codes = new Map<string, Set<number>>()
    for (const item of flow.items) if (item.kind === 'box' && isCode(item)) codes.set(blockKey(item)!, (codes.get(blockKey(item)!) ?? new Set()).add(where.get(item)!))
    const [short, long] = [...codes.values()]
    assert.equal(short!.size, 1, 'the short code block stands on one page')
    assert.ok(long!.size >= 2, 'the long one runs over pages')
    const figure = flow.items.find((item): item is FlowBox => item.kind === 'box' && item.drawings.some((drawing) => drawing.kind === 'image'))!
    const caption = flow.items[flow.items.indexOf(figure) + 1] as FlowBox
    assert.equal(where.get(caption), where.get(figure), 'the caption stands with its image')
    const notePages = new Set(flow.notes.get('long-note')!.map((box) => where.get(box)!))
    assert.ok(notePages.size >= 2, 'the long note runs on')
    assertNotesPlaced(flow, pages)
    assertAligned(pages.filter((page) => page.notes.length === 0 || page.body.length > 0))
    assertHeadingsKept(pages)
  })
})
