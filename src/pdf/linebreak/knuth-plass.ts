/**
 * Total-fit line breaking (Knuth & Plass, "Breaking paragraphs into lines", 1981): of all ways to break
 * a paragraph, choose the one with the least total demerits, by dynamic programming over the legal
 * breakpoints with a list of active nodes (breaks a line may still start from).
 *
 * Per line: demerits = (linePenalty + badness)² ± penalty², badness = 100·|ratio|³, plus extra demerits
 * for two hyphens in a row, a hyphen on the second-last line, a fitness class not next to the previous
 * line's (a tight line after a very loose one) and a last line of a single word.
 * Besides the demerits one hard rule: never more than `maxHyphenRun` consecutive hyphenated lines (in the
 * last resort it gives way, at a price above any line that fits, to keep lines from sticking out: a
 * long compound of short hyphenated parts and nothing else).
 *
 * Passes, each tried only when the one before finds no way through:
 * 1. hyphenation points ignored, lines no looser than `pretolerance` (TeX's first pass);
 * 2. with hyphenation, `tolerance`;
 * 3. with hyphenation, `looseTolerance`;
 * 4. the last resort: any line that does not stick out, plus emergency breaks inside boxes. Should a box
 *    be wider than the measure with no emergency break in it, its line sticks out (`overfull`), alone.
 *
 * With a `looseness` the passes go on (up to the third) until the paragraph comes out that many lines
 * longer or shorter than its best, as TeX does; failing that, as near as the third pass allows.
 *
 * The last line, and any line ending at a forced break, is set as if closed by infinitely stretchable
 * glue (TeX's \parfillskip 0pt plus 1fil): the breaker adds that behaviour itself, the items carry
 * nothing for it. Such a line never stretches (ratio 0 when it falls short) but may shrink (ratio < 0)
 * like any other: renderers must apply a negative ratio on it too.
 *
 * Speed: a node is dropped from the active list as soon as a line from it would be too long, and of the
 * nodes at one breakpoint only those that could still win are kept (same line class, lower or equal
 * hyphen run, not more than `adjacentFitnessDemerits` worse than the best: TeX's rule, made exact for
 * the run limit). The active list thus spans about one line's worth of breakpoints: linear in the
 * paragraph's length for a fixed measure.
 */

import type { BreakCosts } from './costs.js'
import type { BreakOptions, Item, Line } from './items.js'
import {
  EMERGENCY,
  FORCED,
  GLUE,
  HYPHENATION,
  type Paragraph,
  adjustmentRatio,
  analyse,
  lineStartAfter,
} from './paragraph.js'

/** Badness beyond which lines are all equally awful; keeps demerits finite. */
const MAX_BADNESS = 1e7
/*
 * The last resort ranks ways through a paragraph first by lines sticking out, then by breaches of the
 * hyphen-run limit, then by demerits. Both prices dwarf the worst line that fits ((10 + 1e7)² ≈ 1e14),
 * so a breach is chosen only to keep a line from sticking out.
 */
const OVERFULL_DEMERITS = 1e22
const RUN_LIMIT_DEMERITS = 1e18

interface Node {
  /** Breakpoint number in the paragraph (-1 for the paragraph's start). */
  k: number
  /** First item of the line after this break. */
  start: number
  /** Lines set before this break (so the next line has index `line`). */
  line: number
  /** Width of the next line. */
  measure: number
  fitness: number
  /** Consecutive hyphenated lines ending here (0 when the line ending here has no hyphen). */
  run: number
  /** The line ending here ends at a flagged break (hyphen). */
  flagged: boolean
  total: number
  /** Adjustment ratio of the line ending here. */
  ratio: number
  overfull: boolean
  prev: Node | null
}

interface Pass {
  tolerance: number
  hyphenate: boolean
  /** The last resort: emergency breaks, and an overfull line rather than no solution. */
  lastResort: boolean
}

export function knuthPlass<T>(items: readonly Item<T>[], options: BreakOptions, costs: BreakCosts): Line[] {
  if (items.length === 0) return []
  const paragraph = analyse(items)
  const passes: Pass[] = []
  if (costs.pretolerance !== null) passes.push({ tolerance: costs.pretolerance, hyphenate: false, lastResort: false })
  passes.push({ tolerance: costs.tolerance, hyphenate: true, lastResort: false })
  passes.push({ tolerance: costs.looseTolerance, hyphenate: true, lastResort: false })
  passes.push({ tolerance: Infinity, hyphenate: true, lastResort: true })
  let fallback: Node | null = null
  for (const pass of passes) {
    const found = search(paragraph, options, costs, pass)
    if (found === null) continue
    // With a looseness not met, a looser pass may meet it (as TeX does), but not the last resort.
    if (found.met || pass.lastResort) return toLines(paragraph, found.end, costs)
    fallback = found.end
    if (pass.tolerance === costs.looseTolerance) break
  }
  if (fallback !== null) return toLines(paragraph, fallback, costs)
  // The last pass always reaches the end; this is only for the type checker.
  throw new Error('line breaking found no way through the paragraph')
}

