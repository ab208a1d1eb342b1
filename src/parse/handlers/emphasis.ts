import type { Emphasis } from 'mdast'
import type { Inline } from '../../model/book.js'
import type { State } from '../state.js'

export function emphasis(state: State, node: Emphasis): Inline[] {
  const children = state.inlines(node)
  return children.length > 0 ? [{ type: 'emphasis', children }] : []
}
