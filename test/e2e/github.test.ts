/**
 * A manuscript written for GitHub (`test/fixtures/github.md`): the raw HTML
 * GitHub renders (tables, definition lists, disclosures, pictures, aligned
 * paragraphs and headings, anchors), its alerts and its emoji shortcodes,
 * built into both editions in one run and read back with the outside tools.
 * Then a long book of the same constructs, to check that the print edition's
 * pages are found inside them in the EPUB.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import { Diagnostics, formatMessage } from '../../src/diagnostics.js'
import { loadBook } from '../../src/load/index.js'
import { writePdf } from '../../src/pdf/index.js'
import { build } from '../../src/pipeline.js'
import { defaultTheme, pageGeometry } from '../../src/theme/index.js'
import { sequence, vocabulary } from '../pdf/prose.js'
import { uncompressed } from '../pdf/helpers.js'
import { chapterReaderText, epubChapters, pdfReaderPages, pdfWordBoxes, type WordBox } from '../support/conformance.js'
import { bothEditions, wordTokens, xhtmlText } from '../support/editions.js'
import { epubcheck, root, tempDir, type EpubcheckResult } from '../support/tools.js'
import { comparableWords, markdownReaderWords, missingWords, printedWords } from '../support/words.js'

const run = promisify(execFile)
const manuscript = path.join(root, 'test/fixtures/github.md')
const geometry = pageGeometry(defaultTheme, 'a5')

describe('a manuscript written for GitHub, in both editions', () => {
  let diag: Diagnostics
  let check: Promise<EpubcheckResult>
  let chapter: string
  let layout: string
  let words: WordBox[]
  let images: string[][]
  let pdfRaw: string
  let pdfPages: string[]

  before(async () => {
    const out = await tempDir('octavo-github-')
    diag = new Diagnostics()
    await build(manuscript, { outDir: out, formats: ['epub', 'pdf'], theme: defaultTheme, page: 'a5', sourceDateEpoch: '1700000000' }, diag)
    const epub = path.join(out, 'github.epub')
    const pdf = path.join(out, 'github.pdf')
    check = epubcheck(epub)
    chapter = (await epubChapters(epub))[0]!.xhtml
    layout = (await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'])).stdout
    words = await pdfWordBoxes(pdf)
    const list = (await run('pdfimages', ['-list', pdf])).stdout
    images = list
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/\s+/))
    pdfRaw = await uncompressed(pdf)
    pdfPages = await pdfReaderPages(pdf, geometry.margins)
  })

  /** The words poppler finds on one line of the PDF, the line that holds `first` followed by `second`. */
  const lineOf = (first: string, second: string): WordBox[] => {
    const start = words.findIndex((word, index) => word.text === first && words[index + 1]?.text === second)
    assert.ok(start >= 0, `${first} ${second} in the PDF`)
    const { page, yMin } = words[start]!
    return words.filter((word) => word.page === page && Math.abs(word.yMin - yMin) < 1)
  }
  /** The left edge of the text block on a page: rectos have the inner margin on the left. */
  const leftEdge = (page: number): number => (page % 2 === 1 ? geometry.margins.inner : geometry.margins.outer)

  it('passes EPUBCheck with 0 errors and 0 warnings', async () => {
    const result = await check
    assert.deepEqual(result.problems, [])
    assert.equal(result.code, 0)
  })

  it('sets a raw HTML table as a table: each row’s cells on one line of the PDF, header, spans and alignment in the EPUB', () => {
    const lines = layout.split('\n')
    assert.ok(
      lines.some((line) => /F_OK\s+Flag indicating that the file is visible/.test(line)),
      layout,
    )
    assert.ok(lines.some((line) => /^\s*Constant\s+Description\s*$/.test(line)))
    assert.ok(lines.some((line) => /Windows\s+x64\s+partly/.test(line)))
    assert.match(chapter, /<thead>\s*<tr><th scope="col">Constant<\/th><th scope="col">Description<\/th><\/tr>\s*<\/thead>/)
    // A header spanning columns takes the alignment of the column it starts in, which all its cells agree on.
    assert.match(chapter, /<th scope="col" class="align-left">Platform<\/th><th scope="colgroup" colspan="2" class="align-right">Support<\/th>/)
    assert.match(chapter, /<td rowspan="2">Linux<\/td><td class="align-right">x64<\/td>/)
    // The caption, centred above its table.
    assert.match(chapter, /<p class="align-center">Access modes<\/p>\s*<div class="table"><table>/)
  })

  it('shows the definition list, the disclosures and the five alerts in both editions', () => {
    assert.match(chapter, /<dl>\s*<dt>Module<\/dt>\s*<dd>\s*<p>A file of code that another file loads.<\/p>\s*<\/dd>\s*<dt>Package<\/dt>\s*<dt>Library<\/dt>\s*<dd>/)
    assert.match(chapter, /<details open="">\s*<summary>What the installer does<\/summary>\s*<p>It downloads the archive/)
    // Without a summary, no reading system's word for one: the body alone.
    assert.match(chapter, /<div class="details">\s*<p>A disclosure with no summary, only its body.<\/p>\s*<\/div>/)
    const kinds = [
      ['note', 'Note', 'Useful information'],
      ['tip', 'Tip', 'Helpful advice'],
      ['important', 'Important', 'Key information'],
      ['warning', 'Warning', 'Urgent information'],
      ['caution', 'Caution', 'Advice about'],
    ] as const
    const text = layout.replace(/[ \t]+/g, ' ')
    for (const [kind, label, opening] of kinds) {
      assert.match(chapter, new RegExp(`<div class="alert alert-${kind}" role="note">\\s*<p class="alert-label">${label}</p>\\s*<p>${opening}`))
      // In print, the label on a line of its own, above the text.
      assert.match(text, new RegExp(`^ ?${label}\\n ?${opening}`, 'm'))
      // The rule down the alert's side and its label in the kind's colour.
      const colour = defaultTheme.alert.colours[kind]
      const rgb = [1, 3, 5].map((at) => String(parseInt(colour.slice(at, at + 2), 16) / 255)).join(' ')
      assert.ok(pdfRaw.includes(`${rgb} SCN`), `${kind}'s rule in ${colour}`)
    }
    // A quote with the marker and its text on one line is a quote, as on GitHub.
    assert.match(chapter, /<blockquote>\s*<p>\[!NOTE\] On one line/)
    // The definition list in print: terms on lines of their own, the details indented under them.
    const term = lineOf('Module', 'A')
    assert.equal(term.length, 1, 'the term alone on its line')
    const detail = lineOf('A', 'file')
    assert.ok(detail[0]!.xMin > term[0]!.xMin + 10, 'the detail indented under its term')
    // The disclosure's summary runs in to its first paragraph.
    assert.equal(lineOf('What', 'the').map((word) => word.text).slice(0, 6).join(' '), 'What the installer does It downloads')
  })

  it('embeds the picture at the width asked and the inline picture in its line, in both editions', () => {
    // pdfimages: the diagram's 96 pixels over 240 points, the photo's 40 pixels over 12.
    const figure = images.find((fields) => fields[3] === '96')
    const inline = images.find((fields) => fields[3] === '64')
    assert.ok(figure && inline, images.join('\n'))
    assert.ok(Math.abs(Number(figure[12]) - 96 / (240 / 72)) <= 1, `figure at ${figure[12]} ppi`)
    assert.ok(Math.abs(Number(inline[12]) - 40 / (12 / 72)) <= 1, `inline picture at ${inline[12]} ppi`)
    assert.match(chapter, /<figure>\s*<img class="figure-image" src="images\/[^"]+" alt="The project's diagram" style="width: 240px" \/>\s*<\/figure>/)
    assert.match(chapter, /an inline icon <img class="inline" src="images\/[^"]+" alt="a small photo" style="height: 12px" \/> in it/)
  })

  it('honours alignment: centred and right-set lines in print, classes in the EPUB', () => {
    const centred = lineOf('A', 'centred')
    const page = centred[0]!.page
    const middle = leftEdge(page) + geometry.measure / 2
    const from = Math.min(...centred.map((word) => word.xMin))
    const to = Math.max(...centred.map((word) => word.xMax))
    assert.ok(Math.abs((from + to) / 2 - middle) < 1, `centred at ${(from + to) / 2}, middle ${middle}`)
    const right = lineOf('Set', 'to')
    assert.ok(Math.abs(Math.max(...right.map((word) => word.xMax)) - (leftEdge(right[0]!.page) + geometry.measure)) < 1, 'set flush right')
    assert.ok(Math.min(...right.map((word) => word.xMin)) > leftEdge(page) + geometry.measure / 3)
    // Markdown in a centred div is centred too.
    const div = lineOf('Markdown', 'paragraph')
    assert.ok(Math.abs((Math.min(...div.map((word) => word.xMin)) + Math.max(...div.map((word) => word.xMax))) / 2 - middle) < 1)
    assert.match(chapter, /<p class="align-center">A centred line under the picture/)
    assert.match(chapter, /<p class="align-right">Set to the right, <em>as written<\/em>.<\/p>/)
    assert.match(chapter, /<p class="align-center">A Markdown paragraph in a centred div/)
  })

  it('sets kbd, sub and sup and keeps a br a line break, in both editions', () => {
    assert.match(chapter, /<kbd>Ctrl<\/kbd>\+<kbd>Shift<\/kbd>\+<kbd>P<\/kbd>; water is H<sub>2<\/sub>O and area is r<sup>2<\/sup>.<br \/>/)
    const keys = lineOf('Keys', 'and')
    const after = lineOf('A', 'line')
    assert.ok(after[0]!.yMin > keys[0]!.yMin, 'the line after the break stands below')
    assert.ok(pdfPages.join('\n').includes('press Ctrl+Shift+P'))
  })

  it('turns shortcodes into emoji in both editions, never in code, and leaves unknown ones as written', () => {
    const print = pdfPages.join('\n')
    for (const text of [xhtmlText(chapter), print]) {
      assert.ok(text.includes('🚀 ships, 🎉 celebrates, 👍 agrees'), text)
      assert.ok(text.includes(':not_a_known_code:'))
      assert.match(text, /:rocket:\s+and/, 'the code span as written')
      assert.match(text, /echo\s+":rocket:"/, 'the code block as written')
      assert.ok(text.includes('centred div ✨ and'), 'in Markdown inside raw HTML')
    }
  })

  it('names what it dropped, with its line, and nothing else of the HTML', () => {
    const messages = diag.warnings.map(formatMessage).map((message) => message.replace(/^.*github\.md:/, ''))
    for (const expected of ['122:1: warning: raw HTML `<form>` dropped, its text kept', '122:41: warning: raw HTML `<input>` dropped with its content', '124:1: warning: raw HTML `<script>` dropped with its content']) {
      assert.ok(messages.includes(expected), `${expected} in\n${messages.join('\n')}`)
    }
    assert.deepEqual(
      messages.filter((message) => /raw HTML|attribute/.test(message) && !/form|input|button|script/.test(message)),
      [],
    )
  })

  it('loses no word of the manuscript in either edition, an alert’s label read for its marker', () => {
    const source = readFile(manuscript, 'utf8')
    return source.then((markdown) => {
      const epubWanted = markdownReaderWords(markdown)
      assert.deepEqual(missingWords(epubWanted, comparableWords(chapterReaderText(chapter))), [])
      const pdfWanted = markdownReaderWords(markdown, { imageAlt: (url) => /^[a-z]+:/i.test(url) })
      assert.deepEqual(missingWords(pdfWanted, printedWords(pdfPages.join('\n'), pdfWanted)), [])
    })
  })
})

