import type { Diagnostics } from '../diagnostics.js'
import type { Metadata, Place } from '../model/book.js'
import { smartPunctuation } from '../parse/smart-punctuation.js'
import type { FrontMatter } from './front-matter.js'
import { modifiedInstant } from './modified.js'

/** The language assumed when the manuscript names none. */
export const DEFAULT_LANG = 'en'

/**
 * The book's metadata from its front matter (or `book.yaml`), with the title
 * already settled by the caller. A missing `lang` is assumed English, with a
 * warning at `where`, since it decides hyphenation and what e-readers read aloud.
 */
export function buildMetadata(
  frontMatter: FrontMatter,
  title: string,
  where: Place,
  sourceDateEpoch: string | undefined,
  diag: Diagnostics,
): Metadata {
  if (frontMatter.lang === undefined) {
    diag.warn(`no \`lang\` given: assuming \`${DEFAULT_LANG}\``, where, 'lang')
  }
  const metadata: Metadata = {
    // Typography, not wording: the same smart punctuation as the text.
    title: smartPunctuation(title),
    authors: frontMatter.authors ?? [],
    lang: frontMatter.lang ?? DEFAULT_LANG,
    subjects: frontMatter.subjects ?? [],
    modified: modifiedInstant(sourceDateEpoch, frontMatter.date, diag),
  }
  const optional = ['subtitle', 'date', 'publisher', 'description', 'rights', 'identifier'] as const
  for (const key of optional) {
    const value = frontMatter[key]
    if (value !== undefined) metadata[key] = key === 'subtitle' || key === 'description' ? smartPunctuation(value) : value
  }
  if (frontMatter.press !== undefined) metadata.press = frontMatter.press
  return metadata
}
