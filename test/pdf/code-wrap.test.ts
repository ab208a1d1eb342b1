/**
 * Code lines wider than the measure, in the print edition: where they break
 * (after a space, else after punctuation, else inside a word at the edge), how
 * the continued rows are set (the continuation sign, the line's indentation),
 * and that nothing is lost or miscounted: every character in order, no row
 * past the measure, each row's word as `blockWords` counts it, the text read
 * back from the PDF whole.
 */
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import type { Block, Book, CodeBlock } from '../../src/model/book.js'
import { blockWords } from '../../src/model/text.js'
import { clusterKind, furthestBack, rowStarts } from '../../src/pdf/compose/code-wrap.js'
import { composeBook } from '../../src/pdf/compose/index.js'
import type { FlowBox, TextDrawing } from '../../src/pdf/flow.js'
import { createHyphenator } from '../../src/pdf/hyphenate.js'
import { createMeasurer } from '../../src/pdf/measure.js'
import { defaultTheme, pageGeometry } from '../../src/theme/index.js'
import { qpdfCheck } from '../support/tools.js'
import { setBook, textBlockText } from './helpers.js'
import type { Written } from './helpers.js'

const theme = defaultTheme
const geometry = pageGeometry(theme, 'a5')
const sign = theme.codeContinuation.sign

/** The rows of `line` in a face whose every character is one column wide, `first` columns in the first row and `rest` after. */
function rowsOf(line: string, first: number, rest = first): string[] {
  const clusters = [...line].map((text) => ({ text, width: 1 }))
  const bounds = [0, ...rowStarts(clusters, first, rest), clusters.length]
  return bounds.slice(1).map((end, index) => line.slice(bounds[index], end))
}

/** Checks every wrapping must pass: the rows give back the line, and each row's ink fits its room. */
function assertRows(line: string, rows: readonly string[], first: number, rest = first): void {
  assert.equal(rows.join(''), line, 'the rows joined give the line')
  rows.forEach((row, index) => assert.ok(row.trimEnd().length <= (index === 0 ? first : rest), `row ${index} "${row}" fits`))
  for (const row of rows.slice(1)) assert.match(row, /^\S/, `"${row}" starts with ink`)
}

