/**
 * A fragment's size in bytes is the sum of its nodes' sizes: how a chapter is
 * cut into parts relies on it. Sizes and documents are kept by content.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Element, ElementContent, Root } from 'hast'
import { toXast } from 'hast-util-to-xast'
import { h, s } from 'hastscript'
import type { Root as XastRoot } from 'xast'
import { fragmentBytes, fragmentSizes, toXhtml, xmlDocument } from '../../src/epub/hast/serialize.js'

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

test('sizes and documents written before are those of the same content, never of a changed one', () => {
  const paragraph = (text: string, id: string): ElementContent => h('p', { id }, ['Said ', h('em', text), ' & done'])
  const nodes = [paragraph('once', 'a'), { type: 'text', value: '\n' } as const, paragraph('twice', 'b')]
  const sizes = fragmentSizes(nodes, true)
  assert.deepEqual(sizes, nodes.map((node) => fragmentBytes([node])))
  assert.deepEqual(fragmentSizes(structuredClone(nodes), true), sizes, 'the same content, other objects')
  const changed = [paragraph('once more', 'a'), nodes[1]!, paragraph('twice', 'bb')]
  assert.deepEqual(fragmentSizes(changed, true), changed.map((node) => fragmentBytes([node])))
  assert.notDeepEqual(fragmentSizes(changed, true), sizes)

  const document = (text: string): Root => ({ type: 'root', children: [h('html', { xmlns: 'http://www.w3.org/1999/xhtml' }, [h('body', [h('p', { className: ['lead'] }, text)])])] })
  const first = toXhtml(document('Le “premier” <mot>'), true)
  assert.equal(first, xmlDocument(toXast(document('Le “premier” <mot>')) as XastRoot))
  assert.equal(toXhtml(document('Le “premier” <mot>'), true), first)
  const edited = document('Le second')
  assert.equal(toXhtml(edited, true), xmlDocument(toXast(document('Le second')) as XastRoot))
  ;((edited.children[0] as Element).properties as Record<string, unknown>).lang = 'fr'
  assert.match(toXhtml(edited, true), /<html xmlns="http:\/\/www.w3.org\/1999\/xhtml" lang="fr">/, 'a tree changed after it was written is written anew')
})
