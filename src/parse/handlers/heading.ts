import type { Heading as MdastHeading } from 'mdast'
import type { Block } from '../../model/book.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'

/** A heading; its `id` is given by the heading-ids pass, once the whole book is known. */
export function heading(state: State, node: MdastHeading): Block[] {
  return [withPlace({ type: 'heading', depth: node.depth, id: '', children: state.inlines(node) }, state.place(node))]
}
