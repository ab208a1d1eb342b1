import type { Element } from 'hast'
import { h } from 'hastscript'
import type { Metadata } from '../../model/book.js'

/** Names as one phrase in the book's language: "A, B and C". */
export function listPhrase(items: readonly string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items)
  } catch {
    return items.join(', ')
  }
}

/** Title, subtitle and byline, as the article's title block and the title page set them. */
export function titleLines(metadata: Metadata, lang: string): Element[] {
  const lines: Element[] = [h('h1', { className: ['title'] }, metadata.title)]
  if (metadata.subtitle) lines.push(h('p', { className: ['subtitle'], role: 'doc-subtitle' }, metadata.subtitle))
  if (metadata.authors.length > 0) lines.push(h('p', { className: ['byline'] }, listPhrase(metadata.authors, lang)))
  return lines
}
