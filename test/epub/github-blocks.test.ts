/**
 * Definition lists, disclosures and alerts in the EPUB, from a book built by
 * hand (no parser, so a failure is the emitter's): valid XHTML, the page
 * markers of an imagined print edition where its pages start, the CSS made
 * from the theme's numbers.
 */
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import JSZip from 'jszip'
import { Diagnostics } from '../../src/diagnostics.js'
import { writeEpub, type PageStart } from '../../src/epub/index.js'
import type { Block, Book, Inline } from '../../src/model/book.js'
import { defaultTheme } from '../../src/theme/index.js'
import { xhtmlText } from '../support/editions.js'
import { epubcheck, tempDir, type EpubcheckResult } from '../support/tools.js'

const text = (value: string): Inline => ({ type: 'text', value })
const withoutPageMarkers = (xhtml: string): string => xhtml.replace(/<span epub:type="pagebreak"[^>]*\/>/g, '')
const paragraph = (value: string): Block => ({ type: 'paragraph', children: [text(value)] })

function book(): Book {
  return {
    metadata: { title: 'Blocks from GitHub', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00Z' },
    assets: [],
    chapters: [
      {
        id: 'one',
        title: 'Blocks from GitHub',
        source: 'one.md',
        notes: [],
        blocks: [
          paragraph('Opening words.'),
          {
            type: 'definitionList',
            items: [
              { terms: [[text('First term')], [text('Second term')]], details: [[paragraph('The first details.')], [paragraph('More details.'), paragraph('And more.')]] },
              { terms: [[text('Last term')]], details: [] },
              { terms: [], details: [[paragraph('Details without a term.')]] },
            ],
          },
          { type: 'details', summary: [text('The summary line')], children: [paragraph('The body of it.'), paragraph('Its second paragraph.')] },
          { type: 'details', summary: [], children: [paragraph('A body without a summary.')] },
          { type: 'alert', kind: 'warning', label: 'Warning', children: [paragraph('Mind the step.'), paragraph('And the gap.')] },
        ],
      },
    ],
  }
}

/** Pages starting at a term, inside the details, at a summary's word, at an alert's label and inside it, and past a list's last word. */
const pages: PageStart[] = [
  { page: 1, chapter: 0, block: [0], word: 0 },
  { page: 2, chapter: 0, block: [1], word: 2 },
  { page: 3, chapter: 0, block: [1, 0, 1, 1], word: 1 },
  { page: 4, chapter: 0, block: [1], word: 9 },
  { page: 5, chapter: 0, block: [2], word: 1 },
  { page: 6, chapter: 0, block: [2, 1], word: 0 },
  { page: 7, chapter: 0, block: [4], word: 0 },
  { page: 8, chapter: 0, block: [4, 1], word: 2 },
]

describe('definition lists, disclosures and alerts in the EPUB', () => {
  let chapter: string
  let css: string
  let check: Promise<EpubcheckResult>

  before(async () => {
    const bytes = await writeEpub(book(), defaultTheme, new Diagnostics(), pages)
    const file = path.join(await tempDir('octavo-epub-github-'), 'blocks.epub')
    await writeFile(file, bytes)
    check = epubcheck(file)
    const zip = await JSZip.loadAsync(bytes)
    chapter = await zip.file('OEBPS/one.xhtml')!.async('string')
    css = await zip.file('OEBPS/style.css')!.async('string')
  })

  it('passes EPUBCheck with 0 errors and 0 warnings, an item without details or terms given an empty one', async () => {
    const result = await check
    assert.deepEqual(result.problems, [])
    assert.match(chapter, /<dt>Last term<\/dt>\s*<dd \/>/)
    assert.match(chapter, /<dt \/>\s*<dd>\s*<p>Details without a term.<\/p>/)
  })

  it('sets the terms, the open disclosure and the labelled alert', () => {
    const plain = withoutPageMarkers(chapter)
    assert.match(plain, /<dl>\s*<dt>First term<\/dt>\s*<dt>Second term<\/dt>\s*<dd>\s*<p>The first details.<\/p>\s*<\/dd>\s*<dd>/)
    assert.match(plain, /<details open="">\s*<summary>The summary line<\/summary>\s*<p>The body of it.<\/p>/)
    assert.match(plain, /<div class="details">\s*<p>A body without a summary.<\/p>/)
    assert.match(plain, /<div class="alert alert-warning" role="note">\s*<p class="alert-label">Warning<\/p>\s*<p>Mind the step.<\/p>/)
  })

  it('places each page marker where its page starts, and one past a list’s last word inside its last details', () => {
    const after = (page: number): string => {
      const match = new RegExp(`<span [^>]*title="${page}"[^>]*/>`).exec(chapter)
      assert.ok(match, `marker ${page}`)
      return xhtmlText(chapter.slice(match.index + match[0].length)).replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' ')
    }
    // An article's first page starts with its title block.
    assert.equal(after(1), 'Blocks from GitHub')
    assert.equal(after(2), 'Second term The')
    assert.equal(after(3), 'more. Last term')
    assert.equal(after(5), 'summary line The')
    assert.equal(after(6), 'Its second paragraph.')
    assert.equal(after(7), 'Warning Mind the')
    assert.equal(after(8), 'gap.')
    // The list has five words of its own: a page said to start at its tenth stands at its end, in its last details.
    assert.match(chapter, /<p>Details without a term.<\/p>\s*<span [^>]*title="4"[^>]*\/><\/dd>\s*<\/dl>/)
  })

  it('styles them from the theme’s numbers', () => {
    const { alert, definitions } = defaultTheme
    assert.match(css, new RegExp(`\\.alert \\{[^}]*padding-left: ${alert.gap}em;[^}]*border-left-width: ${alert.rule}em;`))
    for (const [kind, colour] of Object.entries(alert.colours)) assert.ok(css.includes(`.alert-${kind} .alert-label {\n  color: ${colour};`), kind)
    assert.match(css, new RegExp(`\\ndd \\{\\n  margin-left: ${definitions.indent}em;`))
  })
})
