import type { Html, Parents, Root } from 'mdast'
import type { Block, Inline } from '../../model/book.js'
import type { State } from '../state.js'

/**
 * Raw HTML. It is never converted node by node: `State` hands every run of
 * siblings that holds an `html` node to these, which parse the run as one
 * piece of HTML, keep a safe subset and drop the rest with a warning (see
 * `../html/index.ts`, loaded only for a file that has raw HTML).
 */
export function htmlBlocks(state: State, parent: Parents): Block[] {
  return state.rawHtml().htmlBlocks(state, parent)
}

export function htmlInlines(state: State, parent: Parents): Inline[] {
  return state.rawHtml().htmlInlines(state, parent)
}

/** An `html` node met on its own (the registries' entry): a run of one. */
export function blockHtml(state: State, node: Html): Block[] {
  return htmlBlocks(state, alone(node))
}

export function inlineHtml(state: State, node: Html): Inline[] {
  return htmlInlines(state, alone(node))
}

function alone(node: Html): Root {
  return { type: 'root', children: [node] }
}
