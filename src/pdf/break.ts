/**
 * Break a prepared paragraph into lines and set them: the one place the
 * typesetter calls the line breaker.
 */
import type { Align } from '../theme/index.js'
import { breakLines } from './linebreak/index.js'
import type { Item } from './linebreak/items.js'
import type { Piece } from './prepare.js'
import { setLines } from './setline.js'
import type { SetLine } from './setline.js'

/** `direction`: the paragraph's, as the bidirectional algorithm finds it (see `transform/directions.ts`). */
export function breakAndSet(items: ReadonlyArray<Item<Piece>>, width: number, align: Align, firstLineWidth = width, direction: 'ltr' | 'rtl' = 'ltr'): SetLine[] {
  const lineWidth = (index: number): number => (index === 0 ? firstLineWidth : width)
  const justify = align === 'justify'
  const lines = breakLines(items, { lineWidth, justify, uniformFrom: firstLineWidth === width ? 0 : 1 })
  return setLines(items, lines, direction === 'rtl' ? { lineWidth, justify, align, direction } : { lineWidth, justify, align })
}
