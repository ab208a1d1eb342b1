import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Locations } from '../../src/epub/locations.js'
import { externalHref } from '../../src/transform/web-address.js'
import { WordCursor } from '../../src/epub/hast/words.js'
import { bookIdentifier, nameBasedUuid } from '../../src/epub/identifier.js'
import { blockWords } from '../../src/model/text.js'
import { blockAt } from '../../src/model/walk.js'
import { xmlSafe } from '../../src/epub/xml-safe.js'
import { planPublication } from '../../src/epub/plan.js'
import { tableOfContents } from '../../src/epub/toc.js'
import type { Chapter } from '../../src/model/book.js'
import { defaultTheme } from '../../src/theme/index.js'
import { richBook } from './books.js'

describe('EPUB parts', () => {
  it('derives name-based UUIDs as RFC 9562 version 5 does', () => {
    // The RFC's own example: the DNS namespace and "www.example.com".
    assert.equal(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2')
  })

  it('derives the identifier from title, authors and language only', () => {
    const metadata = { title: 'T', authors: ['A'], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00Z' }
    assert.equal(bookIdentifier(metadata), bookIdentifier({ ...metadata, modified: '2025-01-01T00:00:00Z', description: 'other' }))
    assert.notEqual(bookIdentifier(metadata), bookIdentifier({ ...metadata, lang: 'fr' }))
    assert.notEqual(bookIdentifier(metadata), bookIdentifier({ ...metadata, authors: ['B'] }))
    assert.equal(bookIdentifier({ ...metadata, identifier: ' isbn:123 ' }), 'isbn:123')
  })

  it('writes web and mail addresses as valid URIs, and refuses one with no valid host', () => {
    assert.equal(externalHref('https://example.org/a?b=1&c=2#x', 'https'), 'https://example.org/a?b=1&c=2#x', 'a valid address stands as written')
    assert.equal(externalHref('https://example.com', 'https'), 'https://example.com')
    assert.equal(externalHref('https://example.com?find=\\*', 'https'), 'https://example.com?find=%5C*')
    assert.equal(externalHref('https://example.com/\\[\\', 'https'), 'https://example.com/%5C%5B%5C')
    assert.equal(externalHref('https://example.com/50%', 'https'), 'https://example.com/50%25')
    assert.equal(externalHref('https://bücher.example/ä', 'https'), 'https://xn--bcher-kva.example/%C3%A4')
    assert.equal(externalHref('http://[::1]:8080/x', 'http'), 'http://[::1]:8080/x')
    assert.equal(externalHref('mailto:a@example.com?subject=Hi there', 'mailto'), 'mailto:a@example.com?subject=Hi%20there')
    assert.equal(externalHref('https://../', 'https'), undefined)
    assert.equal(externalHref('https://foo.bar.`baz', 'https'), undefined)
  })

  it('drops what XML cannot carry, and keeps everything else', () => {
    assert.equal(xmlSafe('a\u0000b\u0001c\u0008d\u000Be\u007Ff\u0085g\uFFFEh\uD800i'), 'abcdefghi')
    assert.equal(xmlSafe('tab\tnl\ncr\r é 日本 🎉 \u00A0'), 'tab\tnl\ncr\r é 日本 🎉 \u00A0')
  })

  it('counts words between white space, across inline boundaries, as the print edition does', () => {
    const paragraph = {
      type: 'paragraph' as const,
      children: [
        { type: 'text' as const, value: 'one two\u00A0three ' },
        { type: 'emphasis' as const, children: [{ type: 'text' as const, value: 'fo' }] },
        { type: 'text' as const, value: 'ur' },
        { type: 'break' as const },
        { type: 'text' as const, value: 'five' },
      ],
    }
    assert.deepEqual(blockWords(paragraph), ['one', 'two', 'three', 'four', 'five'])
    const cursor = new WordCursor([{ word: 3, page: 7 }, { word: 4, page: 8 }])
    assert.deepEqual(cursor.split('one two\u00A0three '), [{ pages: [], text: 'one two\u00A0three ' }])
    assert.deepEqual(cursor.split('fo'), [{ pages: [], text: '' }, { pages: [7], text: 'fo' }])
    assert.deepEqual(cursor.split('ur'), [{ pages: [], text: 'ur' }])
    cursor.space()
    assert.deepEqual(cursor.atom('five'), [8])
    assert.deepEqual(cursor.rest(), [])
  })

  it('follows block paths into quotes and list items', () => {
    const leaf = { type: 'paragraph' as const, children: [{ type: 'text' as const, value: 'leaf' }] }
    const chapter: Chapter = {
      id: 'c',
      title: 'C',
      source: 'c.md',
      notes: [],
      blocks: [
        { type: 'blockquote', children: [{ type: 'list', ordered: false, start: 1, spread: false, items: [{ checked: null, children: [] }, { checked: null, children: [leaf] }] }] },
      ],
    }
    assert.equal(blockAt(chapter.blocks, [0, 0, 1, 0]), leaf)
    assert.equal(blockAt(chapter.blocks, [0, 0, 2, 0]), undefined)
    assert.equal(blockAt(chapter.blocks, [1]), undefined)
  })

  it('nests the table of contents down to the theme’s depth', () => {
    const book = richBook()
    const plan = planPublication(book)
    const deep = tableOfContents(book, defaultTheme, plan, Locations.unsplit(book, plan))
    assert.deepEqual(
      deep.map((entry) => [entry.label, entry.href, entry.children.map((child) => [child.label, child.children.length])]),
      [
        ['Beginnings', 'one.xhtml', [['Quotes and lists', 1]]],
        ['Middles', 'two.xhtml', [['Later', 0]]],
        ['Endings', 'three.xhtml', []],
        ['Without a heading', 'four.xhtml', []],
      ],
    )
    const shallow = tableOfContents(book, { ...defaultTheme, tocDepth: 2 }, plan, Locations.unsplit(book, plan))
    assert.equal(shallow[0]!.children[0]!.children.length, 0, 'no h3 below depth 2')
    assert.ok(tableOfContents(book, { ...defaultTheme, tocDepth: 1 }, plan, Locations.unsplit(book, plan)).every((entry) => entry.children.length === 0))
  })
})
