import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import type { Book, Heading, NoteRef } from '../../src/model/book.js'
import { blockText } from '../../src/model/text.js'
import { splitChapters } from '../../src/transform/split-chapters.js'
import { forEachBlock, forEachInline } from '../../src/model/walk.js'
import { bookOf, fixtures, load, loadText } from '../load/support.js'

const matter = '---\ntitle: The Book\nlang: en\n---\n\n'

function headingIds(book: Book): string[] {
  const ids: string[] = []
  for (const chapter of book.chapters) {
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      forEachBlock(blocks, (block) => {
        if (block.type === 'heading') ids.push(block.id)
      })
    }
  }
  return ids
}

function noteRefs(blocks: Book['chapters'][number]['blocks']): NoteRef[] {
  const refs: NoteRef[] = []
  forEachInline(blocks, (inline) => {
    if (inline.type === 'noteRef') refs.push(inline)
  })
  return refs
}

test('a single file with several # headings splits into chapters, with an opening chapter before the first', async () => {
  const book = bookOf(await loadText(`${matter}A preface.\n\n# One\n\nFirst.\n\n## Part\n\n# Two\n\nSecond.\n`))
  assert.deepEqual(
    book.chapters.map((chapter) => [chapter.id, chapter.title, blockText(chapter.blocks)]),
    [
      ['chapter-1', 'The Book', 'A preface.'],
      ['chapter-2', 'One', 'One\nFirst.\nPart'],
      ['chapter-3', 'Two', 'Two\nSecond.'],
    ],
  )
})

test('a file with one # heading, or none, is one chapter titled with the book', async () => {
  const one = bookOf(await loadText(`${matter}# Only\n\nText.\n\n## Sub\n`))
  assert.deepEqual(one.chapters.map((chapter) => chapter.title), ['The Book'])
  const none = bookOf(await loadText(`${matter}## Sub\n\nText.\n`))
  assert.deepEqual(none.chapters.map((chapter) => chapter.title), ['The Book'])
})

test('a # heading inside a block quote does not split', () => {
  const slices = splitChapters(
    [
      { type: 'heading', depth: 1, id: '', children: [{ type: 'text', value: 'A' }] },
      { type: 'blockquote', children: [{ type: 'heading', depth: 1, id: '', children: [{ type: 'text', value: 'Q' }] }] },
    ],
    'Book',
  )
  assert.equal(slices.length, 1)
})

test('footnotes are numbered per chapter, in order of first call, with ids unique in the book', async () => {
  const book = bookOf(
    await loadText(
      `${matter}# One\n\nCalls b[^b] then a[^a] then b again[^b].\n\n# Two\n\nCalls a[^a] and c[^c].\n\n[^a]: Note A.\n[^b]: Note B.\n[^c]: Note C, which calls b[^b].\n`,
    ),
  )
  const [one, two] = book.chapters
  assert.deepEqual(noteRefs(one!.blocks).map((ref) => [ref.number, ref.note]), [
    [1, 'chapter-1-note-1'],
    [2, 'chapter-1-note-2'],
    [1, 'chapter-1-note-1'],
  ])
  assert.deepEqual(one!.notes.map((note) => [note.id, blockText(note.blocks)]), [
    ['chapter-1-note-1', 'Note B.'],
    ['chapter-1-note-2', 'Note A.'],
  ])
  // Numbering starts again in the second chapter; a call inside a note comes after the chapter's own.
  assert.deepEqual(two!.notes.map((note) => [note.id, note.number, blockText(note.blocks)]), [
    ['chapter-2-note-1', 1, 'Note A.'],
    ['chapter-2-note-2', 2, 'Note C, which calls b3.'],
    ['chapter-2-note-3', 3, 'Note B.'],
  ])
  const allNoteIds = book.chapters.flatMap((chapter) => chapter.notes.map((note) => note.id))
  assert.equal(new Set(allNoteIds).size, allNoteIds.length)
})

test('a footnote that is never called is a warning', async () => {
  const result = await loadText(`${matter}Text.[^used]\n\n[^used]: Used.\n\n[^lonely]: Never called.\n`)
  assert.equal(bookOf(result).chapters[0]!.notes.length, 1)
  assert.match(result.warnings.join('\n'), /book\.md:10:1: warning: footnote \[\^lonely\] is never called/)
})

test('heading ids are unique in their file, as GitHub makes them, whatever ids Octavo makes for itself', async () => {
  // One file cut into chapters: its ids are unique across them, as on the one page GitHub shows.
  const book = bookOf(await loadText(`${matter}# Chapter 1\n\n## Notes\n\n# Chapter 2\n\n## Notes\n\n> # Notes\n`))
  assert.deepEqual(headingIds(book), ['chapter-1', 'notes', 'chapter-2', 'notes-1', 'notes-2'])
  const folder = bookOf(await load(path.join(fixtures, 'book')))
  const ids = headingIds(folder)
  assert.equal(new Set(ids).size, ids.length)
  assert.deepEqual(ids, ['arrival', 'the-tower', 'the-storm', 'the-ship', 'morning', 'stores'])
})

test('the same manuscript gives the same book, ids and all', async () => {
  for (const input of [path.join(fixtures, 'constructs.md'), path.join(fixtures, 'book')]) {
    const first = bookOf(await load(input))
    const second = bookOf(await load(input))
    assert.equal(JSON.stringify(first), JSON.stringify(second))
    const headings: Heading[] = []
    for (const chapter of first.chapters) {
      forEachBlock(chapter.blocks, (block) => {
        if (block.type === 'heading') headings.push(block)
      })
    }
    assert.ok(headings.every((heading) => heading.id !== ''))
  }
})
