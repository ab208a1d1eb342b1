/**
 * A chapter's id from its position: `chapter-1`, `chapter-2`… Stable as long
 * as the order is, safe as a file name and an XML id, and free of the
 * chapter's wording so that retitling a chapter breaks no link.
 */
export function chapterId(index: number): string {
  return `chapter-${index + 1}`
}
