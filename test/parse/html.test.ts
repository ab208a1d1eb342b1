import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Block, Inline } from '../../src/model/book.js'
import { blockText } from '../../src/model/text.js'
import { bookOf, loadText } from '../load/support.js'

const matter = '---\ntitle: T\nlang: en\n---\n\n'
/** The line the manuscript's text starts on, after the front matter above. */
const first = 6

async function blocksOf(markdown: string): Promise<{ blocks: Block[]; warnings: string[] }> {
  const result = await loadText(`${matter}${markdown}\n`)
  // Warnings come in the manuscript's order, raw HTML blocks among the Markdown around them.
  const warnings = result.warnings.map((warning) => warning.replace(/^.*book\.md:/, ''))
  return { blocks: bookOf(result).chapters[0]!.blocks, warnings }
}

function onlyParagraph(blocks: Block[]): Inline[] {
  assert.equal(blocks.length, 1, JSON.stringify(blocks))
  const paragraph = blocks[0]!
  assert.equal(paragraph.type, 'paragraph')
  return paragraph.type === 'paragraph' ? paragraph.children : []
}

const text = (value: string): Inline => ({ type: 'text', value })

test('inline formatting in raw HTML becomes the model’s, with no warning', async () => {
  const cases: Array<[string, Inline]> = [
    ['<b>x</b>', { type: 'strong', children: [text('x')] }],
    ['<strong>x</strong>', { type: 'strong', children: [text('x')] }],
    ['<i>x</i>', { type: 'emphasis', children: [text('x')] }],
    ['<em>x</em>', { type: 'emphasis', children: [text('x')] }],
    ['<u>x</u>', { type: 'styled', style: 'underline', children: [text('x')] }],
    ['<ins>x</ins>', { type: 'styled', style: 'underline', children: [text('x')] }],
    ['<sub>x</sub>', { type: 'styled', style: 'subscript', children: [text('x')] }],
    ['<sup>x</sup>', { type: 'styled', style: 'superscript', children: [text('x')] }],
    ['<kbd>x</kbd>', { type: 'styled', style: 'keyboard', children: [text('x')] }],
    ['<mark>x</mark>', { type: 'styled', style: 'mark', children: [text('x')] }],
    ['<small>x</small>', { type: 'styled', style: 'small', children: [text('x')] }],
    ['<s>x</s>', { type: 'delete', children: [text('x')] }],
    ['<del>x</del>', { type: 'delete', children: [text('x')] }],
    ['<strike>x</strike>', { type: 'delete', children: [text('x')] }],
    ['<code>x  y</code>', { type: 'inlineCode', value: 'x y' }],
    ['<a href="https://example.com/" title="Example">x</a>', { type: 'link', url: 'https://example.com/', target: { kind: 'web', url: 'https://example.com/' }, title: 'Example', children: [text('x')] }],
    ['<a href="http://example.com/">x</a>', { type: 'link', url: 'http://example.com/', target: { kind: 'web', url: 'http://example.com/' }, children: [text('x')] }],
    ['<a href="mailto:a@example.com">x</a>', { type: 'link', url: 'mailto:a@example.com', target: { kind: 'web', url: 'mailto:a@example.com' }, children: [text('x')] }],
    ['<a href="HTTPS://example.com/">x</a>', { type: 'link', url: 'https://example.com/', target: { kind: 'web', url: 'https://example.com/' }, children: [text('x')] }],
  ]
  for (const [html, expected] of cases) {
    const { blocks, warnings } = await blocksOf(`a ${html} b`)
    assert.deepEqual(onlyParagraph(blocks).map(withoutPlace), [text('a '), expected, text(' b')], html)
    assert.deepEqual(warnings, [], html)
  }
})

test('links in raw HTML lead into the book as Markdown links do, or are dropped with a warning', async () => {
  const { blocks, warnings } = await blocksOf('# Part\n\na <a href="#part">x</a> <a href="other.md#part">y</a> b')
  const paragraph = blocks[1]
  assert.equal(paragraph?.type, 'paragraph')
  const inlines = paragraph?.type === 'paragraph' ? paragraph.children.map(withoutPlace) : []
  assert.deepEqual(inlines, [text('a '), { type: 'link', url: '#part', target: { kind: 'internal', chapter: 'chapter-1', id: 'part' }, children: [text('x')] }, text(' y b')])
  assert.equal(warnings.length, 1)
  assert.match(warnings[0]!, /link to `other\.md#part` dropped: `other\.md` is not a chapter of this book/)
})

