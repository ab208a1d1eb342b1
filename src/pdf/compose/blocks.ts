/** The registry of block handlers: one per block type of the model. */
import type { Block } from '../../model/book.js'
import { assertNever } from '../../model/walk.js'
import { destName } from '../dests.js'
import { alert } from './alert.js'

import { blockquote } from './blockquote.js'
import { code } from './code.js'
import type { BlockContext, Composer } from './context.js'
import { definitionList } from './definition-list.js'
import { details } from './details.js'
import { figure } from './figure.js'
import { heading } from './heading.js'
import { list } from './list.js'
import { displayMath } from './math.js'
import { paragraph } from './paragraph.js'
import { table } from './table.js'
import { thematicBreak } from './thematic-break.js'

export function block(c: Composer, node: Block, ctx: BlockContext): void {
  c.place = node.place
  const start = c.items.length
  setBlock(c, node, ctx)
  // Ids written just before the block lead to its first line.
  if (node.anchors && node.anchors.length > 0 && c.chapterId !== undefined) {
    const first = c.items.slice(start).find((item) => item.kind === 'box')
    if (first?.kind === 'box') first.anchors.push(...node.anchors.map((id) => destName(c.chapterId!, id)))
  }
}

function setBlock(c: Composer, node: Block, ctx: BlockContext): void {
  switch (node.type) {
    case 'paragraph':
      return paragraph(c, node, ctx)
    case 'heading':
      return heading(c, node, ctx)
    case 'blockquote':
      return blockquote(c, node, ctx)
    case 'list':
      return list(c, node, ctx)
    case 'code':
      return code(c, node, ctx)
    case 'thematicBreak':
      return thematicBreak(c, node, ctx)
    case 'table':
      return table(c, node, ctx)
    case 'figure':
      return figure(c, node, ctx)
    case 'math':
      return displayMath(c, node, ctx)
    case 'definitionList':
      return definitionList(c, node, ctx)
    case 'details':
      return details(c, node, ctx)
    case 'alert':
      return alert(c, node, ctx)
    default:
      return assertNever(node)
  }
}

/** A sequence of sibling blocks; `ctx.path` is the parent's path. */
export function blocks(c: Composer, nodes: readonly Block[], ctx: BlockContext): void {
  nodes.forEach((node, index) => block(c, node, { ...ctx, path: [...ctx.path, index] }))
}
