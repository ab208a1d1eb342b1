/**
 * The back-of-book index in both editions, from a book of three chapters with
 * some fifty marks: entries, subentries, `see` and `see also`, ranges, the
 * same term in several chapters, accented terms sorted as French sorts them.
 * The pages each mark fell on are found in the PDF's own text, by the words
 * around the mark, and the index must print exactly those.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import type { Book, IndexMark } from '../../src/model/book.js'
import { chapterIndexMarks } from '../../src/model/index-entries.js'
import { bothEditions, epubBodyText, wordTokens, type BothEditions } from '../support/editions.js'
import { columnLines, readPdf, type PdfReading } from '../support/pdf-links.js'
import { mergedPages, printedIndexEntries } from '../support/printed-index.js'
import { defaultTheme } from '../../src/theme/default.js'
import { epubcheck, octavoInProcess, tempDir } from '../support/tools.js'
import { writeFile } from 'node:fs/promises'
import { load, root } from '../load/support.js'

const fixture = path.join(root, 'test/fixtures/index-book')
const directive = /:index\[[^\]]*\](\{[^}]*\})?/g

/** The PDF's text as the test compares it: one line, line-end hyphens joined, typographer's apostrophes plain. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/(\p{L})- (\p{L})/gu, '$1$2').replace(/’/g, "'").trim()
}

/** The few words written right after a mark, other marks left out. */
function wordsAfter(mark: IndexMark, source: string): string {
  const line = source.split('\n')[mark.place!.line - 1]!
  const rest = line.slice(mark.place!.column - 1).replace(/^:index\[[^\]]*\](\{[^}]*\})?/, '').replace(directive, '')
  return rest.trim().split(/\s+/).slice(0, 3).join(' ').replace(/[.,]$/, '')
}

/** The terms of a group's outermost list of entries, not its subentries'. */
function outermostTerms(group: string): string[] {
  const terms: string[] = []
  let depth = 0
  for (const [tag, term] of group.matchAll(/<ul\b|<\/ul>|<span epub:type="index-term">([^<]*)<\/span>/g)) {
    if (tag === '<ul') depth++
    else if (tag === '</ul>') depth--
    else if (depth === 1) terms.push(term!)
  }
  return terms
}

