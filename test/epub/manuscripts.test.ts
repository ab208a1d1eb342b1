/**
 * EPUBs made from manuscripts through the loader: raw HTML of every kind,
 * highlighted code, the manuscript's own cover. Each is checked by EPUBCheck
 * (side by side, so the file stays fast) and read back.
 */
import assert from 'node:assert/strict'
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import JSZip from 'jszip'
import { Diagnostics } from '../../src/diagnostics.js'
import { writeEpub } from '../../src/epub/index.js'
import { loadBook } from '../../src/load/index.js'
import type { Book } from '../../src/model/book.js'
import { defaultTheme } from '../../src/theme/index.js'
import { epubcheck, root, tempDir, type EpubcheckResult } from '../support/tools.js'

const fixtures = path.join(root, 'test/fixtures')

interface Built {
  book: Book
  diag: Diagnostics
  zip: JSZip
  files: Map<string, string>
  check: Promise<EpubcheckResult>
}

async function build(manuscript: string, out: string): Promise<Built> {
  const diag = new Diagnostics()
  const book = await loadBook(manuscript, diag)
  const bytes = await writeEpub(book, defaultTheme, diag)
  await writeFile(out, bytes)
  const zip = await JSZip.loadAsync(bytes)
  const files = new Map<string, string>()
  for (const entry of Object.values(zip.files)) {
    if (/\.(xhtml|opf|ncx|css|svg)$/.test(entry.name)) files.set(entry.name, await entry.async('string'))
  }
  return { book, diag, zip, files, check: epubcheck(out) }
}

function documents(built: Built): string[] {
  return [...built.files].filter(([name]) => name.endsWith('.xhtml')).map(([, xhtml]) => xhtml)
}