/** Inlines with their links' places and targets taken off (the links pass has tests of its own), to compare their shape. */
function bare(inlines: readonly Inline[]): Inline[] {
  return inlines.map((inline) => {
    if (inline.type === 'link') {
      const { place: _place, target: _target, ...rest } = inline
      return { ...rest, children: bare(inline.children) }
    }
    return 'children' in inline ? { ...inline, children: bare(inline.children) } : inline
  })
}

/** A link without the place it is written at (checked elsewhere), to compare the rest. */
function withoutPlace(inline: Inline): Inline {
  if (inline.type !== 'link') return inline
  const { place: _place, ...rest } = inline
  return rest
}

test('span, abbr and cite give their content, q its content in quotation marks, br a line break', async () => {
  const { blocks, warnings } = await blocksOf('a <span class="x">b</span> <abbr title="t">c</abbr> <cite>d</cite> <q>e <q>f</q></q> g<br>h<br/>\ni')
  assert.deepEqual(onlyParagraph(blocks), [text('a b c d \u201ce \u2018f\u2019\u201d g'), { type: 'break' }, text('h'), { type: 'break' }, text('i')])
  assert.deepEqual(warnings, [])
})

test('an element opened in one piece of inline HTML and closed in another wraps the Markdown between', async () => {
  const { blocks } = await blocksOf('E = mc<sup>2</sup>, <b>bold *and emphasised* [link](https://example.com)</b> and `code`.')
  assert.deepEqual(bare(onlyParagraph(blocks)), [
    text('E = mc'),
    { type: 'styled', style: 'superscript', children: [text('2')] },
    text(', '),
    { type: 'strong', children: [text('bold '), { type: 'emphasis', children: [text('and emphasised')] }, text(' '), { type: 'link', url: 'https://example.com', children: [text('link')] }] },
    text(' and '),
    { type: 'inlineCode', value: 'code' },
    text('.'),
  ])
})

test('block HTML: div gives its content, p a paragraph, blockquote and lists their own blocks, pre a code block', async () => {
  const { blocks, warnings } = await blocksOf(
    [
      '<div class="note">',
      '<p>One "quoted" <i>paragraph</i>.</p>',
      '<blockquote><p>Quoted.</p></blockquote>',
      '<ul><li>first</li><li>second <b>item</b></li></ul>',
      '<ol start="3"><li><p>third</p></li></ol>',
      '</div>',
      '',
      '<pre><code class="language-js">let x = 1\n\nx += 1\n</code></pre>',
    ].join('\n'),
  )
  assert.deepEqual(warnings, [])
  const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'place' || key === 'tokens' ? undefined : inner)))
  assert.deepEqual(strip(blocks), [
    { type: 'paragraph', children: [text('One \u201cquoted\u201d '), { type: 'emphasis', children: [text('paragraph')] }, text('.')] },
    { type: 'blockquote', children: [{ type: 'paragraph', children: [text('Quoted.')] }] },
    {
      type: 'list',
      ordered: false,
      start: 1,
      spread: false,
      items: [
        { checked: null, children: [{ type: 'paragraph', children: [text('first')] }] },
        { checked: null, children: [{ type: 'paragraph', children: [text('second '), { type: 'strong', children: [text('item')] }] }] },
      ],
    },
    { type: 'list', ordered: true, start: 3, spread: true, items: [{ checked: null, children: [{ type: 'paragraph', children: [text('third')] }] }] },
    { type: 'code', lang: 'js', value: 'let x = 1\n\nx += 1' },
  ])
  assert.deepEqual(blocks[0]!.place, { file: blocks[0]!.place!.file, line: first + 1, column: 1 })
})

