import type { Strong } from 'mdast'
import type { Inline } from '../../model/book.js'
import type { State } from '../state.js'

export function strong(state: State, node: Strong): Inline[] {
  const children = state.inlines(node)
  return children.length > 0 ? [{ type: 'strong', children }] : []
}