describe('where a code line breaks', () => {
  it('knows spaces, marks, quotation marks and words apart', () => {
    assert.deepEqual([' ', '\u00A0', '.', '(', '_', '=', '/', '，', '"', "'", '`', 'a', '7', 'é', '😀', ' \u0301', '中', 'か'].map(clusterKind), ['space', 'space', 'mark', 'mark', 'mark', 'mark', 'mark', 'mark', 'quote', 'quote', 'quote', 'word', 'word', 'word', 'word', 'word', 'ideograph', 'ideograph'])
  })

  it('breaks after a space within reach, leaving the space at the end of the row', () => {
    const line = 'const stream = new Readable({ highWaterMark: 16384, objectMode: false })'
    const rows = rowsOf(line, 30, 28)
    assert.deepEqual(rows, ['const stream = new Readable({ ', 'highWaterMark: 16384, ', 'objectMode: false })'])
    assertRows(line, rows, 30, 28)
  })

  it('breaks after punctuation when no space is within reach, keeping the mark with the word before it', () => {
    const line = 'someObject.withAVeryLongPropertyName.andAnotherOne.finallyTheMethod(argumentNumberOne)'
    const rows = rowsOf(line, 40, 38)
    assert.deepEqual(rows, ['someObject.withAVeryLongPropertyName.', 'andAnotherOne.finallyTheMethod(', 'argumentNumberOne)'])
    assertRows(line, rows, 40, 38)
    assert.deepEqual(rowsOf('https://example.com/segment/segment/end', 24), ['https://example.com/', 'segment/segment/end'])
    assert.deepEqual(rowsOf('Number.MAX_SAFE_INTEGER', 18), ['Number.MAX_SAFE_', 'INTEGER'])
  })

  it('prefers a space to a later mark, and a mark to the edge', () => {
    assert.deepEqual(rowsOf('options.highWaterMark > Number.MAX_SAFE_INTEGER', 30), ['options.highWaterMark > ', 'Number.MAX_SAFE_INTEGER'])
    assert.deepEqual(rowsOf('alpha.beta.gammadeltaepsilon', 18), ['alpha.beta.', 'gammadeltaepsilon'])
  })

  it('keeps a run of marks whole: an operator, a pair of brackets, a scheme', () => {
    assert.deepEqual(rowsOf('alpha.beta.gamma!==delta', 18), ['alpha.beta.', 'gamma!==delta'])
    assert.deepEqual(rowsOf('call.first().second', 14), ['call.first().', 'second'])
    assert.deepEqual(rowsOf('value:https://example.com', 19), ['value:https://', 'example.com'])
  })

  it('does not cut a mark that opens a word or a string from it while a space is within reach', () => {
    assert.deepEqual(rowsOf('abcdefghijk --verbose', 16), ['abcdefghijk ', '--verbose'])
    assert.deepEqual(rowsOf('abcdefghijk ("verbose")', 16), ['abcdefghijk ', '("verbose")'])
    // With none within reach, after the mark rather than inside the word.
    assert.deepEqual(rowsOf('abcdefgh --verbosemode', 16), ['abcdefgh --', 'verbosemode'])
  })

  it('fills a row of Chinese to the edge, and never starts a row with its comma', () => {
    assert.deepEqual(rowsOf('// 注释：这是一个很长的中文注释，用来测试', 14), ['// 注释：这是一个很长的中', '文注释，用来测试'])
    // The comma would start the next row: the row ends a character sooner, and the comma goes with it.
    assert.deepEqual(rowsOf('// 一二三四五六七八九十一二三四五，六七', 18), ['// 一二三四五六七八九十一二三四', '五，六七'])
    assert.deepEqual(rowsOf('// 一二三四五六七八九十一二三四五，六七', 19), ['// 一二三四五六七八九十一二三四五，', '六七'])
  })

  it(`breaks inside a word at the edge when every other break is more than ${furthestBack * 100}% of the row back`, () => {
    const line = `const name = "${'Pneumono'.repeat(6)}"`
    const rows = rowsOf(line, 40, 38)
    assert.equal(rows[0], line.slice(0, 40), 'not after "= ", 13 columns into a row of 40')
    assertRows(line, rows, 40, 38)
    // Just within reach: 24 of 40 columns; one short of it, the edge.
    assert.equal(rowsOf(`${'a'.repeat(24)} ${'b'.repeat(30)}`, 40)[0], `${'a'.repeat(24)} `)
    assert.equal(rowsOf(`${'a'.repeat(23)} ${'b'.repeat(30)}`, 40)[0], `${'a'.repeat(23)} ${'b'.repeat(16)}`)
  })

  it('breaks a 200-character identifier only at the edge, every row full', () => {
    const identifier = 'abcdefghij'.repeat(20)
    const rows = rowsOf(identifier, 40, 38)
    assert.deepEqual(rows.map((row) => row.length), [40, 38, 38, 38, 38, 8])
    assertRows(identifier, rows, 40, 38)
  })

  it('neither breaks after the indentation nor leaves a row of spaces; spaces at the end hang', () => {
    const line = `        ${'x'.repeat(30)}`
    assert.deepEqual(rowsOf(line, 20), [`        ${'x'.repeat(12)}`, 'x'.repeat(18)])
    assert.deepEqual(rowsOf(`${'y'.repeat(20)}      `, 20), [`${'y'.repeat(20)}      `])
    assert.deepEqual(rowsOf(`${'y'.repeat(18)}      z`, 20), [`${'y'.repeat(18)}      `, 'z'])
  })

  it('gives a cluster wider than the room a row of its own', () => {
    const clusters = [{ text: 'a', width: 1 }, { text: '😀', width: 5 }, { text: 'b', width: 1 }]
    assert.deepEqual(rowStarts(clusters, 3, 3), [1, 2])
  })

  it('leaves a line that fits alone', () => {
    assert.deepEqual(rowsOf('short line', 10), ['short line'])
    assert.deepEqual(rowsOf('', 10), [''])
  })
})

// ---------------------------------------------------------------------------------------------
// A chapter of code, composed in this process and read from the boxes the typesetter made.

