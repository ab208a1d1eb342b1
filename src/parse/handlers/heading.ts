import type { Heading as MdastHeading } from 'mdast'
import type { Block, Heading } from '../../model/book.js'
import { headingData } from '../heading-attributes.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'

/**
 * A heading. Its `id` is the one written after it (`{#id}`), or is made from
 * `slugText` by the heading-ids pass, once the chapters of its file are known.
 */
export function heading(state: State, node: MdastHeading): Block[] {
  const data = headingData(node)
  const result: Heading = { type: 'heading', depth: node.depth, id: data?.explicitId ?? '', children: state.inlines(node) }
  if (data?.explicitId !== undefined) result.explicitId = true
  if (data) result.slugText = data.slugText
  return [withPlace(result, state.place(node))]
}
