import type { InlineCode } from 'mdast'
import type { Inline } from '../../model/book.js'

export function inlineCode(_state: unknown, node: InlineCode): Inline[] {
  return [{ type: 'inlineCode', value: node.value }]
}
