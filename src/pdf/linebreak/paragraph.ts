/**
 * What both line breakers need to know about a paragraph, computed once: running sums of widths,
 * stretch and shrink, and the legal breakpoints with their kind, width and cost.
 *
 * The rules, which are TeX's:
 * - Glue is a breakpoint when a box comes right before it; the glue itself then vanishes.
 * - A penalty is a breakpoint unless its cost is `Infinity` (or >= 10000); `-Infinity` (or <= -10000)
 *   forces a break. Its width joins the line that ends there (the hyphen), never any other line.
 * - After a break, glue and penalties up to the next box vanish (the next line starts at a box).
 * - The paragraph ends where the items end: that is a forced break at index `items.length`, unless the
 *   last item is itself a forced-break penalty. Glue and penalties after the last box are no breakpoints
 *   and their width does not count on the last line.
 * - Glue with `stretch: Infinity` is fill glue: a line holding some never counts as stretched.
 */

import type { Item } from './items.js'

/** Breakpoint kinds. */
export const GLUE = 0
export const PENALTY = 1
export const HYPHENATION = 2
export const EMERGENCY = 3
export const FORCED = 4

export interface Paragraph {
  items: readonly Item[]
  /** `width[i]`: natural width of boxes and glue in items `[0, i)`. Same for the three below. */
  width: Float64Array
  /** Finite stretch only. */
  stretch: Float64Array
  shrink: Float64Array
  /** Count of fill glue (infinite stretch). */
  fills: Int32Array
  /** Item index of each legal breakpoint, in order; the last one is the paragraph's end. */
  at: Int32Array
  kind: Uint8Array
  /** Width added to the line ending here (a penalty's width). */
  breakWidth: Float64Array
  /** Cost of breaking here as given in the items (`kind` may override it). */
  cost: Float64Array
  /** Flagged penalty (a hyphen, from patterns or explicit). */
  flagged: Uint8Array
  /** Index up to which items count on a line ending at this breakpoint (before trailing glue at the end). */
  contentEnd: Int32Array
}

export function isForcedCost(cost: number): boolean {
  return cost <= -10000
}

export function analyse(items: readonly Item[]): Paragraph {
  const n = items.length
  const width = new Float64Array(n + 1)
  const stretch = new Float64Array(n + 1)
  const shrink = new Float64Array(n + 1)
  const fills = new Int32Array(n + 1)
  let lastBox = -1
  for (let i = 0; i < n; i++) {
    const item = items[i]!
    let w = 0
    let st = 0
    let sh = 0
    let f = 0
    if (item.type === 'box') {
      w = item.width
      lastBox = i
    } else if (item.type === 'glue') {
      w = item.width
      if (item.stretch === Infinity) f = 1
      else st = item.stretch
      sh = item.shrink
    }
    width[i + 1] = width[i]! + w
    stretch[i + 1] = stretch[i]! + st
    shrink[i + 1] = shrink[i]! + sh
    fills[i + 1] = fills[i]! + f
  }

  // At most one breakpoint per item, plus the paragraph's end.
  const at = new Int32Array(n + 1)
  const kind = new Uint8Array(n + 1)
  const breakWidth = new Float64Array(n + 1)
  const cost = new Float64Array(n + 1)
  const flagged = new Uint8Array(n + 1)
  const contentEnd = new Int32Array(n + 1)
  let count = 0
  const push = (i: number, k: number, w: number, c: number, f: boolean, end: number): void => {
    at[count] = i
    kind[count] = k
    breakWidth[count] = w
    cost[count] = c
    flagged[count] = f ? 1 : 0
    contentEnd[count] = end
    count++
  }
  let ended = false
  let boxesEnd = 0
  for (let i = 0; i < n; i++) {
    const item = items[i]!
    if (item.type === 'box') boxesEnd = i + 1
    else if (item.type === 'glue') {
      if (i > 0 && items[i - 1]!.type === 'box' && i < lastBox) push(i, GLUE, 0, 0, false, i)
    } else if (isForcedCost(item.cost)) {
      // Glue just before a forced break does not count on the line it ends.
      push(i, FORCED, item.width, item.cost, item.flagged, boxesEnd)
      if (i === n - 1) ended = true
    } else if (i < lastBox) {
      if (item.kind === 'emergency') push(i, EMERGENCY, item.width, item.cost, false, i)
      else if (item.kind === 'hyphenation' || (item.kind === undefined && item.flagged && item.width > 0)) {
        push(i, HYPHENATION, item.width, item.cost, true, i)
      } else if (item.cost < 10000) push(i, PENALTY, item.width, item.cost, item.flagged, i)
    }
  }
  if (!ended) push(n, FORCED, 0, -Infinity, false, lastBox + 1)

  return {
    items,
    width,
    stretch,
    shrink,
    fills,
    at: at.subarray(0, count),
    kind: kind.subarray(0, count),
    breakWidth: breakWidth.subarray(0, count),
    cost: cost.subarray(0, count),
    flagged: flagged.subarray(0, count),
    contentEnd: contentEnd.subarray(0, count),
  }
}

/** Index of the first item of the line after a break at item `b`: glue and penalties there vanish. */
export function lineStartAfter(items: readonly Item[], b: number): number {
  let i = b + 1
  while (i < items.length) {
    const item = items[i]!
    if (item.type === 'box') break
    if (item.type === 'penalty' && isForcedCost(item.cost)) break
    i++
  }
  return i
}

/**
 * The adjustment ratio of a line with the given natural width, stretch, shrink and fill glue, set on
 * `measure`. A line ending at a forced break behaves as if closed by fill glue (TeX's \parfillskip): it
 * never stretches, it may shrink. Without stretch a short line has ratio `Infinity`; without shrink a
 * long one `-Infinity`.
 */
export function adjustmentRatio(
  natural: number,
  stretch: number,
  shrink: number,
  fills: number,
  measure: number,
  closesParagraph: boolean,
): number {
  const delta = measure - natural
  // Widths are sums of floating-point numbers; a hair's difference is no adjustment.
  if (Math.abs(delta) < 1e-9) return 0
  if (delta > 0) {
    if (closesParagraph || fills > 0) return 0
    return stretch > 0 ? delta / stretch : Infinity
  }
  return shrink > 0 ? delta / shrink : -Infinity
}