describe('EPUBs from manuscripts', () => {
  let raw: Built
  let covered: Built
  const coverSource = path.join(fixtures, 'images/photo.jpg')

  before(async () => {
    const dir = await tempDir('octavo-epub-manuscripts-')
    const book = path.join(dir, 'covered')
    await mkdir(path.join(book, 'art'), { recursive: true })
    await copyFile(coverSource, path.join(book, 'art/front.jpg'))
    await writeFile(
      path.join(book, 'covered.md'),
      '---\ntitle: A Covered Book\nauthor: Cora Ver\nlang: en\ncover: art/front.jpg\n---\n\nThe text of a book with its own cover.\n\n```rust\nfn main() { println!("{}", 42); }\n```\n',
    )
    ;[raw, covered] = await Promise.all([build(path.join(fixtures, 'raw-html.md'), path.join(dir, 'raw-html.epub')), build(path.join(book, 'covered.md'), path.join(dir, 'covered.epub'))])
  })

  it('passes EPUBCheck with 0 errors and 0 warnings, raw HTML and all', async () => {
    for (const [name, built] of [['raw-html', raw], ['covered', covered]] as const) {
      const result = await built.check
      assert.deepEqual(result.problems, [], name)
      assert.equal(result.code, 0, name)
    }
  })

  it('never nests a link in a link', () => {
    for (const xhtml of documents(raw)) assert.doesNotMatch(xhtml, /<a [^>]*>(?:(?!<\/a>).)*<a /s)
  })

  it('lets no script, frame, object, form, style, event handler or unsafe URL from raw HTML into the edition', () => {
    const forbidden = [/<script/i, /<iframe/i, /<object/i, /<embed/i, /<form/i, /<input/i, /<textarea/i, /<select/i, /<button/i, /<style/i, /<svg/i, /\son[a-z]+=/i, /\sstyle=/i, /javascript:/i, /vbscript:/i, /data:text/i, /<!--/]
    for (const xhtml of documents(raw)) {
      const body = xhtml.slice(xhtml.indexOf('<body'))
      for (const pattern of forbidden) assert.doesNotMatch(body, pattern)
    }
    const chapter = raw.files.get('OEBPS/chapter-1.xhtml')!
    for (const gone of ['injected', 'block script', 'display: none', 'typed text', 'drawn', 'steal']) assert.ok(!chapter.includes(gone), `${gone} is gone`)
  })

  it('keeps the safe subset of raw HTML as the model’s formatting', () => {
    const chapter = raw.files.get('OEBPS/chapter-1.xhtml')!
    for (const pattern of [
      /H<sub>2<\/sub>O/,
      /mc<sup>2<\/sup>/,
      /<kbd>Ctrl<\/kbd>/,
      /<mark>marked<\/mark>/,
      /<u>underlined<\/u>, <u>inserted<\/u>/,
      /<small>small print<\/small>/,
      /<del>struck<\/del>, <del>deleted<\/del> and <del>stricken<\/del>/,
      /<strong>bold<\/strong>, <strong>strong<\/strong>,/,
      /<em>italic<\/em> and <em>emphasised<\/em>/,
      /<code>code\(\)<\/code>/,
      /a <span lang="fr" xml:lang="fr">span<\/span>, an HTML abbreviation, a Cited Work/,
      /“quotation with a ‘nested’ one”/,
      /<br \/>\s*After a line break, <strong>bold with <em>Markdown emphasis<\/em> and a <a href="https:\/\/example.com\/md">Markdown link<\/a><\/strong>/,
      /<a href="https:\/\/example.com\/" title="Example">secure<\/a>/,
      /<a href="mailto:writer@example.com">mail<\/a>/,
      /<a href="#markdown-inside-html">a heading here<\/a> and a script link, a data link, a VBScript link\./,
      /<p><span class="lead-in">What follows was pasted<\/span> from word processors/,
      /<a href="https:\/\/example.com\/outer">www.example.com and a Markdown link inside an anchor<\/a>, <a href="https:\/\/example.com\/md2">a Markdown link with an anchor inside<\/a>/,
      /<a href="https:\/\/example.com\/noted">link with a footnote call<\/a><sup><a id="noteref-chapter-1-note-1" class="noteref" [^>]*>1<\/a><\/sup><a href="https:\/\/example.com\/noted"> in its text<\/a>/,
      /<p>A paragraph in a div, with “straight quotes” – and dashes – made typographic\.<\/p>/,
      /<h2 id="markdown-inside-html">Markdown inside HTML<\/h2>/,
      /<details open="">\s*<summary>More about <em>this<\/em><\/summary>\s*<p>The details/,
      /<blockquote>\s*<p>A quotation in raw HTML.<\/p>\s*<blockquote>\s*<p>And one nested in it.<\/p>/,
      /<ol start="5">\s*<li>Nested, numbered from five<\/li>/,
      /<pre><code class="language-python"><span class="tok-keyword">def<\/span>/,
      /<pre><code>Plain preformatted text\n {4}keeps its {3}spacing.<\/code><\/pre>/,
      /<tr><td>cell a<\/td><td>cell b<\/td><\/tr>/,
      /<h3 id="[^"]*">A raw heading<\/h3>/,
      /<p class="align-center">Centred, the old way.<\/p>/,
      /<p>Name Send<\/p>/,
      /objects, embeds, inputs,/,
      /the logo and <img class="inline" src="images\/[^"]+" alt="" \/>\./,
      /A note written in Markdown, with <sup>raw<\/sup> <strong>HTML<\/strong> in it\./,
    ]) {
      assert.match(chapter, pattern)
    }
  })

  it('warns of what raw HTML loses, with file and line, and of no comment', () => {
    const warnings = raw.diag.warnings.map((message) => `${message.line}: ${message.reason}`)
    for (const expected of ['33: raw HTML `<script>` dropped', '41: attribute `onclick` of raw HTML `<div>` dropped', '24: link to a `javascript:` URL', '91: raw HTML `<form>` dropped, its text kept']) {
      assert.ok(warnings.some((warning) => warning.startsWith(expected)), `${expected} in\n${warnings.join('\n')}`)
    }
    assert.ok(raw.diag.warnings.every((message) => message.file === path.join(fixtures, 'raw-html.md')))
    assert.ok(!warnings.some((warning) => /comment/i.test(warning)))
  })

  it('colours highlighted code with CSS classes made from the theme', () => {
    const css = raw.files.get('OEBPS/style.css')!
    const used = new Set([...documents(raw).join('').matchAll(/class="tok-([a-z]+)"/g)].map((match) => match[1]!))
    for (const kind of ['keyword', 'string', 'comment', 'number', 'literal', 'type', 'function']) assert.ok(used.has(kind), `${kind} is used`)
    for (const [kind, colour] of Object.entries(defaultTheme.codeColours)) {
      const rule = new RegExp(`\\.tok-${kind} \\{\\s*color: ${colour};\\s*\\}`)
      // Kinds in the text's own colour need no rule: they inherit it.
      if (colour === defaultTheme.colours.text) assert.doesNotMatch(css, rule, kind)
      else assert.match(css, rule, kind)
    }
    for (const kind of used) assert.ok(kind in defaultTheme.codeColours, `${kind} is a kind of the theme`)
    // The text of highlighted code is the code as written.
    const chapter = raw.files.get('OEBPS/chapter-1.xhtml')!
    const fence = /<pre><code class="language-js">([\s\S]*?)<\/code><\/pre>/.exec(chapter)![1]!
    assert.equal(fence.replace(/<[^>]+>/g, '').replace(/&#x3C;/g, '<'), '// Highlighted code in a fence\nconst greeting = `Hello, ${name}!`\nif (count > 0x1f) console.log(greeting, null, true)')
  })

  it('makes the manuscript’s cover image the EPUB’s cover, with the cover-image property and a cover page', async () => {
    const opf = covered.files.get('OEBPS/content.opf')!
    assert.match(opf, /<item id="cover-image" href="cover.jpeg" media-type="image\/jpeg" properties="cover-image" \/>/)
    assert.match(opf, /<meta name="cover" content="cover-image" \/>/)
    assert.deepEqual(await covered.zip.file('OEBPS/cover.jpeg')!.async('uint8array'), new Uint8Array(await readFile(coverSource)))
    assert.equal(covered.zip.file('OEBPS/cover.svg'), null, 'no cover is made')
    assert.match(covered.files.get('OEBPS/cover.xhtml')!, /<img src="cover.jpeg" alt="A Covered Book — Cora Ver" role="doc-cover" \/>/)
    assert.match(covered.files.get('OEBPS/toc.xhtml')!, /<a href="cover.xhtml" epub:type="cover">/)
    assert.deepEqual(covered.diag.messages, [])
  })
})
