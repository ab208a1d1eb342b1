/**
 * Heading ids by GitHub's rules, per source file, and links resolved the way
 * the file system and GitHub read them, for both editions at once.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import type { Block, Book, Heading, Inline, Link } from '../../src/model/book.js'
import { blockInlines, forEachBlock, visitInlines } from '../../src/model/walk.js'
import { bookOf, load, manuscriptFolder } from '../load/support.js'

function headings(book: Book, chapter: number): Heading[] {
  const found: Heading[] = []
  forEachBlock(book.chapters[chapter]!.blocks, (block) => block.type === 'heading' && found.push(block))
  return found
}

function links(blocks: readonly Block[]): Link[] {
  const found: Link[] = []
  forEachBlock(blocks, (block) => {
    for (const inlines of blockInlines(block)) visitInlines(inlines, (inline: Inline) => inline.type === 'link' && found.push(inline))
  })
  return found
}

test('heading ids follow GitHub: its slugs, repeats numbered from -1, made from the text as written', async () => {
  const folder = await manuscriptFolder({
    'book.yaml': 'title: T\nlang: en\n',
    'zlib.md': [
      '# Class: zlib.InflateRaw',
      '## `fs.readFile(path[, options], callback)`',
      '## Options',
      '### Options',
      '## Options',
      '## 中文 (Chinese)',
      '## Café -- "quoted" & <b>bold</b>',
      '## 1984',
      '## !!!',
    ].join('\n\n'),
  })
  const book = bookOf(await load(folder))
  assert.deepEqual(
    headings(book, 0).map((heading) => heading.id),
    ['class-zlibinflateraw', 'fsreadfilepath-options-callback', 'options', 'options-1', 'options-2', '中文-chinese', 'café----quoted--bold', '1984', 'section'],
  )
})

test('ids are unique per source file: the same heading in two files keeps the same id', async () => {
  const folder = await manuscriptFolder({ 'book.yaml': 'title: T\nlang: en\n', 'a.md': '# A\n\n## Options\n', 'b.md': '# B\n\n## Options\n\n## Options\n' })
  const book = bookOf(await load(folder))
  assert.deepEqual(headings(book, 0).map((heading) => heading.id), ['a', 'options'])
  assert.deepEqual(headings(book, 1).map((heading) => heading.id), ['b', 'options', 'options-1'])
})

test('an id written in the manuscript wins: {#id} after a heading; a slug that would take one moves on; a repeated one is dropped', async () => {
  const folder = await manuscriptFolder({
    'book.yaml': 'title: T\nlang: en\n',
    'a.md': '# Start\n\n## Setup {#install}\n\n## Install\n\n## Notes {#notes .unnumbered}\n\n## Again {#install}\n',
  })
  const result = await load(folder)
  const book = bookOf(result)
  const list = headings(book, 0)
  assert.deepEqual(
    list.map((heading) => [heading.id, heading.explicitId === true]),
    [['start', false], ['install', true], ['install-1', false], ['notes', true], ['again', false]],
  )
  assert.deepEqual(list.map((heading) => heading.children.map((child) => (child.type === 'text' ? child.value : '')).join('')), ['Start', 'Setup', 'Install', 'Notes', 'Again'], '{#…} is not printed')
  assert.equal(result.warnings.length, 1)
  assert.match(result.warnings[0]!, /a\.md:9:1: warning: the id `install` is already used in this file/)
})

test('links resolve like the file system and GitHub: this file, another file, folders, .html, the book root, repeats written _1', async () => {
  const folder = await manuscriptFolder({
    'book.yaml': 'title: T\nlang: en\nchapters:\n  - README.md\n  - guide/README.md\n  - guide/setup.md\n',
    'README.md': '# Home\n\n[a](#home) [b](guide/setup.md#options) [c](./guide/) [d](guide/setup.html#options) [e](guide/setup) [f](guide/setup.md?plain=1#Options)\n',
    'guide/README.md': '# Guide\n\n## Options\n\n[g](#options) [h](setup.md#options) [i](../README.md) [j](/guide/setup.md#options) [k](%2E/setup.md#options)\n',
    'guide/setup.md': '# Setup\n\n## Options\n\n[l](../guide/README.md#options) [m](<https://example.com/a b>) [n](mailto:x@example.com)\n\n## Options\n\n[o](#options_1)\n',
  })
  const book = bookOf(await load(folder))
  const targets = book.chapters.flatMap((chapter) => links(chapter.blocks).map((link) => [link.url, link.target]))
  assert.deepEqual(targets, [
    ['#home', { kind: 'internal', chapter: 'chapter-1', id: 'home' }],
    ['guide/setup.md#options', { kind: 'internal', chapter: 'chapter-3', id: 'options' }],
    ['./guide/', { kind: 'internal', chapter: 'chapter-2' }],
    ['guide/setup.html#options', { kind: 'internal', chapter: 'chapter-3', id: 'options' }],
    ['guide/setup', { kind: 'internal', chapter: 'chapter-3' }],
    ['guide/setup.md?plain=1#Options', { kind: 'internal', chapter: 'chapter-3', id: 'options' }],
    ['#options', { kind: 'internal', chapter: 'chapter-2', id: 'options' }],
    ['setup.md#options', { kind: 'internal', chapter: 'chapter-3', id: 'options' }],
    ['../README.md', { kind: 'internal', chapter: 'chapter-1' }],
    ['/guide/setup.md#options', { kind: 'internal', chapter: 'chapter-3', id: 'options' }],
    ['%2E/setup.md#options', { kind: 'internal', chapter: 'chapter-3', id: 'options' }],
    ['../guide/README.md#options', { kind: 'internal', chapter: 'chapter-2', id: 'options' }],
    ['https://example.com/a b', { kind: 'web', url: 'https://example.com/a%20b' }],
    ['mailto:x@example.com', { kind: 'web', url: 'mailto:x@example.com' }],
    ['#options_1', { kind: 'internal', chapter: 'chapter-3', id: 'options-1' }],
  ])
})

test('in a single file cut into chapters, `#id` means the id anywhere in the file', async () => {
  const folder = await manuscriptFolder({ 'book.md': '# One\n\nSee [two](#two).\n\n# Two\n\n## One\n\nBack to [one](#one), [its namesake](#one-1).\n' })
  const book = bookOf(await load(path.join(folder, 'book.md')))
  assert.equal(book.chapters.length, 2)
  assert.deepEqual(links(book.chapters[0]!.blocks)[0]!.target, { kind: 'internal', chapter: 'chapter-2', id: 'two' })
  assert.deepEqual(links(book.chapters[1]!.blocks).map((link) => link.target), [
    { kind: 'internal', chapter: 'chapter-1', id: 'one' },
    { kind: 'internal', chapter: 'chapter-2', id: 'one-1' },
  ])
})

test('a link that leads nowhere becomes its text, with one warning at the link giving the target as written', async () => {
  const folder = await manuscriptFolder({
    'book.yaml': 'title: T\nlang: en\n',
    'a.md': '# A\n\nText [to a missing id](#nowhere) and\n  [to a licence](../LICENSE), [to a picture](pic.png), [to nothing]() and [a script](javascript:void(0)) and [a phone](tel:+441234).\n',
    'LICENSE': 'MIT',
  })
  const result = await load(folder)
  const book = bookOf(result)
  const paragraph = book.chapters[0]!.blocks[1]!
  assert.equal(links([paragraph]).length, 1, 'only the phone number stays a link')
  assert.match(paragraph.type === 'paragraph' ? paragraph.children.map((inline) => (inline.type === 'text' ? inline.value : '')).join('') : '', /Text to a missing id and to a licence, to a picture, to nothing and a script and/)
  const warnings = result.warnings.map((warning) => warning.replace(/^.*a\.md:/, ''))
  assert.deepEqual(warnings, [
    // The parser drops what no reader may follow first, as it reads the link.
    '4:75: warning: link to a `javascript:` URL dropped; its text is kept',
    '3:6: warning: link to `#nowhere` dropped: no heading or anchor in a.md has the id `nowhere`; its text is kept',
    '4:3: warning: link to `../LICENSE` dropped: `../LICENSE` is not a chapter of this book; its text is kept',
    '4:31: warning: link to `pic.png` dropped: `pic.png` is not a chapter of this book; its text is kept',
    '4:56: warning: link to `` dropped: it names no target; its text is kept',
  ])
})
