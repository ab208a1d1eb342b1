/**
 * The page builder on flows made by hand, where every height is known: notes
 * at the foot of the page that calls them, words broken over a page's foot
 * avoided when they can be, and the layout report's page checks, which must
 * see a fault when one is there.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Flow, FlowBox, FlowItem } from '../../src/pdf/flow.js'
import { fillPage } from '../../src/pdf/paginate/fill.js'
import { paginate } from '../../src/pdf/paginate/index.js'
import type { Page, PageParams } from '../../src/pdf/paginate/index.js'
import { formatReport, layoutReport } from '../../src/pdf/report.js'
import type { SetLine } from '../../src/pdf/setline.js'

const leading = 12

function setLine(hyphenated = false): SetLine {
  return { width: 100, used: 100, runs: [], ratio: 0, hyphenated, overfull: false, justified: true }
}

/** A line of body text: `top` 9 and `height` 12, like a 9-point face on 12-point leading. */
function line(extra: Partial<FlowBox> = {}): FlowBox {
  return { kind: 'box', height: leading, top: 9, depth: 3, drawings: [], keepWithPrevious: false, notes: [], anchors: [], line: setLine(), ...extra }
}

/** A paragraph's lines, kept as compose keeps them: two lines at least on either side of a page break. */
function paragraph(count: number, hyphenatedAt: readonly number[] = []): FlowBox[] {
  return Array.from({ length: count }, (_, index) =>
    line({ para: { index, count }, keepWithPrevious: index > 0 && (index < 2 || count - index < 2), line: setLine(hyphenatedAt.includes(index)) }),
  )
}

/** One-line paragraphs: a page may break after any of them. */
function singles(count: number): FlowBox[] {
  return Array.from({ length: count }, () => line({ para: { index: 0, count: 1 } }))
}

function flowOf(items: FlowItem[], notes = new Map<string, FlowBox[]>()): Flow {
  return { items: [{ kind: 'break', recto: true, pageKind: 'chapter', chapter: 0 }, ...items], notes, structs: [], noteNumbers: new Map() }
}

/** A footnote's lines: 10 points of leading, 7 above the baseline. */
function note(count: number, hyphenatedAt: readonly number[] = []): FlowBox[] {
  return Array.from({ length: count }, (_, index) => line({ height: 10, top: 7, depth: 2, keepWithPrevious: index > 0, line: setLine(hyphenatedAt.includes(index)) }))
}

/** Depth of a page holding exactly `lines` body lines. */
const depthFor = (lines: number): number => 9 + (lines - 1) * leading

describe('footnotes at the foot of the page', () => {
  it('keeps a paragraph with its note on a page that has room for both', () => {
    // Eight lines end at 93; the separator (12), the note's first line up to its baseline (7) and its
    // second line (10) end at 122. Counting the first note line's full leading (10, not 7) would
    // ask for 125 and send the paragraph with its note to the next page, leaving this one short.
    const params: PageParams = { depth: 123, noteSeparator: 12, leading }
    const called = paragraph(2)
    called[1] = { ...called[1]!, notes: ['n'] }
    const pages = paginate(flowOf([...singles(6), ...called], new Map([['n', note(2)]])), params)
    assert.equal(pages.length, 1)
    const page = pages[0]!
    assert.equal(page.body.length, 8)
    assert.equal(page.notes.length, 2)
    // The note's last baseline stands on the foot, the rule between the text and the note.
    assert.ok(Math.abs(page.notes[1]!.y - params.depth) < 1e-9)
    assert.ok(Math.abs(page.notes[0]!.y - (params.depth - 10)) < 1e-9)
    assert.ok(page.noteRule! > page.body.at(-1)!.y && page.noteRule! < page.notes[0]!.y - 7)
  })

  it('runs a note too long for its page on to the next, two lines of it at least on the page of its call', () => {
    const params: PageParams = { depth: depthFor(20), noteSeparator: 12, leading }
    const items = singles(30)
    items[14] = { ...items[14]!, notes: ['long'] }
    const pages = paginate(flowOf(items, new Map([['long', note(30)]])), params)
    const first = pages[0]!
    assert.ok(first.body.some((placed) => placed.box.notes.includes('long')))
    assert.ok(first.notes.length >= 2)
    // What did not fit comes first at the foot of the next page, and nothing is lost or set twice.
    assert.ok(pages[1]!.notes.length > 0)
    assert.equal(pages.reduce((sum, page) => sum + page.notes.length, 0), 30)
    for (const page of pages.filter((entry) => entry.notes.length > 0)) assert.ok(Math.abs(page.notes.at(-1)!.y - params.depth) < 1e-9)
    // The text and the note never overlap.
    for (const page of pages) if (page.noteRule !== undefined && page.body.length > 0) assert.ok(page.body.at(-1)!.y < page.noteRule)
  })

  it('sets the note of a box taller than the page on the next page rather than lose it', () => {
    const params: PageParams = { depth: depthFor(10), noteSeparator: 12, leading }
    const tall = line({ height: 200, top: 200, notes: ['n'] })
    const pages = paginate(flowOf([tall, ...singles(3)], new Map([['n', note(2)]])), params)
    assert.equal(pages[0]!.body[0]!.box, tall)
    assert.equal(pages.reduce((sum, page) => sum + page.notes.length, 0), 2)
  })

  it('leaves room under the call for the lines kept with it', () => {
    // The call is on a paragraph's second-last line: the last line must follow it on the page, so the
    // note gives up lines to it rather than push both lines (and the note) overleaf.
    const params: PageParams = { depth: depthFor(20), noteSeparator: 12, leading }
    const items = [...singles(12), ...paragraph(4)]
    items[14] = { ...items[14]!, notes: ['long'] }
    const pages = paginate(flowOf(items, new Map([['long', note(12)]])), params)
    assert.equal(pages[0]!.body.length, 16)
    assert.ok(pages[0]!.notes.length >= 2)
    assert.ok(pages[0]!.body.at(-1)!.y < pages[0]!.noteRule!)
  })
})

