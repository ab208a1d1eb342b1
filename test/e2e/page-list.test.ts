/**
 * The EPUB knows the print edition's pages: each page-break marker stands
 * where that page of the PDF begins, word for word. Both editions are made in
 * one run, as the pipeline makes them, and read back from the files.
 */
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import type { PageStart } from '../../src/model/page-map.js'
import { proseBook } from '../pdf/prose.js'
import { bothEditions, wordTokens } from '../support/editions.js'

const wordsCompared = 4

describe('the EPUB page list matches the PDF page for page', () => {
  const book = proseBook({ chapters: 3, paragraphsPerChapter: 40, seed: 7 })
  const titles = new Set([book.metadata.title, ...book.chapters.map((chapter) => chapter.title)])
  let pdfPages: string[]
  let markers: Map<number, string>
  let starts: PageStart[]

  before(async () => {
    ;({ starts, pdfPages, markers } = await bothEditions(book))
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
      const pdfStart = wordTokens(lines.join('\n')).slice(0, wordsCompared)
      const epubStart = wordTokens(after).slice(0, wordsCompared)
      // A page may open inside a word hyphenated over the previous page's foot: its marker stands before the word.
      if (pdfStart[0] !== epubStart[0] && epubStart[0]?.endsWith(pdfStart[0] ?? '')) pdfStart[0] = epubStart[0]
      assert.deepEqual(epubStart, pdfStart, `page ${page}`)
    }
  })
})
