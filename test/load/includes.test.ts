/**
 * mdBook's includes, expanded before a chapter is parsed: line ranges,
 * anchors, rustdoc's hidden lines, the playground, escapes, nesting; an
 * include that reaches outside the book refused at its place; and messages
 * after includes still pointing at the chapter's own lines.
 */
import assert from 'node:assert/strict'
import { symlink } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it, test } from 'node:test'
import { Diagnostics, formatMessage } from '../../src/diagnostics.js'
import { expandIncludes, parseSelector } from '../../src/load/includes.js'
import type { Block, Book, Chapter, CodeBlock } from '../../src/model/book.js'
import { blockText } from '../../src/model/text.js'
import { visibleRustLines } from '../../src/transform/hidden-code-lines.js'
import { bookOf, fixtures, load, manuscriptFolder, type LoadResult } from './support.js'

/** The code blocks of a chapter, in order. */
function codeBlocks(chapter: Chapter): CodeBlock[] {
  return chapter.blocks.filter((block): block is CodeBlock => block.type === 'code')
}

describe('includes in the mdBook fixture', () => {
  const folder = path.join(fixtures, 'mdbook')
  let result: LoadResult
  let book: Book
  let ownership: Chapter
  before(async () => {
    result = await load(folder)
    book = bookOf(result)
    ownership = book.chapters.find((chapter) => chapter.title === 'Understanding ownership')!
  })

  it('gives the whole file, ranges and anchors, without anchor lines', () => {
    const code = codeBlocks(ownership).map((block) => block.value)
    const main = 'fn main() {\n    println!("Hello, world!");\n}'
    assert.equal(code[0], `use std::io;\n\n${main}`, 'the whole file')
    assert.equal(code[1], main, 'lines 5 to 7')
    assert.equal(code[2], 'use std::io;\n', 'lines 1 to 4, the two anchor lines among them left out')
    assert.equal(code[3], '    println!("Hello, world!");\n}', 'line 6 to the end')
    assert.equal(code[4], main, 'between `ANCHOR: main` and `ANCHOR_END: main`')
    const inline = ownership.blocks.find((block) => block.type === 'paragraph' && blockText([block]).startsWith('Line two alone'))!
    assert.equal(blockText([inline]), 'Line two alone: use std::io;. Up to line four:')
  })

  it('keeps the lines outside a rustdoc_include hidden, so only the anchored lines show', () => {
    assert.equal(codeBlocks(ownership)[5]!.value, '    fn area(&self) -> f64 {\n        self.0 * self.0\n    }')
  })

  it('sets a playground file as a Rust code block', () => {
    const playground = codeBlocks(ownership)[6]!
    assert.equal(playground.lang, 'rust')
    assert.equal(playground.value, 'fn main() {\n    let name = "reader";\n    println!("Hello, {name}!");\n}')
  })

  it('expands an included file’s own includes, relative to it', () => {
    const quote = ownership.blocks.find((block) => block.type === 'blockquote')!
    assert.equal(blockText([quote]), 'The listings live beside the book’s sources; this note itself is included, and includes the listing’s line two: use std::io;.')
  })

  it('refuses the include that reaches outside the book, at its line and column, and reads nothing there', () => {
    const place = `${path.join(folder, 'src/part-two/ownership.md')}:45:54`
    assert.ok(result.warnings.includes(`${place}: warning: include ../../../mdbook-outside.txt reaches outside the book's folder: left out`), result.warnings.join('\n'))
    const text = ownership.blocks.map((block) => blockText([block])).join('\n')
    assert.match(text, /An include that reaches outside the book is refused:\n/)
    assert.doesNotMatch(text, /no include may read it|mdbook-outside/)
  })

  it('writes an escaped directive as it stands, without its backslash', () => {
    assert.ok(ownership.blocks.some((block) => blockText([block]) === 'Written as it stands: {{#include ../../listings/hello.rs}}'))
  })

  it('points later messages at the chapter’s own lines, after the includes', () => {
    assert.ok(result.warnings.includes(`${path.join(folder, 'src/part-two/ownership.md')}:53:1: warning: footnote [^unused] is never called: its text is left out`), result.warnings.join('\n'))
    // Blocks after the includes carry their place in the file as written.
    const last = ownership.blocks.at(-1)!
    assert.deepEqual([last.place?.line, last.place?.column], [49, 1])
    // A block that came whole from an include stands where its directive does.
    const quote = ownership.blocks.find((block) => block.type === 'blockquote')!
    assert.deepEqual([quote.place?.line, quote.place?.column], [43, 1])
  })
})

test('rustdoc’s hidden lines: `# ` and a lone `#` hide, `##` writes a `#`, attributes stay', () => {
  assert.equal(visibleRustLines('# fn main() {\n#\n    #  indented hidden\nlet x = 1;\n#[derive(Debug)]\n#![allow(unused)]\n## literal\n# }'), 'let x = 1;\n#[derive(Debug)]\n#![allow(unused)]\n# literal')
})

test('hidden lines go in Rust code only, with mdBook’s attributes after the language', async () => {
  const folder = await manuscriptFolder({
    'book.md': '```rust,no_run\n# use std::io;\nfn f() {}\n```\n\n```python\n# a Python comment\n```\n\n```\n# a heading?\n```\n',
  })
  const blocks = bookOf(await load(path.join(folder, 'book.md'))).chapters[0]!.blocks as CodeBlock[]
  assert.deepEqual(
    blocks.map((block) => [block.lang ?? null, block.value]),
    [
      ['rust', 'fn f() {}'],
      ['python', '# a Python comment'],
      [null, '# a heading?'],
    ],
  )
  assert.ok(blocks[0]!.tokens, 'highlighted as Rust')
})

