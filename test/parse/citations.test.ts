import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Citation, Inline } from '../../src/model/book.js'
import { textWithCitations } from '../../src/parse/citations.js'

const start = { file: 'book.md', line: 3, column: 5 }

function citations(inlines: Inline[]): Citation[] {
  return inlines.filter((inline): inline is Citation => inline.type === 'citation')
}

describe('citations in the text, in pandoc’s syntax', () => {
  it('reads a bracketed citation with prefixes, locators and suffixes', () => {
    const [citation] = citations(textWithCitations('As shown [see @doe2020, p. 33 and passim; @roe2019, chap. 2; -@knuth1984].', start))
    assert.equal(citation?.mode, 'normal')
    assert.deepEqual(citation?.items, [
      { key: 'doe2020', prefix: 'see ', locator: '33', label: 'page', suffix: ' and passim' },
      { key: 'roe2019', locator: '2', label: 'chapter' },
      { key: 'knuth1984', suppressAuthor: true },
    ])
    assert.equal(citation?.source, '[see @doe2020, p. 33 and passim; @roe2019, chap. 2; -@knuth1984]')
  })

  it('reads a citation in the sentence, with a locator in brackets after it, and an author left out', () => {
    const found = citations(textWithCitations('@doe2020 [pp. 33–35] says so, and [-@roe2019] agrees; @knuth1984 too.', start))
    assert.deepEqual(
      found.map((citation) => [citation.mode, citation.items]),
      [
        ['in-text', [{ key: 'doe2020', locator: '33–35', label: 'page' }]],
        ['normal', [{ key: 'roe2019', suppressAuthor: true }]],
        ['in-text', [{ key: 'knuth1984' }]],
      ],
    )
  })

  it('reads a dotted locator whole, and a full stop after a locator as the sentence’s', () => {
    const found = citations(textWithCitations('@jackson1999 [sec. 7.5] shows it [@doe2020, §§ 3.2.1–3.2.4]. See [@roe2019, p. 12].', start))
    assert.deepEqual(
      found.map((citation) => citation.items),
      [[{ key: 'jackson1999', locator: '7.5', label: 'section' }], [{ key: 'doe2020', locator: '3.2.1–3.2.4', label: 'section' }], [{ key: 'roe2019', locator: '12', label: 'page' }]],
    )
    assert.deepEqual(citations(textWithCitations('As [@doe2020, p. 33.] says.', start))[0]?.items, [{ key: 'doe2020', locator: '33', label: 'page', suffix: '.' }])
  })

  it('gives each citation its place, and keeps every character of the text around it', () => {
    const text = 'One line\nand the next [@doe2020] ends.'
    const inlines = textWithCitations(text, start)
    assert.deepEqual(citations(inlines)[0]?.place, { file: 'book.md', line: 4, column: 14 })
    const joined = inlines.map((inline) => (inline.type === 'text' ? inline.value : inline.type === 'citation' ? inline.source : '')).join('')
    assert.equal(joined, text.replace('\n', ' '))
  })

  it('leaves e-mail addresses and brackets without a key as written', () => {
    for (const text of ['Write to writer@example.org.', 'An [aside] and @ alone.', '[see@sec:intro]', '[@fig:a, p. 4; @fig:b]', '[@fig:a; see @fig:b]']) {
      assert.deepEqual(textWithCitations(text, start), [{ type: 'text', value: text }], text)
    }
  })

  it('keeps the words before a bracketed cross-reference\'s first key and after its last, as pandoc-crossref does', () => {
    const cases: Array<[string, string[], string | undefined, string | undefined]> = [
      ['As shown [see @sec:intro].', ['sec:intro'], 'see ', undefined],
      ['In [@fig:a, p. 4] too.', ['fig:a'], undefined, ', p. 4'],
      ['[cf. @fig:a; @tbl:b and below]', ['fig:a', 'tbl:b'], 'cf. ', ' and below'],
    ]
    for (const [text, labels, prefix, suffix] of cases) {
      const inlines = textWithCitations(text, start)
      assert.deepEqual(citations(inlines), [], text)
      const [reference, ...others] = inlines.filter((inline) => inline.type === 'crossRef')
      assert.equal(others.length, 0, text)
      assert.deepEqual(reference?.labels, labels, text)
      assert.equal(reference?.prefix, prefix, text)
      assert.equal(reference?.suffix, suffix, text)
    }
  })

  it('makes cross-references of figure, table, equation and section keys, never citations', () => {
    const cases: Array<[string, string[][], boolean[]]> = [
      ['See @fig:layout and @tbl:sizes.', [['fig:layout'], ['tbl:sizes']], [false, false]],
      ['As [@fig:a; @fig:b] show.', [['fig:a', 'fig:b']], [false]],
      ['[@eq:one]', [['eq:one']], [false]],
      ['@Fig:a opens it; @Sec:b too.', [['fig:a'], ['sec:b']], [true, true]],
    ]
    for (const [text, labels, capitals] of cases) {
      const inlines = textWithCitations(text, start)
      assert.deepEqual(citations(inlines), [], text)
      const references = inlines.filter((inline) => inline.type === 'crossRef')
      assert.deepEqual(references.map((reference) => reference.labels), labels, text)
      assert.deepEqual(references.map((reference) => reference.capital), capitals, text)
      const joined = inlines.map((inline) => (inline.type === 'text' ? inline.value : inline.type === 'crossRef' ? inline.source : '')).join('')
      assert.equal(joined, text)
    }
  })
})
