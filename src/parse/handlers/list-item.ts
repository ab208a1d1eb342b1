import type { ListItem as MdastListItem } from 'mdast'
import type { ListItem } from '../../model/book.js'
import type { State } from '../state.js'

/** An item of a list; `checked` is a boolean for a GFM task-list item, `null` otherwise. */
export function listItem(state: State, node: MdastListItem): ListItem {
  return { checked: typeof node.checked === 'boolean' ? node.checked : null, children: state.blocks(node) }
}
