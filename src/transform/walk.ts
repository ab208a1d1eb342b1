import type { Block, Inline } from '../model/book.js'

/**
 * Visit every block in document order, nested blocks after their parent.
 * Recursion is safe: the parser caps nesting (see `parse/limit-nesting.ts`).
 */
export function forEachBlock(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block)
    if (block.type === 'blockquote') forEachBlock(block.children, visit)
    else if (block.type === 'list') for (const item of block.items) forEachBlock(item.children, visit)
  }
}

/** Visit every inline in document order, headings, paragraphs, table cells and captions included. */
export function forEachInline(blocks: readonly Block[], visit: (inline: Inline) => void): void {
  forEachBlock(blocks, (block) => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        visitInlines(block.children, visit)
        break
      case 'table':
        for (const row of block.rows) for (const cell of row) visitInlines(cell, visit)
        break
      case 'figure':
        if (block.caption) visitInlines(block.caption, visit)
        break
      default:
        break
    }
  })
}

function visitInlines(inlines: readonly Inline[], visit: (inline: Inline) => void): void {
  for (const inline of inlines) {
    visit(inline)
    if ('children' in inline) visitInlines(inline.children, visit)
  }
}
