/**
 * Knuth–Plass must find the least total demerits: checked against brute force over every set of
 * breakpoints on small generated paragraphs, with the cost model written out again independently.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  type BreakCosts,
  type Item,
  box,
  glue,
  hyphenationPoint,
  knuthPlass,
  withCosts,
} from '../../src/pdf/linebreak/index.js'

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function paragraph(next: () => number, words: number): Item[] {
  const items: Item[] = []
  for (let w = 0; w < words; w++) {
    if (w > 0) items.push(glue(5, 2, 2))
    const parts = next() < 0.5 ? 2 + Math.floor(next() * 2) : 1
    for (let p = 0; p < parts; p++) {
      if (p > 0) items.push(hyphenationPoint(4))
      items.push(box(8 + Math.floor(next() * 30), 'x'))
    }
  }
  return items
}

const fitness = (r: number): number => (r > 1 ? 0 : r > 0.5 ? 1 : r >= -0.5 ? 2 : 3)

/** Total demerits of breaking at `breaks` (item indices, the last one `items.length`), or Infinity if not allowed. */
function demerits(items: readonly Item[], breaks: readonly number[], width: number, costs: BreakCosts): number {
  let total = 0
  let start = 0
  let previousFitness = 2
  let previousFlagged = false
  let run = 0
  const glueBreaks = items.flatMap((item, i) => (item.type === 'glue' ? [i] : []))
  const lastGlue = glueBreaks.at(-1) ?? -1
  for (const [n, b] of breaks.entries()) {
    const last = n === breaks.length - 1
    let natural = 0
    let stretch = 0
    let shrink = 0
    for (let i = start; i < b; i++) {
      const item = items[i]!
      if (item.type !== 'penalty') natural += item.width
      if (item.type === 'glue') {
        stretch += item.stretch
        shrink += item.shrink
      }
    }
    const at = items[b]
    const flagged = at?.type === 'penalty'
    if (flagged) natural += at.width
    let ratio = 0
    if (natural < width && !last) ratio = (width - natural) / stretch
    if (natural > width) ratio = (width - natural) / shrink
    if (ratio < -1 || ratio > costs.tolerance) return Infinity
    run = flagged ? run + 1 : 0
    if (run > costs.maxHyphenRun) return Infinity
    let d = (costs.linePenalty + 100 * Math.abs(ratio) ** 3) ** 2
    if (flagged) d += costs.hyphenPenalty ** 2
    if (flagged && previousFlagged) d += costs.doubleHyphenDemerits
    else if (last && previousFlagged) d += costs.finalHyphenDemerits
    if (Math.abs(fitness(ratio) - previousFitness) > 1) d += costs.adjacentFitnessDemerits
    if (last && (n === 0 ? -1 : breaks[n - 1]!) >= lastGlue) d += costs.runtPenalty ** 2
    total += d
    previousFitness = fitness(ratio)
    previousFlagged = flagged
    start = b + 1
  }
  return total
}

function bruteForce(items: readonly Item[], width: number, costs: BreakCosts): number {
  const candidates = items.flatMap((item, i) => (item.type === 'glue' || item.type === 'penalty' ? [i] : []))
  let best = Infinity
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const breaks = candidates.filter((_, j) => (mask >> j) & 1)
    breaks.push(items.length)
    best = Math.min(best, demerits(items, breaks, width, costs))
  }
  return best
}

test('total-fit finds the least demerits, as brute force does', () => {
  const next = random(1981)
  // Fitness, hyphen and run-limit terms made large, so that keeping more than one node per breakpoint matters.
  const costs = withCosts({
    pretolerance: null,
    // Loose enough for any line holding glue (whose badness stays finite and below the breaker's cap),
    // not the last resort.
    tolerance: 1e9,
    looseTolerance: 1e9,
    hyphenPenalty: 0,
    adjacentFitnessDemerits: 1e8,
    doubleHyphenDemerits: 0,
    maxHyphenRun: 2,
  })
  let compared = 0
  for (let trial = 0; trial < 600; trial++) {
    const items = paragraph(next, 5 + Math.floor(next() * 8))
    const breakpoints = items.filter((item) => item.type !== 'box').length
    if (breakpoints > 13) continue
    const width = 100 + Math.floor(next() * 100)
    const expected = bruteForce(items, width, costs)
    if (expected === Infinity) continue
    for (const uniformFrom of [0, undefined]) {
      const options = uniformFrom === undefined ? { lineWidth: () => width, justify: true } : { lineWidth: () => width, justify: true, uniformFrom }
      const lines = knuthPlass(items, options, costs)
      const got = demerits(items, lines.map((line) => line.end), width, costs)
      assert.ok(Math.abs(got - expected) <= 1e-6 * expected, `trial ${trial}: ${got} against ${expected}`)
    }
    compared++
  }
  assert.ok(compared > 50, `only ${compared} paragraphs compared`)
})
