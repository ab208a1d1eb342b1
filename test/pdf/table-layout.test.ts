/**
 * The parts of a table's layout on their own: what never breaks in a cell,
 * how narrow and wide a cell may be, column widths as CSS's automatic layout
 * sets them, row heights and groups with spans, where a tall group may be cut.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Inline } from '../../src/model/book.js'
import { cellKeptWhole, isNumber, tiedSpace } from '../../src/pdf/unbreakable.js'
import { createHyphenator } from '../../src/pdf/hyphenate.js'
import type { Item } from '../../src/pdf/linebreak/items.js'
import { createMeasurer } from '../../src/pdf/measure.js'
import { prepareParagraph } from '../../src/pdf/prepare.js'
import type { KeepRules, Piece } from '../../src/pdf/prepare.js'
import { roleStyle } from '../../src/pdf/style.js'
import { cellBreaking, contentExtent } from '../../src/pdf/table/cells.js'
import { cutPositions, rowGroups, rowHeights } from '../../src/pdf/table/rows.js'
import { columnWidths } from '../../src/pdf/table/widths.js'
import { defaultTheme } from '../../src/theme/index.js'
import { cell, code, text } from '../support/tables.js'

const theme = defaultTheme
const measurer = createMeasurer(theme)
const style = roleStyle(theme, 'table')
const hyphenate = createHyphenator('en', theme.hyphenation)
const keepAll: KeepRules = { numbers: true, code: true, words: false }

function prepare(children: Inline[], keep?: KeepRules, emergencyWidth = Infinity): Array<Item<Piece>> {
  return prepareParagraph(children, theme, measurer, { style, indent: 0, measure: 306, justify: false, hyphenate, emergencyWidth, ...(keep ? { keep } : {}) })
}

/** The text between the places a line may break, in order (hyphenation points and emergency breaks count). */
function unbroken(items: ReadonlyArray<Item<Piece>>): string[] {
  const pieces = ['']
  items.forEach((item, index) => {
    const previous = items[index - 1]
    if (item.type === 'box') pieces[pieces.length - 1] += item.content.text
    else if (item.type === 'glue') {
      if (previous?.type === 'box') pieces.push('')
      else pieces[pieces.length - 1] += ' '
    } else if (item.cost < 10000) pieces.push('')
  })
  return pieces.filter((piece) => piece !== '')
}

describe('numbers and what goes with them', () => {
  it('knows a number from a word', () => {
    for (const token of ['240.1', '1,024', '−3.5e-7', '12%', '(42)', '3.14,', '2024-01-01', '±0.5', '€12.50']) assert.ok(isNumber(token), token)
    for (const token of ['v10.0.0', 'finishFlush()', 'e-7', 'A4', '12a']) assert.ok(!isNumber(token), token)
  })

  it('ties a number to its unit, and words at a no-break space, not at an ordinary one', () => {
    assert.ok(tiedSpace('12', ' ', '%'))
    assert.ok(tiedSpace('3', ' ', 'ms'))
    assert.ok(tiedSpace('16', ' ', 'KiB.'))
    assert.ok(tiedSpace('page', '\u00a0', '12'))
    assert.ok(!tiedSpace('12', ' ', 'harbours'))
    assert.ok(!tiedSpace('harbour', ' ', 'ms'))
  })

  it('keeps a cell of one word, or of a number and its unit, on one line', () => {
    assert.ok(cellKeptWhole(cell(code('finishFlush()'))))
    assert.ok(cellKeptWhole(cell(text('12 %'))))
    assert.ok(cellKeptWhole(cell(text('Experimental'))))
    assert.ok(!cellKeptWhole(cell(text('Flushes pending writes'))))
  })
})

describe('what a line may not break in a cell', () => {
  it('breaks a number, code and a number with its unit nowhere, though a paragraph would', () => {
    const children = [text('It takes 12 % of −3.5e-7 and '), code('a.b(c, d)'), text(' or pneumonoultramicroscopic words.')]
    const kept = unbroken(prepare(children, keepAll))
    assert.ok(kept.includes('12 %'), kept.join(' | '))
    assert.ok(kept.includes('−3.5e-7'))
    assert.ok(kept.includes('a.b(c, d)'))
    // Prose still hyphenates.
    assert.ok(kept.some((piece) => piece.startsWith('pneu') && piece !== 'pneumonoultramicroscopic'), kept.join(' | '))
    const loose = unbroken(prepare(children))
    assert.ok(!loose.includes('12 %') && !loose.includes('a.b(c, d)'), loose.join(' | '))
  })

  it('keeps a one-word cell whole, and breaks it only past the emergency width, code at an identifier word with no hyphen', () => {
    const word = prepare([code('finishFlushNow')], { ...keepAll, words: true })
    assert.deepEqual(unbroken(word), ['finishFlushNow'])
    const tight = prepare([code('finishFlushNow')], { ...keepAll, words: true }, measurer.width('finishFlush', { ...style, font: 'mono' }) * 0.9)
    assert.deepEqual(unbroken(tight), ['finish', 'Flush', 'Now'])
    assert.ok(tight.every((item) => item.type !== 'penalty' || item.width === 0), 'no hyphen drawn in code')
  })

  it('lets a header cell and a one-word cell hyphenate nowhere, a prose cell as a paragraph', () => {
    assert.deepEqual(cellBreaking(cell(text('Description of columns')), true), { hyphenate: false, keep: { numbers: true, code: true, words: false } })
    assert.equal(cellBreaking(cell(text('Deprecated')), false).hyphenate, false)
    assert.equal(cellBreaking(cell(text('Deprecated')), false).keep.words, true)
    assert.equal(cellBreaking(cell(text('Flushes pending writes')), false).hyphenate, true)
  })
})

