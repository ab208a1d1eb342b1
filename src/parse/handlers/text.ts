import type { Text } from 'mdast'
import type { Inline } from '../../model/book.js'

/**
 * Text. A line ending inside a paragraph is a soft break, which reads as a
 * space: it becomes one here, so `Text` values never hold line breaks and
 * only a `break` inline forces a new line.
 */
export function text(_state: unknown, node: Text): Inline[] {
  const value = node.value.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ')
  return value === '' ? [] : [{ type: 'text', value }]
}
