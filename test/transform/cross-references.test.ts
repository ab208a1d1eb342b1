/**
 * Cross-references in the model: what the parser reads of pandoc-crossref's
 * labels (figures, table captions, formulas of one line or several,
 * sections) and references, and what the cross-references pass makes of
 * them in a single-file manuscript and in other languages.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Diagnostics, formatMessage } from '../../src/diagnostics.js'
import type { Book, CrossRef, Figure, Inline, MathBlock, Table } from '../../src/model/book.js'
import { inlineText } from '../../src/model/text.js'
import { forEachBlock, forEachInline } from '../../src/model/walk.js'
import { sectionNumbers } from '../../src/model/section-numbers.js'
import { resolveCrossReferences } from '../../src/transform/cross-references.js'
import { spreadOf } from '../../src/pdf/page-words.js'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fixtures, load, manuscriptFolder } from '../load/support.js'

async function resolved(text: string, depth = 0): Promise<{ book: Book; warnings: string[]; file: string }> {
  const folder = await manuscriptFolder({ 'pic.png': await readFile(path.join(fixtures, 'images/diagram.png')), 'book.md': text })
  const file = path.join(folder, 'book.md')
  const result = await load(file)
  assert.ok(result.book, result.messages.join('\n'))
  const diag = new Diagnostics()
  resolveCrossReferences(result.book, sectionNumbers(result.book, depth), diag)
  return { book: result.book, warnings: diag.warnings.map(formatMessage), file }
}

function references(book: Book): CrossRef[] {
  const found: CrossRef[] = []
  for (const chapter of book.chapters) forEachInline(chapter.blocks, (inline) => inline.type === 'crossRef' && found.push(inline))
  return found
}

function blocksOf<T extends 'figure' | 'table' | 'math'>(book: Book, type: T): Array<Extract<Figure | Table | MathBlock, { type: T }>> {
  const found: Array<Extract<Figure | Table | MathBlock, { type: T }>> = []
  for (const chapter of book.chapters) forEachBlock(chapter.blocks, (block) => block.type === type && found.push(block as Extract<Figure | Table | MathBlock, { type: T }>))
  return found
}

const text = (inlines: readonly Inline[]): string => inlineText(inlines).replace(/\u00a0/g, ' ')

const manuscript = `---
title: Numbers
lang: en
---

# Start {#sec:start}

See @fig:a, [@fig:a; @fig:b], [@fig:a; @fig:b; @fig:c], @eq:one, @eq:two, @eq:three, @tbl:t, @tbl:u, @sec:start.
@Fig:b opens a sentence; [@fig:a; @tbl:t] mixes kinds; @fig:none is missing; write to me@fig:a.com.

![First](pic.png){#fig:a}

![Second](pic.png "Titled second"){#fig:b}

![Third](pic.png){#fig:c}

$$
x = 1
$$ {#eq:one}

$$
y = 2
$$
{#eq:two}

$$ z = 3 $$ {#eq:three}

: Before the table {#tbl:t}

| a | b |
|---|---|
| 1 | 2 |

| c | d |
|---|---|
| 3 | 4 |

: After the table {#tbl:u}

![Again](pic.png){#fig:a}

\`\`\`
$$
{#eq:code}
\`\`\`
`

describe('cross-references in a single-file manuscript', () => {
  it('numbers figures, tables and formulas through the book, each caption led by its number', async () => {
    const { book } = await resolved(manuscript)
    const figures = blocksOf(book, 'figure')
    assert.deepEqual(figures.map((figure) => figure.id), ['fig:a', 'fig:b', 'fig:c', 'fig:a'])
    assert.deepEqual(figures.slice(0, 3).map((figure) => `${figure.number?.lead}${text(figure.caption ?? [])}`), ['Figure 1: First', 'Figure 2: Titled second', 'Figure 3: Third'])
    const tables = blocksOf(book, 'table')
    assert.deepEqual(tables.map((table) => [table.id, table.number?.lead, text(table.caption ?? [])]), [
      ['tbl:t', 'Table 1: ', 'Before the table'],
      ['tbl:u', 'Table 2: ', 'After the table'],
    ])
    assert.deepEqual(blocksOf(book, 'math').map((formula) => [formula.id, formula.number, formula.tex.trim()]), [
      ['eq:one', '(1)', 'x = 1'],
      ['eq:two', '(2)', 'y = 2'],
      ['eq:three', '(3)', 'z = 3'],
    ])
  })

  it('leaves a label in fenced code as code, and no caption paragraph behind', async () => {
    const { book } = await resolved(manuscript)
    const paragraphs = book.chapters.flatMap((chapter) => chapter.blocks).filter((block) => block.type === 'paragraph').map((block) => text(block.type === 'paragraph' ? block.children : []))
    assert.ok(!paragraphs.some((paragraph) => paragraph.startsWith(':') || paragraph.includes('{#')), paragraphs.join('\n'))
    const code = book.chapters.flatMap((chapter) => chapter.blocks).find((block) => block.type === 'code')
    assert.equal(code?.type === 'code' ? code.value : '', '$$\n{#eq:code}')
  })

  it('writes each reference in words, its numbers links to the labels, lists joined as English joins them', async () => {
    const { book } = await resolved(manuscript)
    const written = references(book).map((reference) => text(reference.children))
    assert.deepEqual(written, [
      'Figure 1',
      'Figures 1 and 2',
      'Figures 1, 2 and 3',
      'Equation (1)',
      'Equation (2)',
      'Equation (3)',
      'Table 1',
      'Table 2',
      'Section “Start”',
      'Figure 2',
      'Figure 1 and Table 1',
      'fig:none',
    ])
    const pair = references(book)[1]!
    const links = pair.children.filter((inline) => inline.type === 'link')
    assert.deepEqual(links.map((link) => (link.type === 'link' ? link.target : undefined)), [
      { kind: 'internal', chapter: book.chapters[0]!.id, id: 'fig:a' },
      { kind: 'internal', chapter: book.chapters[0]!.id, id: 'fig:b' },
    ])
    assert.equal(references(book)[11]!.children[0]?.type, 'strong')
  })

  it('warns of a missing label at the reference, and of a repeated one at its second place', async () => {
    const { warnings, file } = await resolved(manuscript)
    const lines = manuscript.split('\n')
    const missingLine = lines.findIndex((line) => line.includes('@fig:none'))
    const repeatLine = lines.findIndex((line) => line.startsWith('![Again]'))
    assert.deepEqual(warnings, [
      `${file}:${repeatLine + 1}:1: warning: label \`fig:a\` is used twice: references lead to its first place`,
      `${file}:${missingLine + 1}:${lines[missingLine]!.indexOf('@fig:none') + 1}: warning: cross-reference \`fig:none\` leads nowhere: no figure has this label`,
    ])
  })

  it('names a section by its number when the theme numbers sections', async () => {
    const { book } = await resolved('---\ntitle: T\nlang: en\n---\n\n# One\n\n## Two {#sec:two}\n\nSee @sec:two.\n', 2)
    assert.deepEqual(references(book).map((reference) => text(reference.children)), ['Section 1.1'])
  })

  it('gives a caption between two tables to the table before it only', async () => {
    const { book } = await resolved('---\ntitle: T\nlang: en\n---\n\n| a |\n|---|\n| 1 |\n\n: Between {#tbl:a}\n\n| b |\n|---|\n| 2 |\n\nSee @tbl:a.\n')
    assert.deepEqual(blocksOf(book, 'table').map((table) => [table.id, text(table.caption ?? [])]), [['tbl:a', 'Between'], [undefined, '']])
  })

  it('sets the number alone for `-@fig:x`, as pandoc-crossref does', async () => {
    const { book } = await resolved('---\ntitle: T\nlang: en\n---\n\n![One](pic.png){#fig:one}\n\n$$ x $$ {#eq:x}\n\nPicture -@fig:one and formula -@eq:x.\n')
    assert.deepEqual(references(book).map((reference) => text(reference.children)), ['1', '(1)'])
  })

  it('uses the words of the book’s language', async () => {
    const french = manuscript.replace('lang: en', 'lang: fr')
    const { book } = await resolved(french)
    const written = references(book).map((reference) => text(reference.children))
    assert.equal(written[1], 'figures 1 et 2')
    assert.equal(written[2], 'figures 1, 2 et 3')
    assert.equal(written[9], 'Figure 2', '@Fig: starts with a capital')
    assert.equal(blocksOf(book, 'table')[0]!.number?.lead, 'Tableau 1\u00a0: ')
    const german = await resolved(manuscript.replace('lang: en', 'lang: de'))
    assert.equal(text(references(german.book)[6]!.children), 'Tabelle 1')
    const spanish = await resolved(manuscript.replace('lang: en', 'lang: es'))
    assert.equal(text(references(spanish.book)[3]!.children), 'ecuación (1)')
  })
})

describe('spreads of a book printed on both sides', () => {
  it('pairs each left-hand page with the right-hand page after it, page 1 alone', () => {
    assert.equal(spreadOf(1) === spreadOf(2), false)
    assert.equal(spreadOf(2), spreadOf(3))
    assert.notEqual(spreadOf(3), spreadOf(4))
    assert.equal(spreadOf(44), spreadOf(45))
  })
})
