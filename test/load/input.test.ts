import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { blockText } from '../../src/model/text.js'
import { bookOf, failure, fixtures, load, loadText, manuscriptFolder } from './support.js'

test('a path that does not exist fails, naming the path', async () => {
  const result = await load('no/such/manuscript.md')
  assert.match(failure(result), /no\/such\/manuscript\.md: error: no such file or folder/)
  assert.equal(result.messages.length, 1)
})

test('a file that is not .md fails, naming the path', async () => {
  const folder = await manuscriptFolder({ 'notes.txt': 'Some text.\n' })
  const input = path.join(folder, 'notes.txt')
  assert.match(failure(await load(input)), new RegExp(`${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error: not a .md file or a folder`))
})

test('an empty manuscript, or front matter alone, is nothing to publish', async () => {
  assert.match(failure(await loadText('')), /book\.md:1:1: error: nothing to publish/)
  assert.match(failure(await loadText('\n  \n\n')), /nothing to publish/)
  assert.match(failure(await loadText('---\ntitle: Only Matter\nlang: en\n---\n')), /nothing to publish/)
  assert.match(failure(await loadText('---\ntitle: T\n---\n<!-- a comment -->\n\n[ref]: https://example.com\n')), /nothing to publish/)
})

test('a book folder: book.yaml gives the metadata and the order of the chapters', async () => {
  const result = await load(path.join(fixtures, 'book'))
  const book = bookOf(result)
  assert.deepEqual(result.warnings, [])
  assert.equal(book.metadata.title, 'The Lighthouse Keeper')
  assert.equal(book.metadata.subtitle, 'A Short Book in Three Chapters')
  assert.deepEqual(book.metadata.authors, ['Mara Quill'])
  assert.equal(book.metadata.lang, 'en-GB')
  assert.equal(book.metadata.modified, '2023-11-02T00:00:00Z')
  assert.deepEqual(
    book.chapters.map((chapter) => [chapter.id, chapter.title, path.basename(chapter.source)]),
    [
      ['chapter-1', 'Arrival', '01-arrival.md'],
      ['chapter-2', 'The Storm', '02-storm.md'],
      ['chapter-3', 'Morning', '03-morning.md'],
    ],
  )
  const kinds = new Set(book.chapters.flatMap((chapter) => chapter.blocks.map((block) => block.type)))
  for (const kind of ['heading', 'paragraph', 'list', 'blockquote', 'code', 'table']) assert.ok(kinds.has(kind as never), kind)
  assert.equal(book.chapters[0]!.notes.length, 1)
})

test('a folder without book.yaml: chapters in name order, numbers compared as numbers', async () => {
  const folder = await manuscriptFolder({
    '10-last.md': '# Last\n\nTen.\n',
    '2-second.md': '# Second\n\nTwo.\n',
    '1-first.md': '---\ntitle: The First Chapter\n---\n\nOne.\n',
    'notes.txt': 'not a chapter',
    '.hidden.md': '# Hidden\n',
  })
  const result = await load(folder)
  const book = bookOf(result)
  assert.deepEqual(
    book.chapters.map((chapter) => chapter.title),
    ['The First Chapter', 'Second', 'Last'],
  )
  // No book.yaml: the title comes from the folder's name, with a warning, and lang is assumed.
  assert.equal(book.metadata.title, path.basename(folder))
  assert.match(result.warnings.join('\n'), /no `title` in book\.yaml/)
  assert.match(result.warnings.join('\n'), /no `lang` given/)
})

test('in a book folder, book keys in a chapter’s front matter are ignored with a warning', async () => {
  const folder = await manuscriptFolder({
    'book.yaml': 'title: B\nlang: en\n',
    'a.md': '---\ntitle: Chapter A\nauthor: Someone\n---\n\nText.\n',
  })
  const result = await load(folder)
  assert.deepEqual(bookOf(result).metadata.authors, [])
  assert.equal(bookOf(result).chapters[0]!.title, 'Chapter A')
  assert.match(result.warnings.join('\n'), /a\.md:3:1: warning: `author` describes the book: put it in book\.yaml/)
})

test('book.yaml: chapters it lists must exist, be .md files and stay inside the folder', async () => {
  const missing = await manuscriptFolder({ 'book.yaml': 'title: B\nlang: en\nchapters:\n  - a.md\n  - b.md\n', 'a.md': 'A.\n' })
  assert.match(failure(await load(missing)), /book\.yaml:5:5: error: chapter file not found: .*b\.md/)

  const outside = await manuscriptFolder({ 'book/book.yaml': 'title: B\nchapters: [../secret.md]\n', 'secret.md': 'S.\n' })
  assert.match(failure(await load(path.join(outside, 'book'))), /book\.yaml:2:12: error: chapter \.\.\/secret\.md is outside the book's folder/)

  const twice = await manuscriptFolder({ 'book.yaml': 'chapters: [a.md, a.md]\n', 'a.md': 'A.\n' })
  assert.match(failure(await load(twice)), /book\.yaml:1:18: error: chapter a\.md is listed twice/)

  const wrongType = await manuscriptFolder({ 'book.yaml': 'chapters: a.md\n', 'a.md': 'A.\n' })
  assert.match(failure(await load(wrongType)), /book\.yaml:1:11: error: `chapters` must be a list of file names/)
})

test('book.yaml: a .md file it does not list is left out with a warning', async () => {
  const folder = await manuscriptFolder({
    'book.yaml': 'title: B\nlang: en\nchapters:\n  - b.md\n  - a.md\n',
    'a.md': 'Alpha.\n',
    'b.md': 'Beta.\n',
    'draft.md': 'Draft.\n',
  })
  const result = await load(folder)
  assert.deepEqual(bookOf(result).chapters.map((chapter) => blockText(chapter.blocks)), ['Beta.', 'Alpha.'])
  assert.match(result.warnings.join('\n'), /draft\.md is not listed in `chapters`: left out/)
})

test('book.yaml errors point into book.yaml', async () => {
  const folder = await manuscriptFolder({ 'book.yaml': 'lang: en\ntitle: [1, 2]\n', 'a.md': 'A.\n' })
  assert.match(failure(await load(folder)), /book\.yaml:2:8: error: `title` must be a single value/)
})

test('a folder with no .md files, or only empty ones, is nothing to publish', async () => {
  const none = await manuscriptFolder({ 'readme.txt': 'hello' })
  assert.match(failure(await load(none)), /: error: nothing to publish: the folder holds no \.md file/)
  const empty = await manuscriptFolder({ 'a.md': '', 'b.md': '---\ntitle: x\n---\n' })
  const result = await load(empty)
  assert.match(failure(result), /nothing to publish/)
  assert.match(result.warnings.join('\n'), /a\.md:1:1: warning: nothing in this chapter file: left out/)
})

test('a folder named like a .md file is still a folder', async () => {
  const folder = await manuscriptFolder({ 'odd.md/chapter.md': '# One\n\nText.\n' })
  await mkdir(path.join(folder, 'odd.md'), { recursive: true })
  const book = bookOf(await load(path.join(folder, 'odd.md')))
  assert.equal(book.chapters.length, 1)
})
