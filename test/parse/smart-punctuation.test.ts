import assert from 'node:assert/strict'
import { test } from 'node:test'
import { blockText } from '../../src/model/text.js'
import { bookOf, loadText } from '../load/support.js'

const matter = '---\ntitle: T\nlang: en\n---\n\n'

test('quotes, dashes and ellipses in paragraphs, headings and table cells', async () => {
  const book = bookOf(
    await loadText(`${matter}## "Heading" -- it's here\n\n| "cell" | 'one' --- two |\n|---|---|\n| x... | y |\n\n*"Across* emphasis" and **'bold'**.\n`),
  )
  assert.equal(
    blockText(book.chapters[0]!.blocks),
    '“Heading” – it’s here\n“cell”\t‘one’ — two\nx…\ty\n“Across emphasis” and ‘bold’.',
  )
})

test('code and the text of autolinks are left exactly as written', async () => {
  const book = bookOf(await loadText(`${matter}\`"a" -- b\` <https://example.com/a--b> www.example.com/x--y [a--b](https://example.com/a--b)\n\n\`\`\`\n"code" -- here...\n\`\`\`\n`))
  assert.equal(
    blockText(book.chapters[0]!.blocks),
    '"a" -- b https://example.com/a--b www.example.com/x--y a–b\n"code" -- here...',
  )
})

test('a long document, done in runs of blocks, pairs every quote', async () => {
  const paragraph = 'He said "yes" and she said \'no\' -- then "maybe..."\n\n'
  const book = bookOf(await loadText(matter + paragraph.repeat(3000)))
  const text = blockText(book.chapters[0]!.blocks)
  assert.ok(text.length > 3 * 32_000)
  assert.doesNotMatch(text, /["']|--|\.\.\./)
  assert.equal(text.split('\n').filter((line) => line === 'He said “yes” and she said ‘no’ – then “maybe…”').length, 3000)
})
