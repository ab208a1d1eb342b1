import type { Element } from 'hast'
import type { Diagnostics } from '../diagnostics.js'
import type { Book } from '../model/book.js'
import { themeSectionNumbers, type SectionNumbers, type Theme } from '../theme/index.js'
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
  /** A formula's TeX as a `<math>` element (`math/mathml.ts`) or an `<svg>` (`math/svg-element.ts`, `math: svg`): given only for a book with mathematics. */
  formula?: (tex: string, display: boolean) => Element
  /** The edition is one of a session of rebuilds: what is serialized is kept for the next (see `hast/serialize.ts`). */
  remember: boolean
}

const numbersByContext = new WeakMap<Context, SectionNumbers>()

/** The numbers the theme gives the book's chapters and sections (see `Theme.numbering`), made once per edition. */
export function sectionNumbersOf(context: Context): SectionNumbers {
  let numbers = numbersByContext.get(context)
  if (!numbers) numbersByContext.set(context, (numbers = themeSectionNumbers(context.book, context.theme)))
  return numbers
}
