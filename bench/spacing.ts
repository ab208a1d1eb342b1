/**
 * Word spacing of justified text, Octavo against Typst, on the same text and page: A5, the default
 * theme's margins (306 pt measure), Literata 10.5 pt on 1.4 leading, justified and hyphenated.
 * Every PDF is measured from its glyph positions (pdftotext's word boxes), never from an engine's own
 * report. Rows:
 * - Octavo: the PDF of `octavo build` (when the CLI can build one);
 * - Octavo line breaker: the same paragraphs set by the benchmark's small typesetter with
 *   `breakLines` (total-fit), isolating the line breaker from the rest of the pipeline;
 *   and again with words that have a capital hyphenated too (the theme forbids it, Typst does it);
 * - first-fit: the same small typesetter with greedy breaking (what pdfkit or a word processor does);
 * - Typst.
 *
 *   node lib/bench/spacing.js [manuscript.md]
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { breakLines, greedy, knuthPlass, withCosts } from '../src/pdf/linebreak/index.js'
import { readParagraphs } from './common/article.js'
import { openFace } from './common/font.js'
import { itemMaker } from './common/items.js'
import { renderPdf } from './common/mini-pdf.js'
import { measureSpacing, type SpacingFigures } from './common/pdf-spacing.js'
import { page, type } from './common/setting.js'
import { typstCompiler, typstParagraphs, typstPreamble } from './common/typst.js'

const manuscript = path.resolve(process.argv[2] ?? 'content/article.md')
const out = path.join(os.tmpdir(), 'octavo-bench-spacing')
mkdirSync(out, { recursive: true })

const face = openFace()
const naturalSpace = face.spaceEm * type.size
const paragraphs = readParagraphs(manuscript)
const makeItems = itemMaker(face)
const items = paragraphs.map((text, i) => makeItems(text, i > 0))
const options = { lineWidth: () => page.measure, justify: true, uniformFrom: 0 }

const rows: [string, SpacingFigures | string][] = []

// Octavo's own build.
const octavoDir = path.join(out, 'octavo')
mkdirSync(octavoDir, { recursive: true })
const build = spawnSync(process.execPath, ['bin/octavo.js', 'build', manuscript, '--out', octavoDir, '--format', 'pdf'], {
  encoding: 'utf8',
})
const built = readdirSync(octavoDir).find((name) => name.endsWith('.pdf'))
if (build.status === 0 && built !== undefined) rows.push(['Octavo (octavo build)', measureSpacing(path.join(octavoDir, built), naturalSpace)])
else rows.push(['Octavo (octavo build)', `not built: ${(build.stderr || build.stdout).trim().split('\n')[0] ?? `exit ${build.status}`}`])

// The line breaker alone, and first-fit, through the small typesetter.
const optimalPdf = path.join(out, 'breakLines.pdf')
await renderPdf(optimalPdf, items, items.map((paragraph) => breakLines(paragraph, options)))
rows.push(['Octavo line breaker', measureSpacing(optimalPdf, naturalSpace)])
// The theme forbids hyphens in words with a capital; Typst allows them. The same breaker with them allowed:
const capitalisedItems = paragraphs.map((text, i) => itemMaker(face, 'en', { ...type.hyphenation, capitalised: 'initial' })(text, i > 0))
const capitalisedPdf = path.join(out, 'breakLines-capitalised.pdf')
await renderPdf(capitalisedPdf, capitalisedItems, capitalisedItems.map((paragraph) => breakLines(paragraph, options)))
rows.push(['  capitalised hyphenated', measureSpacing(capitalisedPdf, naturalSpace)])
const firstFitPdf = path.join(out, 'first-fit.pdf')
await renderPdf(firstFitPdf, items, items.map((paragraph) => greedy(paragraph, options, withCosts())))
rows.push(['first-fit', measureSpacing(firstFitPdf, naturalSpace)])

// Typst.
const typstPdf = path.join(out, 'typst.pdf')
writeFileSync(typstPdf, typstCompiler().pdf({ mainFileContent: typstPreamble() + typstParagraphs(paragraphs) }))
rows.push(['Typst', measureSpacing(typstPdf, naturalSpace)])

console.log(`${path.relative(process.cwd(), manuscript)}: ${paragraphs.length} paragraphs; measure ${page.measure.toFixed(1)} pt; Literata ${type.size} pt, natural space ${naturalSpace.toFixed(2)} pt`)
console.log('word space as a multiple of the natural space, on justified body lines (not last lines), from glyph positions')
console.log(`${''.padEnd(24)} ${'lines'.padStart(5)} ${'mean'.padStart(6)} ${'p95'.padStart(6)} ${'max'.padStart(6)} ${'>1.5×'.padStart(6)} ${'<0.95×'.padStart(6)}`)
for (const [name, figures] of rows) {
  if (typeof figures === 'string') {
    console.log(`${name.padEnd(24)} ${figures}`)
    continue
  }
  console.log(
    `${name.padEnd(24)} ${String(figures.lines).padStart(5)} ${figures.mean.toFixed(3).padStart(6)} ${figures.p95.toFixed(3).padStart(6)} ` +
      `${figures.max.toFixed(3).padStart(6)} ${String(figures.loose).padStart(6)} ${String(figures.tight).padStart(6)}`,
  )
}

// The breaker's own view of the same paragraphs, as a cross-check of the measurement.
const own = items.flatMap((paragraph) => knuthPlass(paragraph, options, withCosts()).slice(0, -1))
const spaces = own.map((line) => 1 + (line.ratio >= 0 ? line.ratio / 2 : line.ratio / 3))
console.log(
  `(breakLines' own ratios: ${own.length} lines, mean space ${(spaces.reduce((s, r) => s + r, 0) / spaces.length).toFixed(3)}×, ` +
    `${own.filter((line) => line.hyphenated).length} hyphenated; PDFs in ${out})`,
)
