/**
 * The EPUB of an mdBook book: parts as unlinked headings over their chapters,
 * nested chapters under their parent, mdBook's numbers, in the navigation
 * document and the NCX; includes resolved and Rust's hidden lines gone from
 * the chapters; EPUBCheck without an error or a warning.
 */
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import type { Element, ElementContent, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import JSZip from 'jszip'
import { Diagnostics } from '../../src/diagnostics.js'
import { writeEpub } from '../../src/epub/index.js'
import { loadBook } from '../../src/load/index.js'
import { writePdf, type PageStart } from '../../src/pdf/index.js'
import { defaultTheme } from '../../src/theme/index.js'
import { decodeXml, epubcheck, root, tempDir, type EpubcheckResult } from '../support/tools.js'

/** A nav list as an outline: `[label, children]`, a part's label in brackets (it is a `span`, not a link). */
type Outline = Array<string | [string, Outline]>

function outline(list: Element): Outline {
  return list.children.filter(isElement).map((item) => {
    const [heading, nested] = item.children.filter(isElement)
    const label = textOf(heading!).replace(/\s+/g, ' ').trim()
    const shown = heading!.tagName === 'span' ? `[${label}]` : label
    return nested ? [shown, outline(nested)] : shown
  })
}

function isElement(node: ElementContent): node is Element {
  return node.type === 'element'
}

function textOf(node: ElementContent): string {
  return node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : ''
}

function find(node: Element | Root, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (test(child)) return child
    const found = find(child, test)
    if (found) return found
  }
  return undefined
}

describe('the EPUB of the mdBook fixture', () => {
  let files: Map<string, string>
  let check: EpubcheckResult
  let starts: PageStart[]
  before(async () => {
    const diag = new Diagnostics()
    const book = await loadBook(path.join(root, 'test/fixtures/mdbook'), diag)
    // As the pipeline makes it: with the print edition's pages, whose part title pages have no text of the EPUB's.
    starts = (await writePdf(book, defaultTheme, { page: 'a5' }, diag)).pageStarts
    const bytes = await writeEpub(book, defaultTheme, diag, starts)
    const out = path.join(await tempDir('octavo-epub-mdbook-'), 'mdbook.epub')
    await writeFile(out, bytes)
    const zip = await JSZip.loadAsync(bytes)
    files = new Map()
    for (const entry of Object.values(zip.files)) if (/\.(xhtml|ncx)$/.test(entry.name)) files.set(entry.name.replace(/^OEBPS\//, ''), await entry.async('string'))
    check = await epubcheck(out)
  })

  it('passes EPUBCheck with no error and no warning', () => {
    assert.equal(check.code, 0, check.problems.join('\n'))
    assert.deepEqual(check.problems, [])
  })

  it('lists parts as headings over their chapters, sections under their chapter, with mdBook’s numbers', () => {
    const nav = fromHtml(files.get('toc.xhtml')!)
    const toc = find(nav, (element) => element.tagName === 'nav' && element.properties.id === 'toc')!
    const list = find(toc, (element) => element.tagName === 'ol')!
    assert.deepEqual(outline(list), [
      'Foreword',
      ['[Getting started]', [['1. Introduction', ['1.1. Variables', ['1.2. Functions', ['1.2.1. Control flow']]]]]],
      ['[Ownership]', [['2. Understanding ownership', ['2.1. Borrowing']], '3. Collections']],
      'Appendix: keywords',
    ])
    // EPUB 3: a span stands only before the list it heads.
    for (const span of files.get('toc.xhtml')!.matchAll(/<span class="toc-part">[^<]*<\/span>(<[a-z]+)/g)) assert.equal(span[1], '<ol')
  })

  it('gives the NCX the same nesting, a part pointing at its first chapter', () => {
    const ncx = files.get('toc.ncx')!
    const navMap = ncx.slice(ncx.indexOf('<navMap>'), ncx.indexOf('</navMap>'))
    const points: string[] = []
    let depth = 0
    for (const [tag, closing, label] of navMap.matchAll(/<(\/?)navPoint\b[^>]*>|<text>([^<]*)<\/text>/g)) {
      if (tag!.startsWith('<navPoint')) depth++
      else if (closing) depth--
      else points.push(`${'  '.repeat(depth - 1)}${label}`)
    }
    assert.deepEqual(points, [
      'Foreword',
      'Getting started',
      '  1. Introduction',
      '    1.1. Variables',
      '    1.2. Functions',
      '      1.2.1. Control flow',
      'Ownership',
      '  2. Understanding ownership',
      '    2.1. Borrowing',
      '  3. Collections',
      'Appendix: keywords',
    ])
    const src = (label: string): string => new RegExp(`<text>${label}</text></navLabel><content src="([^"]+)"`).exec(ncx)![1]!
    assert.equal(src('Getting started'), src('1. Introduction'))
  })

  it('lists the print edition’s pages that hold the chapters’ text, and not a part’s title page', () => {
    const nav = files.get('toc.xhtml')!
    const listed = [...nav.slice(nav.indexOf('epub:type="page-list"')).matchAll(/<a href="(chapter-\d+)\.xhtml#[^"]*">(\d+)<\/a>/g)].map(([, file, page]) => `${page} ${file}`)
    assert.deepEqual(listed, starts.map((start) => `${start.page} chapter-${start.chapter + 1}`))
    // Chapters 1 (the foreword) and 2 (the first of part one) stand on pages 5 and 9: the part's title page, 7, has no marker.
    assert.deepEqual(listed.slice(0, 2), ['5 chapter-1', '9 chapter-2'])
  })

  it('resolves the includes and leaves Rust’s hidden lines out', () => {
    // Tags dropped without a space: highlighted code is cut into spans.
    const chapters = [...files].filter(([name]) => /^chapter-\d+\.xhtml$/.test(name)).map(([, xhtml]) => decodeXml(xhtml.replace(/<[^>]+>/g, '')))
    const all = chapters.join('\n')
    assert.match(all, /fn area\(&self\) -> f64/)
    assert.doesNotMatch(all, /struct Square|Square\(2\.0\)/, 'the rustdoc_include’s hidden lines')
    assert.doesNotMatch(all, /fn main\(\) \{ assert_eq|#\s*fn main|ANCHOR/, 'hidden lines and anchor lines')
    assert.match(all, /# a literal line that starts with a hash/)
    assert.doesNotMatch(all, /## a literal/)
    assert.doesNotMatch(all, /\{\{#(?:rustdoc_include|playground)|no include may read it/)
    assert.match(all, /Written as it stands: \{\{#include \.\.\/\.\.\/listings\/hello\.rs\}\}/)
  })
})
