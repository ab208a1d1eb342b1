import type { ImageReference } from 'mdast'
import type { Inline } from '../../model/book.js'
import type { State } from '../state.js'
import { imageInline } from './image.js'

/** `![alt][label]`: an image whose URL comes from a definition. */
export function imageReference(state: State, node: ImageReference): Inline[] {
  const definition = state.definitions.get(node.identifier)
  if (!definition) return [{ type: 'text', value: `![${node.alt ?? ''}]` }]
  return imageInline(state, node, definition.url, node.alt ?? '')
}
