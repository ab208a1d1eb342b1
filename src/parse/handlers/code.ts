import type { Code } from 'mdast'
import type { Block, CodeBlock } from '../../model/book.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'

export function code(state: State, node: Code): Block[] {
  const block: CodeBlock = { type: 'code', value: node.value }
  if (node.lang) block.lang = node.lang
  return [withPlace(block, state.place(node))]
}
