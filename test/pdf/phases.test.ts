/**
 * The typesetter's phases on small hand-made inputs: what prepare makes of a
 * paragraph, how lines are set, where pages break.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Inline } from '../../src/model/book.js'
import { createHyphenator } from '../../src/pdf/hyphenate.js'
import { breakLines } from '../../src/pdf/linebreak/index.js'
import type { Box, Item } from '../../src/pdf/linebreak/items.js'
import type { FlowBox, FlowItem } from '../../src/pdf/flow.js'
import { createMeasurer } from '../../src/pdf/measure.js'
import { paginate } from '../../src/pdf/paginate/index.js'
import { prepareParagraph } from '../../src/pdf/prepare.js'
import type { Piece } from '../../src/pdf/prepare.js'
import { setLines } from '../../src/pdf/setline.js'
import { roleStyle } from '../../src/pdf/style.js'
import { defaultTheme, pageGeometry } from '../../src/theme/index.js'

const theme = defaultTheme
const measurer = createMeasurer(theme)
const body = roleStyle(theme, 'body')
const measure = pageGeometry(theme, 'a5').measure
const hyphenate = createHyphenator('en', theme.hyphenation)

function prepare(children: Inline[], options: { leadIn?: boolean; indent?: number } = {}): Array<Item<Piece>> {
  return prepareParagraph(children, theme, measurer, { style: body, indent: options.indent ?? 0, measure, justify: true, hyphenate, ...(options.leadIn ? { leadIn: true } : {}) })
}

const boxes = (items: ReadonlyArray<Item<Piece>>): Array<Box<Piece>> => items.filter((item): item is Box<Piece> => item.type === 'box')

describe('measure', () => {
  it('measures with kerning and ligatures, as fontkit shapes', () => {
    const office = measurer.width('office', body)
    const apart = ['o', 'f', 'f', 'i', 'c', 'e'].reduce((sum, char) => sum + measurer.width(char, body), 0)
    assert.notEqual(office, apart)
    assert.ok(measurer.width('AV', body) < measurer.width('A', body) + measurer.width('V', body))
  })

  it('finds small capitals in Literata', () => {
    assert.ok(measurer.hasFeature('text', 'smcp'))
  })

  it('measures code with contextual alternates off (JetBrains Mono ligatures break fontkit)', () => {
    const code = roleStyle(theme, 'code')
    assert.equal(code.features, 'code')
    assert.ok(measurer.width('x -> y != z', code) > 0)
  })
})

describe('prepare', () => {
  it('splits a word at its hyphenation points, the parts adding up to the whole word', () => {
    const items = prepare([{ type: 'text', value: 'understanding' }])
    const parts = boxes(items)
    assert.ok(parts.length > 1)
    assert.equal(parts.map((part) => part.content.text).join(''), 'understanding')
    const total = parts.reduce((sum, part) => sum + part.width, 0)
    assert.ok(Math.abs(total - measurer.width('understanding', body)) < 1e-9)
    const points = items.filter((item) => item.type === 'penalty')
    assert.ok(points.every((point) => point.type === 'penalty' && point.kind === 'hyphenation' && point.width > 0))
  })

  it("counts words as the model's plain text does, across styles", () => {
    const items = prepare([{ type: 'text', value: 'one two ' }, { type: 'emphasis', children: [{ type: 'text', value: 'three' }] }, { type: 'text', value: 's four' }])
    const words = boxes(items).map((box) => [box.content.text, box.content.word])
    assert.deepEqual(words, [['one', 0], ['two', 1], ['three', 2], ['s', 2], ['four', 3]])
  })

  it('sets the lead-in in small capitals up to the end of the first clause', () => {
    const items = prepare([{ type: 'text', value: 'President Trump, they say, calls often.' }], { leadIn: true })
    const small = boxes(items).filter((box) => box.content.style.features === 'smallCaps').map((box) => box.content.text)
    assert.deepEqual(small.join(''), 'PresidentTrump,')
  })

  it("sets as many words of the lead-in as the theme says, none when it says none", () => {
    const value = 'Four words of opening and then the rest of the sentence.'
    const leadIn = (words: number): string[] =>
      boxes(prepareParagraph([{ type: 'text', value }], { ...theme, leadIn: { ...theme.leadIn, words } }, measurer, { style: body, indent: 0, measure, justify: true, leadIn: true }))
        .filter((box) => box.content.style.features === 'smallCaps')
        .map((box) => box.content.text)
    assert.deepEqual(leadIn(theme.leadIn.words), ['Four', 'words', 'of', 'opening'])
    assert.deepEqual(leadIn(2), ['Four', 'words'])
    assert.deepEqual(leadIn(0), [])
  })

  it('gives a long URL breaks after its punctuation and a long word breaks with a hyphen', () => {
    const url = `https://example.com/${'segment/'.repeat(12)}end`
    const items = prepare([{ type: 'text', value: url }])
    const emergency = items.filter((item) => item.type === 'penalty' && item.kind === 'emergency')
    assert.ok(emergency.some((item) => item.type === 'penalty' && item.width === 0))
    const word = 'x'.repeat(300)
    const wordItems = prepare([{ type: 'text', value: word }])
    assert.ok(wordItems.some((item) => item.type === 'penalty' && item.kind === 'emergency' && item.width > 0))
  })

  it('sets a reference’s page words without counting them as words of the text, as the EPUB does not have them', () => {
    const reference = (pageWords?: string): Inline => ({ type: 'crossRef', labels: ['fig:a'], capital: false, source: '@fig:a', children: [{ type: 'text', value: 'Figure 3' }], targets: [], ...(pageWords === undefined ? {} : { pageWords }) })
    const words = (items: ReadonlyArray<Item<Piece>>): Array<[string, number]> => boxes(items).filter((box) => box.content.text !== '').map((box) => [box.content.text, box.content.word])
    const printed = words(prepare([{ type: 'text', value: 'See ' }, reference('\u00a0on page 45'), { type: 'text', value: ', the last figure.' }]))
    const screen = words(prepare([{ type: 'text', value: 'See ' }, reference(), { type: 'text', value: ', the last figure.' }]))
    assert.equal(printed.map(([text]) => text).join(''), 'SeeFigure3onpage45,thelastfigure.')
    // The same words (and pieces of words) at the same indices, the page words left out.
    assert.deepEqual(printed.filter(([text]) => !['on', 'page', '45'].includes(text)), screen)
  })

  it('marks a footnote call with its note, its anchor and a link to the note', () => {
    const items = prepare([{ type: 'text', value: 'A call' }, { type: 'noteRef', note: 'n1', number: 1 }, { type: 'text', value: ' here.' }])
    const call = boxes(items).find((box) => box.content.note === 'n1')!
    assert.equal(call.content.text, '1')
    // Set like a superscript: the theme's script scale, raised by the face's own offset.
    assert.ok(Math.abs(call.content.style.size - body.size * theme.scriptScale) < 1e-9)
    assert.ok(Math.abs(call.content.style.rise! - measurer.metrics('text').superscriptOffset * body.size) < 1e-9)
    assert.deepEqual(call.content.link, { dest: 'note-n1' })
    assert.equal(call.content.anchor, 'noteref-n1')
  })
})

describe('set lines', () => {
  const text = 'Nevertheless the administration understood the circumstances of the correspondence between the international organisations remarkably well, and everything in the relationship developed considerably over the afternoon. '.repeat(4)
  const items = prepare([{ type: 'text', value: text }], { indent: 12 })
  const lineWidth = (): number => measure
  const lines = setLines(items, breakLines(items, { lineWidth, justify: true }), { lineWidth, justify: true, align: 'justify' })

  it('justifies every line but the last to the measure, none wider', () => {
    assert.ok(lines.length > 3)
    for (const line of lines.slice(0, -1)) {
      assert.ok(line.justified)
      assert.ok(Math.abs(line.used - measure) < 0.01, `${line.used} of ${measure}`)
    }
    assert.ok(!lines.at(-1)!.justified)
    assert.ok(lines.every((line) => line.used <= measure + 0.01))
  })

  it('draws a hyphen at the end of a hyphenated line and a space after every other word', () => {
    for (const line of lines) {
      const last = line.runs.at(-1)!
      if (line.hyphenated) assert.ok(last.text.endsWith('-'), last.text)
      assert.equal(last.spaceAfter, false)
      assert.ok(line.runs.slice(0, -1).every((run) => run.spaceAfter))
    }
  })

  it('starts the first line after the indent', () => {
    assert.ok(Math.abs(lines[0]!.runs[0]!.x - 12) < 1e-9)
  })
})

describe('paginate', () => {
  const leading = 12
  const params = { depth: leading * 10, noteSeparator: leading, leading }
  const line = (para: { index: number; count: number } | undefined, extra: Partial<FlowBox> = {}): FlowBox => ({
    kind: 'box',
    height: leading,
    top: leading,
    depth: 3,
    drawings: [],
    keepWithPrevious: para ? para.index > 0 && (para.index < 2 || para.count - para.index < 2) : false,
    notes: [],
    anchors: [],
    ...(para ? { para } : {}),
    ...extra,
  })
  const paragraph = (count: number): FlowBox[] => Array.from({ length: count }, (_, index) => line({ index, count }))
  const flow = (items: FlowItem[], notes = new Map<string, FlowBox[]>()) => ({ items: [{ kind: 'break' as const, recto: true, pageKind: 'chapter' as const, chapter: 0 }, ...items], notes, structs: [], noteNumbers: new Map() })

  it("moves a paragraph's first line to the next page rather than leave it alone at the foot", () => {
    const pages = paginate(flow([...paragraph(9), ...paragraph(5)]), params)
    assert.equal(pages[0]!.body.length, 9)
    assert.equal(pages[1]!.body[0]!.box.para!.index, 0)
  })

  it("brings a line back rather than leave a paragraph's last line alone at the top", () => {
    const deep = { ...params, depth: leading * 30 }
    const pages = paginate(flow([...paragraph(25), ...paragraph(6)]), deep)
    // 30 lines fit: 25 + 5 would leave the sixth line alone, so 25 + 4 and 2 overleaf.
    assert.equal(pages[0]!.body.length, 29)
    assert.equal(pages[1]!.body.length, 2)
    assert.ok(pages[0]!.full)
    // The short page is justified to the foot: its last baseline stands where a full page's does.
    assert.ok(Math.abs(pages[0]!.body.at(-1)!.y - deep.depth) < 1e-6)
  })

  it('keeps a heading with the two lines after it', () => {
    const heading = line(undefined, { heading: { depth: 2, title: 'H', id: 'h' } })
    const after = paragraph(4)
    after[0]!.keepWithPrevious = true
    after[1]!.keepWithPrevious = true
    const pages = paginate(flow([...paragraph(9), heading, ...after]), params)
    assert.ok(!pages[0]!.body.at(-1)!.box.heading)
    assert.ok(pages[1]!.body[0]!.box.heading)
  })

  it('sets a footnote on the page of its call and runs a long one on to the next page', () => {
    const notes = new Map([['n', Array.from({ length: 6 }, () => line(undefined, { height: 10 }))]])
    const items = paragraph(8)
    items[5] = { ...items[5]!, notes: ['n'] }
    const pages = paginate(flow(items, notes), params)
    const callPage = pages.findIndex((page) => page.body.some((placed) => placed.box.notes.includes('n')))
    assert.ok(pages[callPage]!.notes.length >= 2)
    const total = pages.reduce((sum, page) => sum + page.notes.length, 0)
    assert.equal(total, 6)
  })

  it('starts a chapter on a right-hand page, with a blank page before it when needed', () => {
    const pages = paginate(
      flow([...paragraph(4), { kind: 'break', recto: true, pageKind: 'chapter', chapter: 1 }, ...paragraph(4)]),
      params,
    )
    assert.deepEqual(pages.map((page) => page.kind), ['chapter', 'blank', 'chapter'])
    assert.equal(pages[2]!.number, 3)
    assert.ok(pages[2]!.opening)
  })
})
