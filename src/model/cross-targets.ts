import type { Book, Inline } from './book.js'
import { forEachBlock } from './walk.js'

/** An entry of a list of figures or tables: the numbered figure or table, where it is, its number and caption. */
export interface ListedTarget {
  /** Index of the chapter in `Book.chapters`, and its id. */
  chapter: number
  chapterId: string
  /** The label, the figure's or table's link target in its chapter. */
  id: string
  number: string
  /** The caption's words, without the number's lead. */
  caption: Inline[]
}

/** The numbered figures (`figure`) or tables (`table`) of the book, in book order (see `transform/cross-references.ts`). */
export function listedTargets(book: Book, kind: 'figure' | 'table'): ListedTarget[] {
  const found: ListedTarget[] = []
  book.chapters.forEach((chapter, index) => {
    forEachBlock(chapter.blocks, (block) => {
      if (block.type === kind && block.number !== undefined && block.id !== undefined) {
        found.push({ chapter: index, chapterId: chapter.id, id: block.id, number: block.number.number, caption: block.caption ?? [] })
      }
    })
  })
  return found
}

/** The lists the book asks for (`lof: true`, `lot: true`) that have entries, in the order they are set. */
export function requestedLists(book: Book): Array<{ kind: 'figure' | 'table'; entries: ListedTarget[] }> {
  const lists: Array<{ kind: 'figure' | 'table'; entries: ListedTarget[] }> = []
  if (book.listOfFigures) lists.push({ kind: 'figure', entries: listedTargets(book, 'figure') })
  if (book.listOfTables) lists.push({ kind: 'table', entries: listedTargets(book, 'table') })
  return lists.filter((list) => list.entries.length > 0)
}

/** Whether the book has a table caption or a numbered formula: what the EPUB's style sheet then adds rules for. */
export function hasCaptionsOrNumbers(book: Book): boolean {
  return book.chapters.some((chapter) => {
    let found = false
    forEachBlock(chapter.blocks, (block) => {
      if ((block.type === 'table' && block.caption !== undefined) || (block.type === 'math' && block.number !== undefined)) found = true
    })
    return found
  })
}
