/**
 * Vertical justification: a full page's last baseline is brought down to the
 * foot of the text block, so that facing pages line up. The spaces between
 * blocks take the slack first; a page of running text alone spreads it over
 * its line gaps, but only a little, or it is left short. A page a little too
 * full shrinks its spaces instead, up to a third of each.
 */
import type { Placed } from './types.js'

/** A line gap may grow by this part of the body leading at most. */
const maxLineStretch = 0.1
/**
 * Slack beyond this many body lines is left at the foot: a page cut short by a
 * figure or a table that did not fit reads better short than with its blocks
 * pulled apart.
 */
const maxSlackLines = 4
/**
 * A space between blocks may give up this part of itself, so that a heading
 * and its first lines still fit at a page's foot rather than leave the page
 * several lines short (TeX's glue around sections shrinks the same way).
 */
export const maxSpaceShrink = 1 / 3

/**
 * Whether the first `count` placed boxes (with `spaces`, the flexible gap
 * before each) can be justified to `bottom`: the page builder asks before it
 * chooses where a page ends.
 */
export function justifiable(body: readonly Placed[], spaces: readonly number[], count: number, bottom: number, leading: number): boolean {
  if (count === 0) return false
  const slack = bottom - body[count - 1]!.y
  if (Math.abs(slack) <= 1e-6) return true
  const flexible = flexibleSpace(spaces, count)
  if (slack < 0) return -slack <= flexible * maxSpaceShrink + 1e-6
  if (count < 2 || slack > maxSlackLines * leading) return false
  return flexible > 0 || slack / (count - 1) <= maxLineStretch * leading
}

/** Brings the page's last baseline to `bottom` when it can (see `justifiable`); otherwise leaves it as set. */
export function justifyPage(body: Placed[], spaces: readonly number[], bottom: number, leading: number): void {
  if (!justifiable(body, spaces, body.length, bottom, leading)) return
  const slack = bottom - body.at(-1)!.y
  if (Math.abs(slack) <= 1e-6) return
  const flexible = flexibleSpace(spaces, body.length)
  if (flexible > 0) {
    let shift = 0
    for (let index = 1; index < body.length; index++) {
      shift += (slack * spaces[index]!) / flexible
      body[index]!.y += shift
    }
    return
  }
  const perGap = slack / (body.length - 1)
  for (let index = 1; index < body.length; index++) body[index]!.y += perGap * index
}

/** The spaces between the first `count` boxes (the one before the first box does not count). */
function flexibleSpace(spaces: readonly number[], count: number): number {
  let flexible = 0
  for (let index = 1; index < count; index++) flexible += spaces[index]!
  return flexible
}
