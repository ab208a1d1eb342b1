/**
 * Cross-references in both editions, from a book of three chapters with
 * labelled figures, tables, formulas and sections referred to within and
 * across chapters: the numbers and words in the EPUB's text and the PDF's,
 * the links to the targets, the print edition's "on page N" checked against
 * the page the target's caption or number is actually printed on, the lists
 * of figures and tables, the warnings, EPUBCheck and the typesetting report.
 */
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { Diagnostics, formatMessage } from '../../src/diagnostics.js'
import { build, type BuildResult } from '../../src/pipeline.js'
import { defaultTheme } from '../../src/theme/index.js'
import { spreadOf } from '../../src/pdf/page-words.js'
import { epubSpine, type EpubDocument } from '../support/editions.js'
import { lineAt, readPdf, type PdfLine, type PdfReading } from '../support/pdf-links.js'
import { decodeXml, epubcheck, root, tempDir } from '../support/tools.js'

const fixture = path.join(root, 'test/fixtures/crossref-book')

/** Text as the tests compare it: one line, no-break spaces plain, line-end hyphens joined. */
function flat(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').replace(/(\p{L})- (\p{L})/gu, '$1$2').trim()
}

/** The place of the first `written` in a chapter file, as messages give it. */
async function placeOf(file: string, written: string): Promise<string> {
  const lines = (await readFile(path.join(fixture, file), 'utf8')).split('\n')
  const line = lines.findIndex((candidate) => candidate.includes(written))
  assert.ok(line >= 0, written)
  return `${path.join(fixture, file)}:${line + 1}:${lines[line]!.indexOf(written) + 1}`
}

/** The page the first line starting with `start` is printed on (a caption), in the body (after the lists). */
function pageOfLine(reading: PdfReading, start: string, after = 0): number | undefined {
  return reading.lines.find((line) => line.page > after && flat(line.text).startsWith(start))?.page
}

