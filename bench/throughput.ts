/**
 * How fast the line breakers run: paragraphs of a generated book set on the 306 pt measure, items
 * prepared beforehand, only the breaking timed. Prints items and paragraphs per second.
 *
 *   node lib/bench/throughput.js [paragraphs]
 */
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { breakLines, type Item, type Line } from '../src/pdf/linebreak/index.js'
import { generateBook } from './common/book.js'
import { openFace } from './common/font.js'
import { itemMaker } from './common/items.js'
import { page } from './common/setting.js'

const wanted = Number(process.argv[2] ?? 30000)
const article = path.resolve('content/article.md')
const makeItems = itemMaker(openFace())
const paragraphs: Item<string>[][] = []
for (const chapter of generateBook(article, wanted * 90, Math.max(1, Math.round(wanted / 30)))) {
  for (const [i, text] of chapter.paragraphs.entries()) {
    if (paragraphs.length < wanted) paragraphs.push(makeItems(text, i > 0))
  }
}
const itemCount = paragraphs.reduce((sum, items) => sum + items.length, 0)

function run(justify: boolean): { seconds: number; lines: Line[][] } {
  const options = { lineWidth: () => page.measure, justify, uniformFrom: 0 }
  // One warm-up round for the JIT, then the timed one.
  for (const items of paragraphs.slice(0, 2000)) breakLines(items, options)
  const start = performance.now()
  const lines = paragraphs.map((items) => breakLines(items, options))
  return { seconds: (performance.now() - start) / 1000, lines }
}

console.log(`${paragraphs.length} paragraphs, ${itemCount} items (${(itemCount / paragraphs.length).toFixed(0)} a paragraph), measure ${page.measure.toFixed(1)} pt`)
for (const [name, justify] of [['Knuth–Plass (justified)', true], ['first-fit (ragged)', false]] as const) {
  const { seconds, lines } = run(justify)
  const all = lines.flat()
  const hyphenated = all.filter((line) => line.hyphenated).length
  const emergency = all.filter((line) => line.emergency).length
  console.log(
    `${name.padEnd(24)} ${seconds.toFixed(3)} s  ${(itemCount / seconds / 1e6).toFixed(2)} M items/s  ` +
      `${Math.round(paragraphs.length / seconds)} paragraphs/s  ${all.length} lines, ${hyphenated} hyphenated, ${emergency} emergency`,
  )
}
