/**
 * Formulas as the parser reads them: `$…$` and `$$…$$` (remark-math), the
 * TeX as written; prices left as text; a lone `$$ … $$` paragraph, with or
 * without a label, a displayed formula.
 */
import assert from 'node:assert/strict'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import { loadBook } from '../../src/load/index.js'
import type { Block } from '../../src/model/book.js'

async function blocksOf(markdown: string): Promise<{ blocks: Block[]; diag: Diagnostics }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'octavo-math-'))
  const file = path.join(dir, 'math.md')
  await writeFile(file, `---\nlang: en\n---\n\n${markdown}\n`)
  const diag = new Diagnostics()
  const book = await loadBook(file, diag, { sourceDateEpoch: '1700000000' })
  return { blocks: book.chapters[0]!.blocks, diag }
}

test('the TeX of a formula is kept as written: its backslashes are no Markdown escapes', async () => {
  const { blocks } = await blocksOf('It takes $\\frac{n}{c}\\,t_s$ in all.')
  assert.deepEqual(blocks[0], { type: 'paragraph', place: blocks[0]!.place, children: [{ type: 'text', value: 'It takes ' }, { type: 'inlineMath', tex: '\\frac{n}{c}\\,t_s', place: { file: blocks[0]!.place!.file, line: 5, column: 10 } }, { type: 'text', value: ' in all.' }] })
})

test('prices are not formulas: a dollar before a space, or a closing one before a digit, is text', async () => {
  const { blocks } = await blocksOf('It costs $5 and $10, or $ x$, but $x$ is one.')
  const paragraph = blocks[0]!
  assert.equal(paragraph.type, 'paragraph')
  if (paragraph.type !== 'paragraph') return
  assert.deepEqual(paragraph.children.filter((inline) => inline.type === 'inlineMath').map((inline) => inline.type === 'inlineMath' && inline.tex), ['x'])
  assert.match(paragraph.children.map((inline) => (inline.type === 'text' ? inline.value : '')).join(''), /It costs \$5 and \$10, or \$ x\$, but {2}is one\./)
})

test('a displayed formula, on lines of its own or alone in a paragraph, with a label for references', async () => {
  const { blocks } = await blocksOf('$$\n\\sum_{i=1}^n i\n$$\n\n$$ E = mc^2 $$ {#eq:energy}\n\nText with $$ a + b $$ in it.')
  assert.deepEqual(blocks.map((block) => block.type), ['math', 'math', 'paragraph'])
  assert.equal(blocks[0]!.type === 'math' && blocks[0]!.tex, '\\sum_{i=1}^n i')
  assert.deepEqual(blocks[1]!.type === 'math' && [blocks[1]!.tex, blocks[1]!.id], ['E = mc^2', 'eq:energy'])
  const inline = blocks[2]!.type === 'paragraph' ? blocks[2]!.children.find((node) => node.type === 'inlineMath') : undefined
  assert.equal(inline?.type === 'inlineMath' && inline.tex, 'a + b')
})

test('a formula that cannot be read is a warning at its place, and code in the model', async () => {
  const { blocks, diag } = await blocksOf('Bad $\\frac{a$ here.\n\n$$\n\\nosuch\n$$')
  assert.deepEqual(diag.warnings.map((message) => [message.line, message.column, message.ruleId]), [[5, 5, 'math'], [7, 1, 'math']])
  assert.deepEqual(blocks[0]!.type === 'paragraph' && blocks[0]!.children[1], { type: 'inlineCode', value: '\\frac{a' })
  assert.deepEqual(blocks[1], { type: 'code', value: '\\nosuch', place: blocks[1]!.place })
})