describe('the index of a book', () => {
  let book: Book
  let warnings: string[]
  let editions: BothEditions
  let reading: PdfReading
  let marks: Array<{ mark: IndexMark; chapter: string; file: string }>
  let indexHtml: string

  before(async () => {
    const loaded = await load(fixture)
    book = loaded.book!
    warnings = loaded.warnings
    marks = book.chapters.flatMap((chapter) => chapterIndexMarks(chapter).map((mark) => ({ mark, chapter: chapter.id, file: chapter.source })))
    editions = await bothEditions(book, 'index')
    reading = await readPdf(editions.pdfFile, { pieces: true })
    indexHtml = editions.documents.find((document) => document.href === 'book-index.xhtml')!.xhtml
  })

  it('builds with no warning from some fifty marks', () => {
    assert.deepEqual(warnings, [])
    assert.ok(marks.length >= 50, `${marks.length} marks`)
  })

  it('passes EPUBCheck with no error and no warning', async () => {
    const result = await epubcheck(editions.epubFile)
    assert.deepEqual(result.problems, [])
    assert.equal(result.code, 0)
  })

  it('in the EPUB, follows the EPUB Indexes structure, sorted by the book’s language under letters, symbols and numbers first', () => {
    assert.match(indexHtml, /<section[^>]*epub:type="index"[^>]*>/)
    const groups = [...indexHtml.matchAll(/<section epub:type="index-group"[^>]*><h2>([^<]*)<\/h2>(.*?)<\/section>/g)]
    assert.deepEqual(groups.map((group) => group[1]), ['Symboles', 'Nombres', 'A', 'B', 'C', 'E', 'F', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'T', 'V', 'Z'])
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })
    const letters = groups.slice(2)
    const terms: string[] = []
    for (const [, letter, body] of letters) {
      // The group's own entries: the terms of its outermost list.
      const top = outermostTerms(body!)
      // Under the letter it sorts with (œil under O), before the next letter.
      const next = String.fromCharCode(letter!.charCodeAt(0) + 1)
      for (const term of top) assert.ok(collator.compare(letter!, term) <= 0 && (letter === 'Z' || collator.compare(next, term) > 0), `${term} under ${letter}`)
      terms.push(...top)
    }
    assert.deepEqual(terms, [...terms].sort(collator.compare))
    // Accented terms sorted with their letters, not after z.
    assert.ok(terms.indexOf('école') < terms.indexOf('espaces') && terms.indexOf('Émile') < terms.indexOf('espaces'))
    assert.ok(terms.indexOf('ábaco') < terms.indexOf('boîtes et ressorts'))
    assert.match(indexHtml, /<span epub:type="index-term">TeX<\/span>, <a epub:type="index-locator"[^>]*>[^<]*<\/a>\. <i>voir<\/i> <span epub:type="index-xref-preferred">composition<\/span>/)
    assert.match(indexHtml, /<span epub:type="index-term">boîtes et ressorts<\/span>\. <i>voir aussi<\/i> <span epub:type="index-xref-related">colle<\/span>/)
    const nav = editions.documents.find((document) => /epub:type="toc"/.test(document.xhtml))
    assert.match(nav!.xhtml, /<a href="book-index\.xhtml">Index<\/a>/)
  })

  it('in the EPUB, links every locator to the mark’s place in its chapter', () => {
    const locators = [...indexHtml.matchAll(/epub:type="index-locator" href="([^"#]+)#([^"]+)"/g)]
    const expected = marks.filter(({ mark }) => mark.kind === 'entry' || mark.kind === 'rangeStart').map(({ mark }) => mark.id)
    assert.deepEqual(new Set(locators.map((locator) => locator[2])), new Set(expected))
    for (const [, file, id] of locators) {
      const document = editions.documents.find((candidate) => candidate.href === file)
      assert.ok(document, `${file} is in the spine`)
      assert.equal(document.xhtml.split(`id="${id}"`).length, 2, `one element with id ${id} in ${file}`)
    }
  })

  it('in the PDF, prints for every entry the pages where its marks are, ranges merged, see and see also after them', () => {
    const indexPage = reading.lines.find((line) => line.text === 'Index')!.page
    const pageTexts = editions.pdfPages.map(normalise)
    const sources = new Map<string, string>()
    // The page of each mark: the first page from the previous mark's on whose text the words after it stand.
    const pageOf = new Map<string, number>()
    let from = 0
    for (const { mark, file } of marks) {
      if (!sources.has(file)) sources.set(file, readFileSync(file, 'utf8'))
      const after = normalise(wordsAfter(mark, sources.get(file)!))
      const found = pageTexts.findIndex((text, index) => index >= from && index < indexPage - 1 && text.includes(after))
      assert.ok(found >= 0, `“${after}” (after ${mark.term.join('!')}) is in the PDF`)
      pageOf.set(mark.id, found + 1)
      from = found
    }
    // What the index must say of each term, from the marks' pages.
    const expected = new Map<string, { pages: number[]; see: string[]; seeAlso: string[] }>()
    const open = new Map<string, number[]>()
    for (const { mark } of marks) {
      const key = mark.term.join(' > ')
      const entry = expected.get(key) ?? { pages: [], see: [], seeAlso: [] }
      expected.set(key, entry)
      for (let step = 1; step < mark.term.length; step++) {
        const parent = mark.term.slice(0, step).join(' > ')
        if (!expected.has(parent)) expected.set(parent, { pages: [], see: [], seeAlso: [] })
      }
      const page = pageOf.get(mark.id)!
      if (mark.kind === 'entry') entry.pages.push(page)
      if (mark.kind === 'see') entry.see.push(mark.target!.join(', '))
      if (mark.kind === 'seealso') entry.seeAlso.push(mark.target!.join(', '))
      if (mark.kind === 'rangeStart') open.set(key, [...(open.get(key) ?? []), page])
      if (mark.kind === 'rangeEnd') {
        const start = open.get(key)!.shift()!
        for (let covered = start; covered <= page; covered++) entry.pages.push(covered)
      }
    }
    const expectedLines = new Map([...expected].map(([key, entry]) => {
      const parts = [mergedPages(entry.pages)].filter((part) => part !== '')
      if (entry.see.length > 0) parts.push(`voir ${entry.see.join('; ')}`)
      if (entry.seeAlso.length > 0) parts.push(`voir aussi ${entry.seeAlso.join('; ')}`)
      return [key, parts.join('; ').replace(/^(\d[^;]*); voir/, '$1; voir')]
    }))
    const { size, index: shape } = defaultTheme
    // The printed index, read back column by column, nested and with continued lines joined.
    const { lines: entries, entries: joined } = printedIndexEntries(reading.lines, indexPage, defaultTheme, /^(\p{Lu}|Symboles|Nombres)$/u)
    const printed = new Map<string, string>()
    const stack: string[] = []
    for (const { text, depth } of joined) {
      const match = /^(.*?)(?: ((?:\d+(?:–\d+)?)(?:, \d+(?:–\d+)?)*))?(?:;? (voir.*))?$/.exec(text)!
      stack.length = depth
      stack.push(match[1]!)
      printed.set(stack.join(' > '), [match[2], match[3]].filter((part) => part !== undefined).join('; '))
    }
    assert.deepEqual(printed, expectedLines)
    // Set in the theme's columns, in the index's smaller type.
    assert.deepEqual([...new Set(entries.map((line) => line.column))].sort(), [0, 1])
    for (const line of entries) assert.ok(Math.abs(line.top - line.baseline - size * shape.scale) < 0.1, `“${line.text}” is set at ${line.top - line.baseline} pt`)
    // At least one range merged across pages, and one term found in several chapters.
    assert.ok([...printed.values()].some((value) => /\d–\d/.test(value)))
  })

  it('in the PDF, links each page number to the page it names', () => {
    const indexPage = reading.lines.find((line) => line.text === 'Index')!.page
    const links = reading.links.filter((link) => link.page >= indexPage)
    assert.ok(links.length >= 40, `${links.length} links`)
    for (const link of links) {
      const line = reading.lines.find((candidate) => candidate.page === link.page && link.rect[1] <= candidate.baseline + 1 && candidate.baseline <= link.rect[3])
      assert.ok(line && link.lands, `link on page ${link.page} lands`)
      const covered = [...line.text.matchAll(/(\d+)(?:–(\d+))?/g)].some(([, a, b]) => link.lands!.page >= Number(a) && link.lands!.page <= Number(b ?? a))
      assert.ok(covered, `link on “${line.text}” lands on page ${link.lands!.page}`)
    }
  })

  it('loses no word of the text around the marks', async () => {
    const sources = book.chapters.map((chapter) => readFileSync(chapter.source, 'utf8').replace(directive, '')).join('\n')
    assert.deepEqual(wordTokens((await epubBodyText(editions.epubFile)).replace(/’/g, "'")), wordTokens(sources))
  })
})

