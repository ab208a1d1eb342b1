import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { XMLValidator } from 'fast-xml-parser'
import * as fontkit from 'fontkit'
import JSZip from 'jszip'
import { Diagnostics } from '../../src/diagnostics.js'
import { writeEpub, type PageStart } from '../../src/epub/index.js'
import { bookIdentifier } from '../../src/epub/identifier.js'
import { blockWords } from '../../src/model/text.js'
import { blockAt } from '../../src/model/walk.js'
import type { Book } from '../../src/model/book.js'
import { defaultTheme, fontPath } from '../../src/theme/index.js'
import { epubcheck, tempDir, type EpubcheckResult } from '../support/tools.js'
import { articleBook, articleWithHeading, githubBlocksBook, githubBlocksPages, richBook, withLinks } from './books.js'
import { xhtmlText } from '../support/editions.js'

/** Pages of an imagined print edition of the rich book, at blocks of every kind. */
const richPages: PageStart[] = [
  { page: 1, chapter: 0, block: [0], word: 0 },
  { page: 2, chapter: 0, block: [1], word: 5 },
  { page: 3, chapter: 0, block: [4, 1], word: 0 },
  { page: 4, chapter: 0, block: [5, 1, 1, 0, 0], word: 0 },
  { page: 5, chapter: 0, block: [8], word: 3 },
  { page: 6, chapter: 1, block: [4], word: 0 },
  { page: 10, chapter: 1, block: [4], word: 8 },
  { page: 7, chapter: 1, block: [6], word: 0 },
  { page: 8, chapter: 2, block: [1], word: 2 },
  { page: 9, chapter: 2, block: [2], word: 1 },
  { page: 11, chapter: 3, block: [], word: 0 },
  { page: 12, chapter: 3, block: [1], word: 3 },
]

interface Built {
  book: Book
  bytes: Uint8Array
  diag: Diagnostics
  files: Map<string, string>
  zip: JSZip
  check: Promise<EpubcheckResult>
}

async function build(book: Book, dir: string, name: string, pages?: PageStart[]): Promise<Built> {
  const diag = new Diagnostics()
  const bytes = await writeEpub(withLinks(book, diag), defaultTheme, diag, pages)
  const file = path.join(dir, `${name}.epub`)
  await writeFile(file, bytes)
  const zip = await JSZip.loadAsync(bytes)
  const files = new Map<string, string>()
  for (const entry of Object.values(zip.files)) {
    if (/\.(xhtml|opf|ncx|css|xml|svg)$/.test(entry.name)) files.set(entry.name, await entry.async('string'))
  }
  // EPUBCheck runs once per book, started here so that the two books are checked side by side.
  return { book, bytes, diag, files, zip, check: epubcheck(file) }
}

/** The text of XHTML from a point on, tags removed and references decoded, as a reader would read on. */
function textAfter(xhtml: string, index: number): string {
  return xhtml
    .slice(index)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#x([0-9A-F]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .trim()
}

function withoutPageMarkers(xhtml: string): string {
  return xhtml.replace(/<span epub:type="pagebreak"[^>]*\/>/g, '')
}

