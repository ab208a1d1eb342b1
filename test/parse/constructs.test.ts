import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import type { Block, Book, Figure, Heading, Inline, List, Table } from '../../src/model/book.js'
import { blockText, inlineText } from '../../src/model/text.js'
import { forEachBlock, forEachInline } from '../../src/model/walk.js'
import { bookOf, fixtures, load } from '../load/support.js'

const loaded = load(path.join(fixtures, 'constructs.md'))

async function book(): Promise<Book> {
  return bookOf(await loaded)
}

function allBlocks(book: Book): Block[] {
  const blocks: Block[] = []
  for (const chapter of book.chapters) {
    forEachBlock(chapter.blocks, (block) => blocks.push(block))
    for (const note of chapter.notes) forEachBlock(note.blocks, (block) => blocks.push(block))
  }
  return blocks
}

function allInlines(book: Book): Inline[] {
  const inlines: Inline[] = []
  for (const chapter of book.chapters) forEachInline(chapter.blocks, (inline) => inlines.push(inline))
  return inlines
}

test('the constructs fixture loads as one chapter, with no warning', async () => {
  const result = await loaded
  assert.deepEqual(result.warnings, [])
  assert.equal(bookOf(result).chapters.length, 1)
})

test('every block has a place in the source', async () => {
  for (const block of allBlocks(await book())) {
    assert.ok(block.place, `${block.type} has no place`)
    assert.match(block.place.file, /constructs\.md$/)
    assert.ok(block.place.line >= 18 && block.place.column >= 1)
  }
})

test('headings of every depth, setext included, with slug ids', async () => {
  const headings = allBlocks(await book()).filter((block): block is Heading => block.type === 'heading')
  assert.deepEqual([...new Set(headings.map((heading) => heading.depth))].sort(), [1, 2, 3, 4, 5, 6])
  assert.ok(headings.some((heading) => heading.id === 'setext-heading-level-two' && heading.depth === 2))
  assert.ok(headings.every((heading) => /^[a-z][a-z0-9-]*$/.test(heading.id)))
})

