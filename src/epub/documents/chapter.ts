import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import type { Chapter } from '../../model/book.js'
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

  const content: ElementContent[] = [{ type: 'text', value: '\n' }]
  if (isArticle(context.book)) {
    // A page that starts with the first paragraph starts with the title block above it.
    content.push(...pageMarkers(state, pages?.take([0], 0).map((start) => start.page) ?? []))
    content.push(h('header', { className: ['title-block'] }, titleLines(context.book.metadata, context.lang)), { type: 'text', value: '\n' })
  }
  content.push(...blocks(state, chapter.blocks, []))
  content.push(...pageMarkers(state, pages?.rest() ?? []))

  for (const note of chapter.notes) {
    state.place = note.place
    const body = blocks(state, note.blocks)
    const call = state.noteCalls.get(note.id)
    const number = call
      ? h('a', { className: ['note-number'], href: `#${call.firstId}`, role: 'doc-backlink' }, String(note.number))
      : h('span', { className: ['note-number'] }, String(note.number))
    const first = body.find((node): node is Element => node.type === 'element')
    if (first?.tagName === 'p') first.children.unshift(number, { type: 'text', value: ' ' })
    else body.unshift(h('p', number))
    content.push(h('aside', { id: noteIds.get(note.id), className: ['footnote'], 'epub:type': 'footnote', role: 'doc-footnote' }, body), {
      type: 'text',
      value: '\n',
    })
  }

  const firstHeading = chapter.blocks[0]?.type === 'heading' ? chapter.blocks[0].id : undefined
  const section = h(
    'section',
    { id: claimId(state, `chapter-${index + 1}`), 'epub:type': 'chapter', role: 'doc-chapter', ariaLabelledby: firstHeading },
    content,
  )
  const tree = xhtmlDocument({
    lang: context.lang,
    title: chapter.title.trim() || context.book.metadata.title,
    body: [section, { type: 'text', value: '\n' }],
    bodyProperties: { 'epub:type': 'bodymatter' },
  })
  return { file, tree, state }
}
