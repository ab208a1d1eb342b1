import { h } from 'hastscript'
import type { Root } from 'hast'
import type { Context } from '../context.js'
import { xhtmlDocument } from '../hast/document.js'
import { titleLines } from './title-block.js'

/** The title page: title, subtitle, authors and publisher. */
export function titlePageDocument(context: Context): Root {
  const { metadata } = context.book
  const lines = titleLines(metadata, context.lang)
  if (metadata.publisher) lines.push(h('p', { className: ['publisher'] }, metadata.publisher))
  return xhtmlDocument({
    lang: context.lang,
    title: context.labels.titlePage,
    body: [h('section', { className: ['titlepage'], 'epub:type': 'titlepage' }, lines), { type: 'text', value: '\n' }],
    bodyProperties: { 'epub:type': 'frontmatter' },
  })
}