const identifier = 'averyveryverylongidentifier'.repeat(8).slice(0, 200)
const lines = [
  'const stream = new Readable({ highWaterMark: 16384, objectMode: false, encoding: "utf8" })',
  'function configure(options) {',
  '    if (options.highWaterMark !== undefined && options.highWaterMark > Number.MAX_SAFE_INTEGER) throw new RangeError("too high")',
  '    return someObject.withAVeryLongPropertyName.andAnotherOne.andYetAnotherPropertyName.finallyTheMethod(argumentNumberOne)',
  '}',
  '',
  `let ${identifier} = 1`,
  `                                  deeply.indented.call(withAnArgument, andAnotherArgument, andAThirdArgument)`,
  'https://example.com/segment/segment/segment/segment/segment/segment/segment/segment/end',
]
const source = lines.join('\n')
const codeBlock: CodeBlock = {
  type: 'code',
  lang: 'js',
  value: source,
  // A few tokens coloured, so that rows are cut from pieces of several colours.
  tokens: source.split(/(\bconst\b|\bfunction\b|\breturn\b|"[^"]*")/).filter((text) => text !== '').map((text) => (/^(const|function|return)$/.test(text) ? { text, kind: 'keyword' as const } : text.startsWith('"') ? { text, kind: 'string' as const } : { text })),
}

function bookOf(blocks: Block[]): Book {
  return {
    metadata: { title: 'Wrapped Code', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00.000Z' },
    chapters: [{ id: 'code', title: 'Wrapped Code', source: 'code.md', blocks, notes: [] }],
    assets: [],
  }
}

interface SetRow {
  /** The row's text, spaces not drawn restored from the gaps between runs. */
  text: string
  word: number
  continued: boolean
  /** What is drawn as an artifact before the row's text (the continuation sign), and where. */
  sign: string
  signX?: number
  /** Where the text starts, and the right end of its ink. */
  textX: number
  inkEnd: number
}

describe('a chapter of wrapped code, as composed', () => {
  const book = bookOf([{ type: 'paragraph', children: [{ type: 'text', value: 'Before the code.' }] }, codeBlock])
  const measurer = createMeasurer(theme)
  const flow = composeBook(book, theme, measurer, geometry, new Diagnostics(), { hyphenate: createHyphenator('en', theme.hyphenation) })
  const boxes = flow.items.filter((item): item is FlowBox => item.kind === 'box' && item.source?.block[0] === 1)
  const ground = boxes[0]!.drawings.find((drawing) => drawing.kind === 'rect')!
  const texts = (box: FlowBox): TextDrawing[] => box.drawings.filter((drawing): drawing is TextDrawing => drawing.kind === 'text')
  // The first row's text starts at the code's left edge: the ground's edge and the inset.
  const left = texts(boxes[0]!)[0]!.x
  // One column of the monospaced face.
  const column = measurer.width('0', texts(boxes[0]!)[0]!.run.style)
  const right = ground.x + ground.width - (left - ground.x)
  const rows: SetRow[] = boxes.map((box) => {
    const drawn = texts(box)
    const signs = drawn.filter((drawing) => drawing.struct === null)
    const runs = drawn.filter((drawing) => drawing.struct !== null)
    // A continued row starts with ink; a line's first row at the left edge, its indentation undrawn.
    const textX = signs.length > 0 ? runs[0]!.x : left
    let text = ''
    let x = textX
    for (const run of runs) {
      text += ' '.repeat(Math.round((run.x - x) / column)) + run.run.text
      x = run.x + run.run.width
    }
    const inkEnd = runs.filter((run) => run.run.text.trim() !== '').reduce((end, run) => Math.max(end, run.x + measurer.width(run.run.text.trimEnd(), run.run.style)), textX)
    const artifact = signs.map((drawing) => drawing.run.text).join('')
    return { text, word: box.source!.word, continued: signs.length > 0, sign: artifact, textX, inkEnd, ...(signs.length > 0 ? { signX: signs[0]!.x } : {}) }
  })
  const grouped: SetRow[][] = []
  for (const row of rows) (row.continued ? grouped.at(-1)! : grouped[grouped.push([]) - 1]!).push(row)

  it('sets each source line as its rows, every character kept in order', () => {
    assert.equal(grouped.length, lines.length)
    grouped.forEach((group, index) => assert.equal(group.map((row) => row.text).join('').trimEnd(), lines[index]!.trimEnd(), `line ${index + 1}`))
    assert.equal(rows.length, lines.length + 11, 'eleven continued rows')
  })

  it('sets no row past the measure', () => {
    for (const row of rows) assert.ok(row.inkEnd <= right + 1e-6, `"${row.text}" ends at ${row.inkEnd.toFixed(2)}, past ${right.toFixed(2)}`)
    assert.ok(right - left <= geometry.measure)
  })

  it('sets the continuation sign on continued rows only, drawn as an artifact', () => {
    // The rows grouped by their signs are the source lines (above); here, each continued row has the sign and nothing else as an artifact.
    for (const group of grouped) {
      assert.equal(group[0]!.sign, '')
      for (const row of group.slice(1)) assert.equal(row.sign, sign)
    }
    for (const box of boxes) for (const drawing of texts(box)) assert.equal(drawing.struct === null, drawing.run.text === sign, `"${drawing.run.text}"`)
  })

  it('breaks after spaces and punctuation, inside a word only where nothing else is near', () => {
    const [stream, , condition, chain, , , long, deep, url] = grouped
    const broken = (group: SetRow[]): string[] => group.slice(0, -1).map((row) => row.text)
    for (const text of [...broken(stream!), ...broken(condition!)]) assert.match(text, /\S $/, `"${text}" ends after a space`)
    for (const text of broken(chain!)) assert.match(text, /\.$/, `"${text}" ends after a full stop`)
    for (const text of broken(url!)) assert.match(text, /\/$/, `"${text}" ends after a slash`)
    assert.deepEqual(broken(deep!).map((text) => text.trim()), ['deeply.indented.call(', 'withAnArgument, andAnotherArgument,'])
    // The identifier breaks inside itself, at the edge, each of its rows full but the last.
    assert.ok(long!.length >= 4)
    for (const row of long!.slice(0, -1)) {
      assert.ok(right - row.inkEnd < column, `"${row.text}" fills its row`)
      assert.match(row.text, /[a-z]$/)
    }
  })

  it('keeps the indentation of the line a row continues, unless that leaves less than half the measure', () => {
    const [stream, , condition, chain, , , , deep] = grouped
    const indent = theme.codeContinuation.indent
    for (const row of [...condition!.slice(1), ...chain!.slice(1)]) {
      assert.ok(Math.abs(row.signX! - (left + 4 * column)) < 1e-6, 'the sign under the text of an indented line')
      assert.ok(Math.abs(row.textX - (left + (4 + indent) * column)) < 1e-6, 'the text past the sign, on the columns of the lines above')
    }
    for (const row of [...stream!.slice(1), ...deep!.slice(1)]) {
      assert.ok(Math.abs(row.signX! - left) < 1e-6, 'a line not indented, or indented 34 columns, continues from the left edge')
      assert.ok(Math.abs(row.textX - (left + indent * column)) < 1e-6)
    }
  })

  it('gives each row the index of its first word, or of the word in progress, as blockWords counts them', () => {
    const words = blockWords(codeBlock)
    grouped.forEach((group, index) => {
      let offset = index === 0 ? 0 : lines.slice(0, index).join('\n').length + 1
      for (const row of group) {
        const before = source.slice(0, offset)
        const startsInWord = /\S/.test(source[offset] ?? '') && /\S$/.test(before)
        const expected = before.split(/\s+/).filter((word) => word !== '').length - (startsInWord ? 1 : 0)
        assert.equal(row.word, expected, `"${row.text}" at ${offset}`)
        if (/\S/.test(source[offset] ?? '')) assert.ok(words[row.word]!.includes(row.text.trim().split(/\s+/)[0]!.slice(0, 8)))
        offset += row.text.length
      }
    })
  })
})

describe('words of code counted as written', () => {
  it('counts a word of characters never seen, which are not drawn, as blockWords does', () => {
    // A zero-width space alone between spaces is a word to blockWords; the code face has no glyph for it, so it is not drawn.
    const block: CodeBlock = { type: 'code', value: `x \u200B y\n${'z'.repeat(120)}` }
    const flow = composeBook(bookOf([block]), theme, createMeasurer(theme), geometry, new Diagnostics())
    const words = flow.items.filter((item): item is FlowBox => item.kind === 'box' && item.source?.block[0] === 0).map((box) => box.source!.word)
    assert.equal(blockWords(block).length, 4)
    assert.deepEqual(words, [0, 3, 3, 3])
  })
})

describe('wrapped code in the PDF, read back', () => {
  let pdf: Written
  before(async () => {
    pdf = await setBook(bookOf([codeBlock]), { page: 'a5' }, 'code-wrap')
  })

  it('reads each row as a line, a continued one after the sign, and a word broken inside whole once the sign is taken out', async () => {
    const text = await textBlockText(pdf.file, 'a5', ['-raw'])
    const read = text.split('\n').map((line) => line.trim())
    assert.equal(read.filter((line) => line.startsWith(`${sign} `)).length, 11, 'eleven continued rows')
    // Broken after a space: the words on either side read apart.
    const condition = read.indexOf('if (options.highWaterMark !== undefined &&')
    assert.ok(condition >= 0)
    assert.deepEqual(read.slice(condition + 1, condition + 3), [`${sign} options.highWaterMark > Number.MAX_SAFE_INTEGER)`, `${sign} throw new RangeError("too high")`])
    // Broken inside a word: no space enters it.
    const joined = text.replace(new RegExp(`\\n${sign} `, 'g'), '')
    assert.ok(joined.includes(`let ${identifier} = 1`), 'the identifier whole')
    assert.ok(joined.includes('https://example.com/segment/segment/segment/segment/segment/segment/segment/segment/end'), 'the address whole')
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })
})
