import type { FootnoteReference } from 'mdast'
import type { Inline } from '../../model/book.js'
import type { State } from '../state.js'

/**
 * A footnote call. Its `note` holds the label until the note-numbering pass
 * gives it the note's id and number.
 */
export function footnoteReference(state: State, node: FootnoteReference): Inline[] {
  if (!state.footnoteLabels.has(node.identifier)) {
    // GFM only makes a call of a defined label; keep the text if that ever changes.
    return [{ type: 'text', value: `[^${node.label ?? node.identifier}]` }]
  }
  return [{ type: 'noteRef', note: node.identifier, number: 0 }]
}
