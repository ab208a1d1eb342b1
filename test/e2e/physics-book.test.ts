/**
 * The worked scholarly example, content/physics: a short course on oscillations
 * and waves with formulas, cross-references, citations and an index. Built once,
 * both editions, and checked for what the example is there to show: the
 * formulas set as MathML in the EPUB (and drawn by a browser, not shown as
 * TeX) and as vector outlines in the PDF, every reference's number and page,
 * every index entry's pages, no warning, EPUBCheck clean.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { before, describe, it } from 'node:test'
import JSZip from 'jszip'
import * as fontkit from 'fontkit'
import puppeteer from 'puppeteer-core'
import { Diagnostics, formatMessage } from '../../src/diagnostics.js'
import type { Book, IndexMark } from '../../src/model/book.js'
import { chapterIndexMarks } from '../../src/model/index-entries.js'
import { build, type BuildResult } from '../../src/pipeline.js'
import { defaultTheme } from '../../src/theme/index.js'
import { epubSpine, wordTokens, type EpubDocument } from '../support/editions.js'
import { readPdf, type PdfReading } from '../support/pdf-links.js'
import { mergedPages, printedIndexEntries } from '../support/printed-index.js'
import { decodeXml, epubcheck, pdfText, root, tempDir } from '../support/tools.js'

const run = promisify(execFile)
const folder = path.join(root, 'content/physics')
const chromium = '/usr/bin/chromium'
const directive = /:index\[[^\]]*\](\{[^}]*\})?/g

/** Text as the tests compare it: one line, no-break spaces plain, line-end hyphens joined. */
function flat(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').replace(/(\p{L})- (\p{L})/gu, '$1$2').replace(/’/g, "'").trim()
}

/** Every node of a part of the model whose `type` is `type`. */
function nodesOf(tree: unknown, type: string, found: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(tree)) for (const item of tree) nodesOf(item, type, found)
  else if (tree !== null && typeof tree === 'object') {
    const node = tree as Record<string, unknown>
    if (node.type === type) found.push(node)
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') nodesOf(value, type, found)
  }
  return found
}

/**
 * The few words written around a mark, other marks left out: up to three after
 * it, as far as the next formula, citation or reference (whose printed text is
 * not what is written); when one comes sooner, the words before the mark as well.
 */
function wordsAround(mark: IndexMark, source: string): string {
  const line = source.split('\n')[mark.place!.line - 1]!
  const rest = line.slice(mark.place!.column - 1).replace(/^:index\[[^\]]*\](\{[^}]*\})?/, '').replace(directive, '')
  const after = rest.split(/[$@[]/)[0]!.trim().split(/\s+/).slice(0, 3)
  if (after.length >= 3) return after.join(' ').replace(/[.,:;]$/, '')
  const before = line.slice(0, mark.place!.column - 1).replace(directive, '').split(/[$\]]/).at(-1)!.trim().split(/\s+/).filter((word) => word !== '').slice(-3)
  return [...before, ...after].join(' ').replace(/[.,:;]$/, '')
}

