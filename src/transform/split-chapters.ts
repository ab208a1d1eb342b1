import type { Block } from '../model/book.js'
import { inlineText } from '../model/text.js'

export interface ChapterSlice {
  title: string
  blocks: Block[]
}

/**
 * Cut a single-file manuscript into chapters. With more than one top-level
 * `#` heading, each starts a chapter titled by it, and what comes before the
 * first goes into an opening chapter titled with the book's title. Otherwise
 * (an article) the whole file is one chapter titled with the book's title.
 */
export function splitChapters(blocks: Block[], bookTitle: string): ChapterSlice[] {
  const starts = blocks.flatMap((block, index) => (block.type === 'heading' && block.depth === 1 ? [index] : []))
  if (starts.length <= 1) return [{ title: bookTitle, blocks }]

  const slices: ChapterSlice[] = []
  const opening = blocks.slice(0, starts[0])
  if (opening.length > 0) slices.push({ title: bookTitle, blocks: opening })
  starts.forEach((start, index) => {
    const heading = blocks[start]!
    const title = heading.type === 'heading' ? inlineText(heading.children).trim() : ''
    slices.push({ title: title || bookTitle, blocks: blocks.slice(start, starts[index + 1] ?? blocks.length) })
  })
  return slices
}
