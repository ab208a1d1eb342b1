/** Section numbers: what a theme that numbers sections (`numbering.depth`) gives each chapter and heading. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Book, Chapter, Heading } from '../../src/model/book.js'
import { sectionNumbers } from '../../src/model/section-numbers.js'

const heading = (depth: Heading['depth'], text: string): Heading => ({ type: 'heading', depth, id: text.toLowerCase().replace(/\s+/g, '-'), children: [{ type: 'text', value: text }] })

function chapter(id: string, headings: Heading[], extra: Partial<Chapter> = {}): Chapter {
  return { id, title: id, source: `${id}.md`, blocks: [...headings, { type: 'paragraph', children: [{ type: 'text', value: 'Words.' }] }], notes: [], ...extra }
}

function book(chapters: Chapter[], extra: Partial<Book> = {}): Book {
  return { metadata: { title: 'The Title', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00Z' }, chapters, assets: [], ...extra }
}

/** The numbers by heading text, in book order. */
function numbered(b: Book, depth: number): Array<[string, string | undefined]> {
  const numbers = sectionNumbers(b, depth)
  return b.chapters.flatMap((c, index) => [
    [`chapter ${c.id}`, numbers.chapters[index]] as [string, string | undefined],
    ...c.blocks.filter((block): block is Heading => block.type === 'heading').flatMap((h): Array<[string, string | undefined]> => (numbers.headings.has(h) ? [[(h.children[0] as { value: string }).value, numbers.headings.get(h)]] : [])),
  ])
}

describe('section numbers', () => {
  it('number nothing at depth 0', () => {
    const numbers = sectionNumbers(book([chapter('a', [heading(1, 'A'), heading(2, 'A one')]), chapter('b', [heading(1, 'B')])]), 0)
    assert.deepEqual(numbers.chapters, [])
    assert.equal(numbers.headings.size, 0)
  })

  it('number a book’s chapters, then their headings below the opening one, to the depth asked', () => {
    const b = book([chapter('a', [heading(1, 'A'), heading(2, 'A one'), heading(3, 'A one one'), heading(2, 'A two'), heading(4, 'Too deep')]), chapter('b', [heading(1, 'B'), heading(3, 'B skipped')])])
    assert.deepEqual(numbered(b, 3), [
      ['chapter a', '1'],
      ['A one', '1.1'],
      ['A one one', '1.1.1'],
      ['A two', '1.2'],
      ['chapter b', '2'],
      ['B skipped', '2.0.1'],
    ])
    assert.deepEqual(numbered(b, 1), [['chapter a', '1'], ['chapter b', '2']])
  })

  it('count chapters on through the parts of a book, and take the numbers of a SUMMARY.md where it gives them', () => {
    const parted = book([chapter('a', [heading(1, 'A')], { part: 0 }), chapter('b', [heading(1, 'B')], { part: 1 })], { parts: [{ id: 'p1', title: 'One' }, { id: 'p2', title: 'Two' }] } as Partial<Book>)
    assert.deepEqual(sectionNumbers(parted, 2).chapters, ['1', '2'])
    const summary = book([chapter('intro', [heading(1, 'Intro')]), chapter('a', [heading(1, 'A'), heading(2, 'A one')], { number: '1.' }), chapter('a1', [heading(1, 'A1')], { number: '1.1.', level: 2 })])
    assert.deepEqual(numbered(summary, 3), [['chapter intro', undefined], ['chapter a', '1'], ['A one', '1.1'], ['chapter a1', '1.1']])
  })

  it('number an article’s headings from its shallowest, its title (a first heading that repeats it) being no section', () => {
    const article = book([chapter('only', [heading(1, 'The Title'), heading(2, 'First'), heading(3, 'First one'), heading(2, 'Second')])])
    assert.deepEqual(numbered(article, 2), [['chapter only', undefined], ['First', '1'], ['First one', '1.1'], ['Second', '2']])
  })
})
