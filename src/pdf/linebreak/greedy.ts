/**
 * First-fit line breaking: fill each line with as much as fits, then move on; never look back. What a
 * word processor or a browser does. Used for ragged text, where lines are set at their natural width,
 * and as the baseline the benchmark holds total-fit against.
 *
 * - A line "fits" when its natural width is within the measure (ragged), or within the measure at full
 *   shrink (justified).
 * - Hyphenation points are taken only when needed: for justified text when the line without the hyphen
 *   would be looser than `tolerance`; for ragged text when it would leave more than `hyphenZone` of the
 *   measure empty. Never more than `maxHyphenRun` hyphenated lines in a row.
 * - Emergency breaks are taken only when nothing else fits on an empty line; failing those, a hyphen
 *   past the run limit; failing that, the line sticks out (`overfull`) holding the least it can.
 * - Lines ending at a forced break (the paragraph's last) are never stretched.
 */

import type { BreakCosts } from './costs.js'
import type { BreakOptions, Item, Line } from './items.js'
import { reportedRatio } from './knuth-plass.js'
import { EMERGENCY, FORCED, HYPHENATION, adjustmentRatio, analyse, lineStartAfter } from './paragraph.js'

export function greedy<T>(items: readonly Item<T>[], options: BreakOptions, costs: BreakCosts): Line[] {
  if (items.length === 0) return []
  const { width, stretch, shrink, fills, at, kind, breakWidth, flagged, contentEnd } = analyse(items)
  const lines: Line[] = []
  const last = at.length - 1
  let start = 0
  let next = 0 // first breakpoint not yet passed
  let run = 0

  const ratioAt = (k: number, measure: number): { natural: number; ratio: number } => {
    const to = Math.max(contentEnd[k]!, start)
    const natural = width[to]! - width[start]! + breakWidth[k]!
    const ratio = adjustmentRatio(
      natural,
      stretch[to]! - stretch[start]!,
      shrink[to]! - shrink[start]!,
      fills[to]! - fills[start]!,
      measure,
      kind[k] === FORCED,
    )
    return { natural, ratio }
  }

  while (next <= last) {
    const measure = options.lineWidth(lines.length)
    const fits = (k: number): boolean => {
      const { natural, ratio } = ratioAt(k, measure)
      return options.justify ? ratio >= -1 : natural <= measure + 1e-9
    }
    const tooLoose = (k: number): boolean => {
      const { natural, ratio } = ratioAt(k, measure)
      return options.justify ? ratio > costs.tolerance : (measure - natural) / measure > costs.hyphenZone
    }
    let plain = -1
    let hyphen = -1
    let emergency = -1
    let forced = -1
    let over = -1
    let pastRunLimit = -1
    for (let k = next; k <= last; k++) {
      if (at[k]! < start) continue
      if (!fits(k)) {
        over = k
        break
      }
      const type = kind[k]!
      if (type === FORCED) {
        forced = k
        break
      }
      if (type === EMERGENCY) emergency = k
      else if (flagged[k] === 1) {
        // A hyphen, from patterns or already in the text.
        if (run < costs.maxHyphenRun) {
          if (type === HYPHENATION) hyphen = k
          else plain = k
        } else pastRunLimit = k
      } else plain = k
    }

    let chosen: number
    let overfull = false
    if (forced >= 0) chosen = forced
    else if (plain >= 0 || hyphen >= 0) {
      chosen = plain
      if (hyphen > plain && (plain < 0 || tooLoose(plain))) chosen = hyphen
    } else if (emergency >= 0) chosen = emergency
    else if (pastRunLimit >= 0) chosen = pastRunLimit
    else {
      chosen = over
      overfull = true
    }

    const type = kind[chosen]!
    const adjustment = ratioAt(chosen, measure).ratio
    // Ragged lines keep their natural width; only an overfull one reports its shrink.
    const ratio = options.justify ? adjustment : Math.min(0, adjustment)
    const isFlagged = flagged[chosen] === 1 && type !== EMERGENCY
    const line: Line = {
      start,
      end: at[chosen]!,
      ratio: reportedRatio(ratio, overfull),
      hyphenated: isFlagged,
      overfull,
    }
    run = isFlagged ? run + 1 : 0
    if (overfull || type === EMERGENCY || run > costs.maxHyphenRun || (options.justify && ratio > costs.looseTolerance)) {
      line.emergency = true
    }
    lines.push(line)
    if (chosen === last) break
    start = lineStartAfter(items, at[chosen]!)
    next = chosen + 1
  }
  return lines
}
