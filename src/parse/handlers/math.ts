import type { Parents } from 'mdast'
import type { InlineMath, Math } from 'mdast-util-math'
import type { Block, Inline, InlineMath as ModelInlineMath, MathBlock } from '../../model/book.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'
import { equationLabel } from '../equation-labels.js'

/** A displayed formula (`$$ … $$` on lines of their own): the TeX as written, with its label (see `equation-labels.ts`). */
export function math(state: State, node: Math): Block[] {
  const label = equationLabel(node)
  return [withPlace<MathBlock>({ type: 'math', tex: node.value, ...(label === undefined ? {} : { id: label }) }, state.place(node))]
}

/**
 * A formula in a line (`$ … $`, or `$$ … $$` among other text). Prices are
 * not formulas: as in pandoc, a formula between single dollars neither starts
 * nor ends with white space and its closing dollar is not followed by a
 * digit, so "costs $5 and $10" keeps its text.
 */
export function inlineMath(state: State, node: InlineMath, parent: Parents): Inline[] {
  const next = parent.children[(parent.children as readonly unknown[]).indexOf(node) + 1]
  const followedByDigit = next?.type === 'text' && /^[0-9]/.test(next.value)
  // The rule is for single dollars; between double dollars (`$$ x $$`) spaces are a formula's own.
  const price = dollarsOf(node) === 1 && (followedByDigit || /^\s|\s$/.test(node.value))
  if (price || node.value.trim() === '') {
    return [{ type: 'text', value: asWritten(node) }]
  }
  const formula: ModelInlineMath = { type: 'inlineMath', tex: node.value }
  const place = state.place(node)
  if (place) formula.place = place
  return [formula]
}

/** The formula's text with its dollars, as many as were written around it. */
function asWritten(node: InlineMath): string {
  const dollars = dollarsOf(node)
  return '$'.repeat(dollars) + node.value + '$'.repeat(dollars)
}

/** How many dollars open (and close) the formula: 1 or 2 (micromark's value leaves out a space inside each). */
function dollarsOf(node: InlineMath): number {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start !== undefined && end !== undefined && end - start - node.value.length >= 4 ? 2 : 1
}
