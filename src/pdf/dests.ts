/**
 * Names of the PDF's named destinations. The manuscript's ids are unique only
 * within their source file, so the same id may stand in two chapters (every
 * chapter of a docs book has its "Options"): a destination is named by its
 * chapter and the id, `chapter-3/options`, and a chapter's start by its id
 * alone. Destinations the typesetter makes for itself (`contents`,
 * `note-…`, `noteref-…`) have no slash, so no manuscript id can take one.
 */
export function destName(chapter: string, id?: string): string {
  return id === undefined ? chapter : `${chapter}/${id}`
}
