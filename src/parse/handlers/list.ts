import type { List as MdastList } from 'mdast'
import type { Block } from '../../model/book.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'
import { listItem } from './list-item.js'

export function list(state: State, node: MdastList): Block[] {
  const ordered = node.ordered === true
  return [
    withPlace(
      {
        type: 'list',
        ordered,
        start: ordered ? (node.start ?? 1) : 1,
        // Loose when the list or any item is: blank lines between or inside items.
        spread: node.spread === true || node.children.some((item) => item.spread === true),
        items: node.children.map((item) => listItem(state, item)),
      },
      state.place(node),
    ),
  ]
}
