import type { Image, ImageReference } from 'mdast'
import type { Inline, Place } from '../../model/book.js'
import type { State } from '../state.js'

/** An image among other text: an inline image, or its alt text when it is not a local file. */
export function image(state: State, node: Image): Inline[] {
  return imageInline(state, node, node.url, node.alt ?? '')
}

export function imageInline(state: State, node: Image | ImageReference, url: string, alt: string): Inline[] {
  const asset = resolveImage(state, node, url, alt)
  if (asset !== undefined) return [{ type: 'image', asset, alt }]
  return alt === '' ? [] : [{ type: 'text', value: alt }]
}

/**
 * The asset id of an image's file, or `undefined` (with a warning) for an
 * image that is not a local file: Octavo never fetches anything from the
 * network, so such an image is set as its alt text. A missing file, or one
 * outside the manuscript's folder, fails in the resolver.
 *
 * Every image of the manuscript, inline or a figure, comes through here: this
 * is the one place that warns of an image without alt text (no alt is ever
 * made up for it; the emitters set it as written).
 */
export function resolveImage(state: State, node: Image | ImageReference, url: string, alt: string): string | undefined {
  return resolveImageAt(state, url, alt, state.placeOrFile(node))
}

/** Told of a warning about an image, for a caller that orders its warnings itself (raw HTML's). */
export type ImageWarn = (reason: string, place: Place, ruleId: string) => void

/** `resolveImage` for an image at `place` (raw HTML's `img`), its warnings given to `warn`. */
export function resolveImageAt(state: State, url: string, alt: string, place: Place, warn: ImageWarn = (reason, where, ruleId) => state.diag.warn(reason, where, ruleId)): string | undefined {
  const resolution = state.images.resolve(url, place)
  if (resolution.kind === 'asset') {
    if (alt.trim() === '') warn(`image ${shorten(url)} has no alt text: readers who cannot see it get nothing`, place, 'missing-alt')
    return resolution.id
  }
  if (resolution.kind === 'refused') return undefined
  warn(`image ${shorten(url)} is not a local file: set as its alt text (Octavo never downloads)`, place, 'remote-image')
  return undefined
}

function shorten(url: string): string {
  return url.length > 80 ? `${url.slice(0, 77)}...` : url
}