describe('EPUB edition', () => {
  let rich: Built
  let article: Built

  before(async () => {
    const dir = await tempDir('octavo-epub-')
    rich = await build(richBook(), dir, 'rich', richPages)
    article = await build(articleBook(), dir, 'article')
  })

  it('passes EPUBCheck with 0 errors and 0 warnings', async () => {
    for (const built of [rich, article]) {
      const result = await built.check
      assert.deepEqual(result.problems, [], result.problems.join('\n'))
      assert.equal(result.code, 0)
    }
  })

  it('is byte-identical when built twice', async () => {
    assert.deepEqual(await writeEpub(withLinks(richBook()), defaultTheme, new Diagnostics(), richPages), rich.bytes)
    assert.deepEqual(await writeEpub(articleBook(), defaultTheme, new Diagnostics()), article.bytes)
  })

  it('writes mimetype first and stored, and every entry with the book’s date', () => {
    const bytes = Buffer.from(rich.bytes)
    assert.equal(bytes.readUInt32LE(0), 0x04034b50)
    assert.equal(bytes.readUInt16LE(8), 0, 'stored, not deflated')
    assert.equal(bytes.toString('latin1', 30, 30 + 8), 'mimetype')
    assert.equal(bytes.toString('latin1', 38, 38 + 20), 'application/epub+zip')
    for (const entry of Object.values(rich.zip.files)) {
      assert.equal(entry.dir, false, `${entry.name}: no folder entries`)
      assert.equal(entry.date.toISOString(), '2024-03-01T12:00:00.000Z', entry.name)
    }
  })

  it('derives a stable identifier, or keeps the writer’s', async () => {
    const opf = rich.files.get('OEBPS/content.opf')!
    const identifier = /<dc:identifier id="pub-id">([^<]+)<\/dc:identifier>/.exec(opf)?.[1]
    assert.match(identifier ?? '', /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    assert.equal(identifier, bookIdentifier(richBook().metadata))
    assert.notEqual(identifier, bookIdentifier({ ...richBook().metadata, title: 'Another title' }))
    assert.match(rich.files.get('OEBPS/toc.ncx')!, new RegExp(`name="dtb:uid" content="${identifier}"`))

    const given = articleBook()
    given.metadata.identifier = 'urn:isbn:9780000000002'
    const zip = await JSZip.loadAsync(await writeEpub(given, defaultTheme, new Diagnostics()))
    assert.match(await zip.file('OEBPS/content.opf')!.async('string'), /<dc:identifier id="pub-id">urn:isbn:9780000000002<\/dc:identifier>/)
  })

  it('writes the package metadata from the book, and nothing epub-gen-memory makes up', () => {
    const opf = rich.files.get('OEBPS/content.opf')!
    assert.match(opf, /<meta property="dcterms:modified">2024-03-01T12:00:00Z<\/meta>/)
    assert.match(opf, /<package [^>]*xml:lang="en-GB"/)
    assert.match(opf, /<dc:language>en-GB<\/dc:language>/)
    assert.match(opf, /<dc:rights>Text under CC BY 4.0.<\/dc:rights>/)
    assert.match(opf, /<dc:creator id="creator-1">Ada Lovelace<\/dc:creator>/)

    const bare = article.files.get('OEBPS/content.opf')!
    assert.match(bare, /<meta property="dcterms:modified">2024-05-06T07:08:09Z<\/meta>/)
    for (const opfText of [opf, bare]) {
      assert.doesNotMatch(opfText, /anonymous|All rights reserved|dcterms:identifier|epub-gen/)
    }
    assert.doesNotMatch(bare, /dc:rights|dc:creator|dc:description|dc:publisher|dc:date/)
  })

  it('writes well-formed XML with the book’s language on every document', () => {
    for (const built of [rich, article]) {
      const lang = built.book.metadata.lang
      for (const [name, text] of built.files) {
        if (name.endsWith('.css')) continue
        assert.equal(XMLValidator.validate(text), true, `${name} is well-formed`)
        if (name.endsWith('.xhtml')) assert.match(text, new RegExp(`<html [^>]*xml:lang="${lang}" lang="${lang}"`), name)
      }
    }
  })

  it('drops characters XML forbids and escapes the rest', () => {
    const three = withoutPageMarkers(rich.files.get('OEBPS/three.xhtml')!)
    assert.match(three, /Illegal characters {2}and {2}are dropped\./)
    assert.doesNotMatch(three, /[\u0001\uFFFE]/)
    const one = rich.files.get('OEBPS/one.xhtml')!
    assert.match(one, /&amp; &lt;markup&gt; \]\]&gt; in it\./)
    assert.match(one, /\/\/ \]\]&gt; -- not a comment/)
  })

  it('sets every block and inline type', () => {
    const one = withoutPageMarkers(rich.files.get('OEBPS/one.xhtml')!)
    const two = withoutPageMarkers(rich.files.get('OEBPS/two.xhtml')!)
    assert.match(one, /<h1 id="beginnings">Beginnings<\/h1>/)
    assert.match(one, /<strong>dark<\/strong> and <em>stormy<\/em>/)
    assert.match(one, /<del>no<\/del>/)
    assert.match(one, /<code>code\(\)<\/code>/)
    assert.match(one, /<br \/>/)
    assert.match(one, /<blockquote>\s*<p>A quoted paragraph.<\/p>/)
    assert.match(one, /<ol start="7">/, 'the start of an ordered list is kept')
    assert.match(one, /<li class="task-done"><p><span class="task-box" role="img" aria-label="done">☑<\/span> a task done<\/p><\/li>/)
    assert.match(one, /<pre><code class="language-js">const a/)
    assert.match(one, /<img class="inline" src="images\/diagram.png" alt="" \/>/, 'no placeholder alt invented')
    assert.match(two, /<div class="section-break" role="separator">⁂<\/div>/)
    // The table scrolls in its block.
    assert.match(two, /<div class="table"><table>/)
    assert.match(two, /<th scope="col" class="align-center">Centre<\/th>/)
    assert.match(two, /<td class="align-right">10<\/td>/)
    assert.doesNotMatch(two, / align="/)
    assert.match(two, /<figure><img class="figure-image" src="images\/diagram.png" alt="The same diagram, as a figure" \/><figcaption>A figure with a <strong>caption<\/strong><\/figcaption><\/figure>/)
    assert.ok(rich.zip.file('OEBPS/images/diagram.png'), 'the image is packaged under a stable name')
    const four = withoutPageMarkers(rich.files.get('OEBPS/four.xhtml')!)
    assert.match(four, /H<sub>2<\/sub>O, E = mc<sup>2<\/sup>, <kbd>Ctrl<\/kbd>, <mark>marked<\/mark>, <u>underlined<\/u> and <small>small print<\/small>\./)
    assert.match(four, /<code class="language-js"><span class="tok-keyword">let<\/span> answer <span class="tok-operator">=<\/span> <span class="tok-number">42<\/span> <span class="tok-comment">\/\/ why<\/span><\/code>/)
    assert.match(rich.files.get('OEBPS/style.css')!, new RegExp(`\\.tok-keyword \\{\\s*color: ${defaultTheme.codeColours.keyword};`))
  })

  it('links headings across chapter files and drops links that lead nowhere, with a warning', () => {
    const one = rich.files.get('OEBPS/one.xhtml')!
    const two = rich.files.get('OEBPS/two.xhtml')!
    assert.match(one, /<a href="two.xhtml#later" title="Later on">link to chapter two<\/a>/)
    assert.match(one, /<a href="two.xhtml#middles">Middles<\/a>/)
    assert.match(two, /<a href="one.xhtml#beginnings">beginning<\/a>/)
    assert.match(two, /<a href="#later">later<\/a>/)
    assert.match(one, /<a href="https:\/\/example.org\/a\?b=1&#x26;c=2">web link<\/a>/)
    assert.match(one, /nowhere: missing id, script, another file,/)
    const reasons = rich.diag.warnings.map((message) => message.reason)
    assert.ok(reasons.some((reason) => reason.includes('#nowhere')), reasons.join('\n'))
    assert.ok(reasons.some((reason) => reason.includes('javascript:')))
    assert.ok(reasons.some((reason) => reason.includes('notes.md')))
    // The parser reports an image without alt text, at its line; the emitter does not repeat it.
    assert.ok(!reasons.some((reason) => reason.includes('alt text')), reasons.join('\n'))
    assert.equal(article.diag.messages.length, 0)
  })

  it('sets footnotes as pop-up asides with calls and back links', () => {
    const one = rich.files.get('OEBPS/one.xhtml')!
    assert.match(one, /<sup><a id="noteref-fn-one-1" class="noteref" href="#fn-one-1" epub:type="noteref" role="doc-noteref">1<\/a><\/sup>/)
    assert.match(one, /<a id="noteref-fn-one-1-2" [^>]*href="#fn-one-1"/, 'a second call of a note gets its own id')
    assert.match(one, /<aside id="fn-one-1" class="footnote" epub:type="footnote" role="doc-footnote"><p><a class="note-number" href="#noteref-fn-one-1" role="doc-backlink">1<\/a> A note with <em>emphasis<\/em>.<\/p>/)
    assert.match(one, /<aside id="fn-one-2" [^>]*><p><a class="note-number" href="#noteref-fn-one-2" role="doc-backlink">2<\/a><\/p><ul>/)
  })

  it('opens an article with its title block, and a chapter with its own heading only', async () => {
    const xhtml = article.files.get('OEBPS/article.xhtml')!
    assert.match(xhtml, /<header class="title-block"><h1 class="title">An Article<\/h1><\/header>\s*<p><span class="lead-in">First paragraph of the<\/span> article/)
    assert.doesNotMatch(xhtml, /byline/, 'no byline without an author')
    assert.equal(rich.files.get('OEBPS/one.xhtml')!.match(/<h1/g)?.length, 1, 'no title prepended to a chapter')

    // As in print, the title block replaces a first-level heading that repeats the title, and keeps its id.
    const zip = await JSZip.loadAsync(await writeEpub(articleWithHeading(), defaultTheme, new Diagnostics()))
    const repeated = await zip.file('OEBPS/article.xhtml')!.async('string')
    assert.match(repeated, /<header class="title-block"><h1 class="title" id="an-article">An Article<\/h1><p class="subtitle" role="doc-subtitle">With a subtitle<\/p><p class="byline">Ann Author<\/p><\/header>\s*<p><span class="lead-in">First/)
    assert.equal(repeated.match(/<h1/g)?.length, 1)
  })

  it('gives a chapter of a book that opens without a heading its title as one', () => {
    assert.match(rich.files.get('OEBPS/four.xhtml')!, /<section id="chapter-4" [^>]*aria-labelledby="four">\s*<span [^>]*id="page-11"[^>]*\/><h1 id="four">Without a heading<\/h1>/)
  })

  it('has a nested table of contents, landmarks, a title page, a cover and a colophon', () => {
    const nav = rich.files.get('OEBPS/toc.xhtml')!
    assert.match(nav, /<li><a href="one.xhtml">Beginnings<\/a><ol><li><a href="one.xhtml#quotes-and-lists">Quotes and lists<\/a><ol><li><a href="one.xhtml#deeper">A deeper heading<\/a>/)
    assert.match(nav, /<li><a href="two.xhtml">Middles<\/a>/, 'no note number in a label')
    for (const type of ['cover', 'titlepage', 'toc', 'bodymatter']) assert.match(nav, new RegExp(`<nav id="landmarks" [^]*epub:type="${type}"`))
    assert.match(rich.files.get('OEBPS/toc.ncx')!, /<navPoint id="navpoint-2" playOrder="4"><navLabel><text>Quotes and lists<\/text>/)

    const opf = rich.files.get('OEBPS/content.opf')!
    assert.match(opf, /<item id="cover-image" href="cover.svg" media-type="image\/svg\+xml" properties="cover-image" \/>/)
    assert.match(opf, /<spine toc="ncx">\s*<itemref idref="cover" \/>\s*<itemref idref="titlepage" \/>\s*<itemref idref="nav" \/>\s*<itemref idref="chapter-1" \/>/)
    const cover = rich.files.get('OEBPS/cover.svg')!
    assert.match(cover, /<title>The Compleat Tester: Every Block, Every Inline<\/title>/)
    assert.match(cover, /<use xlink:href="#g\d+"/, 'letters drawn as outlines from the theme’s fonts')
    assert.match(rich.files.get('OEBPS/cover.xhtml')!, /<img src="cover.svg" alt="The Compleat Tester — Every Block, Every Inline — Ada Lovelace — Charles Babbage" role="doc-cover" \/>/)
    assert.match(rich.files.get('OEBPS/titlepage.xhtml')!, /<p class="byline">Ada Lovelace and Charles Babbage<\/p>/)
    const colophon = rich.files.get('OEBPS/colophon.xhtml')!
    assert.match(colophon, /Published by Octavo Test Press/)
    assert.match(colophon, /Text under CC BY 4.0./)
    assert.match(colophon, /Set in Literata and JetBrains Mono \(<a href="https:\/\/openfontlicense.org\/">SIL Open Font License 1.1<\/a>\)\./)
  })

  it('derives accessibility metadata from the content', () => {
    const opf = rich.files.get('OEBPS/content.opf')!
    assert.match(opf, /<meta property="schema:accessMode">visual<\/meta>/)
    assert.match(opf, /<meta property="schema:accessibilityFeature">printPageNumbers<\/meta>/)
    assert.doesNotMatch(opf, /dcterms:conformsTo/, 'an image without alt text forbids a WCAG claim')
    const bare = article.files.get('OEBPS/content.opf')!
    assert.match(bare, /<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA<\/meta>/)
    assert.match(bare, /<meta property="schema:accessModeSufficient">textual<\/meta>/)
    assert.doesNotMatch(bare, /pageNavigation/)
  })

  it('marks where each print page begins, and lists the pages', () => {
    const book = richBook()
    for (const start of richPages) {
      const file = `OEBPS/${['one', 'two', 'three', 'four'][start.chapter]}.xhtml`
      const xhtml = rich.files.get(file)!
      const marker = new RegExp(`<span epub:type="pagebreak" role="doc-pagebreak" id="page-${start.page}" title="${start.page}" />`).exec(xhtml)
      assert.ok(marker, `page ${start.page} is marked in ${file}`)
      // A page that starts before a chapter's first block starts with its heading.
      const expected = start.block.length === 0 ? 'Without' : blockWords(blockAt(book.chapters[start.chapter]!.blocks, start.block)!)[start.word]!
      assert.equal(textAfter(xhtml, marker.index).split(/\s+/)[0], expected, `page ${start.page} starts with “${expected}”`)
    }
    const nav = rich.files.get('OEBPS/toc.xhtml')!
    assert.match(nav, /<nav id="page-list" epub:type="page-list" role="doc-pagelist" hidden="">/)
    assert.match(nav, /<li><a href="one.xhtml#page-2">2<\/a><\/li>/)
    const ncx = rich.files.get('OEBPS/toc.ncx')!
    assert.equal(ncx.match(/<pageTarget /g)?.length, richPages.length)
    assert.match(ncx, /<meta name="dtb:maxPageNumber" content="12" \/>/)
    assert.match(rich.files.get('OEBPS/content.opf')!, /<dc:source id="print-source">urn:uuid:[0-9a-f-]+<\/dc:source>\s*<meta refines="#print-source" property="source-of">pagination<\/meta>/)
  })

  it('keeps the small capitals of the lead-in in the subset text face', async () => {
    assert.match(article.files.get('OEBPS/style.css')!, /\.lead-in \{\s*font-variant: small-caps;\s*\}/)
    const name = path.basename(fontPath(defaultTheme.fonts.text))
    const subset = fontkit.create(Buffer.from(await article.zip.file(`OEBPS/fonts/${name}`)!.async('uint8array'))) as fontkit.Font
    assert.ok(subset.availableFeatures.includes('smcp'))
    const plain = subset.layout('First paragraph').glyphs.map((glyph) => glyph.id)
    const small = subset.layout('First paragraph', ['smcp']).glyphs.map((glyph) => glyph.id)
    assert.ok(small.every((id) => id !== 0), 'every small capital is in the subset')
    assert.notDeepEqual(small.slice(1), plain.slice(1), 'lower-case letters become small capitals')
  })

  it('embeds every theme font, subset', async () => {
    const css = rich.files.get('OEBPS/style.css')!
    for (const font of Object.values(defaultTheme.fonts)) {
      const name = path.basename(fontPath(font))
      assert.match(css, new RegExp(`url\\("fonts/${name}"\\)`))
      const embedded = await rich.zip.file(`OEBPS/fonts/${name}`)!.async('uint8array')
      const whole = await readFile(fontPath(font))
      assert.ok(embedded.length > 1000 && embedded.length < whole.length / 2, `${name}: ${embedded.length} bytes against ${whole.length} whole`)
    }
  })
})

