import type { Blockquote, Parents } from 'mdast'
import type { Block } from '../../model/book.js'
import { alertOf } from '../alert.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'

/** A block quote, or one of GitHub's alerts (`> [!NOTE]`): its label is given once the book's language is known. */
export function blockquote(state: State, node: Blockquote, parent: Parents): Block[] {
  const alert = alertOf(node, parent)
  if (alert) return [withPlace({ type: 'alert', kind: alert.kind, label: '', children: state.blocks({ ...node, children: alert.children }) }, state.place(node))]
  return [withPlace({ type: 'blockquote', children: state.blocks(node) }, state.place(node))]
}
