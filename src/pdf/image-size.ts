/**
 * The size an image is set at: its own (as the loader measured it, see
 * `load/decode-image.ts`), or the one the manuscript asks.
 */
import type { ImageLength } from '../model/book.js'

export interface ImageSize {
  width: number
  height: number
}

/**
 * The scale the manuscript asks of an image (raw HTML's `width`, else its
 * `height`): a pixel counts as a point, as the image's own pixels do, and a
 * percentage is of `measure`. 1, the image's own size, when it asks nothing.
 */
export function askedScale(hint: { width?: ImageLength; height?: number }, size: ImageSize, measure: number): number {
  if (hint.width) return hint.width.unit === '%' ? (measure * hint.width.value) / 100 / size.width : hint.width.value / size.width
  if (hint.height !== undefined) return hint.height / size.height
  return 1
}
