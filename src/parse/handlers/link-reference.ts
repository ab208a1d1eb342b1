import type { LinkReference } from 'mdast'
import type { Inline } from '../../model/book.js'
import type { State } from '../state.js'
import { linkTo } from './link.js'

/** `[text][label]`, `[label][]`, `[label]`: a link whose URL comes from a definition. */
export function linkReference(state: State, node: LinkReference): Inline[] {
  const definition = state.definitions.get(node.identifier)
  if (!definition) {
    // micromark makes a reference only of a defined label; keep the brackets if that ever changes.
    return [{ type: 'text', value: '[' }, ...state.inlines(node), { type: 'text', value: ']' }]
  }
  return linkTo(state, node, definition.url, definition.title)
}
