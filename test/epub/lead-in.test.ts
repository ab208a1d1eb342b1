import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Element, Root } from 'hast'
import { Diagnostics } from '../../src/diagnostics.js'
import type { Context } from '../../src/epub/context.js'
import { cssRules } from '../../src/epub/css.js'
import { chapterDocument } from '../../src/epub/documents/chapter.js'
import { labelsFor } from '../../src/epub/labels.js'
import { planPublication } from '../../src/epub/plan.js'
import type { Block, Book, Inline, Paragraph } from '../../src/model/book.js'
import { createMeasurer } from '../../src/pdf/measure.js'
import { prepareParagraph } from '../../src/pdf/prepare.js'
import { roleStyle } from '../../src/pdf/style.js'
import { defaultTheme, type Theme } from '../../src/theme/index.js'

const text = (value: string): Inline => ({ type: 'text', value })

function article(blocks: Block[], chapters = 1): Book {
  return {
    metadata: { title: 'An Article', authors: [], lang: 'en', subjects: [], modified: '2024-05-06T07:08:09Z' },
    assets: [],
    chapters: Array.from({ length: chapters }, (_, index) => ({
      id: `c${index + 1}`,
      title: `Part ${index + 1}`,
      source: 'article.md',
      notes: [{ id: `c${index + 1}-note-1`, number: 1, blocks: [{ type: 'paragraph' as const, children: [text('A note.')] }] }],
      blocks,
    })),
  }
}

function firstChapter(book: Book, theme: Theme = defaultTheme): Root {
  const context: Context = { book, theme, diag: new Diagnostics(), plan: planPublication(book), labels: labelsFor('en'), lang: 'en', identifier: 'urn:x', remember: false }
  return chapterDocument(context, book.chapters[0]!, 0).parts[0]!.tree
}

function elements(node: Root | Element, into: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type === 'element') {
      into.push(child)
      elements(child, into)
    }
  }
  return into
}

function textOf(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('')
}

/** The text set in small capitals in the EPUB: every lead-in span's, in order. */
function epubLeadIn(tree: Root): string {
  return elements(tree)
    .filter((element) => Array.isArray(element.properties.className) && element.properties.className.includes('lead-in'))
    .map(textOf)
    .join('')
}

/** The text the print edition sets in small capitals in the same paragraph (its own typesetter, not a copy of its rules). */
function pdfLeadIn(paragraph: Paragraph, theme: Theme = defaultTheme): string {
  const measurer = createMeasurer(theme)
  const items = prepareParagraph(paragraph.children, theme, measurer, { style: roleStyle(theme, 'body'), indent: 0, measure: 300, justify: true, leadIn: true })
  let small = ''
  let previousWord = -1
  for (const item of items) {
    if (item.type !== 'box' || item.content.style.features !== 'smallCaps') continue
    // Words the typesetter set apart were a space apart in the text.
    if (previousWord !== -1 && item.content.word !== previousWord) small += ' '
    small += item.content.text
    previousWord = item.content.word
  }
  return small
}

const paragraphs: Array<[string, Inline[]]> = [
  ['plain words', [text('It was a dark and stormy night; the rain fell in torrents.')]],
  ['a clause that ends first', [text('Yes, he said, it was.')]],
  ['formatting inside and across words', [text('The '), { type: 'emphasis', children: [text('storm')] }, { type: 'strong', children: [text('ier')] }, text(' night came '), { type: 'link', url: '#x', children: [text('down hard')] }, text(' at last.')]],
  ['a footnote call after a word', [text('Once'), { type: 'noteRef', note: 'c1-note-1', number: 1 }, text(' upon a time there was.')]],
  ['a line break', [text('One two'), { type: 'break' }, text('three four five six.')]],
  ['raw HTML styles', [text('H'), { type: 'styled', style: 'subscript', children: [text('2')] }, text('O and '), { type: 'styled', style: 'superscript', children: [text('more')] }, text(' words than four.')]],
  ['no-break spaces', [text('Mr.\u00a0Smith went to Washington by train.')]],
  ['a short paragraph', [text('Short.')]],
]

describe('the small-capital lead-in of an article', () => {
  for (const [name, children] of paragraphs) {
    it(`sets the same words as the print edition: ${name}`, () => {
      const paragraph: Paragraph = { type: 'paragraph', children }
      const epub = epubLeadIn(firstChapter(article([paragraph, { type: 'paragraph', children: [text('Second paragraph.')] }])))
      const pdf = pdfLeadIn(paragraph)
      assert.notEqual(epub, '', 'there is a lead-in')
      assert.equal(epub.replace(/\s+/g, ' ').trim(), pdf)
    })
  }

  it('covers the theme’s number of words', () => {
    const paragraph: Paragraph = { type: 'paragraph', children: [text('one two three four five six seven')] }
    assert.equal(epubLeadIn(firstChapter(article([paragraph]))), 'one two three four')
    assert.equal(epubLeadIn(firstChapter(article([paragraph]), { ...defaultTheme, leadIn: { ...defaultTheme.leadIn, words: 2 } })), 'one two')
    assert.equal(epubLeadIn(firstChapter(article([paragraph]), { ...defaultTheme, leadIn: { ...defaultTheme.leadIn, words: 0 } })), '')
  })

  it('keeps code in its own face: its words count but are not set in small capitals', () => {
    const paragraph: Paragraph = { type: 'paragraph', children: [text('Call '), { type: 'inlineCode', value: 'run()' }, text(' now and then later.')] }
    assert.equal(epubLeadIn(firstChapter(article([paragraph]))), 'Call  now and')
  })

  it('opens only an article’s first paragraph: not after an opening subheading, not in a book of chapters', () => {
    const first: Paragraph = { type: 'paragraph', children: [text('one two three four five')] }
    assert.equal(epubLeadIn(firstChapter(article([{ type: 'heading', depth: 1, id: 'an-article', children: [text('An Article')] }, first]))), 'one two three four', 'after the title it replaces')
    assert.equal(epubLeadIn(firstChapter(article([{ type: 'heading', depth: 2, id: 'intro', children: [text('Intro')] }, first]))), '')
    assert.equal(epubLeadIn(firstChapter(article([first], 2))), '')
  })

  it('takes its CSS from the theme', () => {
    assert.deepEqual(cssRules(defaultTheme).find((rule) => rule.selector === '.lead-in')?.declarations, { 'font-variant': 'small-caps' })
    assert.equal(cssRules({ ...defaultTheme, leadIn: { ...defaultTheme.leadIn, words: 0 } }).find((rule) => rule.selector === '.lead-in'), undefined)
  })
})