describe('an index mark inside a link, a heading and a footnote', () => {
  it('makes a valid EPUB whose locators lead to the marks, and a PDF that lists their pages', async () => {
    const folder = await tempDir()
    const source = [
      '---',
      'title: Marks in places',
      'lang: en',
      '---',
      '',
      '# Marks :index[heading term]',
      '',
      'Read [the book :index[linked term]of Knuth](https://example.org/knuth) today.[^1]',
      '',
      '[^1]: A note :index[noted term]with a mark.',
      '',
    ].join('\n')
    await writeFile(path.join(folder, 'marks.md'), source)
    const result = await octavoInProcess(['build', path.join(folder, 'marks.md'), '--out', folder, '--quiet'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stderr, '')
    const check = await epubcheck(path.join(folder, 'marks.epub'))
    assert.deepEqual(check.problems, [])
    const reading = await readPdf(path.join(folder, 'marks.pdf'), { pieces: true })
    const text = columnLines(reading.lines.filter((line) => line.page >= reading.lines.find((line) => line.text === 'Index')!.page), defaultTheme.index.columns).map((line) => line.text)
    for (const term of ['heading term', 'linked term', 'noted term']) assert.ok(text.includes(`${term} 1`), `${term} on page 1 in ${JSON.stringify(text)}`)
  })
})
