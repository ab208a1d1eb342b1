import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import { mdastToModel, parseInParts, parseMarkdown } from '../../src/parse/index.js'
import type { ImageSource } from '../../src/parse/index.js'
import { splitSource } from '../../src/parse/split-source.js'

const noImages: ImageSource = { resolve: () => ({ kind: 'remote' }) }

/** A document whose parts refer to each other, with headings hidden in code and HTML. */
function sampleDocument(): string {
  let text = '---\ntitle: Parts\nlang: en\n---\n\n'
  for (let section = 1; section <= 30; section++) {
    text += `# Section ${section}\n\nSee [the end][end] and a note.[^n${section}] "Quoted" -- text.\n\n`
    text += '```md\n# not a heading, inside code\n```\n\n'
    text += '<!--\n# not a heading, inside a comment\n-->\n\n'
    text += `- item\n- item with [an early definition][early]\n\n## Sub ${section}\n\n> quoted paragraph ${section}\n\n`
    if (section === 1) text += '[early]: https://example.com/early\n\n'
    text += `[^n${section}]: Note ${section}, defined in its section.\n\n`
  }
  text += '[^late]: A note defined at the very end.\n\n[end]: https://example.com/end "The end"\n\nLast call.[^late]\n'
  return text
}

async function convert(results: Iterable<{ tree: Parameters<typeof mdastToModel>[0]; lastLine: number }>): Promise<unknown> {
  const blocks: unknown[] = []
  const footnotes = new Map<string, unknown>()
  for (const { tree, lastLine } of results) {
    const parsed = await mdastToModel(tree, 'doc.md', new Diagnostics(), noImages, lastLine)
    blocks.push(...parsed.blocks)
    for (const [label, note] of parsed.footnotes) if (!footnotes.has(label)) footnotes.set(label, note)
  }
  return { blocks, footnotes: [...footnotes].sort(([a], [b]) => (a < b ? -1 : 1)) }
}

test('cuts only before headings outside code, HTML and front matter', () => {
  const text = sampleDocument()
  const { parts, definitions } = splitSource(text, 500)
  assert.ok(parts.length > 10)
  assert.equal(parts.map((part) => part.text).join(''), text)
  for (const part of parts.slice(1)) assert.match(part.text, /^#{1,6} (Section|Sub) \d+\n/)
  assert.equal(parts.at(-1)!.endsOpen, false)
  assert.match(definitions, /^\[early\]: https:\/\/example\.com\/early$/m)
  assert.match(definitions, /^\[\^late\]: \.$/m)
})

test('a document parsed in parts gives the same model as parsed whole, places included', async () => {
  const text = sampleDocument()
  const whole = await convert([parseMarkdown(text, 'doc.md')])
  const inParts = await convert(parseInParts(text, 'doc.md', 0, 500))
  assert.deepEqual(inParts, whole)
})

test('a small file is one part', () => {
  assert.equal([...parseInParts('# One\n\nText.\n', 'doc.md')].length, 1)
})
