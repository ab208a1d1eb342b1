import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import type { Chapter } from '../../model/book.js'
import { inlineText } from '../../model/text.js'
import type { Context } from '../context.js'
import { blocks } from '../hast/blocks.js'
import { xhtmlDocument } from '../hast/document.js'
import { pageMarkers } from '../hast/page-marker.js'
import { claimId, createState, type State } from '../hast/state.js'
import type { ChapterPages } from '../page-list.js'
import { isArticle } from '../plan.js'
import { titleLines } from './title-block.js'

export interface ChapterDocument {
  file: string
  tree: Root
  state: State
}

/**
 * One chapter as an XHTML document: a `section` with the chapter's blocks and,
 * after them, its footnotes as `aside epub:type="footnote"` (pop-ups on the
 * readers that support them), each with a link back to its first call.
 */
export function chapterDocument(context: Context, chapter: Chapter, index: number, pages?: ChapterPages): ChapterDocument {
  const file = context.plan.chapterFiles[index]!
  const state = createState({ ...context, file, source: chapter.source, ...(pages ? { pages } : {}) })
  // Notes keep their model ids: claimed first so that no made-up id takes them.
  const noteIds = new Map(chapter.notes.map((note) => [note.id, claimId(state, note.id)]))

  const { metadata } = context.book
  const content: ElementContent[] = [{ type: 'text', value: '\n' }]
  // A page that starts before the chapter's first block starts with the chapter.
  content.push(...pageMarkers(state, pages?.take([]).map((start) => start.page) ?? []))
  const opening = chapter.blocks[0]?.type === 'heading' ? chapter.blocks[0] : undefined
  let first = 0
  let labelledBy = opening?.id

  if (isArticle(context.book)) {
    // As in print: the title block replaces a first-level heading that repeats the title, and takes its id.
    const repeated = opening?.depth === 1 && inlineText(opening.children).trim() === metadata.title.trim() ? opening : undefined
    if (repeated) first = 1
    // A page that starts with the first block shown starts with the title block above it.
    content.push(...pageMarkers(state, [...(repeated ? (pages?.take([0]) ?? []) : []), ...(pages?.take([first], 0) ?? [])].map((start) => start.page)))
    const lines = titleLines(metadata, context.lang)
    if (repeated) {
      const id = claimId(state, repeated.id)
      state.anchors.push(id)
      lines[0]!.properties.id = id
    }
    content.push(h('header', { className: ['title-block'] }, lines), { type: 'text', value: '\n' })
    // As in print: the first paragraph, if the article opens with one, has the small-capital lead-in.
    const opener = chapter.blocks[first]
    if (opener?.type === 'paragraph') state.leadIn = opener
  } else if (!opening) {
    // As in print: a chapter of a book that does not open with a heading is given its title as one.
    labelledBy = claimId(state, chapter.id)
    state.anchors.push(labelledBy)
    content.push(h('h1', { id: labelledBy }, chapter.title.trim() || metadata.title), { type: 'text', value: '\n' })
  }
  content.push(...blocks(state, chapter.blocks, [], first))
  content.push(...pageMarkers(state, pages?.rest() ?? []))

  for (const note of chapter.notes) {
    state.place = note.place
    const body = blocks(state, note.blocks)
    const call = state.noteCalls.get(note.id)
    const number = call
      ? h('a', { className: ['note-number'], href: `#${call.firstId}`, role: 'doc-backlink' }, String(note.number))
      : h('span', { className: ['note-number'] }, String(note.number))
    const opener = body.find((node): node is Element => node.type === 'element')
    if (opener?.tagName === 'p') opener.children.unshift(number, { type: 'text', value: ' ' })
    else body.unshift(h('p', number))
    content.push(h('aside', { id: noteIds.get(note.id), className: ['footnote'], 'epub:type': 'footnote', role: 'doc-footnote' }, body), {
      type: 'text',
      value: '\n',
    })
  }

  const section = h(
    'section',
    { id: claimId(state, `chapter-${index + 1}`), 'epub:type': 'chapter', role: 'doc-chapter', ariaLabelledby: labelledBy },
    content,
  )
  const tree = xhtmlDocument({
    lang: context.lang,
    title: chapter.title.trim() || metadata.title,
    body: [section, { type: 'text', value: '\n' }],
    bodyProperties: { 'epub:type': 'bodymatter' },
  })
  return { file, tree, state }
}