describe('definition lists, disclosures and alerts in the EPUB', () => {
  let built: Built
  let chapter: string
  let css: string

  before(async () => {
    built = await build(githubBlocksBook(), await tempDir('octavo-epub-github-'), 'blocks', githubBlocksPages)
    chapter = built.files.get('OEBPS/one.xhtml')!
    css = built.files.get('OEBPS/style.css')!
  })

  it('passes EPUBCheck with 0 errors and 0 warnings, an item without details or terms given an empty one', async () => {
    const result = await built.check
    assert.deepEqual(result.problems, [])
    assert.match(chapter, /<dt>Last term<\/dt>\s*<dd \/>/)
    assert.match(chapter, /<dt \/>\s*<dd>\s*<p>Details without a term.<\/p>/)
  })

  it('sets the terms, the open disclosure and the labelled alert', () => {
    const plain = withoutPageMarkers(chapter)
    assert.match(plain, /<dl>\s*<dt>First term<\/dt>\s*<dt>Second term<\/dt>\s*<dd>\s*<p>The first details.<\/p>\s*<\/dd>\s*<dd>/)
    assert.match(plain, /<details open="">\s*<summary>The summary line<\/summary>\s*<p>The body of it.<\/p>/)
    assert.match(plain, /<div class="details">\s*<p>A body without a summary.<\/p>/)
    assert.match(plain, /<div class="alert alert-warning" role="note">\s*<p class="alert-label">Warning<\/p>\s*<p>Mind the step.<\/p>/)
  })

  it('places each page marker where its page starts, and one past a list’s last word inside its last details', () => {
    const after = (page: number): string => {
      const match = new RegExp(`<span [^>]*title="${page}"[^>]*/>`).exec(chapter)
      assert.ok(match, `marker ${page}`)
      return xhtmlText(chapter.slice(match.index + match[0].length)).replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' ')
    }
    // An article's first page starts with its title block.
    assert.equal(after(1), 'Blocks from GitHub')
    assert.equal(after(2), 'Second term The')
    assert.equal(after(3), 'more. Last term')
    assert.equal(after(5), 'summary line The')
    assert.equal(after(6), 'Its second paragraph.')
    assert.equal(after(7), 'Warning Mind the')
    assert.equal(after(8), 'gap.')
    // The list has five words of its own: a page said to start at its tenth stands at its end, in its last details.
    assert.match(chapter, /<p>Details without a term.<\/p>\s*<span [^>]*title="4"[^>]*\/><\/dd>\s*<\/dl>/)
  })

  it('styles them from the theme’s numbers', () => {
    const { alert, definitions } = defaultTheme
    assert.match(css, new RegExp(`\\.alert \\{[^}]*padding-left: ${alert.gap}em;[^}]*border-left-width: ${alert.rule}em;`))
    for (const [kind, colour] of Object.entries(alert.colours)) assert.ok(css.includes(`.alert-${kind} .alert-label {\n  color: ${colour};`), kind)
    assert.match(css, new RegExp(`\\ndd \\{\\n  margin-left: ${definitions.indent}em;`))
  })
})