test('details and summary become paragraphs, the summary in bold; Markdown between HTML blocks is converted', async () => {
  const { blocks, warnings } = await blocksOf('<details>\n<summary>More <i>here</i></summary>\n\nHidden *text*.\n\n- a list\n\n</details>\n\nAfter.')
  assert.deepEqual(warnings, [])
  assert.deepEqual(
    blocks.map((block) => block.type),
    ['paragraph', 'paragraph', 'list', 'paragraph'],
  )
  assert.deepEqual((blocks[0] as { children: Inline[] }).children, [{ type: 'strong', children: [text('More '), { type: 'emphasis', children: [text('here')] }] }])
  assert.equal(blockText(blocks), 'More here\nHidden text.\na list\nAfter.')
})

test('a Markdown block quote inside a raw HTML blockquote is kept, nested', async () => {
  const { blocks } = await blocksOf('<blockquote>\n\n> inner\n\n</blockquote>')
  assert.equal(blocks.length, 1)
  const outer = blocks[0]!
  assert.ok(outer.type === 'blockquote' && outer.children[0]?.type === 'blockquote')
})

test('script, style and embedded content are dropped with what they hold (an object’s fallback text stays), each with a warning at its line', async () => {
  const { blocks, warnings } = await blocksOf(
    [
      'Before <script>alert("inline")</script> after, <style>.x { color: red }</style>styled.',
      '',
      '<script>',
      'document.write("block")',
      '</script>',
      '',
      '<iframe src="https://example.com/"></iframe>',
      '',
      'An <object data="x.swf">object</object> and an <embed src="x.swf"> and <textarea>typed</textarea> and <svg><text>drawn</text></svg>.',
    ].join('\n'),
  )
  const all = JSON.stringify(blocks)
  for (const gone of ['alert', 'color', 'document', 'example.com', 'x.swf', 'typed', 'drawn']) assert.ok(!all.includes(gone), `${gone} is gone`)
  assert.equal(blockText(blocks), 'Before after, styled.\nAn object and an and and .')
  assert.deepEqual(warnings, [
    `${first}:8: warning: raw HTML \`<script>\` dropped with its content`,
    `${first}:48: warning: raw HTML \`<style>\` dropped with its content`,
    `${first + 2}:1: warning: raw HTML \`<script>\` dropped with its content`,
    `${first + 6}:1: warning: raw HTML \`<iframe>\` dropped with its content`,
    `${first + 8}:4: warning: raw HTML \`<object>\` dropped, its text kept`,
    `${first + 8}:48: warning: raw HTML \`<embed>\` dropped with its content`,
    `${first + 8}:72: warning: raw HTML \`<textarea>\` dropped with its content`,
    `${first + 8}:103: warning: raw HTML \`<svg>\` dropped with its content`,
  ])
})

test('forms, inputs and other elements are dropped with a warning; their visible text stays', async () => {
  const { blocks, warnings } = await blocksOf(
    [
      '<form action="/send"><label>Name <input name="n"></label><button>Send</button></form>',
      '',
      '<table><tr><td>cell one</td><td>cell two</td></tr></table>',
      '',
      '<h2>Raw heading</h2>',
      '',
      'Text in <font color="red">red</font> and <img src="logo.png" alt="the logo">.',
    ].join('\n'),
  )
  assert.equal(blockText(blocks), 'Name Send\ncell one cell two\nRaw heading\nText in red and the logo.')
  assert.deepEqual(warnings, [
    `${first}:1: warning: raw HTML \`<form>\` dropped, its text kept`,
    `${first}:22: warning: raw HTML \`<label>\` dropped, its text kept`,
    `${first}:34: warning: raw HTML \`<input>\` dropped with its content`,
    `${first}:58: warning: raw HTML \`<button>\` dropped, its text kept`,
    `${first + 2}:1: warning: raw HTML \`<table>\` dropped, its text kept`,
    `${first + 2}:8: warning: raw HTML \`<tr>\` dropped, its text kept`,
    `${first + 2}:12: warning: raw HTML \`<td>\` dropped, its text kept`,
    `${first + 4}:1: warning: raw HTML \`<h2>\` dropped, its text kept`,
    `${first + 6}:9: warning: raw HTML \`<font>\` dropped, its text kept`,
    `${first + 6}:42: warning: raw HTML \`<img>\` dropped (images are written \`![alt](file)\` in Markdown), its alt text kept`,
  ])
})

