/** SmartyPants over an mdast tree: quotes over the whole tree, the rest node by node. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import type { Paragraph, Root, Text } from 'mdast'
import { retext } from 'retext'
import smartypants from 'retext-smartypants'
import { smartypantsTransform } from '../../src/parse/smartypants.js'

const text = (value: string): Text => ({ type: 'text', value })
const paragraph = (...children: Paragraph['children']): Paragraph => ({ type: 'paragraph', children })
const values = (tree: Root): string[] => {
  const found: string[] = []
  const walk = (node: { type: string; value?: string; children?: unknown[] }): void => {
    if (typeof node.value === 'string') found.push(node.value)
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child)
  }
  walk(tree as never)
  return found
}

test('quotes pair across emphasis and links, and open at the start of a paragraph', () => {
  const tree: Root = {
    type: 'root',
    children: [
      paragraph(text('"Across '), { type: 'emphasis', children: [text('emphasis"')] }, text(" and 'links'")),
      paragraph(text("'Tis the season, "), { type: 'inlineCode', value: '"code"' }, text(' said "she".')),
    ],
  }
  smartypantsTransform({ dashes: 'oldschool' })(tree)
  assert.deepEqual(values(tree), ['“Across ', 'emphasis”', ' and ‘links’', '‘Tis the season, ', '"code"', ' said “she”.'])
})

test('dashes, ellipses and double backticks, node by node; a node with none left as it is', () => {
  const tree: Root = { type: 'root', children: [paragraph(text('one -- two --- three...')), paragraph(text('``quoted\'\' text')), paragraph(text('plain words, no marks at all; 42 × 7 → 294'))] }
  smartypantsTransform({ dashes: 'oldschool' })(tree)
  assert.deepEqual(values(tree), ['one – two — three…', '“quoted” text', 'plain words, no marks at all; 42 × 7 → 294'])
})

test('a text the second pass skips is one retext-smartypants would leave as it is', () => {
  // The transform as it was before it skipped any text: both passes over every node.
  const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false })
  const rest = retext().use(smartypants, { dashes: 'oldschool', quotes: false })
  const everyNode = (value: string): string => rest.processSync(quotes.processSync(` ${value}`).toString().slice(1)).toString()
  const marks = fc.constantFrom('.', '. ', '..', '-', '--', '–', '—', '`', "'", ' ', '\n', 'a', 'Word', '9', ',', '!', '?', '…')
  fc.assert(
    fc.property(fc.array(marks, { maxLength: 12 }), (pieces) => {
      const value = pieces.join('')
      const tree: Root = { type: 'root', children: [paragraph(text(value))] }
      smartypantsTransform({ dashes: 'oldschool' })(tree)
      assert.equal(values(tree)[0], everyNode(value))
    }),
    { numRuns: 3000, seed: 20261206 },
  )
})
