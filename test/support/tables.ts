/**
 * Tables as documentation books hold them, for both editions' tests: code
 * and numbers in narrow columns, columns of one letter beside prose, tables
 * too wide for the measure, cells spanning rows and columns, and a long
 * table whose last rows used to stand alone on a page.
 */
import type { Block, Book, Inline, Table, TableCell } from '../../src/model/book.js'

export const text = (value: string): Inline => ({ type: 'text', value })
export const code = (value: string): Inline => ({ type: 'inlineCode', value })
export const cell = (...children: Inline[]): TableCell => ({ children })

/** Numbers, code and single words that must never break; a prose column that wraps. */
export const referenceTable: Table = {
  type: 'table',
  align: [null, null, 'right', null],
  headerRows: 1,
  rows: [
    [cell(text('Method')), cell(text('Returns')), cell(text('Time (ms)')), cell(text('Description of what the method does'))],
    [cell(code('finishFlush()')), cell(code('Promise<void>')), cell(text('240.1')), cell(text('Flushes pending writes to the underlying stream before it closes the handle.'))],
    [cell(code('write(chunk)')), cell(code('boolean')), cell(text('1,024')), cell(text('Writes a chunk and returns false when the internal buffer is full.'))],
    [cell(code('x')), cell(code('y')), cell(text('−3.5e-7')), cell(text('Short.'))],
    [cell(code('setEncoding(enc)')), cell(code('this')), cell(text('12 %')), cell(text('Sets the character encoding for data read from the stream.'))],
  ],
}

/** Three columns of one letter or digit beside a column of prose. */
export const narrowTable: Table = {
  type: 'table',
  align: [null, null, null, null],
  headerRows: 1,
  rows: [
    [cell(text('a')), cell(text('b')), cell(text('c')), cell(text('Description'))],
    [cell(text('1')), cell(text('2')), cell(text('3')), cell(text('A long description of something that needs a good many words to explain in a table, and so wraps.'))],
    [cell(text('4')), cell(text('5')), cell(text('6')), cell(text('Another one.'))],
  ],
}

/** Options of a stream: eight columns of identifiers, too wide for an A5 measure at any size, not for a turned page. */
export const wideTable: Table = {
  type: 'table',
  align: [null, null, null, null, null, null, null, null],
  headerRows: 1,
  rows: [
    ['Option', 'Type', 'Default', 'Since', 'Deprecated', 'Platform', 'Experimental', 'Description'].map((value) => cell(text(value))),
    [cell(code('highWaterMark')), cell(code('integer')), cell(code('16384')), cell(text('v10.0.0')), cell(text('no')), cell(text('all')), cell(text('no')), cell(text('Buffer level when the stream starts returning false.'))],
    [cell(code('objectMode')), cell(code('boolean')), cell(code('false')), cell(text('v0.11.0')), cell(text('no')), cell(text('all')), cell(text('no')), cell(text('Whether this stream behaves as a stream of objects.'))],
    [cell(code('autoDestroy')), cell(code('boolean')), cell(code('true')), cell(text('v14.0.0')), cell(text('no')), cell(text('all')), cell(text('yes')), cell(text('Whether the stream destroys itself after it ends.'))],
  ],
}

/** Six columns that fit an A5 measure only a size smaller. */
export const smallerTable: Table = {
  type: 'table',
  align: [null, 'right', 'right', 'right', 'right', 'right'],
  headerRows: 1,
  rows: [
    ['Harbour', 'Depth', 'Berths', 'Cranes', 'Tonnage', 'Capacity'].map((value) => cell(text(value))),
    [cell(code('Rotterdam-Europoort')), cell(text('24.0 m')), cell(text('1,211')), cell(text('102')), cell(text('436,812')), cell(text('14,500,000'))],
    [cell(code('Antwerp-Bruges')), cell(text('17.5 m')), cell(text('982')), cell(text('85')), cell(text('271,000')), cell(text('12,000,000'))],
  ],
}

/** A header cell spanning two columns above two others; a body cell spanning two rows. */
export const spanTable: Table = {
  type: 'table',
  align: [null, 'right', 'right'],
  headerRows: 2,
  rows: [
    [{ children: [text('Station')], rowspan: 2 }, { children: [text('Distance')], colspan: 2, align: 'center' }],
    [cell(text('Miles')), cell(text('Kilometres'))],
    [{ children: [text('North harbour, where the ferry leaves in the morning')], rowspan: 2 }, cell(text('12')), cell(text('19.3'))],
    [cell(text('14')), cell(text('22.5'))],
    [cell(text('Lighthouse')), { children: [text('unknown')], colspan: 2, align: 'center' }],
  ],
}

const notes = ['Ferry at dawn.', 'The keeper lights the lamp at dusk and tends it through the night.', 'Closed in winter storms, when the causeway floods.', 'A station of the weather service.']

/**
 * A table of `rows` stops running over pages: a remark every fifth row spans
 * that row and the next. Every row's first cell has words, so a page that
 * starts inside the table starts at one.
 */
export function longTable(rows: number): Table {
  const body: TableCell[][] = Array.from({ length: rows }, (_, index) => {
    const row = [cell(text(`Stop ${index + 1}`)), cell(text(`${index * 3} km`))]
    if (index % 5 === 0 && index + 1 < rows) row.push({ children: [text(notes[index % notes.length]!)], rowspan: 2 })
    else if (index % 5 !== 1) row.push(cell(text(notes[(index * 7) % notes.length]!)))
    return row
  })
  return { type: 'table', align: [null, 'right', null], headerRows: 1, rows: [[cell(text('Stop')), cell(text('Distance')), cell(text('Remarks'))], ...body] }
}

const paragraphOf = (value: string): Block => ({ type: 'paragraph', children: [text(value)] })

/** A book of one chapter holding each of the tables above, with prose between them. */
export function tablesBook(): Book {
  const blocks: Block[] = [
    { type: 'heading', depth: 1, id: 'tables', children: [text('Tables')] },
    paragraphOf('A table of methods, with code, numbers and prose.'),
    referenceTable,
    paragraphOf('Columns of one letter beside a column of prose.'),
    narrowTable,
    paragraphOf('A table set a size smaller.'),
    smallerTable,
    paragraphOf('A table that spans rows and columns.'),
    spanTable,
    paragraphOf('A table too wide for the page, turned.'),
    wideTable,
    paragraphOf('The text goes on after the turned table, on a page of its own.'),
    paragraphOf('A long table runs over pages, its header rows set again on each.'),
    longTable(70),
  ]
  return {
    metadata: { title: 'Tables', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00.000Z' },
    chapters: [{ id: 'tables', title: 'Tables', source: 'tables.md', blocks, notes: [] }],
    assets: [],
  }
}
