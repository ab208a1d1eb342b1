import type { Diagnostics } from '../../diagnostics.js'
import type { Asset, Book, Paragraph, Place } from '../../model/book.js'
import type { Theme } from '../../theme/index.js'
import type { Labels } from '../labels.js'
import type { ChapterPages } from '../page-list.js'
import type { Plan } from '../plan.js'
import type { WordCursor } from './words.js'

/** An image the book shows, with the text that stands for it. */
export interface ImageUse {
  asset: Asset
  alt: string
}

/** A page-break marker written into a document. */
export interface PageMarker {
  page: number
  file: string
  id: string
}

/** What the block and inline handlers share while one document is built. */
export interface State {
  readonly book: Book
  readonly theme: Theme
  readonly diag: Diagnostics
  readonly plan: Plan
  readonly labels: Labels
  /** File name of the document being built. */
  readonly file: string
  /** Source file of the chapter being built, for links between manuscript files. */
  readonly source: string | undefined
  /** Ids already used in this document: XML ids must be unique. */
  readonly ids: Set<string>
  /** Calls of each note so far in this document, and the id of the first one. */
  readonly noteCalls: Map<string, { count: number; firstId: string }>
  /** Where the block being converted stands in the manuscript, for messages. */
  place: Place | undefined
  /** Print-edition page starts of this chapter, when a page list is made. */
  readonly pages: ChapterPages | undefined
  /** Counts the words of the block being converted, to place page markers. */
  words: WordCursor | undefined
  /** Markers written, in document order. */
  readonly markers: PageMarker[]
  /** Ids of headings and page markers, in document order (the NCX's play order). */
  readonly anchors: string[]
  /** Images shown, in document order. */
  readonly images: ImageUse[]
  /** The paragraph that opens with the small-capital lead-in (an article's first), if any. */
  leadIn: Paragraph | undefined
  /** Set while the content of a link is converted: XHTML cannot nest links. */
  inLink: boolean
}

export interface StateOptions {
  book: Book
  theme: Theme
  diag: Diagnostics
  plan: Plan
  labels: Labels
  file: string
  source?: string
  pages?: ChapterPages
}

export function createState(options: StateOptions): State {
  return {
    book: options.book,
    theme: options.theme,
    diag: options.diag,
    plan: options.plan,
    labels: options.labels,
    file: options.file,
    source: options.source,
    ids: new Set(),
    noteCalls: new Map(),
    place: undefined,
    pages: options.pages,
    words: undefined,
    markers: [],
    anchors: [],
    images: [],
    leadIn: undefined,
    inLink: false,
  }
}

/**
 * Claim an id in the document. The model's ids are unique within the book; a
 * clash with an id the emitter makes up gets a numbered variant rather than
 * an invalid document.
 */
export function claimId(state: State, wanted: string): string {
  let id = wanted
  for (let n = 2; state.ids.has(id); n += 1) id = `${wanted}-${n}`
  state.ids.add(id)
  return id
}
