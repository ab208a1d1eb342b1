import type { Block, Place } from '../model/book.js'

/** `block` with `place` set when there is one (the model's `place` is optional, never `undefined`). */
export function withPlace<T extends Block>(block: T, place: Place | undefined): T {
  if (place) block.place = place
  return block
}
