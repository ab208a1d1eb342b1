/**
 * A very large manuscript through the print edition: a seeded prose book of about `megabytes` MB of
 * text (the test suite's prose generator: chapters of paragraphs, section headings, footnotes,
 * emphasis), built as a Book model and set by `writePdf` in this process. Prints the manuscript's
 * size, pages, seconds, the PDF's size and the process's peak resident memory (maximum RSS).
 *
 *   node lib/bench/large-manuscript.js [megabytes] [chapters] [out.pdf]
 *
 * Run it alone (the peak is the process's): `node lib/bench/large-manuscript.js 20` for the 20 MB book
 * (about 3.3 million words); `/usr/bin/time -v node lib/bench/large-manuscript.js 20` agrees on the peak.
 */
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { performance } from 'node:perf_hooks'

import { Diagnostics } from '../src/diagnostics.js'
import type { Book } from '../src/model/book.js'
import { blockText } from '../src/model/text.js'
import { writePdf } from '../src/pdf/index.js'
import { defaultTheme } from '../src/theme/index.js'
import { proseBook } from '../test/pdf/prose.js'

const megabytes = Number(process.argv[2] ?? 20)
const chapters = Number(process.argv[3] ?? Math.max(1, Math.round(megabytes * 5)))
const out = process.argv[4]

/** Bytes of UTF-8 text in the book's blocks and notes: what the manuscript would hold, less its markup. */
function textBytes(book: Book): number {
  let bytes = 0
  for (const chapter of book.chapters) {
    bytes += Buffer.byteLength(blockText(chapter.blocks))
    for (const note of chapter.notes) bytes += Buffer.byteLength(blockText(note.blocks))
  }
  return bytes
}

// The generator's paragraphs average a little over 400 bytes: size the book from a sample.
const sample = proseBook({ chapters: 1, paragraphsPerChapter: 400 })
const perParagraph = textBytes(sample) / 400
const paragraphsPerChapter = Math.max(1, Math.round((megabytes * 1024 * 1024) / perParagraph / chapters))
const book = proseBook({ chapters, paragraphsPerChapter })
const bytes = textBytes(book)
const words = book.chapters.reduce((sum, chapter) => sum + blockText(chapter.blocks).split(/\s+/).length, 0)
const rssBefore = process.resourceUsage().maxRSS

const start = performance.now()
const diag = new Diagnostics()
const result = await writePdf(book, defaultTheme, { page: 'a5' }, diag)
const seconds = (performance.now() - start) / 1000
if (out) writeFileSync(out, result.bytes)

const peak = process.resourceUsage().maxRSS / 1024
console.log(`manuscript   ${(bytes / 1024 / 1024).toFixed(1)} MB of text, ${words} words, ${chapters} chapters of ${paragraphsPerChapter} paragraphs`)
console.log(`pages        ${result.report.pages}`)
console.log(`seconds      ${seconds.toFixed(1)} (${((seconds / result.report.pages) * 100).toFixed(2)} s per 100 pages)`)
console.log(`pdf          ${(result.bytes.length / 1024 / 1024).toFixed(1)} MB`)
console.log(`peak memory  ${peak.toFixed(0)} MB resident (${(rssBefore / 1024).toFixed(0)} MB with the book model, before setting)`)
console.log(`overfull     ${result.report.overfullLines} lines; warnings ${diag.warnings.length}`)
console.log(`(machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`)
