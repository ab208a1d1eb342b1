/**
 * How text is written into the PDF: each line's words of one style in one
 * `TJ` array, the face and colour set only when they change, and every word
 * where the typesetter put it (poppler's word boxes against the frames).
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { describe, it } from 'node:test'
import { promisify } from 'node:util'
import { Diagnostics } from '../../src/diagnostics.js'
import type { Block, Book, Inline } from '../../src/model/book.js'
import { composeBook } from '../../src/pdf/compose/index.js'
import { Framer, framePages } from '../../src/pdf/frame.js'
import type { FrameItem, FrameText } from '../../src/pdf/frame.js'
import { createHyphenator } from '../../src/pdf/hyphenate.js'
import { createMeasurer } from '../../src/pdf/measure.js'
import { paginate, type Placed } from '../../src/pdf/paginate/index.js'
import { defaultTheme, pageGeometry, resolveStyle } from '../../src/theme/index.js'
import { decodeXml } from '../support/tools.js'
import { setBook, uncompressed } from './helpers.js'

const run = promisify(execFile)
const theme = defaultTheme
const geometry = pageGeometry(theme, 'a5')

const text = (value: string): Inline => ({ type: 'text', value })
const prose =
  'The compositor sets each line of the paragraph by hand, spacing the words so that the right edge stands straight, and the reader never notices the work that went into it. '

function bookOf(blocks: Block[]): Book {
  return {
    metadata: { title: 'Writing Text', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00.000Z' },
    chapters: [{ id: 'text', title: 'Writing Text', source: 'text.md', blocks, notes: [] }],
    assets: [],
  }
}

/** The frames' text items of a book, page by page. */
function frameTexts(book: Book): FrameText[][] {
  const measurer = createMeasurer(theme)
  const flow = composeBook(book, theme, measurer, geometry, new Diagnostics(), { hyphenate: createHyphenator('en', theme.hyphenation) })
  const body = resolveStyle(theme, 'body')
  const pages = paginate(flow, { depth: geometry.depth, noteSeparator: body.leading, leading: body.leading })
  return [...framePages(pages, book, theme, geometry, measurer, { print: false })].map((frame) => frame.items.filter((item): item is FrameText => item.kind === 'text'))
}

/** The operators of each page's content stream, in order. */
async function pageOperators(file: string): Promise<string[][]> {
  const raw = await uncompressed(file)
  return [...raw.matchAll(/%% Contents for page \d+[\s\S]*?\nstream\n([\s\S]*?)endstream/g)].map((match) =>
    match[1]!
      .replace(/<[0-9a-f]*>/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .split(/\s+/)
      .filter((token) => /^[A-Za-z*'"]+$/.test(token)),
  )
}

describe('text written line by line', () => {
  const plain = bookOf([{ type: 'paragraph', children: [text(prose.repeat(3))] }])

  it('writes a paragraph in one style as one text object: one TJ per line, the face and colour set once', async () => {
    const pdf = await setBook(plain, { page: 'a5' }, 'plain')
    const [texts] = frameTexts(plain)
    const body = texts!.filter((item) => item.struct !== null)
    const lines = new Set(body.map((item) => item.y))
    // A word space narrowed to its shrunk width is drawn at a scaling of its own: it splits its line's array.
    let arrays = 0
    for (const y of lines) {
      const line = body.filter((item) => item.y === y)
      arrays += 1 + line.filter((item, index) => index > 0 && (item.scale ?? 100) !== (line[index - 1]!.scale ?? 100)).length
    }
    const operators = (await pageOperators(pdf.file))[0]!
    const count = (operator: string): number => operators.filter((token) => token === operator).length
    // The heading, the paragraph, and the folio (an artifact).
    assert.equal(count('BT'), 3)
    assert.equal(count('Tm'), lines.size + 1)
    assert.equal(count('TJ'), arrays + 1)
    assert.equal(count('Tf'), 3)
    assert.equal(count('rg'), 3)
  })

  it('sets every word where the typesetter placed it', async () => {
    const mixed = bookOf([
      {
        type: 'paragraph',
        children: [
          text('Plain words, then '),
          { type: 'emphasis', children: [text('emphasised words')] },
          text(', '),
          { type: 'strong', children: [text('strong words')] },
          text(', '),
          { type: 'inlineCode', value: 'code()' },
          text(' and a '),
          { type: 'link', url: 'https://example.com/', children: [text('link to a page')] },
          text(`. ${prose}`),
        ],
      },
    ])
    const pdf = await setBook(mixed, { page: 'a5' }, 'mixed')
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf.file, '-'])
    const words = [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, x, , word]) => ({ x: Number(x), word: decodeXml(word!) }))
    // The items that begin a word as poppler reads it: first on their line, or after a space.
    const items = frameTexts(mixed)[0]!
    const drawn = items.filter((item, index) => {
      const before = items[index - 1]
      return item.text.trim() !== '' && (before === undefined || before.y !== item.y || /\s$/.test(before.text))
    })
    assert.ok(drawn.length > 40)
    for (const item of drawn) {
      const word = words.find((candidate) => candidate.word.startsWith(item.text.trim()) && Math.abs(candidate.x - item.x) < 0.01)
      assert.ok(word, `"${item.text}" at ${item.x.toFixed(3)}`)
    }
  })
})

