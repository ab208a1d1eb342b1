/**
 * The property run at length: random Markdown documents from the test
 * suite's generator (test/support/markdown-arbitrary.ts), built as books of
 * `batch` chapters through the command line and each judged as
 * test/e2e/property.test.ts judges them. Prints the counts, and each failing
 * case with its seed.
 *
 *   node lib/bench/property.js [cases] [first-seed] [batch]     (default 200 cases from seed 1, 40 a book)
 *   node lib/bench/property.js --seed N                          one case, its files kept and named
 *
 * `make property` runs the default. A failing seed is reproduced with `--seed`.
 */
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { runProperty } from '../test/support/property-run.js'
import type { CaseVerdict } from '../test/support/property-run.js'

const args = process.argv.slice(2)
const single = args[0] === '--seed' ? Number(args[1]) : undefined
const cases = single === undefined ? Number(args[0] ?? 200) : 1
const firstSeed = single ?? Number(args[1] ?? 1)
const batch = Math.max(1, Number(args[2] ?? 40))
if (![cases, firstSeed, batch].every(Number.isInteger)) {
  console.error('usage: node lib/bench/property.js [cases] [first-seed] [batch] | --seed N')
  process.exit(2)
}

const started = performance.now()
const verdicts: CaseVerdict[] = []
let builds = 0
for (let start = 0; start < cases; start += batch) {
  const seeds = Array.from({ length: Math.min(batch, cases - start) }, (_, index) => firstSeed + start + index)
  const run = await runProperty(seeds, (line) => console.log(`  ${line}`))
  verdicts.push(...run.cases)
  builds += run.builds
  const failing = run.cases.filter((verdict) => verdict.failures.length > 0).length
  console.log(`seeds ${seeds[0]}–${seeds.at(-1)}: ${run.cases.length - failing} of ${run.cases.length} hold (${run.dir})`)
  if (single !== undefined) console.log(`document: ${path.join(run.dir, 'cases', run.cases[0]!.file)}\neditions: ${path.join(run.dir, 'out')}`)
}

const count = (outcome: CaseVerdict['outcome']): number => verdicts.filter((verdict) => verdict.outcome === outcome).length
const failures = verdicts.filter((verdict) => verdict.failures.length > 0)
console.log('')
console.log(`cases      ${verdicts.length} (seeds ${firstSeed}–${firstSeed + cases - 1}), ${builds} builds, ${((performance.now() - started) / 1000).toFixed(0)} s`)
console.log(`published  ${count('published')}`)
console.log(`refused    ${count('refused')}`)
console.log(`crashed    ${count('crashed')}`)
console.log(`hold       ${verdicts.length - failures.length}`)
console.log(`fail       ${failures.length}`)
for (const verdict of failures) console.log(`  seed ${verdict.seed} (${verdict.outcome}): ${verdict.failures.join('; ')}`)
process.exitCode = failures.length > 0 ? 1 : 0
