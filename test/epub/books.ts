/**
 * Books built by hand for the EPUB emitter's tests: no parser involved, so a
 * failure here is the emitter's.
 */
import path from 'node:path'
import { Diagnostics } from '../../src/diagnostics.js'
import type { PageStart } from '../../src/epub/index.js'
import type { Block, Book, Inline } from '../../src/model/book.js'
import { resolveLinks } from '../../src/transform/resolve-links.js'
import { root } from '../support/tools.js'
import { imageAsset } from '../support/assets.js'

const text = (value: string): Inline => ({ type: 'text', value })
const place = (line: number) => ({ file: 'book/chapter.md', line, column: 1 })

/**
 * The links of a book made by hand resolved as the loader resolves a
 * manuscript's (see `transform/resolve-links.ts`), reporting to `diag`.
 */
export function withLinks(book: Book, diag = new Diagnostics()): Book {
  resolveLinks(book.chapters, path.resolve('book'), diag)
  return book
}

/** A book of three chapters with every block and inline type, footnotes, a table and an image. */
export function richBook(): Book {
  const diagram = path.join(root, 'test/fixtures/images/diagram.png')
  return {
    metadata: {
      title: 'The Compleat Tester',
      subtitle: 'Every Block, Every Inline',
      authors: ['Ada Lovelace', 'Charles Babbage'],
      lang: 'en-GB',
      date: '2024-03-01',
      publisher: 'Octavo Test Press',
      description: 'A book that uses every construct of the model.',
      subjects: ['Testing', 'Typography'],
      rights: 'Text under CC BY 4.0.',
      modified: '2024-03-01T12:00:00Z',
    },
    assets: [imageAsset('diagram', diagram, 'image/png')],
    chapters: [
      {
        id: 'one',
        title: 'Beginnings',
        source: 'book/01-one.md',
        notes: [
          { id: 'fn-one-1', number: 1, blocks: [{ type: 'paragraph', children: [text('A note with '), { type: 'emphasis', children: [text('emphasis')] }, text('.')] }] },
          {
            id: 'fn-one-2',
            number: 2,
            blocks: [
              { type: 'list', ordered: false, start: 1, spread: false, items: [{ checked: null, children: [{ type: 'paragraph', children: [text('a list in a note')] }] }] },
              { type: 'paragraph', children: [text('And a second paragraph.')] },
            ],
          },
        ],
        blocks: [
          { type: 'heading', depth: 1, id: 'beginnings', children: [text('Beginnings')], place: place(1) },
          {
            type: 'paragraph',
            place: place(3),
            children: [
              text('It was a '),
              { type: 'strong', children: [text('dark')] },
              text(' and '),
              { type: 'emphasis', children: [text('stormy')] },
              text(' night,'),
              { type: 'noteRef', note: 'fn-one-1', number: 1 },
              text(' with '),
              { type: 'delete', children: [text('no')] },
              text(' some '),
              { type: 'inlineCode', value: 'code()' },
              text(' & <markup> ]]> in it.'),
              { type: 'break' },
              text('A hard break, and a '),
              { type: 'link', url: '02-two.md#later', title: 'Later on', children: [text('link to chapter two')] },
              text(', a '),
              { type: 'link', url: 'https://example.org/a?b=1&c=2', children: [text('web link')] },
              text(' and an image '),
              { type: 'image', asset: 'diagram', alt: 'a small diagram' },
              text(', one without alt text '),
              { type: 'image', asset: 'diagram', alt: '' },
              text(', links that lead nowhere: '),
              { type: 'link', url: '#nowhere', children: [text('missing id')] },
              text(', '),
              { type: 'link', url: 'javascript:alert(1)', children: [text('script')] },
              text(', '),
              { type: 'link', url: 'notes.md', children: [text('another file')] },
              text(', and one to the next chapter’s file: '),
              { type: 'link', url: '02-two.md#middles', children: [text('Middles')] },
              text('.'),
            ],
          },
          { type: 'paragraph', place: place(5), children: [text('A second paragraph, indented, calls the second note again'), { type: 'noteRef', note: 'fn-one-2', number: 2 }, text(' and the first once more.'), { type: 'noteRef', note: 'fn-one-1', number: 1 }] },
          { type: 'heading', depth: 2, id: 'quotes-and-lists', children: [text('Quotes and lists')], place: place(7) },
          {
            type: 'blockquote',
            children: [
              { type: 'paragraph', children: [text('A quoted paragraph.')] },
              { type: 'paragraph', children: [text('And another.')] },
            ],
          },
          {
            type: 'list',
            ordered: true,
            start: 7,
            spread: false,
            items: [
              { checked: null, children: [{ type: 'paragraph', children: [text('seventh')] }] },
              {
                checked: null,
                children: [
                  { type: 'paragraph', children: [text('eighth, with a nested list')] },
                  { type: 'list', ordered: false, start: 1, spread: false, items: [{ checked: null, children: [{ type: 'paragraph', children: [text('nested')] }] }] },
                ],
              },
            ],
          },
          {
            type: 'list',
            ordered: false,
            start: 1,
            spread: true,
            items: [
              { checked: true, children: [{ type: 'paragraph', children: [text('a task done')] }] },
              { checked: false, children: [{ type: 'paragraph', children: [text('a task to do')] }] },
            ],
          },
          { type: 'heading', depth: 3, id: 'deeper', children: [text('A deeper heading')] },
          { type: 'code', lang: 'js', value: 'const a = b < c && d > e\n// ]]> -- not a comment\nconsole.log(a)' },
        ],
      },
      {
        id: 'two',
        title: 'Middles',
        source: 'book/02-two.md',
        notes: [{ id: 'fn-two-1', number: 1, blocks: [{ type: 'paragraph', children: [text('Chapter two’s own note.')] }] }],
        blocks: [
          { type: 'heading', depth: 1, id: 'middles', children: [text('Middles'), { type: 'noteRef', note: 'fn-two-1', number: 1 }] },
          { type: 'paragraph', children: [text('Back to the '), { type: 'link', url: '01-one.md#beginnings', children: [text('beginning')] }, text(' and to '), { type: 'link', url: '#later', children: [text('later')] }, text('.')] },
          { type: 'thematicBreak' },
          { type: 'paragraph', children: [text('After the break, not indented.')] },
          {
            type: 'table',
            align: ['left', 'center', 'right', null],
            rows: [
              [{ children: [text('Left')] }, { children: [text('Centre')] }, { children: [text('Right')] }, { children: [text('None')] }],
              [{ children: [text('a')] }, { children: [text('b')] }, { children: [text('1.5')] }, { children: [{ type: 'emphasis', children: [text('x')] }] }],
              [{ children: [text('c')] }, { children: [text('d')] }, { children: [text('10')] }, { children: [text('y')] }],
            ],
            headerRows: 1,
          },
          { type: 'figure', asset: 'diagram', alt: 'The same diagram, as a figure', caption: [text('A figure with a '), { type: 'strong', children: [text('caption')] }] },
          { type: 'heading', depth: 2, id: 'later', children: [text('Later')] },
          { type: 'paragraph', children: [text('Text with a very long URL https://example.org/'), text('a'.repeat(120)), text(' in it.')] },
        ],
      },
      {
        id: 'three',
        title: 'Endings',
        source: 'book/03-three.md',
        notes: [],
        blocks: [
          { type: 'heading', depth: 1, id: 'endings', children: [text('Endings')] },
          { type: 'paragraph', children: [text('The end, français, Ελληνικά, 日本語, emoji 🎉.')] },
          { type: 'paragraph', children: [text('Illegal characters \u0001 and \uFFFE are dropped.')] },
        ],
      },
      {
        id: 'four',
        title: 'Without a heading',
        source: 'book/04-four.md',
        notes: [],
        blocks: [
          {
            type: 'paragraph',
            children: [
              text('H'),
              { type: 'styled', style: 'subscript', children: [text('2')] },
              text('O, E = mc'),
              { type: 'styled', style: 'superscript', children: [text('2')] },
              text(', '),
              { type: 'styled', style: 'keyboard', children: [text('Ctrl')] },
              text(', '),
              { type: 'styled', style: 'mark', children: [text('marked')] },
              text(', '),
              { type: 'styled', style: 'underline', children: [text('underlined')] },
              text(' and '),
              { type: 'styled', style: 'small', children: [text('small print')] },
              text('.'),
            ],
          },
          {
            type: 'code',
            lang: 'js',
            value: 'let answer = 42 // why',
            tokens: [
              { text: 'let', kind: 'keyword' },
              { text: ' answer ' },
              { text: '=', kind: 'operator' },
              { text: ' ' },
              { text: '42', kind: 'number' },
              { text: ' ' },
              { text: '// why', kind: 'comment' },
            ],
          },
        ],
      },
    ],
  }
}