test('line selectors, as mdBook reads them', () => {
  const all = { kind: 'lines', start: 1, end: Number.POSITIVE_INFINITY }
  assert.deepEqual(parseSelector(undefined), all)
  assert.deepEqual(parseSelector('3'), { kind: 'lines', start: 3, end: 3 })
  assert.deepEqual(parseSelector('3:5'), { kind: 'lines', start: 3, end: 5 })
  assert.deepEqual(parseSelector(':5'), { kind: 'lines', start: 1, end: 5 })
  assert.deepEqual(parseSelector('3:'), { kind: 'lines', start: 3, end: Number.POSITIVE_INFINITY })
  assert.deepEqual(parseSelector('3:x'), { kind: 'lines', start: 3, end: Number.POSITIVE_INFINITY })
  assert.deepEqual(parseSelector(''), all)
  assert.deepEqual(parseSelector('name'), { kind: 'anchor', name: 'name' })
})

describe('includes that cannot be served', () => {
  /** Expand `text` as the content of `book/chapter.md` in a folder of `files`; the result and the messages. */
  async function expand(files: Record<string, string>, text: string): Promise<{ text: string; messages: string[] }> {
    const folder = await manuscriptFolder({ ...files, 'book/chapter.md': text })
    const root = path.join(folder, 'book')
    const diag = new Diagnostics()
    const file = { path: path.join(root, 'chapter.md'), display: 'book/chapter.md' }
    const expanded = await expandIncludes(text, file, { root, rootDisplay: 'book', diag })
    return { text: expanded.text, messages: diag.messages.map(formatMessage) }
  }

  it('warns at a missing file and goes on without it', async () => {
    const result = await expand({}, 'A\n\nx {{#include gone.txt}} y\n')
    assert.equal(result.text, 'A\n\nx  y\n')
    assert.deepEqual(result.messages, ['book/chapter.md:3:3: warning: included file not found: book/gone.txt'])
  })

  it('refuses a file that includes itself, through others or directly, and stops at depth ten', async () => {
    const cycle = await expand({ 'book/a.md': 'a[{{#include b.md}}]', 'book/b.md': 'b[{{#include a.md}}]' }, '{{#include a.md}}')
    assert.equal(cycle.text, 'a[b[]]')
    assert.deepEqual(cycle.messages, ['book/b.md:1:3: warning: a.md includes itself through one other file: left out'])
    const itself = await expand({}, 'x{{#include chapter.md}}y')
    assert.equal(itself.text, 'xy')
    assert.match(itself.messages[0]!, /book\/chapter\.md:1:2: warning: chapter\.md includes itself: left out/)
    const chain: Record<string, string> = {}
    for (let n = 0; n < 12; n++) chain[`book/${n}.md`] = `${n}{{#include ${n + 1}.md}}`
    chain['book/12.md'] = 'end'
    const deep = await expand(chain, '{{#include 0.md}}')
    assert.equal(deep.text, '0123456789')
    assert.deepEqual(deep.messages, ['book/9.md:1:2: warning: includes nested deeper than 10: 10.md left out'])
  })

  it('refuses a symbolic link that leads out of the book', async () => {
    const folder = await manuscriptFolder({ 'secret.txt': 'secret', 'book/chapter.md': '{{#include link.txt}}' })
    await symlink(path.join(folder, 'secret.txt'), path.join(folder, 'book/link.txt'))
    const diag = new Diagnostics()
    const root = path.join(folder, 'book')
    const expanded = await expandIncludes('{{#include link.txt}}', { path: path.join(root, 'chapter.md'), display: 'chapter.md' }, { root, rootDisplay: 'book', diag })
    assert.equal(expanded.text, '')
    assert.match(formatMessage(diag.messages[0]!), /chapter\.md:1:1: warning: include link\.txt leads outside the book's folder/)
  })

  it('names an anchor that is not there, leaves an unknown directive as written, takes out {{#title}}', async () => {
    const result = await expand({ 'book/code.rs': 'fn f() {}\n' }, '{{#include code.rs:nowhere}}|{{#index_of things}}|{{#title A web page}}')
    assert.equal(result.text, '|{{#index_of things}}|', 'mdBook’s {{#title}} names its web page only')
    assert.deepEqual(result.messages, [
      'book/chapter.md:1:1: warning: no `ANCHOR: nowhere` in code.rs: nothing included',
      'book/chapter.md:1:30: warning: unknown directive `{{#index_of}}`: left as written',
    ])
  })
})

test('a single-file manuscript includes too, from its own folder', async () => {
  const folder = await manuscriptFolder({ 'article.md': '# Title\n\nSee:\n\n```rust\n{{#include code/x.rs:2}}\n```\n', 'code/x.rs': 'fn a() {}\nfn b() {}\n' })
  const blocks: Block[] = bookOf(await load(path.join(folder, 'article.md'))).chapters[0]!.blocks
  assert.equal((blocks.find((block) => block.type === 'code') as CodeBlock).value, 'fn b() {}')
})
