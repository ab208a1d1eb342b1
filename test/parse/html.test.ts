import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import type { Anchor, Block, Inline, Link, TableCell } from '../../src/model/book.js'
import { blockText } from '../../src/model/text.js'
import { forEachInline } from '../../src/model/walk.js'
import { mdastToModel, parseMarkdown } from '../../src/parse/index.js'
import { bookOf, failure, fixtures, load, loadText, manuscriptFolder } from '../load/support.js'

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

/** A copy without the places of blocks and links (and code's highlighting), for comparing structure. */
function strip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'place' || key === 'tokens' ? undefined : inner))) as T
}

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
    assert.deepEqual(strip(onlyParagraph(blocks)), [text('a '), expected, text(' b')], html)
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

test('details and summary become a disclosure: the summary’s inlines, the body’s blocks, Markdown between HTML blocks converted', async () => {
  const { blocks, warnings } = await blocksOf('<details>\n<summary>More <i>here</i></summary>\n\nHidden *text*.\n\n- a list\n\n</details>\n\nAfter.')
  assert.deepEqual(warnings, [])
  assert.deepEqual(
    blocks.map((block) => block.type),
    ['details', 'paragraph'],
  )
  const details = blocks[0]!
  assert.ok(details.type === 'details')
  assert.deepEqual(details.summary, [text('More '), { type: 'emphasis', children: [text('here')] }])
  assert.deepEqual(
    details.children.map((block) => block.type),
    ['paragraph', 'list'],
  )
  assert.equal(blockText(blocks), 'More here\nHidden text.\na list\nAfter.')
  assert.deepEqual(details.place, { file: details.place!.file, line: first, column: 1 })
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
      '<marquee>Moving</marquee>',
      '',
      'Text in <font color="red">red</font> and <blink>blinking</blink>.',
    ].join('\n'),
  )
  assert.equal(blockText(blocks), 'Name Send\nMoving\nText in red and blinking.')
  assert.deepEqual(warnings, [
    `${first}:1: warning: raw HTML \`<form>\` dropped, its text kept`,
    `${first}:22: warning: raw HTML \`<label>\` dropped, its text kept`,
    `${first}:34: warning: raw HTML \`<input>\` dropped with its content`,
    `${first}:58: warning: raw HTML \`<button>\` dropped, its text kept`,
    `${first + 2}:1: warning: raw HTML \`<marquee>\` dropped, its text kept`,
    `${first + 4}:9: warning: raw HTML \`<font>\` dropped, its text kept`,
    `${first + 4}:42: warning: raw HTML \`<blink>\` dropped, its text kept`,
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

// ---------------------------------------------------------------------------
// The HTML GitHub renders, as the model's own nodes

const cell = (children: Inline[], extra: Partial<TableCell> = {}): TableCell => ({ children, ...extra })

test('a table of th and td rows (as the Node.js docs write them) becomes a table, its leading th row the header', async () => {
  const { blocks, warnings } = await blocksOf(
    [
      '<table>',
      '  <tr>',
      '    <th>Constant</th>',
      '    <th>Description</th>',
      '  </tr>',
      '  <tr>',
      '    <td><code>F_OK</code></td>',
      '    <td>Flag indicating that the file is visible',
      '     to the calling process.</td>',
      '  </tr>',
      '</table>',
    ].join('\n'),
  )
  assert.deepEqual(warnings, [])
  assert.deepEqual(strip(blocks), [
    {
      type: 'table',
      align: [null, null],
      headerRows: 1,
      rows: [
        [cell([text('Constant')]), cell([text('Description')])],
        [cell([{ type: 'inlineCode', value: 'F_OK' }]), cell([text('Flag indicating that the file is visible to the calling process.')])],
      ],
    },
  ])
  assert.deepEqual(blocks[0]!.place, { file: blocks[0]!.place!.file, line: first, column: 1 })
})

test('a table’s sections, spans and alignments are kept: thead first, tfoot last, a column aligned when its cells agree', async () => {
  const { blocks, warnings } = await blocksOf(
    [
      '<table id="support">',
      '<caption>Platforms</caption>',
      '<tfoot><tr><td colspan="3">Checked <b>weekly</b>.</td></tr></tfoot>',
      '<thead><tr><th align="left">Platform</th><th colspan="2">Support</th></tr></thead>',
      '<tbody>',
      '<tr><th rowspan="2">Linux</th><td align="right">x64</td><td align="RIGHT">yes</td></tr>',
      '<tr align="right"><td>arm64</td><td style="text-align: right">yes</td></tr>',
      '<tr><th>Windows</th><td align="right" style="color: red">x64</td><td align="center">no</td></tr>',
      '</tbody>',
      '</table>',
    ].join('\n'),
  )
  assert.deepEqual(strip(blocks), [
    // The table's id leads to its top: its caption.
    { type: 'paragraph', align: 'center', anchors: ['support'], children: [text('Platforms')] },
    {
      type: 'table',
      align: [null, 'right', null],
      headerRows: 1,
      rows: [
        [cell([text('Platform')], { align: 'left' }), cell([text('Support')], { colspan: 2 })],
        [cell([{ type: 'strong', children: [text('Linux')] }], { rowspan: 2 }), cell([text('x64')], { align: 'right' }), cell([text('yes')], { align: 'right' })],
        [cell([text('arm64')], { align: 'right' }), cell([text('yes')], { align: 'right' })],
        [cell([{ type: 'strong', children: [text('Windows')] }]), cell([text('x64')], { align: 'right' }), cell([text('no')], { align: 'center' })],
        [cell([text('Checked '), { type: 'strong', children: [text('weekly')] }, text('.')], { colspan: 3 })],
      ],
    },
  ])
  // A style that only aligns is kept as the alignment; one that does more is reported.
  assert.deepEqual(warnings, [`${first + 7}:21: warning: attribute \`style\` of raw HTML \`<td>\` dropped`])
})

test('a col’s alignment aligns its column; cells holding blocks give their lines, Markdown included', async () => {
  const { blocks } = await blocksOf(
    ['<table>', '<col><col align="right">', '<tr><td>', '', '**Bold** Markdown', '', '</td><td><p>one</p><p>two</p></td></tr>', '</table>'].join('\n'),
  )
  const table = blocks[0]!
  assert.ok(table.type === 'table')
  assert.deepEqual(table.align, [null, 'right'])
  assert.equal(table.headerRows, 0)
  assert.deepEqual(strip(table.rows), [[cell([{ type: 'strong', children: [text('Bold')] }, text(' Markdown')]), cell([text('one'), { type: 'break' }, text('two')])]])
})

test('a definition list keeps its items: several terms, several details, blocks in the details', async () => {
  const { blocks, warnings } = await blocksOf(
    [
      '<dl>',
      '  <dt>Module</dt>',
      '  <dd>A file of code.</dd>',
      '  <dt id="pkg">Package</dt>',
      '  <dt><i>Library</i></dt>',
      '  <dd>A folder of modules.</dd>',
      '  <dd><p>Published.</p><ul><li>versioned</li></ul></dd>',
      '</dl>',
    ].join('\n'),
  )
  assert.deepEqual(warnings, [])
  assert.deepEqual(strip(blocks), [
    {
      type: 'definitionList',
      items: [
        { terms: [[text('Module')]], details: [[{ type: 'paragraph', children: [text('A file of code.')] }]] },
        {
          terms: [[{ type: 'anchor', id: 'pkg' }, text('Package')], [{ type: 'emphasis', children: [text('Library')] }]],
          details: [
            [{ type: 'paragraph', children: [text('A folder of modules.')] }],
            [
              { type: 'paragraph', children: [text('Published.')] },
              { type: 'list', ordered: false, start: 1, spread: false, items: [{ checked: null, children: [{ type: 'paragraph', children: [text('versioned')] }] }] },
            ],
          ],
        },
      ],
    },
  ])
  assert.equal(blockText(blocks), 'Module\nA file of code.\nPackage\nLibrary\nA folder of modules.\nPublished.\nversioned')
})

test('p, div and h1–h6 keep their alignment; a div aligns the Markdown in it; a raw heading is a heading', async () => {
  const { blocks, warnings } = await blocksOf(
    [
      '<p align="center">Centred.</p>',
      '',
      '<p style="text-align: right">Right.</p>',
      '',
      '<div align="center">',
      '',
      '## Markdown heading',
      '',
      'Markdown *text*.',
      '',
      '<p align="left">Its own.</p>',
      '',
      '- in a list',
      '</div>',
      '',
      '<h3 align="right">Raw <em>heading</em></h3>',
      '',
      '<center>Old style.</center>',
    ].join('\n'),
  )
  assert.deepEqual(warnings, [])
  assert.deepEqual(
    strip(blocks).map((block) => [block.type, 'align' in block ? block.align : undefined, blockText([block])]),
    [
      ['paragraph', 'center', 'Centred.'],
      ['paragraph', 'right', 'Right.'],
      ['heading', 'center', 'Markdown heading'],
      ['paragraph', 'center', 'Markdown text.'],
      ['paragraph', 'left', 'Its own.'],
      ['list', undefined, 'in a list'],
      ['heading', 'right', 'Raw heading'],
      ['paragraph', 'center', 'Old style.'],
    ],
  )
  const list = blocks[5]!
  assert.ok(list.type === 'list')
  assert.equal((list.items[0]!.children[0] as { align?: string }).align, 'center', 'the div aligns what it holds at every depth')
  const raw = blocks[6]!
  assert.ok(raw.type === 'heading')
  assert.equal(raw.depth, 3)
  assert.equal(raw.slugText, 'Raw heading')
})

test('an id on a raw heading is its own id, kept as written', async () => {
  const tree = parseMarkdown('<h2 id="Install-Steps" align="center">Install <code>it</code></h2>\n', 'book.md').tree
  const { blocks } = await mdastToModel(tree, 'book.md', new Diagnostics(), { resolve: () => ({ kind: 'remote' }) })
  assert.deepEqual(strip(blocks), [{ type: 'heading', depth: 2, id: 'Install-Steps', explicitId: true, slugText: 'Install it', align: 'center', children: [text('Install '), { type: 'inlineCode', value: 'it' }] }])
})

test('anchors: one standing alone leads to the next block (or the last, ending a container); in a line, it stays there', async () => {
  const { blocks, warnings } = await blocksOf(
    [
      '<a id="DEP0001"></a>',
      '<a name="old-name"></a>',
      '',
      '### DEP0001: `flush`',
      '',
      'Text with <a name="inline"></a>an anchor and <a id="both" href="#DEP0001">a link</a>, <span id="span">a span</span>.',
      '',
      '<div id="box"><p>In a box.</p></div>',
      '',
      '> Quoted.',
      '>',
      '> <a id="end-of-quote"></a>',
      '',
      '<ul><li id="item">An item</li></ul>',
    ].join('\n'),
  )
  assert.deepEqual(warnings, [])
  const [heading, paragraph, box, quote, list] = blocks
  assert.deepEqual(heading?.anchors, ['DEP0001', 'old-name'])
  assert.ok(heading?.type === 'heading')
  assert.ok(paragraph?.type === 'paragraph')
  assert.deepEqual(strip(paragraph.children), [
    text('Text with '),
    { type: 'anchor', id: 'inline' },
    text('an anchor and '),
    { type: 'anchor', id: 'both' },
    { type: 'link', url: '#DEP0001', target: { kind: 'internal', chapter: 'chapter-1', id: 'DEP0001' }, children: [text('a link')] },
    text(', '),
    { type: 'anchor', id: 'span' },
    text('a span.'),
  ])
  assert.deepEqual(box?.anchors, ['box'])
  assert.ok(quote?.type === 'blockquote')
  assert.equal(quote.children.length, 1)
  assert.deepEqual(quote.children[0]!.anchors, ['end-of-quote'])
  assert.ok(list?.type === 'list')
  assert.deepEqual(list.items[0]!.children[0]!.anchors, ['item'])
})

test('a raw link and an anchor in a line have their places: the line and column of the tag', async () => {
  const { blocks } = await blocksOf('One <a href="https://example.com/">link</a>,\nand <a\nhref="#here">another</a>.\n\n<p>In <a href="#there">a block</a> <a name="here"></a>and <span id="there">here</span>.</p>')
  const links: Link[] = []
  const anchors: Anchor[] = []
  forEachInline(blocks, (inline) => {
    if (inline.type === 'link') links.push(inline)
    if (inline.type === 'anchor') anchors.push(inline)
  })
  assert.deepEqual(
    anchors.map((anchor) => [anchor.id, anchor.place?.line, anchor.place?.column]),
    [
      ['here', first + 4, 36],
      ['there', first + 4, 59],
    ],
  )
  assert.deepEqual(
    links.map((link) => [link.url, link.place?.line, link.place?.column]),
    [
      ['https://example.com/', first, 5],
      ['#here', first + 1, 5],
      ['#there', first + 4, 7],
    ],
  )
})

test('an image in raw HTML: a figure standing alone, an inline image in a line, its size kept; remote, its alt text with a warning', async () => {
  const folder = await manuscriptFolder({
    'book.md': [
      `${matter}<p align="center">`,
      '  <img src="art/logo.png" alt="The logo" width="240">',
      '</p>',
      '',
      '<img src="art/logo.png" alt="Half" width="50%" id="half">',
      '',
      'An icon <img src="art/logo.png" alt="icon" height="12px"> in a line, and a <img src="https://example.com/badge.svg" alt="build passing"> badge.',
      '',
      '<img src="art/logo.png"\n     alt="Across lines" width="120">',
      '',
      '<img src="art/logo.png" alt="Styled" style="width: 30%; height: 100px">',
    ].join('\n'),
    'art/logo.png': await readFile(path.join(fixtures, 'images/diagram.png')),
  })
  const result = await load(path.join(folder, 'book.md'))
  const blocks = bookOf(result).chapters[0]!.blocks
  const asset = bookOf(result).assets[0]!.id
  assert.deepEqual(strip(blocks), [
    { type: 'figure', asset, alt: 'The logo', width: { value: 240, unit: 'px' } },
    { type: 'figure', asset, alt: 'Half', width: { value: 50, unit: '%' }, anchors: ['half'] },
    {
      type: 'paragraph',
      children: [text('An icon '), { type: 'image', asset, alt: 'icon', height: 12 }, text(' in a line, and a build passing badge.')],
    },
    { type: 'figure', asset, alt: 'Across lines', width: { value: 120, unit: 'px' } },
    // A size in the style is a size too: no warning for it.
    { type: 'figure', asset, alt: 'Styled', width: { value: 30, unit: '%' } },
  ])
  assert.deepEqual(
    result.warnings.map((warning) => warning.replace(/^.*book\.md:/, '')),
    [`${first + 6}:76: warning: image https://example.com/badge.svg is not a local file: set as its alt text (Octavo never downloads)`],
  )
})

test('a missing image file in raw HTML stops the build at its line, as in Markdown', async () => {
  const result = await loadText(`${matter}Text.\n\n<p><img src="nowhere.png" alt="x"></p>\n`)
  assert.match(failure(result), /book\.md:8:4: error: image file not found: nowhere\.png/)
})

test('figure and figcaption: a figure with its caption; hr a section break', async () => {
  const folder = await manuscriptFolder({
    'book.md': `${matter}<figure>\n<img src="logo.png" alt="Logo">\n<figcaption>The <i>logo</i>.</figcaption>\n</figure>\n\n<hr>\n`,
    'logo.png': await readFile(path.join(fixtures, 'images/diagram.png')),
  })
  const blocks = bookOf(await load(path.join(folder, 'book.md'))).chapters[0]!.blocks
  assert.deepEqual(
    strip(blocks).map((block) => block.type),
    ['figure', 'thematicBreak'],
  )
  assert.ok(blocks[0]!.type === 'figure')
  assert.deepEqual(blocks[0]!.caption, [text('The '), { type: 'emphasis', children: [text('logo')] }, text('.')])
})

test('GitHub’s alerts in five kinds become alerts, their marker gone and their label in the book’s language', async () => {
  const kinds = ['NOTE', 'tip', 'Important', 'WARNING', 'caution']
  const markdown = kinds.map((kind) => `> [!${kind}]\n> The ${kind.toLowerCase()} text.`).join('\n\n')
  const { blocks, warnings } = await blocksOf(markdown)
  assert.deepEqual(warnings, [])
  assert.deepEqual(strip(blocks), [
    { type: 'alert', kind: 'note', label: 'Note', children: [{ type: 'paragraph', children: [text('The note text.')] }] },
    { type: 'alert', kind: 'tip', label: 'Tip', children: [{ type: 'paragraph', children: [text('The tip text.')] }] },
    { type: 'alert', kind: 'important', label: 'Important', children: [{ type: 'paragraph', children: [text('The important text.')] }] },
    { type: 'alert', kind: 'warning', label: 'Warning', children: [{ type: 'paragraph', children: [text('The warning text.')] }] },
    { type: 'alert', kind: 'caution', label: 'Caution', children: [{ type: 'paragraph', children: [text('The caution text.')] }] },
  ])
  const french = await loadText('---\ntitle: T\nlang: fr-CA\n---\n\n> [!WARNING]\n> Attention.\n')
  const alert = bookOf(french).chapters[0]!.blocks[0]!
  assert.ok(alert.type === 'alert')
  assert.equal(alert.label, 'Avertissement')
})

test('an alert’s marker may end in a hard break or stand alone above blocks; GitHub’s other quotes stay quotes', async () => {
  const { blocks } = await blocksOf(
    [
      '> [!NOTE]  ',
      '> After a hard break.',
      '',
      '> [!TIP]',
      '>',
      '> - a list',
      '',
      '> [!NOTE] On the marker’s line.',
      '',
      '> [!UNKNOWN]',
      '> Not a kind.',
      '',
      '> [!NOTE]',
      '',
      '- > [!NOTE]',
      '  > In a list.',
    ].join('\n'),
  )
  assert.deepEqual(
    blocks.map((block) => block.type),
    ['alert', 'alert', 'blockquote', 'blockquote', 'blockquote', 'list'],
  )
  assert.equal(blockText(blocks.slice(0, 2)), 'Note\nAfter a hard break.\nTip\na list')
  assert.equal(blockText(blocks.slice(2, 4)), '[!NOTE] On the marker’s line.\n[!UNKNOWN] Not a kind.')
})

test('emoji shortcodes become emoji in text, Markdown’s and raw HTML’s, never in code; unknown ones stay', async () => {
  const { blocks } = await blocksOf(
    ['Ship it :rocket: :+1: :no_such_emoji: `:rocket:`', '', '```', ':tada:', '```', '', '<p>Raw :tada: and <code>:tada:</code> <kbd>:tada:</kbd></p>'].join('\n'),
  )
  assert.deepEqual(strip(blocks), [
    { type: 'paragraph', children: [text('Ship it 🚀 👍 :no_such_emoji: '), { type: 'inlineCode', value: ':rocket:' }] },
    { type: 'code', value: ':tada:' },
    { type: 'paragraph', children: [text('Raw 🎉 and '), { type: 'inlineCode', value: ':tada:' }, text(' '), { type: 'styled', style: 'keyboard', children: [text('🎉')] }] },
  ])
})

test('what raw HTML still loses is named with its line: forms, scripts, frames, unknown elements', async () => {
  const { warnings } = await blocksOf(
    ['<table><tr><td><input type="checkbox"> done</td></tr></table>', '', '<details><summary>S</summary><script>x()</script>body</details>'].join('\n'),
  )
  assert.deepEqual(warnings, [`${first}:16: warning: raw HTML \`<input>\` dropped with its content`, `${first + 2}:30: warning: raw HTML \`<script>\` dropped with its content`])
})

test('an element dropped for its tag keeps its id with its content', async () => {
  const { blocks, warnings } = await blocksOf('<section id="intro"><p>Opening.</p></section>\n\nA <font id="mark">word</font>.')
  assert.deepEqual(blocks[0]!.anchors, ['intro'])
  assert.deepEqual(strip(onlyParagraph(blocks.slice(1))), [text('A '), { type: 'anchor', id: 'mark' }, text('word.')])
  assert.equal(warnings.length, 2)
})

test('Markdown between the HTML blocks of a table, outside its cells, stands before the table, as a browser puts it', async () => {
  // CommonMark's example 191: the indented cell is a code block.
  const { blocks } = await blocksOf('<table>\n\n  <tr>\n\n    <td>\n      Hi\n    </td>\n\n  </tr>\n\n</table>')
  assert.deepEqual(strip(blocks), [{ type: 'code', value: '<td>\n  Hi\n</td>' }])
  const filled = await blocksOf('<table><tr><td>cell</td></tr>\n\nA *stray* paragraph.\n\n</table>')
  assert.deepEqual(
    filled.blocks.map((block) => block.type),
    ['paragraph', 'table'],
  )
})

test('a picture is its img: the sources for other screens go without a word', async () => {
  const folder = await manuscriptFolder({
    'book.md': `${matter}<p align="center">\n<picture>\n  <source media="(prefers-color-scheme: dark)" srcset="logo-dark.png">\n  <img alt="The logo" src="logo.png" width="200">\n</picture>\n</p>\n`,
    'logo.png': await readFile(path.join(fixtures, 'images/diagram.png')),
  })
  const result = await load(path.join(folder, 'book.md'))
  assert.deepEqual(result.warnings, [])
  const blocks = bookOf(result).chapters[0]!.blocks
  assert.deepEqual(strip(blocks), [{ type: 'figure', asset: bookOf(result).assets[0]!.id, alt: 'The logo', width: { value: 200, unit: 'px' } }])
})

test('an id with white space in it is no link target: dropped, with a warning', async () => {
  const { blocks, warnings } = await blocksOf('Text <a name="has space">here</a> and <span id=" ok ">there</span>.')
  assert.deepEqual(strip(onlyParagraph(blocks)), [text('Text here and '), { type: 'anchor', id: 'ok' }, text('there.')])
  assert.deepEqual(warnings, [`${first}:6: warning: \`name="has space"\` of raw HTML \`<a>\` dropped: a link target cannot hold white space`])
})