/**
 * A long manuscript of definition lists, disclosures and alerts, with prose
 * enough in them that pages start inside each kind: the EPUB's page-break
 * markers must stand where the PDF's pages start, word for word.
 */
describe('the page list inside definition lists, disclosures and alerts', () => {
  let starts: Awaited<ReturnType<typeof writePdf>>['pageStarts']
  let pdfPages: string[]
  let markers: Map<number, string>
  const title = 'Reference Pages'

  before(async () => {
    const dir = await tempDir('octavo-github-pages-')
    const file = path.join(dir, 'reference.md')
    await writeFile(file, longManuscript(title))
    const book = await loadBook(file, new Diagnostics())
    ;({ starts, pdfPages, markers } = await bothEditions(book))
  })

  it('starts pages inside each of them', () => {
    const kinds = new Set(starts.map((start) => start.block.length))
    assert.ok(starts.length >= 12, `${starts.length} pages`)
    assert.ok([...kinds].some((depth) => depth >= 2), 'some page starts inside a block nested in another')
  })

  it('marks each page where its first words stand in the EPUB', () => {
    assert.deepEqual([...markers.keys()], starts.map((start) => start.page))
    for (const { page } of starts) {
      const lines = pdfPages[page - 1]!.split('\n').filter((line) => line.trim() !== '')
      // A running head, on every page but the first, where the title block stands.
      if (page > 1 && lines[0]!.trim() === title) lines.shift()
      const pdfStart = wordTokens(lines.join('\n')).slice(0, 4)
      const epubStart = wordTokens(markers.get(page) ?? '').slice(0, 4)
      if (pdfStart[0] !== epubStart[0] && epubStart[0]?.endsWith(pdfStart[0] ?? '')) pdfStart[0] = epubStart[0]
      assert.deepEqual(epubStart, pdfStart, `page ${page}`)
    }
  })
})