describe('how narrow and wide a cell may be', () => {
  it('is at least its longest unbreakable piece, at most its text on one line', () => {
    const items = prepare([text('Writes 1,024 bytes and returns'), { type: 'break' }, text('short')], keepAll)
    const extent = contentExtent(items)
    const width = (value: string): number => measurer.width(value, style)
    assert.ok(Math.abs(extent.min - width('returns')) < 0.5, `${extent.min} against ${width('returns')}`)
    assert.ok(Math.abs(extent.max - width('Writes 1,024 bytes and returns')) < 0.5)
  })

  it('counts a tied space inside the piece it ties', () => {
    const extent = contentExtent(prepare([text('at 12 %')], keepAll))
    assert.ok(extent.min > measurer.width('12', style) + measurer.width('%', style))
  })
})

describe('column widths', () => {
  it('gives preferred widths when they fit, and shares the rest in proportion', () => {
    const { widths, fits } = columnWidths(2, [{ column: 0, span: 1, min: 10, max: 20 }, { column: 1, span: 1, min: 10, max: 60 }], 160)
    assert.ok(fits)
    assert.deepEqual(widths.map(Math.round), [40, 120])
  })

  it('keeps a one-letter column at its letter while a prose column takes the rest and wraps', () => {
    const cells = [
      { column: 0, span: 1, min: 12, max: 12 },
      { column: 1, span: 1, min: 12, max: 12 },
      { column: 2, span: 1, min: 60, max: 900 },
    ]
    const { widths, fits } = columnWidths(3, cells, 300)
    assert.ok(fits)
    assert.deepEqual(widths, [12, 12, 276])
  })

  it('sets a short column unbroken rather than give prose a few points more, as long as the others keep their minimums', () => {
    const { widths } = columnWidths(2, [{ column: 0, span: 1, min: 20, max: 40 }, { column: 1, span: 1, min: 60, max: 900 }], 300)
    assert.deepEqual(widths, [40, 260])
    // Not when the other column would fall below its minimum.
    const tight = columnWidths(2, [{ column: 0, span: 1, min: 20, max: 80 }, { column: 1, span: 1, min: 200, max: 900 }], 260)
    assert.ok(tight.widths[1]! >= 200 && tight.widths[0]! < 80)
  })

  it('widens the columns a cell spans, in proportion to what they hold', () => {
    const cells = [
      { column: 0, span: 1, min: 10, max: 10 },
      { column: 1, span: 1, min: 10, max: 30 },
      { column: 0, span: 2, min: 80, max: 80 },
    ]
    // The minimum is short by 60, shared 1:3 as the columns' preferred widths (10 and 30): 25 and 55.
    const { widths } = columnWidths(2, cells, 80)
    assert.deepEqual(widths, [25, 55])
  })

  it('says when even the minimums do not fit, and leaves the narrow columns their minimum', () => {
    const result = columnWidths(3, [{ column: 0, span: 1, min: 20, max: 20 }, { column: 1, span: 1, min: 200, max: 200 }, { column: 2, span: 1, min: 300, max: 300 }], 300)
    assert.equal(result.fits, false)
    assert.equal(result.short, 2)
    assert.deepEqual(result.widths, [20, 140, 140])
  })
})

describe('rows', () => {
  it('makes the rows a cell spans as tall as it, sharing the difference', () => {
    const heights = rowHeights(3, [
      { row: 0, rowspan: 1, height: 10 },
      { row: 1, rowspan: 1, height: 10 },
      { row: 0, rowspan: 2, height: 40 },
      { row: 2, rowspan: 1, height: 12 },
    ])
    assert.deepEqual(heights, [20, 20, 12])
  })

  it('groups the header rows, and body rows a cell spans', () => {
    const groups = rowGroups(6, 2, [
      { row: 0, rowspan: 2 },
      { row: 2, rowspan: 1 },
      { row: 3, rowspan: 2 },
      { row: 4, rowspan: 1 },
      { row: 5, rowspan: 1 },
    ])
    assert.deepEqual(groups, [
      { start: 0, end: 2, header: true },
      { start: 2, end: 3, header: false },
      { start: 3, end: 5, header: false },
      { start: 5, end: 6, header: false },
    ])
  })

  it('cuts a tall group only between whole lines', () => {
    // Two cells side by side, their lines offset by half a line: they line up only at 20 and 40.
    const slots = [0, 10, 20, 30, 40].map((top) => ({ top, height: 10 })).concat([5, 20, 35].map((top) => ({ top, height: 15 })))
    assert.deepEqual(cutPositions(slots), [20])
    assert.deepEqual(cutPositions([0, 12, 24].map((top) => ({ top, height: 12 }))), [12, 24])
  })
})
