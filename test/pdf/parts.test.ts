/**
 * A book is set a part at a time (title page, contents, each chapter), so
 * that a long one is never held whole: the contents are drawn last, when the
 * chapters' pages are known, and the PDF must still read in order — pages,
 * outline and structure tree — and report the same figures as the book set in
 * one piece.
 */
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import { composeBook } from '../../src/pdf/compose/index.js'
import { createHyphenator } from '../../src/pdf/hyphenate.js'
import { layoutReport } from '../../src/pdf/index.js'
import { createMeasurer } from '../../src/pdf/measure.js'
import { paginate } from '../../src/pdf/paginate/index.js'
import { defaultTheme, pageGeometry, resolveStyle } from '../../src/theme/index.js'
import { qpdfCheck } from '../support/tools.js'
import { setBook, textBlockText, uncompressed } from './helpers.js'
import type { Written } from './helpers.js'
import { proseBook } from './prose.js'

describe('a book set part by part', () => {
  const book = proseBook({ chapters: 3, paragraphsPerChapter: 30, seed: 7 })
  let pdf: Written
  let raw: string
  before(async () => {
    pdf = await setBook(book, { page: 'a5' }, 'parts')
    raw = await uncompressed(pdf.file)
  })

  it('puts the contents, drawn last, on their own page after the title page', async () => {
    const pages = (await textBlockText(pdf.file)).split('\f')
    assert.match(pages[2]!, /^\s*Contents/)
    const first = pdf.pageStarts.find((start) => start.chapter === 0)!.page
    assert.match(pages[first - 1]!, /Chapter 1/)
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })

  it('lists the contents before the chapters in the structure tree and the outline', () => {
    const objects = new Map([...raw.matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g)].map(([, id, body]) => [Number(id), body!]))
    const document = [...objects.values()].find((body) => /\/S \/Document\b/.test(body))!
    const kids = [.../\/K \[([^\]]*)\]/.exec(document)![1]!.matchAll(/(\d+) 0 R/g)].map(([, id]) => /\/S \/(\w+)/.exec(objects.get(Number(id))!)![1])
    assert.deepEqual(kids, ['Sect', 'TOC', 'Sect', 'Sect', 'Sect'])
    // The outline's top entries, following /First and /Next from its root.
    const catalog = [...objects.values()].find((body) => /\/Type \/Catalog\b/.test(body))!
    const root = objects.get(Number(/\/Outlines (\d+) 0 R/.exec(catalog)![1]))!
    const top: string[] = []
    for (let id = Number(/\/First (\d+) 0 R/.exec(root)![1]); ; ) {
      const entry = objects.get(id)!
      top.push(/\/Title \(([^)]*)\)/.exec(entry)![1]!)
      const next = /\/Next (\d+) 0 R/.exec(entry)
      if (!next) break
      id = Number(next[1])
    }
    assert.deepEqual(top.map((title) => title.split(':')[0]), ['Contents', 'Chapter 1', 'Chapter 2', 'Chapter 3'])
  })

  it('reports what the book set in one piece reports', () => {
    const theme = defaultTheme
    const geometry = pageGeometry(theme, 'a5')
    const measurer = createMeasurer(theme)
    const flow = composeBook(book, theme, measurer, geometry, new Diagnostics(), { hyphenate: createHyphenator('en', theme.hyphenation) })
    const body = resolveStyle(theme, 'body')
    const whole = layoutReport(paginate(flow, { depth: geometry.depth, noteSeparator: body.leading, leading: body.leading }))
    assert.equal(pdf.report.pages, whole.pages)
    assert.equal(pdf.report.lines, whole.lines)
    assert.equal(pdf.report.justifiedLines, whole.justifiedLines)
    assert.ok(Math.abs(pdf.report.adjustment.mean - whole.adjustment.mean) < 1e-9)
    assert.equal(pdf.report.adjustment.p95, whole.adjustment.p95)
    assert.equal(pdf.report.widows, whole.widows)
    assert.equal(pdf.report.orphans, whole.orphans)
  })
})
