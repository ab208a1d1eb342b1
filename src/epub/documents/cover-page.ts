import { h } from 'hastscript'
import type { Root } from 'hast'
import type { Context } from '../context.js'
import { xhtmlDocument } from '../hast/document.js'

/** The cover page: the cover image alone, described by the book's title. */
export function coverPageDocument(context: Context, coverHref: string): Root {
  const { metadata } = context.book
  const alt = [metadata.title, metadata.subtitle, ...metadata.authors].filter(Boolean).join(' — ')
  return xhtmlDocument({
    lang: context.lang,
    title: context.labels.cover,
    body: [
      h('section', { className: ['cover'], 'epub:type': 'cover' }, h('img', { src: coverHref, alt, role: 'doc-cover' })),
      { type: 'text', value: '\n' },
    ],
    bodyProperties: { className: ['cover-page'], 'epub:type': 'cover' },
  })
}
