import type { Diagnostics } from '../diagnostics.js'
import type { Book } from '../model/book.js'
import type { Theme } from '../theme/index.js'
import type { Labels } from './labels.js'
import type { Plan } from './plan.js'

/** What every document of the EPUB is built from. */
export interface Context {
  book: Book
  theme: Theme
  diag: Diagnostics
  plan: Plan
  labels: Labels
  /** The book's language, checked to be a well-formed tag. */
  lang: string
  identifier: string
}
