import type { LinkReference } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Inline } from '../../model/book.js'
import { textWithCitations } from '../citations.js'
import type { State } from '../state.js'
import { linkTo } from './link.js'

/** `[text][label]`, `[label][]`, `[label]`: a link whose URL comes from a definition. */
export function linkReference(state: State, node: LinkReference): Inline[] {
  // `[@doe2020]` is a citation, as pandoc reads it, even where a definition gives the label a URL.
  if (node.referenceType === 'shortcut' && node.children.every((child) => child.type === 'text')) {
    const cited = textWithCitations(`[${toString(node)}]`, state.place(node))
    if (cited.length === 1 && cited[0]!.type === 'citation') return cited
  }
  const definition = state.definitions.get(node.identifier)
  if (!definition) {
    // micromark makes a reference only of a defined label; keep the brackets if that ever changes.
    return [{ type: 'text', value: '[' }, ...state.inlines(node), { type: 'text', value: ']' }]
  }
  return linkTo(state, node, definition.url, definition.title)
}
