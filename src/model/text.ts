import type { Block, Inline } from './book.js'

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
      case 'noteRef':
        text += String(node.number)
        break
      default:
        text += inlineText(node.children)
    }
  }
  return text
}

/** The plain text of blocks, one line per paragraph-like block. */
export function blockText(blocks: readonly Block[]): string {
  const lines: string[] = []
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        lines.push(inlineText(block.children))
        break
      case 'blockquote':
        lines.push(blockText(block.children))
        break
      case 'list':
        for (const item of block.items) lines.push(blockText(item.children))
        break
      case 'code':
        lines.push(block.value)
        break
      case 'table':
        for (const row of block.rows) lines.push(row.map(inlineText).join('\t'))
        break
      case 'figure':
        lines.push(block.caption ? inlineText(block.caption) : block.alt)
        break
      case 'thematicBreak':
        break
    }
  }
  return lines.join('\n')
}
