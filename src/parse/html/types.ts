import type { Parents } from 'mdast'
import type { Block, Inline } from '../../model/book.js'
import type { State } from '../state.js'

/** What the raw HTML converter (`index.ts`, loaded only for files with raw HTML) gives the handlers. */
export interface RawHtml {
  htmlBlocks(state: State, parent: Parents): Block[]
  htmlInlines(state: State, parent: Parents): Inline[]
}
