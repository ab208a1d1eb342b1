/** A fragment's size in bytes is the sum of its nodes' sizes: how a chapter is cut into parts relies on it. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ElementContent } from 'hast'
import { h, s } from 'hastscript'
import { fragmentBytes } from '../../src/epub/hast/serialize.js'

test('a fragment measures what its nodes measure one by one', () => {
  const nodes: ElementContent[] = [
    h('h2', { id: 'a' }, 'Quotes “curly” & <angled>'),
    { type: 'text', value: '\n' },
    h('p', ['Text with a ', h('code', 'a < b && c'), ' and an ', h('img', { src: 'images/x.png', alt: '' })]),
    s('svg', { viewBox: '0 0 10 10' }, [s('circle', { cx: 5, cy: 5, r: 4 })]),
    h('span', { 'epub:type': 'pagebreak', role: 'doc-pagebreak', id: 'page-3', ariaLabel: '3' }),
    { type: 'comment', value: ' a comment ' },
    h('details', { open: true }, [h('summary', 'Émoji 🚀')]),
  ]
  const sum = nodes.reduce((total, node) => total + fragmentBytes([node]), 0)
  assert.equal(fragmentBytes(nodes), sum)
  assert.ok(sum > 0)
})
