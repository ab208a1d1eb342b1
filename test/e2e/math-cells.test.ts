/**
 * Formulas in a table's cells and in its caption: drawn in print as in a
 * paragraph, boxes in the lines of the cell or the caption, tagged as
 * Formulas with their TeX as alternative text; none left as TeX in the text.
 */
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { Diagnostics, formatMessage } from '../../src/diagnostics.js'
import { build, type BuildResult } from '../../src/pipeline.js'
import { defaultTheme } from '../../src/theme/index.js'
import { pdfContent } from '../support/math.js'
import { pdfText, tempDir } from '../support/tools.js'

const manuscript = `---
title: Cells
lang: en
---

# Ratios

Some words before the table, so that the table stands in a chapter with prose around it.

| Quantity | Value |
|----------|-------|
| Half | $\\frac{1}{2}$ |
| Square | $x^2 + y^2$ |

: The square $x^2$ of a length {#tbl:ratios}

Words after the table close the chapter.
`

/** The alternative texts of the PDF's Formula structure elements, as written in the file (a backslash escaped). */
function formulaAlts(content: string): string[] {
  return [...content.matchAll(/<<\s*\/Alt \(((?:[^()\\]|\\.)*)\)[^>]*?\/S \/Formula/g)].map(([, alt]) => alt!.replace(/\\\\/g, '\\'))
}

describe('mathematics in table cells and captions', () => {
  let diag: Diagnostics
  let result: BuildResult
  let pdf: string

  before(async () => {
    const out = await tempDir()
    const file = path.join(out, 'cells.md')
    await writeFile(file, manuscript)
    diag = new Diagnostics()
    result = await build(file, { outDir: out, formats: ['pdf'], theme: defaultTheme, sourceDateEpoch: '1700000000' }, diag)
    pdf = path.join(out, 'cells.pdf')
  })

  it('builds without a warning', () => {
    assert.deepEqual(diag.warnings.map(formatMessage), [])
  })

  it('leaves no TeX in the text a reader copies, and keeps the words around the formulas', async () => {
    const text = (await pdfText(pdf)).join('\n')
    assert.doesNotMatch(text, /\\frac|\^|\$/, text)
    assert.match(text, /The square/)
    assert.match(text, /of a length/)
    assert.match(text, /Half/)
  })

  it('tags each formula of the cells and the caption as a Formula with its TeX as alternative text', async () => {
    const alts = formulaAlts(await pdfContent(pdf))
    assert.deepEqual(alts.sort(), ['\\frac{1}{2}', 'x^2', 'x^2 + y^2'].sort())
  })

  it("draws the formulas as outlines: the page's curves are theirs (the text, from fonts, draws none)", async () => {
    const curves = (await pdfContent(pdf)).match(/^(?:-?[\d.]+ ){6}c$/gm)?.length ?? 0
    assert.ok(curves > 10, `${curves} curves`)
  })

  it('keeps the typesetting report clean', () => {
    const report = result.report!
    assert.deepEqual([report.overfullLines, report.widows, report.orphans], [0, 0, 0])
  })
})
