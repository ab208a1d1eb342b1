import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Book, IndexMark } from '../../src/model/book.js'
import { chapterIndexMarks } from '../../src/model/index-entries.js'
import { blockText } from '../../src/model/text.js'
import { loadText as loadAny } from '../load/support.js'

/** A manuscript in English, said so (a manuscript that does not say is warned of, which these tests do not test). */
function loadText(text: string) {
  return loadAny(`---\nlang: en\n---\n${text}`)
}

function bookText(book: Book): string {
  return book.chapters.map((chapter) => blockText(chapter.blocks)).join('\n')
}

function marks(book: Book): IndexMark[] {
  return book.chapters.flatMap((chapter) => chapterIndexMarks(chapter))
}

describe('index marks', () => {
  it('reads entries, subentries, cross-references and ranges, and prints nothing of them', async () => {
    const { book, warnings } = await loadText(
      [
        '# Marks',
        '',
        'Lines are broken :index[Knuth–Plass]by Knuth and Plass :index[line breaking!Knuth–Plass].',
        '',
        'The :index[TeX]{see="typesetting"}program and :index[glue]{seealso="boxes!glue"}glue.',
        '',
        ':index[hyphenation]{range=start}Words are cut. :index[hyphenation]{range=end}',
      ].join('\n'),
    )
    assert.deepEqual(warnings, [])
    const found = marks(book!).map((mark) => ({ term: mark.term, kind: mark.kind, target: mark.target, line: mark.place?.line }))
    assert.deepEqual(found, [
      { term: ['Knuth–Plass'], kind: 'entry', target: undefined, line: 6 },
      { term: ['line breaking', 'Knuth–Plass'], kind: 'entry', target: undefined, line: 6 },
      { term: ['TeX'], kind: 'see', target: ['typesetting'], line: 8 },
      { term: ['glue'], kind: 'seealso', target: ['boxes', 'glue'], line: 8 },
      { term: ['hyphenation'], kind: 'rangeStart', target: undefined, line: 10 },
      { term: ['hyphenation'], kind: 'rangeEnd', target: undefined, line: 10 },
    ])
    // Each mark has an id of its own in the book.
    const ids = marks(book!).map((mark) => mark.id)
    assert.ok(ids.every((id) => id !== ''))
    assert.equal(new Set(ids).size, ids.length)
    assert.equal(bookText(book!), 'Marks\nLines are broken by Knuth and Plass .\nThe program and glue.\nWords are cut. ')
  })

  it('warns of a range that is never closed', async () => {
    const { warnings } = await loadText('Text :index[open]{range=start} here.\n')
    assert.equal(warnings.length, 1)
    assert.match(warnings[0]!, /book\.md:4:6: warning: index range of `open` starts without an end/)
  })
})

describe('directives Octavo does not know', () => {
  it('are put back as the text they were written as, with a warning at their place', async () => {
    const source = ['# Kept', '', 'An :abbr[HTML]{title=x} word.', '', '::note[a leaf]', '', ':::aside', 'Inside.', ':::', ''].join('\n')
    const { book, warnings } = await loadText(source)
    assert.equal(bookText(book!), 'Kept\nAn :abbr[HTML]{title=x} word.\n::note[a leaf]\n:::aside\nInside.\n:::')
    assert.equal(warnings.length, 3)
    assert.match(warnings[0]!, /book\.md:6:4: warning: unknown directive `:abbr\[HTML\]\{title=x\}` kept as text/)
    assert.match(warnings[1]!, /book\.md:8:1: warning: unknown directive `::note\[a leaf\]` kept as text/)
    assert.match(warnings[2]!, /book\.md:10:1: warning: unknown directive `:::aside` kept as text/)
  })

  it('leave text with colons unchanged and unwarned: times, ratios, words, addresses, shortcodes, code', async () => {
    const lines = [
      'At 10:30 the ratio was 3:2, a:b and Note:this were said.',
      'See https://example.com/a:b?x=1 and mailto:someone@example.com.',
      'A std::vector, a C++ scope ::global, and a trailing colon: done.',
      'Emoji :rocket: stay emoji.',
      '`a::b` and `:index[x]` in code.',
    ]
    const { book, warnings } = await loadText(`${lines.join('\n\n')}\n\n\`\`\`\n::: not a directive\n:abbr[x]\n\`\`\`\n`)
    assert.deepEqual(warnings, [])
    const text = bookText(book!)
    for (const line of lines) {
      const expected = line.replace(':rocket:', '🚀').replace(/`/g, '')
      assert.ok(text.includes(expected), `${JSON.stringify(expected)} in ${JSON.stringify(text)}`)
    }
    assert.ok(text.includes('::: not a directive\n:abbr[x]'))
    assert.deepEqual(marks(book!), [])
  })
})