/** An article whose manuscript repeats its title as a first-level heading. */
export function articleWithHeading(): Book {
  const book = articleBook()
  book.metadata.subtitle = 'With a subtitle'
  book.metadata.authors = ['Ann Author']
  book.chapters[0]!.blocks.unshift({ type: 'heading', depth: 1, id: 'an-article', children: [text('An Article')] })
  return book
}

/** An article as the seed manuscript gives it: one chapter of paragraphs, no author, no date, no heading. */
export function articleBook(): Book {
  return {
    metadata: { title: 'An Article', authors: [], lang: 'en', subjects: [], modified: '2024-05-06T07:08:09Z' },
    assets: [],
    chapters: [
      {
        id: 'article',
        title: 'An Article',
        source: 'article.md',
        notes: [],
        blocks: [
          { type: 'paragraph', children: [text('First paragraph of the article, which has no heading of its own.')] },
          { type: 'paragraph', children: [text('Second paragraph, with “curly quotes” — and dashes.')] },
          { type: 'paragraph', children: [text('Third and last paragraph.')] },
        ],
      },
    ],
  }
}

const paragraph = (value: string): Block => ({ type: 'paragraph', children: [text(value)] })

/** A book of definition lists, disclosures and an alert, as raw HTML and GitHub's alerts make them. */
export function githubBlocksBook(): Book {
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
export const githubBlocksPages: PageStart[] = [
  { page: 1, chapter: 0, block: [0], word: 0 },
  { page: 2, chapter: 0, block: [1], word: 2 },
  { page: 3, chapter: 0, block: [1, 0, 1, 1], word: 1 },
  { page: 4, chapter: 0, block: [1], word: 9 },
  { page: 5, chapter: 0, block: [2], word: 1 },
  { page: 6, chapter: 0, block: [2, 1], word: 0 },
  { page: 7, chapter: 0, block: [4], word: 0 },
  { page: 8, chapter: 0, block: [4, 1], word: 2 },
]
