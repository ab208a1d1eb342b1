/**
 * Vertical justification: a full page's last baseline is brought down to the
 * foot of the text block, so that facing pages line up. The spaces between
 * blocks take the slack first; a page of running text alone spreads it over
 * its line gaps, but only a little, or it is left short.
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

export function justifyPage(body: Placed[], spaces: readonly number[], bottom: number, leading: number): void {
  if (body.length < 2) return
  const last = body.at(-1)!
  const slack = bottom - last.y
  if (slack <= 1e-6 || slack > maxSlackLines * leading) return
  const flexible = spaces.reduce((sum, space) => sum + space, 0)
  let shift = 0
  if (flexible > 0) {
    for (let index = 1; index < body.length; index++) {
      shift += (slack * spaces[index]!) / flexible
      body[index]!.y += shift
    }
    return
  }
  const perGap = slack / (body.length - 1)
  if (perGap > maxLineStretch * leading) return
  for (let index = 1; index < body.length; index++) body[index]!.y += perGap * index
}