test('inline formatting: emphasis, strong, strikethrough, code, hard breaks', async () => {
  const types = new Set(allInlines(await book()).map((inline) => inline.type))
  for (const type of ['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'link', 'break', 'noteRef', 'image']) {
    assert.ok(types.has(type as Inline['type']), type)
  }
})

test('smart punctuation: curly quotes, dashes, ellipses; code untouched; no invented syntax', async () => {
  const text = blockText((await book()).chapters[0]!.blocks)
  assert.match(text, /“Double quotes”, ‘single quotes’, an apostrophe in don’t, dashes – and —,/)
  assert.match(text, /an ellipsis…/)
  // Prices keep their dollars (as in pandoc); the formulas are read as TeX, and their plain text is their TeX.
  assert.match(text, /Dollars stay text: \$5 and \$10, and formulas are formulas: x and y\./)
  assert.deepEqual(allInlines(await book()).filter((inline) => inline.type === 'inlineMath').map((inline) => inline.type === 'inlineMath' && inline.tex), ['x', 'y'])
  assert.match(text, /Backslash escapes: \*not emphasis\*, _not either_, # not a heading, \[not a link\]\./)
  assert.match(text, /Entities: © & <tag> © ©\./)
  assert.match(text, /return `Hello, \$\{name\}!`/)
  const code = allInlines(await book()).find((inline) => inline.type === 'inlineCode')
  assert.deepEqual(code, { type: 'inlineCode', value: 'inline code' })
})

test('text holds no line breaks: soft breaks are spaces, hard breaks are break inlines', async () => {
  for (const inline of allInlines(await book())) {
    if (inline.type === 'text') assert.doesNotMatch(inline.value, /[\r\n]/)
  }
  const breaks = allInlines(await book()).filter((inline) => inline.type === 'break')
  assert.equal(breaks.length, 2)
})

test('links: inline, reference (full, collapsed, shortcut), autolinks and literals', async () => {
  const links = allInlines(await book()).filter((inline) => inline.type === 'link')
  const byText = new Map(links.map((link) => [inlineText(link.children), link]))
  const inline = byText.get('inline link')
  assert.deepEqual(inline, {
    type: 'link',
    url: 'https://example.com/inline',
    target: { kind: 'web', url: 'https://example.com/inline' },
    title: 'Inline title',
    children: [{ type: 'text', value: 'inline link' }],
    place: { file: inline?.place?.file, line: 32, column: 4 },
  })
  assert.match(inline?.place?.file ?? '', /constructs\.md$/, 'the link knows where it is written')
  assert.equal(byText.get('reference link')?.url, 'https://example.com/reference')
  assert.equal(byText.get('reference link')?.title, 'Reference title')
  assert.equal(byText.get('collapsed reference')?.url, 'https://example.com/collapsed')
  assert.equal(byText.get('shortcut reference')?.url, 'https://example.com/shortcut')
  assert.equal(byText.get('https://example.com/auto')?.url, 'https://example.com/auto')
  assert.equal(byText.get('writer@example.com')?.url, 'mailto:writer@example.com')
  assert.equal(byText.get('www.example.com/literal')?.url, 'http://www.example.com/literal')
  assert.equal(byText.get('section')?.url, '#lists')
})

test('images: figures with captions, an SVG through a reference, inline images; one asset per file', async () => {
  const loadedBook = await book()
  const figures = allBlocks(loadedBook).filter((block): block is Figure => block.type === 'figure')
  assert.deepEqual(
    figures.map((figure) => [figure.asset, figure.alt, figure.caption && inlineText(figure.caption)]),
    [
      ['img-images-diagram.png', 'A diagram of a circle and a triangle', 'Figure 1. A circle and a triangle.'],
      ['img-images-photo.jpg', 'A photograph without a caption', undefined],
      ['img-images-figure.svg', 'A vector figure', 'Figure 2. The same shapes, drawn as vectors.'],
    ],
  )
  assert.deepEqual(
    loadedBook.assets.map((asset) => [asset.id, asset.mediaType]),
    [
      ['img-images-diagram.png', 'image/png'],
      ['img-images-photo.jpg', 'image/jpeg'],
      ['img-images-figure.svg', 'image/svg+xml'],
      ['img-images-swatch.gif', 'image/gif'],
    ],
  )
})

test('block quotes nest', async () => {
  const quote = allBlocks(await book()).find((block) => block.type === 'blockquote')
  assert.ok(quote?.type === 'blockquote')
  const inner = quote.children.find((block) => block.type === 'blockquote')
  assert.ok(inner?.type === 'blockquote')
  assert.ok(inner.children.some((block) => block.type === 'blockquote'))
})

test('lists: ordered with a start, nested, tight and loose, tasks', async () => {
  const lists = allBlocks(await book()).filter((block): block is List => block.type === 'list')
  const first = lists[0]!
  assert.equal(first.ordered, true)
  assert.equal(first.start, 1)
  assert.equal(first.spread, false)
  assert.equal(first.items[1]!.children[1]!.type, 'list')
  const seven = lists.find((list) => list.start === 7)
  assert.ok(seven?.ordered)
  const loose = lists.find((list) => list.spread && !list.ordered)
  assert.equal(loose?.items.length, 3)
  const tasks = lists.find((list) => list.items.some((item) => item.checked !== null))
  assert.deepEqual(tasks?.items.map((item) => item.checked), [false, true, false])
})

test('tables: alignment per column, header row first, formatted cells', async () => {
  const table = allBlocks(await book()).find((block): block is Table => block.type === 'table')!
  assert.deepEqual(table.align, ['left', 'center', 'right', null])
  assert.deepEqual(table.rows[0]!.map((cell) => inlineText(cell.children)), ['Left aligned', 'Centred', 'Right aligned', 'Default'])
  assert.equal(table.rows.length, 4)
  assert.equal(table.rows[3]![1]!.children[0]!.type, 'strong')
})

test('code blocks: fenced with a language, tilde fence, indented', async () => {
  const code = allBlocks(await book()).filter((block) => block.type === 'code')
  assert.deepEqual(
    code.map((block) => (block.type === 'code' ? [block.lang, block.value.split('\n')[0]] : [])),
    [
      ['js', '// A fenced code block with a language'],
      [undefined, 'A tilde-fenced block without a language.'],
      [undefined, 'An indented code block'],
    ],
  )
})

test('footnotes: numbered in order of first call, a second call reuses the number', async () => {
  const chapter = (await book()).chapters[0]!
  const refs = allInlines(await book()).filter((inline) => inline.type === 'noteRef')
  assert.deepEqual(refs.map((ref) => [ref.number, ref.note]), [
    [1, 'chapter-1-note-1'],
    [2, 'chapter-1-note-2'],
    [1, 'chapter-1-note-1'],
  ])
  assert.deepEqual(chapter.notes.map((note) => [note.id, note.number, blockText(note.blocks)]), [
    ['chapter-1-note-1', 1, 'The first footnote, called twice.'],
    ['chapter-1-note-2', 2, 'The second footnote, with two paragraphs.\nIts second paragraph.'],
  ])
})

test('a thematic break is kept', async () => {
  assert.ok(allBlocks(await book()).some((block) => block.type === 'thematicBreak'))
})
