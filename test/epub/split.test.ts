/**
 * A chapter too heavy for one XHTML file is cut at its headings into files
 * of at most 250 KB, and links, notes, contents and the page list still lead
 * to the right places.
 */
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import JSZip from 'jszip'
import { Diagnostics } from '../../src/diagnostics.js'
import { maxDocumentBytes } from '../../src/epub/documents/chapter.js'
import { writeEpub } from '../../src/epub/index.js'
import type { Block, Book } from '../../src/model/book.js'
import { build } from '../../src/pipeline.js'
import { defaultTheme } from '../../src/theme/index.js'
import { epubcheck, tempDir } from '../support/tools.js'

/** A long chapter: sections of prose with notes, a heading GitHub ids with a digit first, links forward and back. */
function longChapter(sections: number): string {
  const parts = ['# The long chapter', '', 'See [the last section](#section-' + sections + ') and [the year](#1984).', '']
  for (let section = 1; section <= sections; section++) {
    parts.push(`## Section ${section}`, '')
    for (let paragraph = 0; paragraph < 12; paragraph++) {
      parts.push(`Paragraph ${paragraph} of section ${section} runs on for a while with words enough to fill a few lines of a page, as prose does when it is set.${paragraph === 0 ? `[^n${section}]` : ''} And a second sentence, so the paragraph has some length to it.`, '')
    }
    parts.push(`[^n${section}]: The note of section ${section}.`, '')
  }
  parts.push('## 1984', '', 'Back to [the start](#the-long-chapter) and to [section one](#section-1).', '')
  return parts.join('\n')
}

/** `chapter-1.xhtml` is part 1, `chapter-1-2.xhtml` part 2… */
function partNumber(file: string): number {
  return Number(/-(\d+)\.xhtml$/.exec(file.replace(/^chapter-1/, ''))?.[1] ?? 1)
}

describe('a chapter heavier than an e-reader likes', () => {
  const files = new Map<string, string>()
  let epub: string
  let opf: string

  before(async () => {
    const folder = await tempDir()
    const manuscript = path.join(folder, 'long.md')
    await writeFile(manuscript, `---\ntitle: Long\nlang: en\n---\n\n${longChapter(90)}`)
    const out = await tempDir()
    const diag = new Diagnostics()
    await build(manuscript, { outDir: out, formats: ['epub'], theme: defaultTheme, page: 'a5', sourceDateEpoch: '1700000000' }, diag)
    assert.deepEqual(diag.warnings.map(String), [])
    epub = path.join(out, 'long.epub')
    const zip = await JSZip.loadAsync(await readFile(epub))
    for (const [name, entry] of Object.entries(zip.files)) if (name.endsWith('.xhtml')) files.set(path.posix.basename(name), await entry.async('string'))
    opf = await zip.file('OEBPS/content.opf')!.async('string')
  })

  it('writes it as several files, none past 250 KB, each in the spine in order', () => {
    const parts = [...files.keys()].filter((name) => name.startsWith('chapter-1')).sort((a, b) => partNumber(a) - partNumber(b))
    assert.ok(parts.length >= 2, parts.join(', '))
    for (const [name, xhtml] of files) assert.ok(Buffer.byteLength(xhtml) <= maxDocumentBytes, `${name}: ${Buffer.byteLength(xhtml)} bytes`)
    const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map(([, id]) => id)
    const hrefs = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map(([, id, href]) => [id!, href!]))
    assert.deepEqual(spine.map((id) => hrefs.get(id!)).filter((href) => href?.startsWith('chapter-1')), parts)
  })

  it('cuts before headings', () => {
    for (const [name, xhtml] of files) {
      if (!/^chapter-1-\d+\.xhtml$/.test(name)) continue
      const body = /<section[^>]*>\s*([\s\S]*?)<\/section>/.exec(xhtml)![1]!.replace(/^(<span epub:type="pagebreak"[^>]*\/>|<a id="[^"]*" \/>|\s)+/, '')
      assert.match(body, /^<h2 /, `${name} opens with a heading`)
    }
  })

  it('keeps every link, note call and back link leading to a file that holds its id', () => {
    let checked = 0
    for (const [name, xhtml] of files) {
      for (const [, href] of xhtml.matchAll(/<a [^>]*href="([^"]+)"/g)) {
        if (/^[a-z]+:/.test(href!)) continue
        const [file, id] = href!.split('#')
        const holder = file === '' ? name : file!
        assert.ok(files.has(holder), `${name}: ${href} leads to a file of the book`)
        if (id) assert.match(files.get(holder)!, new RegExp(`id="${id}"`), `${name}: ${href} leads to its id`)
        checked++
      }
    }
    assert.ok(checked > 300, `${checked} links`)
  })

  it('sets each note after the part that calls it', () => {
    for (const [, xhtml] of files) {
      for (const [, id] of xhtml.matchAll(/<aside id="([^"]+)"/g)) assert.match(xhtml, new RegExp(`class="noteref"[^>]*href="#${id}"`), `the note ${id} is called in its own file`)
    }
  })

  it('gives a heading GitHub ids with a digit first an XML id, and links to it', () => {
    const holder = [...files.values()].find((xhtml) => xhtml.includes('>1984</h2>'))!
    assert.match(holder, /<h2 id="_1984">1984<\/h2>/)
    assert.match(files.get('chapter-1.xhtml')!, /href="chapter-1-\d+\.xhtml#_1984"/)
  })

  it('passes EPUBCheck', async () => {
    const result = await epubcheck(epub)
    assert.deepEqual(result.problems, [])
  })
})

describe('the contents of a very long book', () => {
  it('lists fewer levels of headings rather than pass 250 KB in the navigation document', async () => {
    const text = (value: string) => ({ type: 'text' as const, value })
    const blocks: Block[] = []
    for (let section = 1; section <= 600; section++) {
      blocks.push({ type: 'heading', depth: 2, id: `section-${section}`, children: [text(`Section ${section}, with a title of some length as docs have`)] })
      for (let sub = 1; sub <= 6; sub++) blocks.push({ type: 'heading', depth: 3, id: `section-${section}-${sub}`, children: [text(`Subsection ${section}.${sub}, with a title of some length too`)] }, { type: 'paragraph', children: [text('Words.')] })
    }
    const book: Book = {
      metadata: { title: 'Long', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00Z' },
      chapters: [
        { id: 'chapter-1', title: 'One', source: 'one.md', blocks: [{ type: 'heading', depth: 1, id: 'one', children: [text('One')] }, ...blocks], notes: [] },
        { id: 'chapter-2', title: 'Two', source: 'two.md', blocks: [{ type: 'heading', depth: 1, id: 'two', children: [text('Two')] }], notes: [] },
      ],
      assets: [],
    }
    const zip = await JSZip.loadAsync(await writeEpub(book, defaultTheme, new Diagnostics()))
    const nav = await zip.file('OEBPS/toc.xhtml')!.async('string')
    assert.ok(Buffer.byteLength(nav) <= maxDocumentBytes, `${Buffer.byteLength(nav)} bytes`)
    assert.match(nav, /Section 600, with a title/, 'the sections are listed')
    assert.doesNotMatch(nav, /Subsection/, 'their subsections are not')
  })
})
