import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import type { Chapter } from '../../model/book.js'
import { inlineText } from '../../model/text.js'
import { sectionNumbersOf, type Context } from '../context.js'
import { blocks, sectionNumber } from '../hast/blocks.js'
import { xhtmlDocument } from '../hast/document.js'
import { pageMarkers } from '../hast/page-marker.js'
import { fragmentSizes } from '../hast/serialize.js'
import { claimId, createState, type State } from '../hast/state.js'
import type { ChapterPages } from '../page-list.js'
import { isArticle } from '../plan.js'
import { titleLines } from './title-block.js'

/** One file of a chapter: the whole chapter, or one part of a long one. */
export interface ChapterPart {
  file: string
  tree: Root
}

export interface ChapterDocument {
  parts: ChapterPart[]
  state: State
}

/**
 * The most a chapter's file should weigh: many e-readers slow down, and some
 * fail, on XHTML files past a few hundred kilobytes, so a longer chapter is
 * cut into parts at its headings.
 */
export const maxDocumentBytes = 250 * 1024
/** What the text of a part may weigh, leaving room for the document around it and the notes it calls. */
const partBudget = Math.floor(maxDocumentBytes * 0.8)

/**
 * One chapter as XHTML: a `section` with the chapter's blocks and, after
 * them, its footnotes as `aside epub:type="footnote"` (pop-ups on the readers
 * that support them), each with a link back to its first call. A chapter
 * heavier than `partBudget` is cut before headings into parts of one file
 * each (before other blocks only where a stretch between headings is itself
 * too heavy); each note goes at the end of the part that first calls it.
 * Links into the chapter are written once every part's file is known (see
 * `locations.ts`).
 */
export function chapterDocument(context: Context, chapter: Chapter, index: number, pages?: ChapterPages): ChapterDocument {
  const file = context.plan.chapterFiles[index]!
  const state = createState({ ...context, file, chapter: chapter.id, ...(pages ? { pages } : {}) })
  // Notes keep their model ids where the manuscript does not use them.
  for (const note of chapter.notes) state.noteIds.set(note.id, claimId(state, note.id))
  const sectionId = claimId(state, `chapter-${index + 1}`)

  const { metadata } = context.book
  const content: ElementContent[] = [newline]
  // A page that starts before the chapter's first block starts with the chapter.
  content.push(...pageMarkers(state, pages?.take([]).map((start) => start.page) ?? []))
  const opening = chapter.blocks[0]?.type === 'heading' ? chapter.blocks[0] : undefined
  const numbers = sectionNumbersOf(context)
  for (const heading of chapter.blocks) {
    if (heading.type !== 'heading') continue
    // As in print: a book's chapter opening heading takes the chapter's number.
    const number = heading === opening && !isArticle(context.book) ? numbers.chapters[index] : numbers.headings.get(heading)
    if (number !== undefined) state.headingNumbers.set(heading, number)
  }
  let first = 0
  let labelledBy = opening === undefined ? undefined : state.xmlIds.get(opening.id)

  if (isArticle(context.book)) {
    // As in print: the title block replaces a first-level heading that repeats the title, and takes its id.
    const repeated = opening?.depth === 1 && inlineText(opening.children).trim() === metadata.title.trim() ? opening : undefined
    if (repeated) first = 1
    // A page that starts with the first block shown starts with the title block above it.
    content.push(...pageMarkers(state, [...(repeated ? (pages?.take([0]) ?? []) : []), ...(pages?.take([first], 0) ?? [])].map((start) => start.page)))
    const lines = titleLines(metadata, context.lang)
    const id = repeated ? state.xmlIds.get(repeated.id) : undefined
    if (id !== undefined) {
      state.anchors.push(id)
      lines[0]!.properties.id = id
    }
    content.push(h('header', { className: ['title-block'] }, lines), newline)
    // As in print: the first paragraph, if the article opens with one, has the small-capital lead-in.
    const opener = chapter.blocks[first]
    if (opener?.type === 'paragraph') state.leadIn = opener
  } else if (!opening) {
    // As in print: a chapter of a book that does not open with a heading is given its title as one.
    labelledBy = claimId(state, chapter.id)
    state.anchors.push(labelledBy)
    const number = numbers.chapters[index]
    const title = chapter.title.trim() || metadata.title
    content.push(h('h1', { id: labelledBy }, number === undefined ? [title] : [sectionNumber(number), title]), newline)
  }
  // As in print: with the theme's `leadIn.chapters`, a book's chapter's first paragraph after its opening heading has the lead-in too.
  if (!isArticle(context.book) && context.theme.leadIn.chapters) {
    const opener = chapter.blocks[opening ? 1 : 0]
    if (opener?.type === 'paragraph') state.leadIn = opener
  }
  content.push(...blocks(state, chapter.blocks, [], first))
  content.push(...pageMarkers(state, pages?.rest() ?? []))

  const notes = new Map<string, Element>()
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
    notes.set(note.id, h('aside', { id: state.noteIds.get(note.id), className: ['footnote'], 'epub:type': 'footnote', role: 'doc-footnote' }, body))
  }

  const pieces = splitContent(content, context.remember)
  // Each note after the part holding its first call (a note never called goes last).
  const noteParts = new Map<string, number>()
  for (const note of chapter.notes) {
    const firstCall = state.noteCalls.get(note.id)?.firstId
    const part = firstCall === undefined ? -1 : pieces.findIndex((piece) => holdsId(piece, firstCall))
    noteParts.set(note.id, part === -1 ? pieces.length - 1 : part)
  }
  const title = chapter.title.trim() || metadata.title
  const parts = pieces.map((piece, part): ChapterPart => {
    const asides = chapter.notes.filter((note) => noteParts.get(note.id) === part).flatMap((note) => [notes.get(note.id)!, newline])
    const section =
      part === 0
        ? chapter.role === 'bibliography'
          ? h('section', { id: sectionId, 'epub:type': 'bibliography', role: 'doc-bibliography', ariaLabelledby: labelledBy }, [...piece, ...asides])
          : h('section', { id: sectionId, 'epub:type': 'chapter', role: 'doc-chapter', ariaLabelledby: labelledBy }, [...piece, ...asides])
        : h('section', { ariaLabelledby: firstHeadingId(piece) }, [newline, ...piece, ...asides])
    return {
      file: part === 0 ? file : file.replace(/\.xhtml$/, `-${part + 1}.xhtml`),
      tree: xhtmlDocument({ lang: context.lang, title, body: [section, newline], bodyProperties: { 'epub:type': chapter.role === 'bibliography' ? 'backmatter' : 'bodymatter' } }),
    }
  })
  return { parts, state }
}