test('event handler and style attributes and javascript: links never reach the model, each with a warning', async () => {
  const { blocks, warnings } = await blocksOf(
    '<b onclick="steal()" style="color:red">bold</b> <a href="javascript:steal()" onmouseover="steal()">click</a> <a href=" JavaScript:steal()">again</a> <a href="data:text/html,x">data</a>',
  )
  assert.deepEqual(onlyParagraph(blocks), [{ type: 'strong', children: [text('bold')] }, text(' click again data')])
  assert.ok(!JSON.stringify(blocks).includes('steal'))
  assert.deepEqual(warnings, [
    `${first}:1: warning: attribute \`onclick\` of raw HTML \`<b>\` dropped`,
    `${first}:1: warning: attribute \`style\` of raw HTML \`<b>\` dropped`,
    `${first}:49: warning: attribute \`onmouseover\` of raw HTML \`<a>\` dropped`,
    `${first}:49: warning: link to a \`javascript:\` URL in raw HTML dropped, its text kept`,
    `${first}:150: warning: link to a \`data:\` URL in raw HTML dropped, its text kept`,
  ])
})

test('one warning per kind of element per block', async () => {
  const { warnings } = await blocksOf('<font>a</font> <font>b</font> <script>x</script> <script>y</script>\n\n<font>c</font>')
  assert.deepEqual(warnings, [
    `${first}:1: warning: raw HTML \`<font>\` dropped, its text kept`,
    `${first}:31: warning: raw HTML \`<script>\` dropped with its content`,
    `${first + 2}:1: warning: raw HTML \`<font>\` dropped, its text kept`,
  ])
})

test('HTML comments are dropped silently, inline and as blocks', async () => {
  const { blocks, warnings } = await blocksOf('Some text.<!-- a note -->\n\n<!--\nhidden\n-->\n\nMore <!-- -- --> text.')
  assert.equal(blockText(blocks), 'Some text.\nMore text.')
  assert.deepEqual(warnings, [])
})

test('raw HTML nested thousands deep is no crash: flattened past the nesting limit, text only past the parser’s', async () => {
  const quotes = await blocksOf(`${'<blockquote>'.repeat(100)}deep${'</blockquote>'.repeat(100)}`)
  assert.equal(blockText(quotes.blocks), 'deep')
  assert.match(quotes.warnings.join('\n'), /nested deeper than 32 levels: flattened/)

  const bold = await blocksOf(`x ${'<b>'.repeat(3000)}deep${'</b>'.repeat(3000)} y`)
  assert.equal(blockText(bold.blocks), 'x deep y')
  assert.match(bold.warnings.join('\n'), /nested more than 500 elements deep: only its text kept/)

  const divs = await blocksOf(`${'<div>'.repeat(5000)}deep text${'</div>'.repeat(5000)}`)
  assert.equal(blockText(divs.blocks), 'deep text')
})

test('links to javascript: or data: URLs in Markdown are not links either; their text stays', async () => {
  const result = await loadText(`${matter}[click](javascript:alert(1)) and [data](data:text/html,x) and [ok](https://example.com).\n`)
  const paragraph = bookOf(result).chapters[0]!.blocks[0]!
  assert.ok(paragraph.type === 'paragraph')
  assert.deepEqual(paragraph.children.map((inline) => inline.type), ['text', 'link', 'text'])
  assert.equal(result.warnings.length, 2)
  assert.match(result.warnings[0]!, /link to a `javascript:` URL dropped/)
})

test('a link never holds a link: an anchor inside a Markdown link, or Markdown links and addresses inside an anchor, give their text', async () => {
  const { blocks } = await blocksOf('<a href="https://a.example">www.example.com and [md](https://b.example)</a> and [x <a href="https://c.example">y</a>](https://d.example)')
  assert.deepEqual(bare(onlyParagraph(blocks)), [
    { type: 'link', url: 'https://a.example', children: [text('www.example.com and md')] },
    text(' and '),
    { type: 'link', url: 'https://d.example', children: [text('x y')] },
  ])
})