/** Fitness classes as in TeX: 0 very loose, 1 loose, 2 decent, 3 tight. */
function fitnessClass(ratio: number): number {
  if (ratio > 1) return 0
  if (ratio > 0.5) return 1
  if (ratio >= -0.5) return 2
  return 3
}

function badness(ratio: number): number {
  const r = Math.abs(ratio)
  return Math.min(100 * r * r * r, MAX_BADNESS)
}

/**
 * The best node at the paragraph's end, and whether it meets the looseness asked for; `null` when this
 * pass cannot set the paragraph.
 */
function search(
  paragraph: Paragraph,
  options: BreakOptions,
  costs: BreakCosts,
  pass: Pass,
): { end: Node; met: boolean } | null {
  const { items, width, stretch, shrink, fills, at, kind, breakWidth, cost, flagged, contentEnd } = paragraph
  const looseness = options.looseness ?? 0
  // Looseness compares line counts, so ways of reaching a breakpoint in different numbers of lines stay apart.
  const uniformFrom = looseness === 0 ? (options.uniformFrom ?? Infinity) : Infinity
  const maxRun = costs.maxHyphenRun
  const root: Node = {
    k: -1,
    start: 0,
    line: 0,
    measure: options.lineWidth(0),
    fitness: 2,
    run: 0,
    flagged: false,
    total: 0,
    ratio: 0,
    overfull: false,
    prev: null,
  }
  const active: Node[] = [root]
  const candidates: Node[] = []
  const last = at.length - 1
  /** The last glue breakpoint seen: a closing line starting at or after it holds a single word (a runt). */
  let lastGlue = -1

  for (let k = 0; k <= last; k++) {
    const type = kind[k]!
    if (type === HYPHENATION && !pass.hyphenate) continue
    if (type === EMERGENCY && !pass.lastResort) continue
    const b = at[k]!
    const forced = type === FORCED
    const isEnd = k === last
    const isFlagged = flagged[k] === 1 && type !== EMERGENCY
    const price =
      type === HYPHENATION ? costs.hyphenPenalty
      : type === EMERGENCY ? costs.emergencyPenalty
      : type === GLUE || forced ? 0
      : cost[k]!
    const penaltyDemerits = price >= 0 ? price * price : -price * price
    const extraWidth = breakWidth[k]!
    const end = contentEnd[k]!

    if (candidates.length > 0) candidates.length = 0
    let lastResort: Node | null = null
    let kept = 0
    for (let i = 0; i < active.length; i++) {
      const a = active[i]!
      if (b < a.start) {
        // The breakpoint lies among the items discarded after `a`: no line from `a` ends there.
        active[kept++] = a
        continue
      }
      const from = a.start
      const to = end > from ? end : from
      const natural = width[to]! - width[from]! + extraWidth
      const ratio = adjustmentRatio(
        natural,
        stretch[to]! - stretch[from]!,
        shrink[to]! - shrink[from]!,
        fills[to]! - fills[from]!,
        a.measure,
        forced,
      )
      // The run limit is hard, except in the last resort, where a line sticking out would be worse.
      const runTooLong = isFlagged && a.run >= maxRun
      if (ratio >= -1 && ratio <= pass.tolerance && (!runTooLong || pass.lastResort)) {
        const fitness = fitnessClass(ratio)
        const lineDemerits = costs.linePenalty + badness(ratio)
        let demerits = lineDemerits * lineDemerits + penaltyDemerits
        if (isFlagged && a.flagged) demerits += costs.doubleHyphenDemerits
        else if (isEnd && a.flagged) demerits += costs.finalHyphenDemerits
        if (Math.abs(fitness - a.fitness) > 1) demerits += costs.adjacentFitnessDemerits
        if (forced && a.k >= lastGlue) demerits += costs.runtPenalty * costs.runtPenalty
        if (runTooLong) demerits += RUN_LIMIT_DEMERITS
        offer(candidates, a, k, ratio, fitness, isFlagged, a.total + demerits, false, uniformFrom)
      }
      if (ratio < -1) {
        // Too long already; any later break from `a` is longer still.
        if (pass.lastResort && (lastResort === null || a.start > lastResort.start)) lastResort = a
        continue
      }
      if (!forced) active[kept++] = a
    }
    if (kept < active.length) active.length = kept

    if (candidates.length === 0 && kept === 0 && lastResort !== null) {
      // Every way on sticks out: set the overfull line from the latest start, alone.
      const a = lastResort
      const from = a.start
      const to = end > from ? end : from
      const ratio = adjustmentRatio(
        width[to]! - width[from]! + extraWidth,
        stretch[to]! - stretch[from]!,
        shrink[to]! - shrink[from]!,
        fills[to]! - fills[from]!,
        a.measure,
        forced,
      )
      offer(candidates, a, k, ratio, 3, isFlagged, a.total + OVERFULL_DEMERITS, true, uniformFrom)
    }

    if (candidates.length > 0) {
      if (isEnd) {
        const best = cheapest(candidates)
        if (looseness === 0) return { end: best, met: true }
        const end = loosest(candidates, looseness)
        return { end, met: end.line === best.line + looseness }
      }
      const slack = costs.adjacentFitnessDemerits
      candidates.sort((x, y) => x.total - y.total)
      for (let i = 0; i < candidates.length; i++) {
        const y = candidates[i]!
        let dominated = false
        for (let j = 0; j < i && !dominated; j++) {
          const x = candidates[j]!
          dominated =
            lineKey(x.line, uniformFrom) === lineKey(y.line, uniformFrom) && x.run <= y.run && x.total + slack <= y.total
        }
        if (!dominated) {
          y.start = lineStartAfter(items, b)
          y.measure = options.lineWidth(y.line)
          active.push(y)
        }
      }
    }
    if (active.length === 0) return null
    if (type === GLUE) lastGlue = k
  }
  return null
}

