import type { PageStart } from '../model/page-map.js'

export type { PageStart } from '../model/page-map.js'

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