/** The prose of a chapter file: formulas, labels, citations, references, marks and image lines left out. */
function proseOf(source: string): string {
  return source
    .replace(/\$\$[\s\S]*?\$\$(\s*\{#[^}]*\})?/g, ' ')
    .replace(/\$[^$\n]+\$/g, ' ')
    .replace(directive, '')
    .replace(/\{#[^}]*\}/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[-?@[^\]]*\]/g, ' ')
    .replace(/@\w[\w:-]*(\s\[[^\]]*\])?/g, ' ')
}

describe('the worked example: Oscillations and Waves', () => {
  let diag: Diagnostics
  let result: BuildResult
  let book: Book
  let epubFile: string
  let pdfFile: string
  let documents: EpubDocument[]
  let reading: PdfReading
  let pdfAll: string
  let bodyStart: number
  let sources: Map<string, string>

  before(async () => {
    diag = new Diagnostics()
    const out = await tempDir()
    result = await build(folder, { outDir: out, formats: ['epub', 'pdf'], theme: defaultTheme, page: 'a5', sourceDateEpoch: '1700000000' }, diag)
    book = result.book
    epubFile = path.join(out, 'physics.epub')
    pdfFile = path.join(out, 'physics.pdf')
    documents = await epubSpine(epubFile)
    reading = await readPdf(pdfFile)
    pdfAll = flat(reading.lines.map((line) => line.text).join(' '))
    bodyStart = reading.lines.find((line) => line.text.trim() === 'The Harmonic Oscillator' && line.page > 3 && line.top - line.baseline > 14)?.page
      ?? reading.lines.filter((line) => line.text.trim() === 'The Harmonic Oscillator').at(-1)!.page
    sources = new Map(book.chapters.filter((chapter) => chapter.source.endsWith('.md')).map((chapter) => [chapter.source, '']))
    for (const file of sources.keys()) sources.set(file, await readFile(file, 'utf8'))
  })

  it('is a book of scholarly size: 100 inline and 30 display formulas, 20 works cited, 50 index marks', () => {
    const inline = nodesOf(book.chapters, 'inlineMath').length
    const display = nodesOf(book.chapters, 'math').length
    const cited = new Set(nodesOf(book.chapters, 'citation').flatMap((citation) => (citation.items as Array<{ key: string }>).map((item) => item.key)))
    const marks = book.chapters.flatMap((chapter) => chapterIndexMarks(chapter))
    assert.ok(inline >= 100, `${inline} inline formulas`)
    assert.ok(display >= 30, `${display} display formulas`)
    assert.ok(cited.size >= 20, `${cited.size} works cited`)
    assert.ok(marks.length >= 50, `${marks.length} index marks`)
  })

  it('builds with no diagnostic at all, and sets its pages with no overfull line, widow or orphan', () => {
    assert.deepEqual(diag.messages.map(formatMessage), [])
    assert.equal(diag.failed, false)
    assert.equal(result.report.overfullLines, 0)
    assert.equal(result.report.widows, 0)
    assert.equal(result.report.orphans, 0)
  })

  it('EPUB: passes EPUBCheck, and its chapters carry MathML with alternative text, declared in the manifest', async () => {
    assert.deepEqual((await epubcheck(epubFile)).problems, [])
    const zip = await JSZip.loadAsync(await readFile(epubFile))
    const opfName = Object.keys(zip.files).find((name) => name.endsWith('.opf'))!
    const opf = await zip.file(opfName)!.async('string')
    const chapters = documents.filter((document) => /<math\b/.test(document.xhtml))
    assert.equal(chapters.length, 4, 'the four chapters carry formulas')
    for (const chapter of chapters) {
      const maths = [...chapter.xhtml.matchAll(/<math\b(?:[^>"]|"[^"]*")*>/g)]
      assert.ok(maths.length > 10, `${chapter.href}: ${maths.length} formulas`)
      for (const [tag] of maths) assert.match(tag, /alttext="[^"]+"/, `${chapter.href}: ${tag}`)
      const item = [...opf.matchAll(/<item\s[^>]*>/g)].map(([tag]) => tag).find((tag) => tag.includes(`href="${chapter.href}"`))!
      assert.match(item, /properties="[^"]*\bmathml\b/, item)
    }
    // The math face, subset to the formulas' characters with what its MATH table reaches from them.
    const mathFace = Object.keys(zip.files).find((name) => /fonts\/STIXTwoMath[^/]*\.ttf$/.test(name))
    assert.ok(mathFace, 'the EPUB carries the math face')
    const face = fontkit.create(Buffer.from(await zip.file(mathFace)!.async('uint8array'))) as unknown as { directory: { tables: Record<string, unknown> }; numGlyphs: number }
    assert.ok('MATH' in face.directory.tables, 'with its MATH table')
    assert.ok(face.numGlyphs < 1000, `${face.numGlyphs} glyphs: a subset`)
  })

  it('EPUB: a browser draws every formula, with each fraction’s numerator above its denominator', async () => {
    const dir = await tempDir()
    const zip = await JSZip.loadAsync(await readFile(epubFile))
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
      await writeFile(path.join(dir, name), await entry.async('uint8array'))
    }
    const chapter = Object.keys(zip.files).find((name) => /chapter-1[^/]*\.xhtml$/.test(name))!
    const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
    try {
      const page = await browser.newPage()
      await page.goto(pathToFileURL(path.join(dir, chapter)).href)
      const drawn = await page.evaluate(() => {
        const maths = Array.from(document.querySelectorAll('math'))
        const empty = maths.filter((math) => { const box = math.getBoundingClientRect(); return !(box.width > 0 && box.height > 0) }).map((math) => math.getAttribute('alttext'))
        const fractions = Array.from(document.querySelectorAll('mfrac')).map((fraction) => {
          const [top, bottom] = Array.from(fraction.children).map((child) => child.getBoundingClientRect())
          return { above: top!.bottom <= bottom!.top + 1, tex: fraction.closest('math')!.getAttribute('alttext') }
        })
        return { count: maths.length, empty, fractions }
      })
      assert.ok(drawn.count > 10, `${drawn.count} formulas`)
      assert.deepEqual(drawn.empty, [])
      assert.ok(drawn.fractions.length > 5, `${drawn.fractions.length} fractions`)
      assert.deepEqual(drawn.fractions.filter((fraction) => !fraction.above).map((fraction) => fraction.tex), [])

      // Set in the math face the EPUB carries, whose MATH table stretches a matrix's brackets to its height.
      const modes = Object.keys(zip.files).find((name) => /chapter-3[^/]*\.xhtml$/.test(name))!
      await page.goto(pathToFileURL(path.join(dir, modes)).href)
      const fences = await page.evaluate(async () => {
        await document.fonts.ready
        const family = getComputedStyle(document.querySelector('math')!).fontFamily
        const matrices = Array.from(document.querySelectorAll('mtable')).filter((table) => table.previousElementSibling?.getAttribute('stretchy') === 'true')
        const heights = matrices.map((table) => ({
          table: table.getBoundingClientRect().height,
          fence: table.previousElementSibling!.getBoundingClientRect().height,
          tex: table.closest('math')!.getAttribute('alttext'),
        }))
        return { family, loaded: document.fonts.check('16px "STIX Two Math"'), heights }
      })
      assert.match(fences.family, /^"STIX Two Math", math$/)
      assert.equal(fences.loaded, true, 'the math face is loaded from the EPUB')
      assert.ok(fences.heights.length >= 2, `${fences.heights.length} matrices`)
      for (const { table, fence, tex } of fences.heights) assert.ok(fence >= table * 0.9, `${tex}: a bracket ${fence} px high around a matrix ${table} px high`)
    } finally {
      await browser.close()
    }
  })

  it('PDF: draws the formulas as outlines, with no picture but the one raster figure and no TeX in its text', async () => {
    const { stdout } = await run('pdfimages', ['-list', pdfFile])
    const images = stdout.split('\n').slice(2).filter((line) => line.trim().split(/\s+/)[2] === 'image')
    const rasterFigures = [...sources.values()].join('\n').match(/!\[[^\]]*\]\([^)]*\.png\)/g) ?? []
    assert.equal(images.length, rasterFigures.length, stdout)
    const text = (await pdfText(pdfFile)).join('\n')
    for (const tex of ['\\frac', '\\begin', '\\sqrt', '$', '^{', '_{', '\\omega', '\\dot']) assert.ok(!text.includes(tex), `no ${tex} in the PDF's text`)
  })

  it('PDF: loses no word of the prose', async () => {
    const printed = new Set(wordTokens(flat((await pdfText(pdfFile)).join(' '))))
    const missing = new Set<string>()
    for (const source of sources.values()) for (const word of wordTokens(proseOf(source).replace(/’/g, "'"))) if (!printed.has(word)) missing.add(word)
    assert.deepEqual([...missing], [])
  })

  it('numbers every reference as its target is numbered, and links it there, in the EPUB', () => {
    const targets = new Map<string, string>()
    for (const document of documents) for (const match of document.xhtml.matchAll(/<(figure|div|h\d|table)\b[^>]* id="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g)) targets.set(`${document.href}#${match[2]}`, decodeXml(match[3]!.replace(/<[^>]+>/g, ' ')))
    let checked = 0
    for (const document of documents.filter((candidate) => /chapter-\d/.test(candidate.href))) {
      for (const match of document.xhtml.matchAll(/(Figures?|Tables?|Equations?|Sections?)[\s\u00a0]<a href="([^"]+)">([^<]+)<\/a>/g)) {
        const href = match[2]!.startsWith('#') ? `${document.href}${match[2]}` : match[2]!
        const target = targets.get(href)
        assert.ok(target !== undefined, `${match[0]} leads to ${href}`)
        const number = match[3]!
        const shown = flat(target)
        if (/^Figure/.test(match[1]!)) assert.ok(shown.includes(`Figure ${number}`), `${match[0]}: ${shown.slice(0, 60)}`)
        else if (/^Table/.test(match[1]!)) assert.ok(shown.includes(`Table ${number}`), `${match[0]}: ${shown.slice(0, 60)}`)
        else if (/^Equation/.test(match[1]!)) assert.ok(shown.includes(number), `${match[0]}: ${shown.slice(0, 60)}`)
        else assert.ok(shown.includes(number.replace(/[“”]/g, '')), `${match[0]}: ${shown.slice(0, 60)}`)
        checked++
      }
    }
    assert.ok(checked >= 40, `${checked} references`)
  })

  it('PDF: says “on page N” with the page the target is printed on', () => {
    const pageOfLine = (test: (text: string) => boolean): number | undefined => reading.lines.find((line) => line.page >= bodyStart && test(flat(line.text)))?.page
    let checked = 0
    for (const match of pdfAll.matchAll(/(Figure|Table|Equation|Section) (\(\d+\.\d+\)|\d+\.\d+|“[^”]+”) on page (\d+)/g)) {
      const [, kind, number, page] = match
      const target = kind === 'Equation' ? pageOfLine((text) => text === number || text.endsWith(` ${number}`))
        : kind === 'Section' ? pageOfLine((text) => text.length >= 12 && number!.slice(1, -1).startsWith(text))
        : pageOfLine((text) => text.startsWith(`${kind} ${number}:`))
      assert.equal(Number(page), target, match[0])
      checked++
    }
    assert.ok(checked >= 10, `${checked} page references`)
  })

  it('index: prints for every entry the pages of its marks, and links every EPUB locator to an existing place', () => {
    const marks = book.chapters.flatMap((chapter) => chapterIndexMarks(chapter).map((mark) => ({ mark, file: chapter.source })))
    const indexPage = reading.lines.filter((line) => line.text === 'Index').at(-1)!.page
    const pages = new Map<number, string>()
    for (const line of reading.lines) pages.set(line.page, `${pages.get(line.page) ?? ''} ${line.text}`)
    // Compared without spaces: a line may end at a dash inside a term.
    const pageTexts = [...Array(reading.lines.at(-1)!.page).keys()].map((index) => flat(pages.get(index + 1) ?? '').replace(/\s/g, ''))
    const pageOf = new Map<string, number>()
    let from = bodyStart - 1
    for (const { mark, file } of marks) {
      const after = flat(wordsAround(mark, sources.get(file)!)).replace(/\s/g, '')
      const found = pageTexts.findIndex((text, index) => index >= from && index < indexPage - 1 && text.includes(after))
      assert.ok(found >= 0, `“${after}” (after ${mark.term.join('!')}) is in the PDF`)
      pageOf.set(mark.id, found + 1)
      from = found
    }
    const expected = new Map<string, { pages: number[]; see: string[] }>()
    const open = new Map<string, number[]>()
    for (const { mark } of marks) {
      const key = flat(mark.term.join(' > '))
      const entry = expected.get(key) ?? { pages: [], see: [] }
      expected.set(key, entry)
      for (let step = 1; step < mark.term.length; step++) {
        const parent = flat(mark.term.slice(0, step).join(' > '))
        if (!expected.has(parent)) expected.set(parent, { pages: [], see: [] })
      }
      const page = pageOf.get(mark.id)!
      if (mark.kind === 'entry') entry.pages.push(page)
      if (mark.kind === 'see') entry.see.push(flat(`see ${mark.target!.join(', ')}`))
      if (mark.kind === 'seealso') entry.see.push(flat(`see also ${mark.target!.join(', ')}`))
      if (mark.kind === 'rangeStart') open.set(key, [...(open.get(key) ?? []), page])
      if (mark.kind === 'rangeEnd') {
        const start = open.get(key)!.shift()!
        for (let covered = start; covered <= page; covered++) entry.pages.push(covered)
      }
    }
    const expectedLines = new Map([...expected].map(([key, entry]) => [key, [mergedPages(entry.pages), ...entry.see].filter((part) => part !== '').join('; ')]))
    const { entries: joined } = printedIndexEntries(reading.lines, indexPage, defaultTheme, /^(\p{Lu}|Symbols|Numbers)$/u)
    const printed = new Map<string, string>()
    const stack: string[] = []
    for (const { text, depth } of joined) {
      const match = /^(.*?)(?: ((?:\d+(?:–\d+)?)(?:, \d+(?:–\d+)?)*))?(?:[.;]? (see.*))?$/.exec(flat(text))!
      stack.length = depth
      stack.push(match[1]!.replace(/,$/, ''))
      printed.set(stack.join(' > '), [match[2], match[3]].filter((part) => part !== undefined).join('; '))
    }
    const differing = [...new Set([...printed.keys(), ...expectedLines.keys()])]
      .filter((key) => printed.get(key) !== expectedLines.get(key))
      .map((key) => `${key}: printed ${printed.get(key)}, marks on ${expectedLines.get(key)}`)
    assert.deepEqual(differing, [])
    assert.equal(printed.size, expectedLines.size)
    assert.ok([...printed.values()].some((value) => /\d–\d/.test(value)), 'a range over pages')
    const indexHtml = documents.find((document) => document.href === 'book-index.xhtml')!.xhtml
    const locators = [...indexHtml.matchAll(/epub:type="index-locator" href="([^"#]+)#([^"]+)"/g)]
    assert.ok(locators.length >= 40, `${locators.length} locators`)
    for (const [, file, id] of locators) {
      const document = documents.find((candidate) => candidate.href === file)
      assert.ok(document, `${file} is in the spine`)
      assert.equal(document.xhtml.split(`id="${id}"`).length, 2, `one element with id ${id} in ${file}`)
    }
  })
})
