/**
 * The print edition of an mdBook book: each part opens with its title alone
 * on a right-hand page; chapters nest under their parts and parents in the
 * contents page and the outline, with mdBook's numbers; a section nested in
 * a chapter opens a new page, not a new right-hand one; the tagged structure
 * holds each part's chapters in a Part; includes resolved, hidden lines gone.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { before, describe, it } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import { loadBook } from '../../src/load/index.js'
import type { Book } from '../../src/model/book.js'
import { pdfText, qpdfCheck, root } from '../support/tools.js'
import { setBook, uncompressed } from './helpers.js'
import type { Written } from './helpers.js'

const run = promisify(execFile)

describe('the PDF of the mdBook fixture', () => {
  let book: Book
  let pdf: Written
  let pages: string[]
  let objects: Map<number, string>
  before(async () => {
    book = await loadBook(path.join(root, 'test/fixtures/mdbook'), new Diagnostics())
    pdf = await setBook(book, { page: 'a5' }, 'mdbook')
    pages = await pdfText(pdf.file)
    const raw = await uncompressed(pdf.file)
    objects = new Map([...raw.matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g)].map(([, id, body]) => [Number(id), body!]))
  })

  /** The page (1-based) whose text starts with `line`. */
  const pageOf = (line: string): number => pages.findIndex((page) => page.split('\n')[0] === line) + 1

  it('is a valid PDF', async () => {
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
    assert.deepEqual(pdf.diag.messages, [])
  })

  it('lists parts, numbers and nesting on its contents page', async () => {
    const number = pages.findIndex((page) => page.startsWith('Contents')) + 1
    // In layout mode, so that each title and its page number read as one line.
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(number), '-l', String(number), pdf.file, '-'])
    const lines = stdout
      .split('\n')
      .map((line) => line.trim().replace(/\s+/g, ' '))
      .filter((line) => line !== '')
      .slice(1, -1)
    const at = (title: string): number => pageOf(title)
    assert.deepEqual(lines, [
      `Foreword ${at('Foreword')}`,
      `Getting started ${at('Getting started')}`,
      `1. Introduction ${at('Introduction')}`,
      `1.1. Variables ${at('Variables')}`,
      `1.2. Functions ${at('Functions')}`,
      `1.2.1. Control flow ${at('Control flow')}`,
      `Ownership ${at('Ownership')}`,
      `2. Understanding ownership ${at('Understanding ownership')}`,
      `2.1. Borrowing ${at('Borrowing')}`,
      `3. Collections ${at('Collections')}`,
      `Appendix: keywords ${at('Appendix: keywords')}`,
    ])
  })

  it('opens each part with its title alone on a right-hand page, no folio, the part’s first chapter on the next one', () => {
    for (const [part, first] of [
      ['Getting started', 'Introduction'],
      ['Ownership', 'Understanding ownership'],
    ] as const) {
      const page = pageOf(part)
      assert.equal(page % 2, 1, `${part} on a recto`)
      assert.equal(pages[page - 1]!.trim(), part, 'the title alone, no folio')
      assert.equal(pages[page]!.trim(), '', 'its verso blank')
      assert.equal(pageOf(first), page + 2)
    }
  })

  it('opens a nested section on the next page, a chapter on a right-hand one', () => {
    assert.equal(pageOf('Variables'), pageOf('Introduction') + 1)
    assert.equal(pageOf('Functions'), pageOf('Variables') + 1)
    assert.equal(pageOf('Collections') % 2, 1)
    assert.equal(pageOf('Appendix: keywords') % 2, 1)
  })

  it('nests the outline as the contents: parts, chapters, sections', () => {
    const catalog = [...objects.values()].find((body) => /\/Type \/Catalog\b/.test(body))!
    const outlineRoot = objects.get(Number(/\/Outlines (\d+) 0 R/.exec(catalog)![1]))!
    const entries = (parent: string, depth: number): string[] => {
      const first = /\/First (\d+) 0 R/.exec(parent)
      const lines: string[] = []
      for (let id = first ? Number(first[1]) : 0; id !== 0; ) {
        const entry = objects.get(id)!
        lines.push(`${'  '.repeat(depth)}${/\/Title \(([^)]*)\)/.exec(entry)![1]}`, ...entries(entry, depth + 1))
        const next = /\/Next (\d+) 0 R/.exec(entry)
        id = next ? Number(next[1]) : 0
      }
      return lines
    }
    assert.deepEqual(entries(outlineRoot, 0), [
      'Contents',
      'Foreword',
      'Getting started',
      '  Introduction',
      '    Variables',
      '    Functions',
      '      Control flow',
      'Ownership',
      '  Understanding ownership',
      '    Borrowing',
      '  Collections',
      'Appendix: keywords',
    ])
  })

  it('tags each part as a Part holding its title and its chapters', () => {
    const kinds = (body: string): string[] => [.../\/K \[([^\]]*)\]/.exec(body)?.[1]?.matchAll(/(\d+) 0 R/g) ?? []].map(([, id]) => /\/S \/(\w+)/.exec(objects.get(Number(id))!)?.[1] ?? '?')
    const document = [...objects.values()].find((body) => /\/S \/Document\b/.test(body))!
    assert.deepEqual(kinds(document), ['Sect', 'TOC', 'Sect', 'Part', 'Part', 'Sect'])
    const parts = [...objects.values()].filter((body) => /\/S \/Part\b/.test(body))
    assert.deepEqual(parts.map(kinds), [
      ['H1', 'Sect', 'Sect', 'Sect', 'Sect'],
      ['H1', 'Sect', 'Sect', 'Sect'],
    ])
  })

  it('sets the included code and none of the hidden lines', () => {
    const text = pages.join('\n')
    assert.match(text, /fn area\(&self\) -> f64 \{/)
    assert.doesNotMatch(text, /struct Square|Square\(2\.0\)|assert_eq|ANCHOR|\{\{#(?:include \.\.\/\.\.\/\.\.|rustdoc|playground)/)
    assert.match(text, /^# a literal line that starts with a hash$/m)
  })
})
