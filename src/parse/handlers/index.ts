import type { Nodes, Parents } from 'mdast'
import type { Block, Inline } from '../../model/book.js'
import type { State } from '../state.js'
import { blockquote } from './blockquote.js'
import { hardBreak } from './break.js'
import { code } from './code.js'
import { definition } from './definition.js'
import { strikethrough } from './delete.js'
import { emphasis } from './emphasis.js'
import { footnoteDefinition } from './footnote-definition.js'
import { footnoteReference } from './footnote-reference.js'
import { heading } from './heading.js'
import { blockHtml, inlineHtml } from './html.js'
import { image } from './image.js'
import { imageReference } from './image-reference.js'
import { textDirective } from './index-mark.js'
import { inlineCode } from './inline-code.js'
import { link } from './link.js'
import { linkReference } from './link-reference.js'
import { list } from './list.js'
import { inlineMath, math } from './math.js'
import { paragraph } from './paragraph.js'
import { strong } from './strong.js'
import { table } from './table.js'
import { text } from './text.js'
import { thematicBreak } from './thematic-break.js'

type NodeOf<Type extends Nodes['type']> = Extract<Nodes, { type: Type }>

export type BlockHandler<N extends Nodes = Nodes> = (state: State, node: N, parent: Parents) => Block[]
export type InlineHandler<N extends Nodes = Nodes> = (state: State, node: N, parent: Parents) => Inline[]

/**
 * Handlers for mdast nodes in block position, one per node type, each in
 * its own file. `listItem`, `tableRow` and `tableCell` are handled by their
 * parents' handlers; `yaml` (front matter) is read by the loader.
 */
export const blockHandlers: { [Type in Nodes['type']]?: BlockHandler<NodeOf<Type>> } = {
  blockquote,
  code,
  definition,
  footnoteDefinition,
  heading,
  html: blockHtml,
  list,
  math,
  paragraph,
  table,
  thematicBreak,
  yaml: ignore,
}

/** Handlers for mdast nodes in phrasing (inline) position. */
export const inlineHandlers: { [Type in Nodes['type']]?: InlineHandler<NodeOf<Type>> } = {
  break: hardBreak,
  delete: strikethrough,
  emphasis,
  footnoteReference,
  html: inlineHtml,
  image,
  imageReference,
  inlineCode,
  inlineMath,
  link,
  linkReference,
  strong,
  text,
  textDirective,
}

function ignore(): [] {
  return []
}
