import type { Text } from 'mdast'
import type { Inline } from '../../model/book.js'
import { mayHoldCitation, textWithCitations } from '../citations.js'
import type { State } from '../state.js'

/**
 * Text. A line ending inside a paragraph is a soft break, which reads as a
 * space: it becomes one here, so `Text` values never hold line breaks and
 * only a `break` inline forces a new line. Citations written in the text
 * (`[@doe2020]`, `@doe2020`) become `citation` inlines.
 */
export function text(state: State, node: Text): Inline[] {
  if (mayHoldCitation(node.value)) return textWithCitations(node.value, state.place(node))
  const value = node.value.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ')
  return value === '' ? [] : [{ type: 'text', value }]
}
