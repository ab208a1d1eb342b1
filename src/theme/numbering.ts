import type { Book, Heading } from '../model/book.js'
import { chapterNumbers, headingNumbers, sectionNumbers, type SectionNumbers } from '../model/section-numbers.js'
import type { Theme } from './theme.js'

export type { SectionNumbers } from '../model/section-numbers.js'

/** The numbers the theme gives the book's chapters and sections (none when it numbers none): what both editions set. */
export function themeSectionNumbers(book: Book, theme: Theme): SectionNumbers {
  return sectionNumbers(book, numberingDepth(theme))
}

/** The depth the theme numbers sections to. */
export function numberingDepth(theme: Theme): number {
  return Math.max(0, Math.floor(theme.numbering.depth))
}

/** The numbers the theme gives the book's chapters, by index. */
export function themeChapterNumbers(book: Book, theme: Theme): Array<string | undefined> {
  return chapterNumbers(book, numberingDepth(theme))
}

/** The numbers the theme gives the headings of chapter `index`, numbered `chapterNumber`. */
export function themeHeadingNumbers(book: Book, theme: Theme, index: number, chapterNumber: string | undefined): Map<Heading, string> {
  return headingNumbers(book, index, chapterNumber, numberingDepth(theme))
}

/**
 * The number a heading is set with: a chapter's opening heading (or the
 * heading made of the title of a chapter that opens with none) takes the
 * chapter's, another heading its own.
 */
export function headingNumber(numbers: SectionNumbers, chapter: number, heading: Heading, opensChapter: boolean): string | undefined {
  return opensChapter ? numbers.chapters[chapter] : numbers.headings.get(heading)
}

/** What separates a section number from its heading's words, in headings and contents: a space no line breaks at. */
export const numberSeparator = '\u00a0'
