/**
 * A documentation book written for GitHub, published as it stands: every
 * link that works on GitHub works in both editions and lands on the same
 * heading, every link that leads nowhere is dropped from both with one
 * warning at the link, and every table is a table.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import type { Element, ElementContent, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import JSZip from 'jszip'
import { Diagnostics } from '../../src/diagnostics.js'
import { build } from '../../src/pipeline.js'
import { defaultTheme } from '../../src/theme/index.js'
import { writeDocsBook, type DocsBook } from '../support/docs-book.js'
import { lineAt, linksAtWord, readPdf, type PdfReading } from '../support/pdf-links.js'
import { uncompressed } from '../pdf/helpers.js'
import { epubcheck, tempDir } from '../support/tools.js'

describe('a documentation book written for GitHub', () => {
  let book: DocsBook
  let diag: Diagnostics
  let epub: string
  let pdf: PdfReading
  let pdfFile: string
  /** The EPUB's documents by file name, parsed. */
  const documents = new Map<string, Root>()

  before(async () => {
    const folder = path.join(await tempDir(), 'streams')
    book = await writeDocsBook(folder)
    diag = new Diagnostics()
    const out = await tempDir()
    await build(folder, { outDir: out, formats: ['epub', 'pdf'], theme: defaultTheme, page: 'a5', sourceDateEpoch: '1700000000' }, diag)
    epub = path.join(out, 'streams.epub')
    const zip = await JSZip.loadAsync(await readFile(epub))
    for (const [name, entry] of Object.entries(zip.files)) {
      if (name.endsWith('.xhtml')) documents.set(path.posix.basename(name), fromXhtml(await entry.async('string')))
    }
    pdfFile = path.join(out, 'streams.pdf')
    pdf = await readPdf(pdfFile)
  })

  it('has several hundred links to check, in every form', () => {
    assert.ok(book.links.length >= 400, `${book.links.length} links`)
  })

  it('drops each link that leads nowhere, with one warning at the link giving its target as written', async () => {
    const warnings = diag.warnings.filter((message) => message.ruleId === 'link')
    assert.equal(warnings.length, book.dropped.length, warnings.map(String).join('\n'))
    for (const dropped of book.dropped) {
      const warning = warnings.find((message) => message.reason.includes(`\`${dropped.url}\``) && message.file?.endsWith(dropped.from))
      assert.ok(warning, `a warning for ${dropped.url} in ${dropped.from}`)
      const source = (await readFile(path.join(book.root, dropped.from), 'utf8')).split('\n')[warning.line! - 1]!
      assert.ok(source.slice(warning.column! - 1).startsWith('[see L'), `${dropped.from}:${warning.line}:${warning.column} is the link`)
    }
    // And no other warning: the book is written as GitHub expects.
    assert.deepEqual(diag.warnings.filter((message) => message.ruleId !== 'link').map(String), [])
  })

  it('EPUB: every link lands on its heading or anchor, in the right chapter', () => {
    const files = chapterFiles()
    for (const link of book.links) {
      const found = findEpubLink(link.marker)
      assert.ok(found, `${link.marker} (${link.from}) is a link in the EPUB`)
      const [written, id] = found.href.split('#')
      const file = written || found.file
      assert.match(file, new RegExp(`^${files.get(link.to)}(-\\d+)?\\.xhtml$`), `${link.marker} leads to the file of ${link.to}`)
      const tree = documents.get(file)
      assert.ok(tree, `${file} exists`)
      const text = id === undefined ? firstHeadingText(tree) : landingText(tree, id)
      assert.ok(text?.startsWith(link.lands), `${link.marker} in ${link.from} lands on "${text}", not "${link.lands}"`)
    }
    for (const dropped of book.dropped) assert.equal(findEpubLink(dropped.marker), undefined, `${dropped.marker} is no link`)
  })

  it('EPUB: keeps the ids as written where XML allows, and passes EPUBCheck', async () => {
    const ids = new Set([...documents.values()].flatMap((tree) => elements(tree).map((element) => String(element.properties.id ?? ''))))
    for (const id of ['stream0readfilepath-options-callback', 'class-stream0inflateraw', '中文-chinese-0', 'options-1', 'custom-0', 'DEP0000', 'tuning--limits----0', 'contents']) {
      assert.ok(ids.has(id), `the id ${id}`)
    }
    const result = await epubcheck(epub)
    assert.deepEqual(result.problems, [])
  })

  it('PDF: every link is a live link to the page and height of its heading or anchor', () => {
    const chapters = chapterFiles()
    for (const link of book.links) {
      const found = linksAtWord(pdf, link.marker)
      assert.ok(found, `${link.marker} is in the PDF`)
      assert.equal(found.links.length, 1, `${link.marker} (${link.from}, page ${found.line.page}) is a link`)
      const [annotation] = found.links
      assert.equal(annotation!.url, undefined, `${link.marker} is no web link`)
      assert.ok(annotation!.dest?.startsWith(chapters.get(link.to)!), `${link.marker} names a destination in ${link.to}: ${annotation!.dest}`)
      assert.ok(annotation!.lands, `${link.marker}'s destination ${annotation!.dest} exists`)
      const line = lineAt(pdf, annotation!.lands!)
      assert.ok(line?.text.replace(/\u00ad|-$/g, '').startsWith(link.lands.slice(0, 12)), `${link.marker} lands on "${line?.text}" (page ${annotation!.lands!.page}), not "${link.lands}"`)
    }
    for (const dropped of book.dropped) assert.deepEqual(linksAtWord(pdf, dropped.marker)?.links, [], `${dropped.marker} is no link`)
  })

  it('PDF: no dead link — every link is a web address or a destination that exists', () => {
    for (const link of pdf.links) {
      if (link.url !== undefined) assert.match(link.url, /^(https?|mailto):/, `a web link: ${link.url}`)
      else assert.ok(link.lands, `destination ${link.dest} on page ${link.page} exists`)
    }
  })

  it('sets every table as a table in both editions', async () => {
    const epubTables = [...documents.values()].flatMap((tree) => elements(tree).filter((element) => element.tagName === 'table'))
    assert.equal(epubTables.length, book.tables)
    // Structure elements, counted once each (a page's structure tree repeats a table that runs over it).
    const structure = await uncompressed(pdfFile)
    assert.equal([...structure.matchAll(/\/S \/Table\b/g)].length, book.tables)
  })

  /** The chapter's file name (without `.xhtml`) and destination prefix: `chapter-N`, N its place in the book. */
  function chapterFiles(): Map<string, string> {
    return new Map(book.files.map((file, index) => [file, `chapter-${index + 1}`]))
  }

  function findEpubLink(marker: string): { file: string; href: string } | undefined {
    const pattern = new RegExp(`(^|\\s)${marker}($|\\W)`)
    for (const [file, tree] of documents) {
      if (!/^chapter-/.test(file)) continue
      for (const element of elements(tree)) {
        if (element.tagName === 'a' && typeof element.properties.href === 'string' && pattern.test(toString(element))) return { file, href: element.properties.href }
      }
    }
    return undefined
  }
})