describe('a word broken over the foot of a page', () => {
  // Thirty lines to a page: one line less spreads over 28 gaps, well within what justification allows.
  const params: PageParams = { depth: depthFor(30), noteSeparator: 12, leading }
  const fill = (items: FlowItem[], recto: boolean) => fillPage(flowOf(items), 1, [], params, new Set(), { recto })

  it('ends the page a line early rather than after a hyphen, and justifies it to the foot', () => {
    // Line 29 (the 30th) ends in a hyphen: the page ends after line 28, the word stays whole.
    const items = paragraph(40, [29])
    for (const recto of [true, false]) {
      const filled = fill(items, recto)
      assert.equal(filled.body.length, 29, recto ? 'recto' : 'verso')
      assert.equal(filled.body.at(-1)!.box.line!.hyphenated, false)
    }
    const pages = paginate(flowOf(items), params)
    assert.equal(pages[0]!.body.length, 29)
    assert.ok(Math.abs(pages[0]!.body.at(-1)!.y - params.depth) < 1e-9)
    assert.equal(layoutReport(pages).hyphenatedPageEnds, 0)
  })

  it('weighs the lines lost: three lines on a left-hand page are worth the hyphen, not on a right-hand one', () => {
    // Forty lines to the page; breaks before lines 38 and 39 are forbidden (say by keeps): the
    // alternative to the hyphen is a page three lines shorter.
    const deep: PageParams = { ...params, depth: depthFor(40) }
    const items = paragraph(60, [39])
    for (const index of [38, 39]) items[index] = { ...items[index]!, keepWithPrevious: true }
    const fillDeep = (recto: boolean) => fillPage(flowOf(items), 1, [], deep, new Set(), { recto })
    assert.equal(fillDeep(true).body.length, 37)
    const verso = fillDeep(false)
    assert.equal(verso.body.length, 40)
    assert.equal(verso.body.at(-1)!.box.line!.hyphenated, true)
  })

  it('breaks the word when every other break would leave the page too short to line up', () => {
    const items = paragraph(40, [29])
    for (const index of [25, 26, 27, 28, 29]) items[index] = { ...items[index]!, keepWithPrevious: true }
    const pages = paginate(flowOf(items), params)
    assert.equal(pages[0]!.body.length, 30)
    const report = layoutReport(pages)
    assert.equal(report.hyphenatedPageEnds, 1)
    assert.match(formatReport(report, 'test'), /pages ending in a hyphen\s+1/)
  })

  it('does not end a page on a hyphenated line of a note that runs on, when a line can go over with it', () => {
    const notes = new Map([['n', note(30, [5])]])
    const items = singles(30)
    items[14] = { ...items[14]!, notes: ['n'] }
    // Room for six lines of the note on the first page: the sixth ends in a hyphen, so five stay.
    const depth = depthFor(15) + 12 + 7 + 5 * 10
    const pages = paginate(flowOf(items, notes), { depth, noteSeparator: 12, leading })
    assert.equal(pages[0]!.body.length, 15)
    assert.equal(pages[0]!.notes.length, 5)
    assert.equal(layoutReport(pages).hyphenatedPageEnds, 0)
  })
})

