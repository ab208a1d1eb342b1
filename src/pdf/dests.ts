import type { Page } from './paginate/index.js'

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

/** Note the page each destination on these pages lands on (the first, when one lands twice). */
export function recordDestPages(pages: readonly Page[], destPages: Map<string, number>): void {
  for (const page of pages) {
    for (const placed of [...page.body, ...page.notes]) {
      for (const name of placed.box.anchors) if (!destPages.has(name)) destPages.set(name, page.number)
      for (const drawing of placed.box.drawings) for (const name of drawing.kind === 'text' ? (drawing.run.anchors ?? []) : []) if (!destPages.has(name)) destPages.set(name, page.number)
    }
  }
}
