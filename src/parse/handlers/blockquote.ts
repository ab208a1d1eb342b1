import type { Blockquote } from 'mdast'
import type { Block } from '../../model/book.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'

export function blockquote(state: State, node: Blockquote): Block[] {
  return [withPlace({ type: 'blockquote', children: state.blocks(node) }, state.place(node))]
}