describe('the foot of the text block', () => {
  const params: PageParams = { depth: depthFor(30), noteSeparator: 12, leading }

  it('brings a full page of text down to the foot when a line or two short, and marks one it cannot', () => {
    const kept = (count: number): FlowBox[] => Array.from({ length: count }, (_, index) => line({ keepWithPrevious: index > 0 }))
    const aligned = paginate(flowOf([...singles(28), ...kept(10)]), params)
    assert.equal(aligned[0]!.body.length, 28)
    assert.ok(Math.abs(aligned[0]!.body.at(-1)!.y - params.depth) < 1e-9)
    assert.equal(aligned[0]!.short, undefined)
    // Five lines short is more than the line gaps may take: the page is left short, and the report says so.
    const short = paginate(flowOf([...singles(25), ...kept(10)]), params)
    assert.equal(short[0]!.body.length, 25)
    assert.equal(short[0]!.short, true)
    assert.equal(layoutReport(short).shortPages, 1)
    assert.match(formatReport(layoutReport(short), 'test'), /full pages left short\s+1/)
  })

  it('shrinks the spaces around a heading a little so that it fits with its two lines at the foot', () => {
    // A heading with a space of a line and a half above it and half a line below: natural, it needs
    // 18 + 12 + 6 + 24 points below the 25th line; with its spaces shrunk by a third, 8 less.
    const heading = line({ heading: { depth: 2, title: 'H', id: 'h' }, source: { chapter: 0, block: [1], word: 0 } })
    const after = paragraph(6)
    after[0] = { ...after[0]!, keepWithPrevious: true }
    const items: FlowItem[] = [...singles(25), { kind: 'space', height: 18 }, heading, { kind: 'space', height: 6 }, ...after]
    const depth = depthFor(25) + 18 + 12 + 6 + 24 - 8
    const pages = paginate(flowOf(items), { ...params, depth })
    assert.equal(pages[0]!.body.length, 28)
    assert.ok(Math.abs(pages[0]!.body.at(-1)!.y - depth) < 1e-9)
    // The same at a chapter's end: the page is not full, but its shrunk spaces keep it inside the text block.
    const last = paginate(flowOf([...singles(25), { kind: 'space', height: 18 }, heading, { kind: 'space', height: 6 }, ...paragraph(2)]), { ...params, depth })
    assert.equal(last.length, 1)
    assert.ok(last[0]!.body.at(-1)!.y <= depth + 1e-9)
  })
})

describe("the layout report's page checks", () => {
  const page = (number: number, boxes: FlowBox[], extra: Partial<Page> = {}): Page => ({
    number,
    kind: 'chapter',
    chapter: 0,
    opening: false,
    body: boxes.map((box, index) => ({ box, y: 9 + index * leading })),
    notes: [],
    full: true,
    ...extra,
  })
  const heading = (block: number): FlowBox => line({ heading: { depth: 2, title: 'H', id: `h${block}` }, source: { chapter: 0, block: [block], word: 0 } })

  it('counts none on well-made pages', () => {
    const [a, b, c, d, e, f] = paragraph(6)
    const report = layoutReport([page(1, [...singles(3), a!, b!, c!]), page(2, [d!, e!, f!, heading(9), ...paragraph(2)])])
    assert.equal(report.widows, 0)
    assert.equal(report.orphans, 0)
    assert.equal(report.strandedHeadings, 0)
    assert.equal(report.hyphenatedPageEnds, 0)
  })

  it("sees a paragraph's last line alone at the top of a page: a widow", () => {
    const lines = paragraph(5)
    const report = layoutReport([page(1, lines.slice(0, 4)), page(2, [lines[4]!, ...singles(2)])])
    assert.equal(report.widows, 1)
    assert.equal(report.orphans, 0)
  })

  it("sees a paragraph's first line alone at the foot of a page: an orphan", () => {
    const lines = paragraph(3)
    const report = layoutReport([page(1, [...singles(4), lines[0]!]), page(2, lines.slice(1))])
    assert.equal(report.orphans, 1)
    assert.equal(report.widows, 0)
  })

  it('sees a heading at the foot of a page, or with one line of what follows it, while the text goes on overleaf', () => {
    const after = paragraph(4)
    assert.equal(layoutReport([page(1, [...singles(3), heading(5)]), page(2, after)]).strandedHeadings, 1)
    assert.equal(layoutReport([page(1, [...singles(3), heading(5), after[0]!]), page(2, after.slice(1))]).strandedHeadings, 1)
    // A heading's second line is part of the heading, not of what follows it.
    const second = line({ source: { chapter: 0, block: [5], word: 3 }, keepWithPrevious: true })
    assert.equal(layoutReport([page(1, [...singles(3), heading(5), second]), page(2, after)]).strandedHeadings, 1)
    // Two lines after it are enough; a section of one line followed by another heading is no fault.
    assert.equal(layoutReport([page(1, [...singles(3), heading(5), after[0]!, after[1]!]), page(2, after.slice(2))]).strandedHeadings, 0)
    assert.equal(layoutReport([page(1, [...singles(3), heading(5), ...singles(1)]), page(2, [heading(7), ...after])]).strandedHeadings, 0)
    // A chapter's last page may end with anything: the next chapter opens on a page of its own.
    assert.equal(layoutReport([page(1, [...singles(3), heading(5)]), page(2, after, { chapter: 1 })]).strandedHeadings, 0)
  })

  it('sees a page ending in a hyphen, in its text or in a note that runs on', () => {
    const lines = paragraph(6, [2])
    assert.equal(layoutReport([page(1, lines.slice(0, 3)), page(2, lines.slice(3))]).hyphenatedPageEnds, 1)
    const running = note(4, [1])
    const withNote = page(1, singles(3), { notes: running.slice(0, 2).map((box, index) => ({ box, y: 100 + index * 10 })) })
    const overleaf = page(2, singles(3), { notes: running.slice(2).map((box, index) => ({ box, y: 100 + index * 10 })) })
    assert.equal(layoutReport([withNote, overleaf]).hyphenatedPageEnds, 1)
  })
})
