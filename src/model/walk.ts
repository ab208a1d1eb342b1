import type { Block, Chapter, Inline } from './book.js'

/**
 * The one walker of the model. Every pass and emitter that needs to reach
 * nested blocks or inlines goes through `nestedBlocks` and `blockInlines`, so
 * a new kind of block is handled here once, and the exhaustive switches make
 * forgetting it a compile error rather than lost text.
 */

/** For a `default:` that the type checker proves unreachable. */
export function assertNever(value: never): never {
  throw new Error(`unexpected model node: ${JSON.stringify(value)}`)
}

/**
 * The block lists a block holds directly, each with the path steps that lead
 * into it from the block (see `PageStart.block`): a block quote's, an alert's
 * or a disclosure's children (no step), a list item's children (the item's
 * index), a definition's details (the item's index, then the detail's).
 */
export function nestedBlocks(block: Block): Array<{ steps: number[]; blocks: Block[] }> {
  switch (block.type) {
    case 'blockquote':
    case 'alert':
    case 'details':
      return [{ steps: [], blocks: block.children }]
    case 'list':
      return block.items.map((item, index) => ({ steps: [index], blocks: item.children }))
    case 'definitionList':
      return block.items.flatMap((item, index) => item.details.map((blocks, detail) => ({ steps: [index, detail], blocks })))
    case 'heading':
    case 'paragraph':
    case 'code':
    case 'thematicBreak':
    case 'table':
    case 'figure':
    case 'math':
      return []
    default:
      return assertNever(block)
  }
}

/**
 * The inline lists a block holds directly: a heading's or paragraph's text,
 * each table cell, a figure's caption, each term of a definition list, a
 * disclosure's summary.
 */
export function blockInlines(block: Block): Inline[][] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [block.children]
    case 'table':
      return block.rows.flatMap((row) => row.map((cell) => cell.children))
    case 'figure':
      return block.caption ? [block.caption] : []
    case 'definitionList':
      return block.items.flatMap((item) => item.terms)
    case 'details':
      return [block.summary]
    case 'blockquote':
    case 'list':
    case 'code':
    case 'thematicBreak':
    case 'alert':
    case 'math':
      return []
    default:
      return assertNever(block)
  }
}

/** The inlines an inline holds, if any. */
export function inlineChildren(inline: Inline): readonly Inline[] {
  switch (inline.type) {
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
    case 'styled':
    case 'citation':
    case 'crossRef':
      return inline.children
    case 'text':
    case 'inlineCode':
    case 'break':
    case 'noteRef':
    case 'image':
    case 'anchor':
    case 'inlineMath':
    case 'indexMark':
      return []
    default:
      return assertNever(inline)
  }
}

/**
 * Visit every block in document order, nested blocks after their parent.
 * Recursion is safe: the parser caps nesting (see `parse/limit-nesting.ts`).
 */
export function forEachBlock(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block)
    for (const nested of nestedBlocks(block)) forEachBlock(nested.blocks, visit)
  }
}

/**
 * Visit every inline, at every depth: a block's own (see `blockInlines`),
 * then its nested blocks'. That is document order, but in a definition list,
 * whose terms all come before its details.
 */
export function forEachInline(blocks: readonly Block[], visit: (inline: Inline) => void): void {
  forEachBlock(blocks, (block) => {
    for (const inlines of blockInlines(block)) visitInlines(inlines, visit)
  })
}

export function visitInlines(inlines: readonly Inline[], visit: (inline: Inline) => void): void {
  for (const inline of inlines) {
    visit(inline)
    visitInlines(inlineChildren(inline), visit)
  }
}

/** The block a path leads to among `blocks`, or undefined when it leads nowhere. */
export function blockAt(blocks: readonly Block[], path: readonly number[]): Block | undefined {
  const block = blocks[path[0] ?? -1]
  if (!block || path.length === 1) return block
  for (const nested of nestedBlocks(block)) {
    if (nested.steps.every((step, index) => path[1 + index] === step)) {
      const found = blockAt(nested.blocks, path.slice(1 + nested.steps.length))
      if (found) return found
    }
  }
  return undefined
}

/** Whether any block at any depth satisfies `test`. */
export function someBlock(blocks: readonly Block[], test: (block: Block) => boolean): boolean {
  return blocks.some((block) => test(block) || nestedBlocks(block).some((nested) => someBlock(nested.blocks, test)))
}

/**
 * Every id a chapter's manuscript gives, in document order (its text, then
 * its notes): anchors written before blocks, headings' ids, anchors in the
 * text, index marks (once the index-marks pass has named them). The link
 * targets of the chapter.
 */
export function chapterIds(chapter: Chapter): string[] {
  const ids: string[] = []
  for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
    forEachBlock(blocks, (block) => {
      ids.push(...(block.anchors ?? []))
      if (block.type === 'heading' && block.id !== '') ids.push(block.id)
      for (const inlines of blockInlines(block)) {
        visitInlines(inlines, (inline) => (inline.type === 'anchor' || (inline.type === 'indexMark' && inline.id !== '')) && ids.push(inline.id))
      }
    })
  }
  return ids
}
