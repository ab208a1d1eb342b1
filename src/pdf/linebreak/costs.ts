/**
 * The prices the line breakers weigh against each other. All of them can be changed per call, so a
 * theme or a benchmark can tune them without touching the algorithm.
 *
 * Tolerances are adjustment ratios, not TeX badness: 1 means the glue on the line stretched by exactly
 * its stretchability (badness 100), 2 twice that (badness 800).
 */
export interface BreakCosts {
  /**
   * Loosest line accepted by the first pass, which does not try hyphenation points (TeX's
   * \pretolerance). A paragraph that sets well enough without hyphens gets none. `null` skips the
   * pass, so hyphenation is always weighed against spacing.
   */
  pretolerance: number | null
  /** Loosest line accepted by the second pass, with hyphenation (TeX's \tolerance). */
  tolerance: number
  /** Loosest line accepted by the third pass, before the last resort. */
  looseTolerance: number
  /** Added to every line's badness before squaring; makes fewer lines cheaper (TeX's \linepenalty). */
  linePenalty: number
  /**
   * Price of ending a line at a hyphenation point. The paper's 50 hyphenates too eagerly; Typst found
   * 135 right for prose, and its lines come out evenly spaced without a hyphen on every other line.
   */
  hyphenPenalty: number
  /**
   * Price of an emergency break inside a box. High enough that breaking a word without a hyphen is
   * chosen only over a line much looser than `looseTolerance` (at 1000 the break wins over a line
   * stretched past about 2.1 times its stretchability), low enough to beat a line sticking out.
   */
  emergencyPenalty: number
  /** Extra demerits when two consecutive lines end with hyphens (TeX's \doublehyphendemerits). */
  doubleHyphenDemerits: number
  /** Extra demerits when the paragraph's second-last line ends with a hyphen (TeX's \finalhyphendemerits). */
  finalHyphenDemerits: number
  /** Extra demerits when a line's fitness class is not next to the previous line's (TeX's \adjdemerits): a tight line after a very loose one shows. */
  adjacentFitnessDemerits: number
  /** Price of a last line holding a single word or word part (a runt), as Typst does. */
  runtPenalty: number
  /** Hard limit on consecutive lines ending with a hyphen; demerits alone do not guarantee it. */
  maxHyphenRun: number
  /**
   * Ragged text (greedy breaking): hyphenate a word only when not doing so would leave more than this
   * fraction of the measure empty (CSS's hyphenate-limit-zone).
   */
  hyphenZone: number
}

export const defaultCosts: Readonly<BreakCosts> = Object.freeze({
  pretolerance: 1,
  tolerance: 1.5,
  looseTolerance: 2.5,
  linePenalty: 10,
  hyphenPenalty: 135,
  emergencyPenalty: 1000,
  doubleHyphenDemerits: 10000,
  finalHyphenDemerits: 5000,
  adjacentFitnessDemerits: 10000,
  runtPenalty: 100,
  maxHyphenRun: 2,
  hyphenZone: 0.1,
})

/** `defaultCosts` with some fields replaced. */
export function withCosts(costs?: Partial<BreakCosts>): BreakCosts {
  return costs === undefined ? { ...defaultCosts } : { ...defaultCosts, ...costs }
}
