/**
 * The footnote block at the foot of a page, measured like a page of its own:
 * its first line takes only its `top` (the way a box opening a page does),
 * every later line its full `height`, and the block stands `separator` below
 * the text, the rule in that gap. Counting the first line's full leading
 * instead would reserve space nothing is drawn in, and push a paragraph with
 * its note to the next page when the page had room for both.
 */
import type { FlowBox } from '../flow.js'
import type { Placed } from './types.js'

/** Space a note line takes below the lines already in the block (`first`: it opens the block). */
export function noteAdvance(box: FlowBox, first: boolean): number {
  return first ? box.top : box.height
}

/** Space the block takes at the foot of the text block, the separator included; 0 without notes. */
export function noteBlockHeight(boxes: readonly FlowBox[], separator: number): number {
  if (boxes.length === 0) return 0
  return boxes.reduce((sum, box, index) => sum + noteAdvance(box, index === 0), separator)
}

/** The notes placed with their last baseline on the foot of the text block (`depth`). */
export function placeNotes(boxes: readonly FlowBox[], depth: number, separator: number): Placed[] {
  let y = depth - noteBlockHeight(boxes, separator) + separator
  return boxes.map((box, index) => {
    y += noteAdvance(box, index === 0)
    return { box, y }
  })
}