describe('a kept page framed again', () => {
  it('gives out the frozen items it framed before, and frames anew when its place or its structure numbers move', () => {
    const measurer = createMeasurer(theme)
    const book = bookOf([{ type: 'paragraph', children: [text(prose.repeat(12))] }])
    const flow = composeBook(book, theme, measurer, geometry, new Diagnostics(), { hyphenate: createHyphenator('en', theme.hyphenation) })
    const body = resolveStyle(theme, 'body')
    const pages = paginate(flow, { depth: geometry.depth, noteSeparator: body.leading, leading: body.leading })
    const page = pages[1]!
    const framer = new Framer(book, theme, geometry, measurer, { print: false })
    const fresh = framer.frame(page)
    assert.ok(!Object.isFrozen(fresh.items[0]), 'a page not kept is framed as it is')

    // A kept layout is frozen (see `layout-cache.ts`): its page's text block, the same from build to build.
    const kept = { ...page, body: Object.freeze([...page.body]) as Placed[] }
    const first = new Framer(book, theme, geometry, measurer, { print: false }).frame(kept)
    const again = new Framer(book, theme, geometry, measurer, { print: false }).frame({ ...kept })
    assert.deepEqual(first, fresh)
    assert.equal(again.items[0], first.items[0], 'the items framed before')
    assert.ok(Object.isFrozen(again.items[0]))
    const texts = (items: readonly FrameItem[]): FrameText[] => items.filter((item): item is FrameText => item.kind === 'text')

    // Where the text block stands moved (a file for a printer has bleed and a slug around the page): framed anew, as a page not kept is.
    const printed = new Framer(book, theme, geometry, measurer, { print: true }).frame(kept)
    assert.notEqual(texts(printed.items)[0]!.x, texts(first.items)[0]!.x)
    assert.deepEqual(printed, new Framer(book, theme, geometry, measurer, { print: true }).frame(page))
    // Its part's structure numbers moved (a paragraph added before it): framed anew, in the new numbers.
    const base = new Framer(book, theme, geometry, measurer, { print: false }).frame(kept)
    const moved = new Framer(book, theme, geometry, measurer, { print: false }).frame(kept, (id) => (id === 0 ? 0 : id + 5))
    assert.notEqual(moved.items[0], base.items[0])
    assert.deepEqual(texts(moved.items).map((item) => item.struct), texts(base.items).map((item) => (item.struct === null ? null : item.struct + 5)))
  })
})