describe('cross-references in a book of three chapters', () => {
  let diag: Diagnostics
  let result: BuildResult
  let epubFile: string
  let documents: EpubDocument[]
  let chapters: string
  let reading: PdfReading
  let pdfText: string
  /** The page the first chapter opens on: the lists of figures and tables come before it. */
  let bodyStart: number

  before(async () => {
    diag = new Diagnostics()
    const out = await tempDir()
    result = await build(fixture, { outDir: out, formats: ['epub', 'pdf'], theme: defaultTheme, page: 'a5', sourceDateEpoch: '1700000000' }, diag)
    epubFile = path.join(out, 'crossref-book.epub')
    documents = await epubSpine(epubFile)
    // Tags dropped without a space for them: a link's text runs on into the words around it.
    chapters = flat(documents.filter((document) => /chapter-\d/.test(document.href)).map((document) => decodeXml(document.xhtml.replace(/<[^>]+>/g, ''))).join(' '))
    reading = await readPdf(path.join(out, 'crossref-book.pdf'))
    pdfText = flat(reading.lines.map((line) => line.text).join(' '))
    bodyStart = reading.lines.find((line) => line.text.trim() === 'Measure' && line.page > 5)!.page
  })

  it('warns of the missing label at the reference, of the repeated one at its second place, and of nothing else', async () => {
    const warnings = diag.warnings.map(formatMessage)
    assert.deepEqual(warnings.sort(), [
      `${await placeOf('01-measure.md', '@fig:nowhere')}: warning: cross-reference \`fig:nowhere\` leads nowhere: no figure has this label`,
      `${(await placeOf('03-shapes.md', '![The plan again]')).replace(/:\d+$/, ':1')}: warning: label \`fig:plan\` is used twice: references lead to its first place`,
    ].sort())
  })

  it('passes EPUBCheck', async () => {
    assert.deepEqual((await epubcheck(epubFile)).problems, [])
  })

  it('keeps the print edition free of overfull lines, widows and orphans', () => {
    assert.equal(result.report.overfullLines, 0)
    assert.equal(result.report.widows, 0)
    assert.equal(result.report.orphans, 0)
  })

  it('numbers captions and formulas per chapter, alike in both editions', () => {
    for (const caption of ['Figure 1.1: The plan of a page', 'Table 1.1: Widths of the measure', 'Table 2.1: Sizes of the type', 'Figure 3.1: Two shapes, a circle and a triangle']) {
      assert.ok(chapters.includes(caption), `EPUB: ${caption}`)
      assert.ok(pdfText.includes(caption), `PDF: ${caption}`)
    }
    for (const number of ['(1.1)', '(2.1)', '(3.1)']) {
      assert.ok(chapters.includes(number), `EPUB: ${number}`)
      assert.ok(reading.lines.some((line) => line.text.trim() === number), `PDF: ${number} on a line of its own`)
    }
    // The figure whose label is taken is set with its caption, unnumbered: nothing can refer to it.
    assert.ok(chapters.includes('The plan again') && !chapters.includes('Figure 3.2'))
  })

  it('writes the references in words in the EPUB, with no page words', () => {
    for (const words of [
      'The shapes of Figure 3.1 are set far',
      'the plan in Figure 1.1 is close by',
      'As Figures 1.1 and 3.1 show, and as Equation (1.1) says',
      'Table 1.1 lists the widths; Tables 1.1 and 2.1 together',
      'The chapter on shapes, Section “Shapes”, comes last',
      'A reference to fig:nowhere finds nothing',
      'Figure 1.1 in Section “Measure” shows the plan; Equation (2.1) below, and Equation (1.1) before it',
      'See Figure 3.1, just above, and Table 1.1, back in the first chapter',
      'As Equation (3.1) says',
    ]) {
      assert.ok(chapters.includes(words), words)
    }
    assert.ok(!/on pages? \d/.test(chapters))
    const first = documents.find((document) => document.href.startsWith('chapter-1'))!.xhtml
    assert.match(first, /<strong>fig:nowhere<\/strong>/)
  })

  it('EPUB: links each number to its figure, table, formula or section', () => {
    const ids = new Map<string, string>()
    for (const document of documents) for (const match of document.xhtml.matchAll(/<(\w+)[^>]* id="([^"]+)"/g)) ids.set(`${document.href}#${match[2]}`, match[1]!)
    const expected: Record<string, string> = { 'Figure 3.1': 'figure', 'Table 1.1': 'div', 'Equation (1.1)': 'div', 'Section “Shapes”': 'h1' }
    const seen = new Set<string>()
    for (const document of documents.filter((candidate) => /chapter-\d/.test(candidate.href))) {
      for (const match of document.xhtml.matchAll(/(Figures?|Tables?|Equation|Section)[\s\u00a0]<a href="([^"]+)">([^<]+)<\/a>/g)) {
        const href = match[2]!.startsWith('#') ? `${document.href}${match[2]}` : match[2]!
        const tag = ids.get(href)
        assert.ok(tag, `${match[0]} leads to ${href}`)
        const key = `${match[1]} ${match[3]}`
        if (expected[key]) {
          assert.equal(tag, expected[key], key)
          seen.add(key)
        }
      }
    }
    assert.deepEqual([...seen].sort(), Object.keys(expected).sort())
  })

  it('PDF: adds the page of a target on another spread, the page its caption or number is printed on', () => {
    const checks: Array<{ words: RegExp; target: string }> = [
      { words: /The shapes of Figure 3\.1 on page (\d+) are set far/, target: 'Figure 3.1: Two shapes' },
      { words: /Figures 1\.1 and 3\.1 on page (\d+) show/, target: 'Figure 3.1: Two shapes' },
      { words: /See Figure 3\.1, just above, and Table 1\.1 on page (\d+), back/, target: 'Table 1.1: Widths' },
      { words: /Figure 1\.1 on page (\d+) in Section/, target: 'Figure 1.1: The plan' },
    ]
    for (const { words, target } of checks) {
      const match = words.exec(pdfText)
      assert.ok(match, `${words} in the PDF`)
      assert.equal(Number(match[1]), pageOfLine(reading, target, bodyStart - 1), `${words}: the page of ${target}`)
    }
    // A target on the reference's own spread has no page words.
    assert.match(pdfText, /the plan in Figure 1\.1 is close by/)
    const figureFar = pageOfLine(reading, 'Figure 3.1: Two shapes', bodyStart - 1)!
    const referenceAt = reading.lines.find((line) => flat(line.text).includes('See Figure 3.1, just above'))!.page
    assert.equal(spreadOf(figureFar), spreadOf(referenceAt), 'the reference after the figure is on its spread')
  })

  it('PDF: the numbers are links that land on their targets', () => {
    const landing = (text: RegExp): PdfLine | undefined => {
      const line = reading.lines.find((candidate) => text.test(flat(candidate.text)) && candidate.page >= bodyStart)
      assert.ok(line, String(text))
      const links = reading.links.filter((link) => link.page === line.page && link.rect[1] <= line.baseline + 1 && line.baseline + 1 <= link.rect[3] && link.lands)
      assert.ok(links.length > 0, `links on ${line.text}`)
      return links.map((link) => lineAt(reading, link.lands!)).find((target) => target !== undefined && /Figure 3\.1: Two shapes/.test(flat(target.text)))
    }
    const lands = landing(/^The shapes of Figure 3\.1/)
    assert.ok(lands, 'a link on the first line lands at the caption of Figure 3.1 or just above it')
  })

  it('lists the figures and the tables after the contents in both editions', () => {
    const nav = documents.find((document) => document.href === 'toc.xhtml')?.xhtml ?? ''
    for (const [id, entries] of [
      ['lof', ['Figure 1.1: The plan of a page', 'Figure 3.1: Two shapes, a circle and a triangle']],
      ['lot', ['Table 1.1: Widths of the measure', 'Table 2.1: Sizes of the type']],
    ] as const) {
      const list = new RegExp(`<nav id="${id}" epub:type="${id}">([\\s\\S]*?)</nav>`).exec(nav)
      assert.ok(list, `nav ${id}`)
      const links = [...list[1]!.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)]
      assert.deepEqual(links.map((link) => flat(link[2]!)), entries)
      for (const link of links) {
        const [file, id] = link[1]!.split('#')
        const target = documents.find((document) => document.href === file)
        assert.ok(target?.xhtml.includes(`id="${id}"`), link[1])
      }
      assert.match(nav, new RegExp(`epub:type="${id}"[^>]*>List of (Figures|Tables)</a>`), `landmark ${id}`)
    }
    for (const [title, entries] of [
      ['List of Figures', ['Figure 1.1: The plan of a page', 'Figure 3.1: Two shapes, a circle and a triangle']],
      ['List of Tables', ['Table 1.1: Widths of the measure', 'Table 2.1: Sizes of the type']],
    ] as const) {
      const heading = reading.lines.find((line) => line.text.trim() === title)
      assert.ok(heading && heading.page < bodyStart, title)
      for (const entry of entries) {
        const line: PdfLine | undefined = reading.lines.find((candidate) => candidate.page === heading.page && flat(candidate.text).startsWith(entry))
        assert.ok(line, entry)
        const printed: number = Number(/(\d+)$/.exec(line.text.trim())?.[1])
        assert.equal(printed, pageOfLine(reading, entry, bodyStart - 1), `${entry}: its page`)
      }
    }
  })
})

