import type { FootnoteDefinition } from 'mdast'
import type { Block } from '../../model/book.js'
import type { State } from '../state.js'
import type { FootnoteDraft } from '../types.js'

/**
 * A footnote's content is stored by label and prints nothing where it is
 * defined; the note-numbering pass places it in its chapter's notes.
 */
export function footnoteDefinition(state: State, node: FootnoteDefinition): Block[] {
  const place = state.place(node)
  if (state.footnotes.has(node.identifier)) {
    state.diag.warn(`footnote [^${node.label ?? node.identifier}] is defined twice: the first definition is used`, state.placeOrFile(node), 'footnote')
    return []
  }
  const draft: FootnoteDraft = { blocks: state.blocks(node) }
  if (place) draft.place = place
  state.footnotes.set(node.identifier, draft)
  return []
}
