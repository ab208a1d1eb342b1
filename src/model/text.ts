import type { Block, Inline } from './book.js'
import { assertNever, blockInlines, nestedBlocks } from './walk.js'

/** The plain text of inline content, as a reader would read it aloud. */
export function inlineText(inlines: readonly Inline[]): string {
  let text = ''
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        text += node.value
        break
      case 'break':
        text += '\n'
        break
      case 'image':
        text += node.alt
        break
      case 'inlineMath':
        // Read aloud as its TeX, as the EPUB's alt text gives it; both editions count its words so.
        text += node.tex
        break
      case 'noteRef':
        text += String(node.number)
        break
      case 'anchor':
      case 'indexMark':
        break
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'link':
      case 'styled':
      case 'citation':
        text += inlineText(node.children)
        break
      case 'crossRef':
        text += (node.prefix ?? '') + inlineText(node.children) + (node.suffix ?? '')
        break
      default:
        assertNever(node)
    }
  }
  return text
}

/** The plain text of blocks, one line per paragraph-like block. */
export function blockText(blocks: readonly Block[]): string {
  const lines: string[] = []
  for (const block of blocks) {
    switch (block.type) {
      case 'code':
        lines.push(block.value)
        break
      case 'table':
        for (const row of block.rows) lines.push(row.map((cell) => inlineText(cell.children)).join('\t'))
        break
      case 'figure':
        lines.push(block.caption ? inlineText(block.caption) : block.alt)
        break
      case 'math':
        lines.push(block.tex)
        break
      case 'definitionList':
        // Each item's terms, then its details: the order a reader meets them in.
        for (const item of block.items) {
          for (const term of item.terms) lines.push(inlineText(term))
          for (const detail of item.details) lines.push(blockText(detail))
        }
        continue
      case 'alert':
        lines.push(block.label)
        break
      case 'heading':
      case 'paragraph':
      case 'details':
      case 'blockquote':
      case 'list':
      case 'thematicBreak':
        for (const inlines of blockInlines(block)) lines.push(inlineText(inlines))
        break
      default:
        assertNever(block)
    }
    for (const nested of nestedBlocks(block)) lines.push(blockText(nested.blocks))
  }
  return lines.join('\n')
}

/**
 * Separators between words: white space as JavaScript's `\s` knows it, which
 * is how the print edition counts (it includes the no-break spaces).
 */
const space = /\s/

export function isWordSeparator(char: string): boolean {
  return space.test(char)
}

export function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '')
}

/**
 * The words of a block, as `PageStart.word` counts them in both editions: the
 * runs of non-white-space in the block's plain text (`inlineText` for headings
 * and paragraphs, the source of a code block, the cells of a table row by
 * row, a definition list's terms in order, a disclosure's summary, an alert's
 * label). The blocks nested in a block have their own: lists, quotes, figures
 * and breaks have none, and a page that starts at one starts before it.
 */
export function blockWords(block: Block): string[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return words(inlineText(block.children))
    case 'code':
      return words(block.value)
    case 'table':
      return block.rows.flatMap((row) => row.flatMap((cell) => words(inlineText(cell.children))))
    case 'definitionList':
      return block.items.flatMap((item) => item.terms.flatMap((term) => words(inlineText(term))))
    case 'details':
      return words(inlineText(block.summary))
    case 'alert':
      return words(block.label)
    case 'blockquote':
    case 'list':
    case 'thematicBreak':
    case 'figure':
    case 'math':
      return []
    default:
      return assertNever(block)
  }
}

/** Whether a block may have words of its own (see `blockWords`): a page can start inside it. */
export function hasWords(block: Block): boolean {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'code':
    case 'table':
    case 'definitionList':
    case 'details':
    case 'alert':
      return true
    case 'blockquote':
    case 'list':
    case 'thematicBreak':
    case 'figure':
    case 'math':
      return false
    default:
      return assertNever(block)
  }
}
