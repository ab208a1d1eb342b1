/**
 * The page map: where each page of the print edition starts in the Book model.
 * The PDF typesetter records it; the EPUB puts a page-break marker at each
 * start and lists them in its page list, so both editions cite the same pages.
 */
export interface PageStart {
  /** The page number as printed (1-based). */
  page: number
  /** Index into `book.chapters`. */
  chapter: number
  /**
   * Path of the block: an index into `chapter.blocks`, then, inside a block
   * quote, an index into its `children`; inside a list, the item's index and
   * an index into that item's `children`.
   */
  block: number[]
  /**
   * Index of the page's first word in the block's words: the runs of
   * non-white-space (as JavaScript's `\s` separates them) of the block's plain
   * text — `inlineText` for headings and paragraphs, the source of a code
   * block, the cells of a table row by row.
   */
  word: number
}