function lineKey(line: number, uniformFrom: number): number {
  return line < uniformFrom ? line : uniformFrom
}

/** Keeps the cheapest way to reach breakpoint `k` per (fitness class, hyphen run, line class). */
function offer(
  candidates: Node[],
  from: Node,
  k: number,
  ratio: number,
  fitness: number,
  flagged: boolean,
  total: number,
  overfull: boolean,
  uniformFrom: number,
): void {
  const line = from.line + 1
  const run = flagged ? from.run + 1 : 0
  const key = lineKey(line, uniformFrom)
  for (const c of candidates) {
    if (c.fitness === fitness && c.run === run && lineKey(c.line, uniformFrom) === key) {
      if (total < c.total) {
        c.total = total
        c.prev = from
        c.ratio = ratio
        c.line = line
        c.overfull = overfull
      }
      return
    }
  }
  candidates.push({ k, start: 0, line, measure: 0, fitness, run, flagged, total, ratio, overfull, prev: from })
}

function cheapest(candidates: Node[]): Node {
  let best = candidates[0]!
  for (const c of candidates) if (c.total < best.total) best = c
  return best
}

/**
 * TeX's \looseness: of the ways to the end, the one whose line count is nearest the best way's count
 * plus `looseness` (without overshooting), the cheapest of those.
 */
function loosest(candidates: Node[], looseness: number): Node {
  const best = cheapest(candidates)
  const target = best.line + looseness
  let chosen = best
  for (const c of candidates) {
    const towards = looseness > 0 ? c.line <= target && c.line > chosen.line : c.line >= target && c.line < chosen.line
    if (towards || (c.line === chosen.line && c.total < chosen.total)) chosen = c
  }
  return chosen
}

function toLines(paragraph: Paragraph, end: Node, costs: BreakCosts): Line[] {
  const lines: Line[] = []
  for (let node: Node = end; node.prev !== null; node = node.prev) {
    const k = node.k
    const type = paragraph.kind[k]!
    const ratio = reportedRatio(node.ratio, node.overfull)
    const line: Line = {
      start: node.prev.start,
      end: paragraph.at[k]!,
      ratio,
      hyphenated: node.flagged,
      overfull: node.overfull,
    }
    if (node.overfull || type === EMERGENCY || node.ratio > costs.looseTolerance || node.run > costs.maxHyphenRun) line.emergency = true
    lines.push(line)
  }
  return lines.reverse()
}

/**
 * The ratio a renderer can apply: finite, and never shrinking glue past its shrinkability. A line with
 * no stretch that falls short reports 0 (set at its natural width).
 */
export function reportedRatio(ratio: number, overfull: boolean): number {
  if (overfull || ratio < -1) return -1
  if (!Number.isFinite(ratio)) return 0
  return ratio
}
