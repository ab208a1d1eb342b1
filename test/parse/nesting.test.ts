import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Block, Inline } from '../../src/model/book.js'
import { blockText } from '../../src/model/text.js'
import { MAX_NESTING } from '../../src/parse/limit-nesting.js'
import { bookOf, loadText } from '../load/support.js'

const matter = '---\ntitle: T\nlang: en\n---\n\n'

function blockDepth(blocks: readonly Block[]): number {
  let deepest = 0
  for (const block of blocks) {
    if (block.type === 'blockquote') deepest = Math.max(deepest, 1 + blockDepth(block.children))
    if (block.type === 'list') {
      for (const item of block.items) deepest = Math.max(deepest, 1 + blockDepth(item.children))
    }
  }
  return deepest
}

function inlineDepth(inlines: readonly Inline[]): number {
  let deepest = 0
  for (const inline of inlines) {
    if ('children' in inline) deepest = Math.max(deepest, 1 + inlineDepth(inline.children))
  }
  return deepest
}

test('block quotes 5,000 deep: no crash, cut to the limit with a warning, no word lost', async () => {
  const result = await loadText(`${matter}${'>'.repeat(5000)} deep words\n`)
  const blocks = bookOf(result).chapters[0]!.blocks
  assert.equal(blockDepth(blocks), MAX_NESTING)
  assert.equal(blockText(blocks).trim(), 'deep words')
  assert.match(result.warnings.join('\n'), /book\.md:6:\d+: warning: block quotes and lists nested deeper than 32 levels/)
})

test('block quotes 2,000 deep over 2,000 lines: no crash', async () => {
  let text = matter
  for (let level = 1; level <= 2000; level++) text += `${'> '.repeat(level)}line ${level}\n`
  const result = await loadText(text)
  const blocks = bookOf(result).chapters[0]!.blocks
  assert.equal(blockDepth(blocks), MAX_NESTING)
  assert.match(blockText(blocks), /line 2000/)
})

test('lists 5,000 deep on one line, and 600 deep by indentation: no crash', async () => {
  const oneLine = await loadText(`${matter}${'- '.repeat(5000)}bottom\n`)
  assert.equal(blockDepth(bookOf(oneLine).chapters[0]!.blocks), MAX_NESTING)
  assert.match(oneLine.warnings.join('\n'), /list markers at the start of a line cut back/)

  let indented = matter
  for (let level = 0; level < 600; level++) indented += `${'  '.repeat(level)}- item ${level}\n`
  const result = await loadText(indented)
  const blocks = bookOf(result).chapters[0]!.blocks
  assert.equal(blockDepth(blocks), MAX_NESTING)
  const text = blockText(blocks)
  for (const level of [0, 31, 32, 599]) assert.match(text, new RegExp(`item ${level}\\b`))
  assert.match(result.warnings.join('\n'), /indentation wider than 128 columns cut back/)
})

test('emphasis 3,000 deep: no crash, cut to the limit', async () => {
  const result = await loadText(`${matter}${'*'.repeat(3000)}x${'*'.repeat(3000)}\n`)
  const paragraph = bookOf(result).chapters[0]!.blocks[0]!
  assert.ok(paragraph.type === 'paragraph')
  assert.ok(inlineDepth(paragraph.children) <= MAX_NESTING)
  assert.match(result.warnings.join('\n'), /emphasis and links nested deeper than 32 levels/)
})

test('nesting within the limit is kept as written, with no warning', async () => {
  const result = await loadText(`${matter}${'> '.repeat(MAX_NESTING)}deep\n`)
  assert.equal(blockDepth(bookOf(result).chapters[0]!.blocks), MAX_NESTING)
  assert.deepEqual(result.warnings, [])
})