const newline: ElementContent = { type: 'text', value: '\n' }

/**
 * The chapter's content in pieces no heavier than `partBudget`, cut before a
 * heading (with the page markers and anchors that stand just before it). A
 * stretch between two headings heavier than the budget is cut before other
 * blocks. A chapter within the budget is one piece.
 */
function splitContent(content: ElementContent[], remember: boolean): ElementContent[][] {
  // A fragment serialises as its nodes one after another: its size is the sum of theirs, each serialised once.
  const sizes = fragmentSizes(content, remember)
  if (sizes.reduce((sum, size) => sum + size, 0) <= partBudget) return [content]
  // Where a cut may fall: before each top-level block, moved back over what belongs to the block after it.
  const pieces: ElementContent[][] = []
  let start = 0
  let weight = 0
  let lastHeadingCut = -1
  for (let index = 0; index < content.length; index++) {
    const node = content[index]!
    if (index > start && isBlock(node)) {
      const cut = leadingEdge(content, index, start)
      if (isHeading(node)) lastHeadingCut = cut
      if (weight + sizes[index]! > partBudget && cut > start) {
        // Prefer the last heading in this piece; a piece with none is cut here.
        const at = lastHeadingCut > start ? lastHeadingCut : cut
        pieces.push(content.slice(start, at))
        weight = sizes.slice(at, index).reduce((sum, size) => sum + size, 0)
        start = at
        lastHeadingCut = isHeading(node) ? cut : -1
      }
    }
    weight += sizes[index]!
  }
  pieces.push(content.slice(start))
  return pieces
}

/** The start of what goes with the block at `index`: the page markers, anchors and white space right before it. */
function leadingEdge(content: readonly ElementContent[], index: number, floor: number): number {
  let edge = index
  while (edge - 1 > floor) {
    const before = content[edge - 1]!
    const goesWith =
      (before.type === 'text' && before.value.trim() === '') ||
      (before.type === 'element' && ((before.tagName === 'span' && before.properties['epub:type'] === 'pagebreak') || (before.tagName === 'a' && before.children.length === 0)))
    if (!goesWith) break
    edge--
  }
  return edge
}

function isBlock(node: ElementContent): boolean {
  return node.type === 'element' && !(node.tagName === 'span' || node.tagName === 'a')
}

function isHeading(node: ElementContent): node is Element {
  return node.type === 'element' && /^h[1-6]$/.test(node.tagName)
}

function firstHeadingId(piece: readonly ElementContent[]): string | undefined {
  const heading = piece.find(isHeading)
  const id = heading?.properties.id
  return typeof id === 'string' ? id : undefined
}

function holdsId(nodes: readonly ElementContent[], id: string): boolean {
  return nodes.some((node) => node.type === 'element' && (node.properties.id === id || holdsId(node.children, id)))
}
