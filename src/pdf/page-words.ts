/**
 * The print edition's page words of cross-references: "Figure 3.1 on page
 * 16" when the figure is not on the spread the reference is printed on. The
 * pages are known only once the book is laid out, and the words move the
 * lines that hold them: the book is laid out, the words written into the
 * model (`CrossRef.pageWords`, which the chapters' cache keys hash with the
 * rest of the chapter), and laid out again until no words change.
 */
import type { Diagnostics } from '../diagnostics.js'
import type { Book, CrossRef } from '../model/book.js'
import { blockInlines, forEachBlock, visitInlines } from '../model/walk.js'
import type { Theme } from '../theme/index.js'
import { crossReferenceWords, type CrossReferenceWords } from '../transform/cross-reference-words.js'
import { destName } from './dests.js'
import { trialLayout, type LayoutOptions } from './layout.js'

/** Layouts at most before the words are taken as they are: one to find the pages, then rounds while they move. */
const maxRounds = 4

/**
 * Settle the page words of the book's references for this theme and page.
 * A book without references to numbered targets is not laid out here.
 * Once a reference has page words it keeps them (their number may change):
 * words that come and go could otherwise move a line back and forth for ever.
 */
export async function settlePageWords(book: Book, theme: Theme, options: LayoutOptions, diag: Diagnostics): Promise<void> {
  const references = bookReferences(book)
  if (references.length === 0) return
  const words = crossReferenceWords(book.metadata.lang)
  for (let round = 0; round < maxRounds; round++) {
    const pages = await destinationPages(book, theme, options, diag)
    let changed = false
    for (const { reference, chapter } of references) {
      const next = pageWords(reference, chapter, pages, words, reference.pageWords !== undefined)
      if (next !== reference.pageWords) {
        changed = true
        if (next === undefined) delete reference.pageWords
        else reference.pageWords = next
      }
    }
    if (!changed) return
  }
}

/** Which spread a page is on, in a book printed on both sides whose page 1 is a right-hand page: (2, 3), (4, 5)… */
export function spreadOf(page: number): number {
  return Math.floor(page / 2)
}

/**
 * The words a reference needs after it, or undefined when every target is
 * on its spread (or its page is not known): the pages of the targets that
 * are not, in order, joined as the language joins a list.
 */
function pageWords(reference: CrossRef, chapter: string, pages: ReadonlyMap<string, number>, words: CrossReferenceWords, keep: boolean): string | undefined {
  const at = reference.id === undefined ? undefined : pages.get(destName(chapter, reference.id))
  if (at === undefined) return reference.pageWords
  const targetPages = reference.targets.map((target) => pages.get(destName(target.chapter, target.id))).filter((page): page is number => page !== undefined)
  let far = [...new Set(targetPages.filter((page) => spreadOf(page) !== spreadOf(at)))].sort((a, b) => a - b)
  // Words once given are kept, with the pages as they now are.
  if (far.length === 0 && keep) far = [...new Set(targetPages)].sort((a, b) => a - b)
  if (far.length === 0) return undefined
  const list = new Intl.ListFormat(words.listLocale, { type: 'conjunction' }).format(far.map(String))
  return `\u00a0${far.length === 1 ? words.onPage : words.onPages}\u00a0${list}`
}

/** Every reference of the book with a target, with the id of its chapter. */
function bookReferences(book: Book): Array<{ reference: CrossRef; chapter: string }> {
  const found: Array<{ reference: CrossRef; chapter: string }> = []
  for (const chapter of book.chapters) {
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      forEachBlock(blocks, (block) => {
        for (const inlines of blockInlines(block)) visitInlines(inlines, (inline) => inline.type === 'crossRef' && inline.targets.length > 0 && found.push({ reference: inline, chapter: chapter.id }))
      })
    }
  }
  return found
}

/** Where every destination lands with the words as they stand; what the layout says is said again by the build that draws it. */
async function destinationPages(book: Book, theme: Theme, options: LayoutOptions, diag: Diagnostics): Promise<ReadonlyMap<string, number>> {
  return (await trialLayout(book, theme, options, diag)).destinationPages()
}
