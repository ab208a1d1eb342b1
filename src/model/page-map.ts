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
   * quote, an alert or a disclosure (`details`), an index into its
   * `children`; inside a list, the item's index and an index into that item's
   * `children`; inside a definition list, the item's index, the index of one
   * of its details, and an index into that detail's blocks (see `nestedBlocks`
   * in `walk.ts`, which is where these steps are defined).
   */
  block: number[]
  /**
   * Index of the page's first word in the block's own words: the runs of
   * non-white-space (as JavaScript's `\s` separates them) of the block's plain
   * text — `inlineText` for headings and paragraphs, the source of a code
   * block, the cells of a table row by row, a definition list's terms (every
   * item's, in order; its details are blocks of their own), a disclosure's
   * summary, an alert's label (see `blockWords` in `text.ts`). A page that
   * starts in a block nested in these points at the nested block.
   */
  word: number
}
