import type { Book, Chapter, Heading } from './book.js'
import { chapterTree, type ChapterNode } from './chapter-tree.js'
import { inlineText } from './text.js'

/** The numbers of a book's chapters and sections (`2`, `2.1`, `2.1.3`), as both editions and their contents show them. */
export interface SectionNumbers {
  /** By chapter index; none for a chapter not numbered. */
  chapters: Array<string | undefined>
  /** By heading, for the headings of chapters (not those quoted in block quotes or lists). */
  headings: Map<Heading, string>
}

/** A book of one chapter is an article: its title block stands for its chapter. */
function isArticle(book: Book): boolean {
  return book.chapters.length <= 1
}

/** The chapter's first block when it is a heading (the chapter then opens with it). */
function opening(chapter: Chapter): Heading | undefined {
  const first = chapter.blocks[0]
  return first?.type === 'heading' ? first : undefined
}

/**
 * Number the book's sections down to `depth` levels (0: none). In a book, a
 * chapter is the first level (its number from the book's `SUMMARY.md` where
 * it has one, else its place among its siblings in the contents) and its
 * headings below its opening heading the next levels; in an article, whose
 * title is no section, its shallowest headings are the first level. A
 * heading that skips a level counts the skipped one as 0.
 */
export function sectionNumbers(book: Book, depth: number): SectionNumbers {
  const chapters = chapterNumbers(book, depth)
  const headings = new Map<Heading, string>()
  book.chapters.forEach((_, index) => {
    for (const [heading, number] of headingNumbers(book, index, chapters[index], depth)) headings.set(heading, number)
  })
  return { chapters, headings }
}

/** The numbers of a book's chapters, by index (none in an article, whose title is no section). */
export function chapterNumbers(book: Book, depth: number): Array<string | undefined> {
  const numbers: Array<string | undefined> = []
  if (depth < 1 || isArticle(book)) return numbers
  const fromSummary = book.chapters.some((chapter) => chapter.number !== undefined)
  const visit = (nodes: readonly ChapterNode[], prefix: readonly number[]): void => {
    let count = 0
    for (const node of nodes) {
      const { chapter } = node
      if (fromSummary && chapter.number === undefined) continue
      count += 1
      const own = fromSummary ? chapter.number!.replace(/\.$/, '').split('.').map(Number) : [...prefix, count]
      if (own.length <= depth) numbers[node.index] = own.join('.')
      visit(node.children, own)
    }
  }
  // The chapters of parts count on from those before them: a part does not start again at 1.
  visit(chapterTree(book).flatMap((node) => (node.kind === 'chapter' ? [node] : node.children)), [])
  return numbers
}

/**
 * The numbers of the headings of chapter `index` (its opening heading aside,
 * which takes the chapter's number `chapterNumber`): what depends on the
 * rest of the book is only that number, whether the book is an article, and
 * its title.
 */
export function headingNumbers(book: Book, index: number, chapterNumber: string | undefined, depth: number): Map<Heading, string> {
  const numbers = new Map<Heading, string>()
  const chapter = book.chapters[index]
  if (depth < 1 || !chapter) return numbers
  const first = opening(chapter)
  if (isArticle(book)) {
    const repeatsTitle = first?.depth === 1 && inlineText(first.children).trim() === book.metadata.title.trim()
    const headings = chapter.blocks.filter((block): block is Heading => block.type === 'heading' && !(repeatsTitle && block === first))
    const top = Math.min(...headings.map((heading) => heading.depth))
    numberHeadings(headings, (heading) => heading.depth - top + 1, [], depth, numbers)
  } else if (chapterNumber !== undefined) {
    const headings = chapter.blocks.filter((block): block is Heading => block.type === 'heading' && block !== first)
    numberHeadings(headings, (heading) => Math.max(1, heading.depth - (first?.depth ?? 1)), chapterNumber.split('.').map(Number), depth, numbers)
  }
  return numbers
}

/** Headings numbered under `prefix`, each at the level `step` gives it below the prefix. */
function numberHeadings(headings: readonly Heading[], step: (heading: Heading) => number, prefix: readonly number[], depth: number, numbers: Map<Heading, string>): void {
  const counters: number[] = []
  for (const heading of headings) {
    const level = step(heading)
    if (prefix.length + level > depth) continue
    while (counters.length < level) counters.push(0)
    counters.length = level
    counters[level - 1]! += 1
    numbers.set(heading, [...prefix, ...counters].join('.'))
  }
}
