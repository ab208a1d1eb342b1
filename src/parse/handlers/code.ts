import type { Code } from 'mdast'
import type { Block, CodeBlock } from '../../model/book.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'

export function code(state: State, node: Code): Block[] {
  const block: CodeBlock = { type: 'code', value: node.value }
  // rustdoc's and mdBook's fences carry attributes after a comma (```` ```rust,ignore ````): the language is before it.
  const lang = node.lang?.split(',')[0]?.trim()
  if (lang) block.lang = lang
  return [withPlace(block, state.place(node))]
}