describe('words written around a bracketed cross-reference', () => {
  it('are set before and after the reference in both editions, print\'s page words between the number and the words after it', async () => {
    const out = await tempDir()
    const source = [
      '---', 'title: Around', 'lang: en', '---', '',
      '# One {#sec:one}', '',
      'As shown [see @sec:two], and [@tbl:w, p. 4] too; also [cf. @tbl:w; @sec:two, below].', '',
      '| a | b |', '|---|---|', '| 1 | 2 |', '', ': Widths {#tbl:w}', '',
      '# Two {#sec:two}', '',
      'Text [see @sec:one] here.', '',
    ].join('\n')
    const file = path.join(out, 'around.md')
    await writeFile(file, source)
    const diag = new Diagnostics()
    await build(file, { outDir: out, formats: ['epub', 'pdf'], theme: defaultTheme, page: 'a5', sourceDateEpoch: '1700000000' }, diag)
    assert.deepEqual(diag.messages.map(formatMessage), [])
    const documents = await epubSpine(path.join(out, 'around.epub'))
    const text = flat(documents.filter((document) => /chapter-\d/.test(document.href)).map((document) => decodeXml(document.xhtml.replace(/<[^>]+>/g, ''))).join(' '))
    for (const words of ['As shown see Section “Two”, and Table 1, p. 4 too; also cf. Table 1 and Section “Two”, below.', 'Text see Section “One” here.']) {
      assert.ok(text.includes(words), `${words} in ${text}`)
    }
    assert.ok(!text.includes('@'))
    const reading = await readPdf(path.join(out, 'around.pdf'))
    const pdf = flat(reading.lines.map((line) => line.text).join(' '))
    const two = reading.lines.find((line) => line.text === 'Two' && line.page > 3)!.page
    const one = reading.lines.find((line) => line.text === 'One' && line.page > 3)!.page
    assert.ok(pdf.includes(`As shown see Section “Two” on page ${two}, and Table 1, p. 4 too; also cf. Table 1 and Section “Two” on page ${two}, below.`), pdf)
    assert.ok(pdf.includes(`Text see Section “One” on page ${one} here.`), pdf)
    const check = await epubcheck(path.join(out, 'around.epub'))
    assert.deepEqual(check.problems, [])
  })
})
