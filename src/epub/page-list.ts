import type { Block, Chapter } from '../model/book.js'
import type { PageStart } from '../model/page-map.js'
import { inlineText } from '../model/text.js'

export type { PageStart } from '../model/page-map.js'

/**
 * Separators between words: white space as JavaScript's `\s` knows it, which
 * is how the print edition counts (it includes the no-break spaces).
 */
const space = /\s/

export function isWordSeparator(char: string): boolean {
  return space.test(char)
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '')
}

/**
 * The words of a block, as `PageStart.word` counts them: the runs of
 * non-white-space in the block's plain text (`inlineText` for headings and
 * paragraphs, the source of a code block, the cells of a table row by row).
 * Other blocks (lists, quotes, figures, breaks) have no words of their own: a
 * page that starts at one starts before it.
 */
export function blockWords(block: Block): string[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return words(inlineText(block.children))
    case 'code':
      return words(block.value)
    case 'table':
      return block.rows.flatMap((row) => row.flatMap((cell) => words(inlineText(cell))))
    default:
      return []
  }
}

/** The block a path leads to inside a chapter, or undefined when the path leads nowhere. */
export function blockAt(chapter: Chapter, path: readonly number[]): Block | undefined {
  let blocks: readonly Block[] = chapter.blocks
  let index = 0
  for (;;) {
    const block = blocks[path[index] ?? -1]
    if (!block || index === path.length - 1) return block
    if (block.type === 'blockquote') {
      blocks = block.children
      index += 1
    } else if (block.type === 'list') {
      const item = block.items[path[index + 1] ?? -1]
      if (!item) return undefined
      blocks = item.children
      index += 2
    } else {
      return undefined
    }
  }
}

/** The page starts of one chapter, taken block by block as the chapter is written. */
export class ChapterPages {
  private readonly byBlock = new Map<string, Array<{ word: number; page: number }>>()

  constructor(starts: readonly PageStart[]) {
    for (const start of starts) {
      const key = start.block.join('.')
      const list = this.byBlock.get(key) ?? []
      list.push({ word: start.word, page: start.page })
      this.byBlock.set(key, list)
    }
  }

  /** Take the pages starting in the block at `path` (those up to `maxWord` only, when given), by word. */
  take(path: readonly number[], maxWord = Infinity): Array<{ word: number; page: number }> {
    const key = path.join('.')
    const list = this.byBlock.get(key) ?? []
    const taken = list.filter((start) => start.word <= maxWord)
    const kept = list.filter((start) => start.word > maxWord)
    if (kept.length > 0) this.byBlock.set(key, kept)
    else this.byBlock.delete(key)
    return taken.sort((a, b) => a.word - b.word || a.page - b.page)
  }

  /** Pages whose block was never met: their path leads to no block. */
  rest(): number[] {
    const pages = [...this.byBlock.values()].flat().map((start) => start.page)
    this.byBlock.clear()
    return pages.sort((a, b) => a - b)
  }
}

/** The page starts grouped per chapter index. */
export function pagesByChapter(starts: readonly PageStart[], chapterCount: number): ChapterPages[] {
  const groups: PageStart[][] = Array.from({ length: chapterCount }, () => [])
  for (const start of starts) groups[start.chapter]?.push(start)
  return groups.map((group) => new ChapterPages(group))
}

/** The id of a page-break marker. */
export function pageId(page: number): string {
  return `page-${page}`
}
