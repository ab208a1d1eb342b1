import type { Element } from 'hast'
import type { Diagnostics } from '../../diagnostics.js'
import type { Asset, Book, Heading, Paragraph, Place } from '../../model/book.js'
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

/**
 * A link inside the book, written before the files of long chapters are
 * known: its `href` is set once every part's file is (see `locations.ts`).
 */
export interface PendingLink {
  element: Element
  /** The chapter it leads to. */
  chapter: string
  /** The XML id it leads to in that chapter; the chapter's start without one. */
  id?: string
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
  /** The chapter being built, when the document is one. */
  readonly chapter: string | undefined
  /** The XML id each id of the chapter's manuscript is written as (claimed before any the emitter makes up). */
  readonly xmlIds: ReadonlyMap<string, string>
  /** The XML id of each of the chapter's notes. */
  readonly noteIds: Map<string, string>
  /** Ids already used in this document: XML ids must be unique. */
  readonly ids: Set<string>
  /** Links inside the book, to be given their `href` once the files are known. */
  readonly links: PendingLink[]
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
  /** A formula's TeX as a `<math>` or `<svg>` element (see `Context.formula`); absent for a book without mathematics. */
  readonly formula: ((tex: string, display: boolean) => Element) | undefined
  /** The paragraph that opens with the small-capital lead-in (an article's first), if any. */
  leadIn: Paragraph | undefined
  /** Set while the content of a link is converted: XHTML cannot nest links. */
  inLink: boolean
  /** The section numbers the chapter's headings are set with (see `Theme.numbering`); its opening heading's is the chapter's. */
  headingNumbers: Map<Heading, string>
}

export interface StateOptions {
  book: Book
  theme: Theme
  diag: Diagnostics
  plan: Plan
  labels: Labels
  file: string
  chapter?: string
  pages?: ChapterPages
  formula?: (tex: string, display: boolean) => Element
}

export function createState(options: StateOptions): State {
  const xmlIds = (options.chapter !== undefined ? options.plan.ids.get(options.chapter) : undefined) ?? new Map<string, string>()
  return {
    book: options.book,
    theme: options.theme,
    diag: options.diag,
    plan: options.plan,
    labels: options.labels,
    file: options.file,
    chapter: options.chapter,
    xmlIds,
    noteIds: new Map(),
    ids: new Set(xmlIds.values()),
    links: [],
    noteCalls: new Map(),
    place: undefined,
    pages: options.pages,
    words: undefined,
    markers: [],
    anchors: [],
    images: [],
    formula: options.formula,
    leadIn: undefined,
    inLink: false,
    headingNumbers: new Map(),
  }
}

/**
 * Claim an id the emitter makes up (a section's, a note's, a page marker's).
 * The manuscript's own ids are claimed first, when the state is made: a clash
 * gives the made-up id a numbered variant, never the writer's.
 */
export function claimId(state: State, wanted: string): string {
  let id = wanted
  for (let n = 2; state.ids.has(id); n += 1) id = `${wanted}-${n}`
  state.ids.add(id)
  return id
}
