import type { ThematicBreak } from 'mdast'
import type { Block } from '../../model/book.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'

export function thematicBreak(state: State, node: ThematicBreak): Block[] {
  return [withPlace({ type: 'thematicBreak' }, state.place(node))]
}