/** Sentences of the prose vocabulary, the same every run. */
function longManuscript(title: string): string {
  const next = sequence(11)
  const sentence = (): string => {
    const count = 6 + Math.floor(next() * 14)
    const words = Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)]!)
    return `${words.join(' ').replace(/^./, (letter) => letter.toUpperCase())}.`
  }
  const paragraph = (sentences: number): string => Array.from({ length: sentences }, sentence).join(' ')
  const kinds = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION']
  const parts = [`---\ntitle: ${title}\nlang: en\n---\n`]
  for (let section = 0; section < 6; section++) {
    parts.push(`## Section ${section + 1}`, paragraph(4))
    const items = Array.from({ length: 3 }, (_, item) => `<dt>Term ${section}.${item} ${sentence()}</dt>\n<dd>\n\n${paragraph(3)}\n\n${paragraph(2)}\n\n</dd>`)
    parts.push(`<dl>\n${items.join('\n')}\n</dl>`)
    parts.push(`<details>\n<summary>Summary ${section} of the matter</summary>\n\n${paragraph(5)}\n\n${paragraph(4)}\n\n</details>`)
    parts.push(`<details>\n<summary>A list ${section}</summary>\n\n- ${sentence()}\n- ${paragraph(3)}\n\n</details>`)
    parts.push(`> [!${kinds[section % kinds.length]}]\n> ${paragraph(5)}\n>\n> ${paragraph(4)}`)
  }
  return `${parts.join('\n\n')}\n`
}
