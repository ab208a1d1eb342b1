/**
 * The language of runs told by their script, and the direction of
 * paragraphs, headings and list items told by their first letter.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Chapter, Inline, List, Paragraph } from '../../src/model/book.js'
import { markDirections, textDirection } from '../../src/transform/directions.js'
import { markLanguages } from '../../src/transform/languages.js'

function chapterOf(...blocks: Chapter['blocks']): Chapter {
  return { id: 'c', title: 'C', source: 'c.md', blocks, notes: [] }
}

/** The runs of one paragraph of `text`, marked in a book in `lang`: `text` or `[lang]text` each. */
function runs(text: string, lang = 'en', children: Inline[] = [{ type: 'text', value: text }]): string[] {
  const paragraph: Paragraph = { type: 'paragraph', children }
  markLanguages([chapterOf(paragraph)], lang)
  const flat = (inlines: readonly Inline[]): string[] =>
    inlines.flatMap((node) => (node.type === 'text' ? [node.lang === undefined ? node.value : `[${node.lang}]${node.value}`] : 'children' in node ? flat(node.children) : []))
  return flat(paragraph.children)
}

test('a run in a script the book’s language is not written in gets the language the script tells', () => {
  assert.deepEqual(runs('the word 한국어 is Korean'), ['the word ', '[ko]한국어', ' is Korean'])
  assert.deepEqual(runs('سلام and שלום'), ['[ar]سلام', ' and ', '[he]שלום'])
  assert.deepEqual(runs('Greek αβγ then'), ['Greek ', '[el]αβγ', ' then'])
  // Chinese characters among kana are Japanese; alone, Chinese.
  assert.deepEqual(runs('中文 and 人間は、理性'), ['[zh]中文', ' and ', '[ja]人間は、理性'])
  // A script many languages share tells only the script.
  assert.deepEqual(runs('Cyrillic жизнь here'), ['Cyrillic ', '[und-Cyrl]жизнь', ' here'])
})

test('spaces, digits and punctuation between two runs of one language belong to it; the punctuation that ends a run too', () => {
  assert.deepEqual(runs('모든 사람은 1948 자유. Then'), ['[ko]모든 사람은 1948 자유.', ' Then'])
  assert.deepEqual(runs('Greek αβγ, then'), ['Greek ', '[el]αβγ,', ' then'])
  assert.deepEqual(runs('يولد جميع الناس'), ['[ar]يولد جميع الناس'])
})

test('the book’s own script carries no language, nor does a language declared as the book’s', () => {
  assert.deepEqual(runs('Жизнь, life', 'ru'), ['Жизнь, ', '[und-Latn]life'])
  assert.deepEqual(runs('한국어와 漢字', 'ko'), ['한국어와 漢字'])
  assert.deepEqual(runs('x', 'en', [{ type: 'text', value: 'plain', lang: 'EN' }, { type: 'text', value: 'français', lang: 'fr' }]), ['plain', '[fr]français'])
  // A language declared in the manuscript is kept as it is, whatever its script.
  assert.deepEqual(runs('x', 'en', [{ type: 'text', value: 'שלום', lang: 'yi' }]), ['[yi]שלום'])
})

test('a paragraph’s direction is its first letter’s, as the bidirectional algorithm finds it', () => {
  assert.equal(textDirection('1948: ההכרזה (Paris)'), 'rtl')
  assert.equal(textDirection('Paris: ההכרזה'), 'ltr')
  assert.equal(textDirection('123 !'), 'ltr')
  const hebrew: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: '“כל בני האדם”' }] }
  const english: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: 'A word: שלום' }] }
  const item = (value: string): List['items'][number] => ({ checked: null, children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] })
  const rtlList: List = { type: 'list', ordered: false, start: 1, spread: false, items: [item('פריט'), item('يولد')] }
  const mixedList: List = { type: 'list', ordered: false, start: 1, spread: false, items: [item('one'), item('פריט')] }
  markDirections([chapterOf(hebrew, english, rtlList, mixedList)])
  assert.equal(hebrew.dir, 'rtl')
  assert.equal(english.dir, undefined)
  assert.equal(rtlList.dir, 'rtl')
  assert.deepEqual(rtlList.items.map((entry) => entry.dir), [undefined, undefined], 'a list right to left as a whole')
  assert.equal(mixedList.dir, undefined)
  assert.deepEqual(mixedList.items.map((entry) => entry.dir), [undefined, 'rtl'])
})

test('a heading in Chinese characters alone takes the language of the text it heads', () => {
  const heading = (value: string): Chapter['blocks'][number] => ({ type: 'heading', depth: 2, id: value, children: [{ type: 'text', value }] })
  const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] })
  const blocks = [heading('中文'), paragraph('人人生而自由。'), heading('日本語'), paragraph('すべての人間は、生まれながらにして自由であり')]
  markLanguages([chapterOf(...blocks)], 'en')
  const langs = blocks.map((block) => ('children' in block ? (block.children[0] as { lang?: string }).lang : undefined))
  assert.deepEqual(langs, ['zh', 'zh', 'ja', 'ja'])
})
