import assert from 'node:assert/strict'
import { test } from 'node:test'
import { blockText } from '../../src/model/text.js'
import { bookOf, loadText } from '../load/support.js'

const matter = '---\ntitle: T\nlang: en\n---\n\n'

test('a block of raw HTML keeps its text, drops its markup, and warns', async () => {
  const result = await loadText(`${matter}<div class="note">\n<p>Kept <b>words</b> here.</p>\n</div>\n\nAfter.\n`)
  const book = bookOf(result)
  assert.equal(blockText(book.chapters[0]!.blocks), 'Kept words here.\nAfter.')
  assert.equal(result.warnings.length, 1)
  assert.match(result.warnings[0]!, /book\.md:6:1: warning: raw HTML `<div class="note">` dropped, its text kept/)
})

test('script and style content is dropped entirely, in blocks and inline', async () => {
  const result = await loadText(
    `${matter}<script>alert("block")</script>\n\n<style>p { color: red }</style>\n\nBefore <script>alert(1)</script> after.\n\nNext <style>.x{}</style>paragraph.\n`,
  )
  const text = blockText(bookOf(result).chapters[0]!.blocks)
  assert.equal(text, 'Before  after.\nNext paragraph.')
  assert.doesNotMatch(text, /alert|color/)
  assert.equal(result.warnings.length, 4)
})

test('inline tags are dropped with a warning at their column; closing tags add no warning', async () => {
  const result = await loadText(`${matter}Some <b>bold</b> and <span title="x">span</span> text.<!-- note -->\n`)
  assert.equal(blockText(bookOf(result).chapters[0]!.blocks), 'Some bold and span text.')
  assert.deepEqual(
    result.warnings.map((warning) => warning.replace(/^.*book\.md:/, '')),
    [
      '6:6: warning: raw HTML `<b>` dropped',
      '6:22: warning: raw HTML `<span title="x">` dropped',
      '6:55: warning: HTML comment dropped',
    ],
  )
})

test('an HTML block that is only a comment adds nothing', async () => {
  const result = await loadText(`${matter}<!--\nhidden\n-->\n\nText.\n`)
  assert.equal(blockText(bookOf(result).chapters[0]!.blocks), 'Text.')
})

test('links to javascript: or data: URLs are not links; their text stays', async () => {
  const result = await loadText(`${matter}[click](javascript:alert(1)) and [data](data:text/html,x) and [ok](https://example.com).\n`)
  const paragraph = bookOf(result).chapters[0]!.blocks[0]!
  assert.ok(paragraph.type === 'paragraph')
  assert.deepEqual(paragraph.children.map((inline) => inline.type), ['text', 'text', 'text', 'text', 'link', 'text'])
  assert.equal(result.warnings.length, 2)
  assert.match(result.warnings[0]!, /link to a `javascript:` URL dropped/)
})