/**
 * An XHTML document parsed as the XML it is: an HTML parser would read an
 * empty `<a id="x" />` as an open `a` holding what follows it.
 */
function fromXhtml(xhtml: string): Root {
  return fromHtml(xhtml.replace(/<(a|span|div|p|td|th|dd|dt)(\s[^<>]*)?\/>/g, '<$1$2></$1>'))
}

function elements(node: Root | Element, into: Element[] = []): Element[] {
  for (const child of node.children as ElementContent[]) {
    if (child.type !== 'element') continue
    into.push(child)
    elements(child, into)
  }
  return into
}

function firstHeadingText(tree: Root): string | undefined {
  const heading = elements(tree).find((element) => /^h[1-6]$/.test(element.tagName))
  return heading ? normalise(toString(heading)) : undefined
}

/** The text a reader sees at an id: the element's own (a heading, a paragraph), or, for an empty anchor, what follows it. */
function landingText(tree: Root, id: string): string | undefined {
  const parents = new Map<Element, Element | Root>()
  const all: Element[] = []
  const walk = (node: Element | Root): void => {
    for (const child of node.children as ElementContent[]) {
      if (child.type !== 'element') continue
      parents.set(child, node)
      all.push(child)
      walk(child)
    }
  }
  walk(tree)
  const target = all.find((element) => element.properties.id === id)
  if (!target) return undefined
  if (toString(target).trim() !== '') return normalise(toString(target))
  const parent = parents.get(target)!
  // An anchor in a line of text: the text of its paragraph.
  if (parent.type === 'element' && parent.tagName === 'p') return normalise(toString(parent))
  // An anchor before a block: the next block's text.
  const siblings = (parent.children as ElementContent[]).filter((child): child is Element => child.type === 'element')
  const next = siblings[siblings.indexOf(target) + 1]
  return next ? normalise(toString(next)) : undefined
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
