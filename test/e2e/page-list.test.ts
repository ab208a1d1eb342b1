/**
 * The EPUB knows the print edition's pages: each page-break marker stands
 * where that page of the PDF begins, word for word. Both editions are made in
 * one run, as the pipeline makes them, and read back from the files.
 */
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import { writeEpub } from '../../src/epub/index.js'
import { writePdf } from '../../src/pdf/index.js'
import { defaultTheme } from '../../src/theme/index.js'
import { proseBook } from '../pdf/prose.js'
import { epubSpine, xhtmlText } from '../support/editions.js'
import { pdfText, tempDir } from '../support/tools.js'

const wordsCompared = 4
const tokens = (text: string): string[] => [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map(([word]) => word)

describe('the EPUB page list matches the PDF page for page', () => {
  const book = proseBook({ chapters: 3, paragraphsPerChapter: 40, seed: 7 })
  const titles = new Set([book.metadata.title, ...book.chapters.map((chapter) => chapter.title)])
  let pdfPages: string[]
  let markers: Map<number, string>
  let starts: Awaited<ReturnType<typeof writePdf>>['pageStarts']

  before(async () => {
    const diag = new Diagnostics()
    const pdf = await writePdf(book, defaultTheme, { page: 'a5' }, diag)
    const epub = await writeEpub(book, defaultTheme, diag, pdf.pageStarts)
    const dir = await tempDir()
    await writeFile(path.join(dir, 'book.pdf'), pdf.bytes)
    await writeFile(path.join(dir, 'book.epub'), epub)
    starts = pdf.pageStarts
    pdfPages = await pdfText(path.join(dir, 'book.pdf'))

    // The text after each marker, to the end of its document.
    markers = new Map()
    for (const document of await epubSpine(path.join(dir, 'book.epub'))) {
      const pattern = /<span [^>]*epub:type="pagebreak"[^>]*title="(\d+)"[^>]*\/>/g
      for (const match of document.xhtml.matchAll(pattern)) {
        markers.set(Number(match[1]), xhtmlText(document.xhtml.slice(match.index + match[0].length)))
      }
    }
  })

  it('marks every page of the print edition that has text, and no other', () => {
    assert.ok(starts.length >= 10, `a book of many pages (${starts.length})`)
    assert.deepEqual([...markers.keys()], starts.map((start) => start.page))
  })

  it('starts each marked page with the same words in both editions', () => {
    for (const { page, block, word } of starts) {
      // The PDF page without its running head, which every page but a chapter's first has.
      const opening = block.length === 1 && block[0] === 0 && word === 0
      const lines = pdfPages[page - 1]!.split('\n').filter((line) => line.trim() !== '')
      if (!opening && titles.has(lines[0]!.trim())) lines.shift()
      const after = markers.get(page) ?? ''
      const pdfStart = tokens(lines.join('\n')).slice(0, wordsCompared)
      const epubStart = tokens(after).slice(0, wordsCompared)
      // A page may open inside a word hyphenated over the previous page's foot: its marker stands before the word.
      if (pdfStart[0] !== epubStart[0] && epubStart[0]?.endsWith(pdfStart[0] ?? '')) pdfStart[0] = epubStart[0]
      assert.deepEqual(epubStart, pdfStart, `page ${page}`)
    }
  })
})
