/**
 * The vocabulary of Knuth and Plass's line breaking: a paragraph is a list of
 * boxes (material of fixed width), glue (space that stretches and shrinks) and
 * penalties (places where a line may end, at a cost).
 *
 * Prepare builds these from measured text; linebreak chooses the breakpoints;
 * neither knows about fonts or pages. `T` is whatever the preparer needs to draw
 * a box later (a run of text in a font, an image, a footnote call …).
 */

export interface Box<T = unknown> {
  type: 'box'
  width: number
  content: T
}

export interface Glue {
  type: 'glue'
  width: number
  stretch: number
  shrink: number
}

export interface Penalty {
  type: 'penalty'
  /** Width added to the line if it ends here (the hyphen's width at a hyphenation point). */
  width: number
  /** Cost of ending a line here; `-Infinity` forces a break, `Infinity` forbids one. */
  cost: number
  /** Flagged penalties are hyphens: two flagged breaks in a row cost extra. */
  flagged: boolean
  /**
   * What the break is, when it is more than an ordinary penalty (absent: ordinary).
   * - `'hyphenation'`: a point found by hyphenation patterns; `width` is the hyphen drawn if the line ends
   *   here. The breaker prices it with `BreakCosts.hyphenPenalty` (ignoring `cost`) and leaves it out of
   *   its first, tight pass. A flagged penalty with `width > 0` and no `kind` counts as one too.
   * - `'emergency'`: a break inside a box that no glue can save (a long URL or word); used only in the
   *   last pass, priced `BreakCosts.emergencyPenalty` (ignoring `cost`), never counted as a hyphenated
   *   line. Give it `width` = a hyphen's width to have one drawn, or 0 for a URL.
   */
  kind?: 'hyphenation' | 'emergency'
}

export type Item<T = unknown> = Box<T> | Glue | Penalty

export const forcedBreak = -Infinity
export const forbiddenBreak = Infinity

/** One chosen line: items `[start, end)` are on it, `end` is the breakpoint's index. */
export interface Line {
  start: number
  end: number
  /**
   * How far glue on the line was stretched (> 0) or shrunk (< 0), relative to its stretchability or
   * shrinkability. Always finite and >= -1. A line ending at a forced break (the paragraph's last) is
   * never stretched, but may be shrunk: apply a negative ratio on every line.
   */
  ratio: number
  /** Whether the line ends at a hyphen. */
  hyphenated: boolean
  /** True when the line is wider than the measure even at full shrink (only after every other option failed). */
  overfull: boolean
  /**
   * Set (to true) on a line of the last resort: it ends at an emergency break, or is looser than
   * `BreakCosts.looseTolerance`, or is overfull. Every other line has `-1 <= ratio <= looseTolerance`.
   */
  emergency?: boolean
}

export interface BreakOptions {
  /** Width available to line `index` (0-based); lets a paragraph wrap around an indent or a drop cap. */
  lineWidth: (index: number) => number
  /** Whether lines are justified; ragged text still benefits from total-fit, with a fixed stretch. */
  justify: boolean
  /**
   * `lineWidth(i)` returns the same width for every `i >= uniformFrom` (0 when every line has the same
   * width). Lets the breaker merge ways of reaching a breakpoint in different numbers of lines (TeX's
   * "easy lines"), which is faster. Absent: line counts are kept apart, always correct.
   */
  uniformFrom?: number
  /**
   * TeX's \looseness, for pagination: set the paragraph in this many lines more (> 0) or fewer (< 0)
   * than its best setting, or as near as the tolerances allow (a widow or orphan can often be removed
   * by making a paragraph one line longer or shorter). Lines stay within the same limits. Justified
   * (total-fit) breaking only; slower, as line counts are kept apart.
   */
  looseness?: number
}

/*
 * Builders, so that every producer of items writes them the same way.
 */

export function box<T>(width: number, content: T): Box<T> {
  return { type: 'box', width, content }
}

export function glue(width: number, stretch: number, shrink: number): Glue {
  return { type: 'glue', width, stretch, shrink }
}

export function penalty(width: number, cost: number, flagged = false): Penalty {
  return { type: 'penalty', width, cost, flagged }
}

/** A hyphenation point inside a word: `hyphenWidth` is the width of the hyphen drawn if the line ends here. */
export function hyphenationPoint(hyphenWidth: number): Penalty {
  return { type: 'penalty', width: hyphenWidth, cost: 0, flagged: true, kind: 'hyphenation' }
}

/**
 * A break after an explicit hyphen or dash already in the text (`leader-|to`): nothing is added at the
 * break; flagged, so it counts towards runs of hyphenated lines. `cost` is TeX's \exhyphenpenalty.
 */
export function explicitHyphenBreak(cost = 50): Penalty {
  return { type: 'penalty', width: 0, cost, flagged: true }
}

/** A last-resort break inside a box; `width` is what is drawn at the break (a hyphen's width, or 0). */
export function emergencyBreak(width = 0): Penalty {
  return { type: 'penalty', width, cost: 0, flagged: false, kind: 'emergency' }
}
