/**
 * The page a press file is set on. KDP's gutter depends on the page count,
 * which depends on the gutter: the book is laid out (chapters as units, as
 * the layout always sets them), counted, and laid out again while the
 * count moves the gutter into another band. A wider gutter only ever adds
 * pages, and so only ever a wider gutter: two or three rounds settle it.
 */
import type { Diagnostics } from '../diagnostics.js'
import type { Book } from '../model/book.js'
import { checkMaxPages, pressPageCount, type PressProfile } from '../press/profiles.js'
import { pageGeometry } from '../theme/index.js'
import type { PageName, Theme } from '../theme/index.js'
import { trialLayout, type LayoutOptions } from './layout.js'
import { pressTheme } from './press-page.js'
import { settlePageWords } from './page-words.js'

/** Rounds of layout at most: the bands are five, and each round moves up at least one. */
const maxRounds = 6

/** The theme whose margins for the page are the press's for the book as it will be printed. */
export async function pressLayoutTheme(book: Book, theme: Theme, press: PressProfile, options: LayoutOptions, diag: Diagnostics): Promise<Theme> {
  let current = pressTheme(theme, options.page, press, 0)
  if (!press.gutter) return current
  for (let round = 0; round < maxRounds; round++) {
    const pages = await countPages(book, current, options, diag)
    // A wider gutter only adds pages: a book already too long for the press fails now, not after it is drawn.
    checkMaxPages(press, pressPageCount(press, pages), diag)
    const next = pressTheme(theme, options.page, press, pages)
    if (sameInner(next, current, options.page)) return current
    current = next
  }
  return current
}

/**
 * The pages of the book as the press prints it: laid out on the press's
 * page, with the blank pages the press asks for at the end (what the cover's
 * spine is measured by).
 */
export async function printedPages(book: Book, theme: Theme, press: PressProfile, options: LayoutOptions, diag: Diagnostics): Promise<number> {
  const layoutTheme = await pressLayoutTheme(book, theme, press, options, diag)
  // The references' page words, as the print edition sets them, may add a line, and a page.
  await settlePageWords(book, layoutTheme, options, diag)
  const pages = await countPages(book, layoutTheme, options, diag)
  return pressPageCount(press, pages)
}

/** Pages of the book laid out on this theme; what the layout says is said again by the build that draws it. */
async function countPages(book: Book, theme: Theme, options: LayoutOptions, diag: Diagnostics): Promise<number> {
  return (await trialLayout(book, theme, options, diag)).count
}

function sameInner(a: Theme, b: Theme, page: PageName): boolean {
  return pageGeometry(a, page).margins.inner === pageGeometry(b, page).margins.inner
}
