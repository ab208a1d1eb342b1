import type { Delete } from 'mdast'
import type { Inline } from '../../model/book.js'
import type { State } from '../state.js'

/** GFM strikethrough (`delete` is a reserved word, hence the name). */
export function strikethrough(state: State, node: Delete): Inline[] {
  const children = state.inlines(node)
  return children.length > 0 ? [{ type: 'delete', children }] : []
}
