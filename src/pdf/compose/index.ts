/**
 * Compose: a book becomes a flow of boxes, spaces and page breaks, with its
 * footnotes set aside and its structure tree — everything pagination needs,
 * and nothing that depends on where pages break.
 */
import type { Diagnostics } from '../../diagnostics.js'
import type { Book, Chapter, Heading, Part as BookPart, Place } from '../../model/book.js'
import { chapterDepths } from '../../model/chapter-tree.js'
import { inlineText } from '../../model/text.js'
import { openingDrop, themeSectionNumbers, type PageGeometry, type Theme } from '../../theme/index.js'
import type { Flow, FlowBox, FlowItem } from '../flow.js'
import type { Measurer } from '../measure.js'
import { destName } from '../dests.js'
import { MissingCharacters } from '../missing.js'
import { BookStructs, renumberBoxes } from '../structs.js'
import { block } from './blocks.js'
import { bookIndex, INDEX_DEST } from './book-index.js'
import { buildIndex, hasIndexMarks, indexWordsFor } from '../../model/index-entries.js'
import { contents, contentsEntries, contentsList, openingHeading, type ContentsEntry } from './contents.js'
import { requestedLists } from '../../model/cross-targets.js'
import { crossReferenceWords, listEntryLabel } from '../../transform/cross-reference-words.js'
import { Composer } from './context.js'
import type { Region } from './context.js'
import { heading } from './heading.js'
import { composeNote } from './notes.js'
import { paragraph } from './paragraph.js'
import { partTitlePage } from './part-title.js'
import { titleBlock } from './title.js'

export interface ComposeOptions {
  hyphenate?: (word: string) => string[]
}

/** A book of one chapter is an article: it opens with a title block rather than a title page. */
export function isArticle(book: Book): boolean {
  return book.chapters.length <= 1
}

/**
 * A part of the book that paginates on its own, starting on a new page: the
 * title page, the contents, a part's title page (when the book has parts, in
 * the other sense), a chapter. Parts are composed one at a time, so that a
 * long book is never held whole as boxes; and each depends only on what it
 * is made of (see `PartPlan`), so that a chapter's can be kept between builds.
 */
export interface Part {
  flow: Flow
  /** The table of contents: its page numbers are known only once the chapters are set, so it is drawn last. */
  deferred: boolean
  /** The part's own structure element (a Sect, the TOC), numbered within the part: complete once its pages are drawn. */
  struct: number
  /** What holds the part's node 0 (see `Composer.structs`): the document, or the book's part opened last. */
  within: 'document' | 'part'
  /** The structure node of the book's part this part opens (a part's title page), numbered within the part. */
  opens?: number
  /** The characters no face has met in the part, in the order met, and where the first was. */
  missing: string[]
  missingPlace?: Place
  /** The first place text was set at in the part (see `MissingCharacters`). */
  firstPlace?: Place
  /** Boxes still to be kept with the box before them when the part ends (the next part's first box, as a part title's). */
  pendingKeep: number
}

/** A part still to be composed: which chapter it is, if any (where it stands, for a composer of its own), and how to compose it. */
export interface PartPlan {
  chapter: number | null
  /** A chapter's depth in the outline, and what holds it. */
  depth: number
  within: Part['within']
  compose: () => Part
}

/** What setting a part says of itself: its own structure element, and what it stands in. */
interface PartFacts {
  struct: number
  deferred?: boolean
  within?: Part['within']
  opens?: number
}

/** Compose one part from a fresh start, `linksIn` the chapter its links are resolved in: `set` fills the flow. */
function composePart(c: Composer, linksIn: number, set: () => PartFacts): Part {
  c.beginPart()
  c.chapter = linksIn
  const { struct, deferred = false, within = 'document', opens } = set()
  const flow: Flow = { items: c.items.splice(0), notes: new Map(c.notes), structs: c.structs, noteNumbers: new Map(c.noteNumbers) }
  c.notes.clear()
  c.noteNumbers.clear()
  const part: Part = { flow, deferred, struct, within, missing: [...c.missing], pendingKeep: c.pendingKeep }
  if (opens !== undefined) part.opens = opens
  if (c.missingPlace) part.missingPlace = c.missingPlace
  if (c.firstPlace) part.firstPlace = c.firstPlace
  return part
}

/**
 * Compose chapter `index` as a part, at `depth` in the outline: what a
 * composer of its own needs of the book is the chapter, the book's metadata,
 * pictures and number of chapters.
 */
export function composeChapterPart(c: Composer, index: number, depth: number, within: Part['within']): Part {
  return composePart(c, index, () => ({ struct: composeChapter(c, index, depth, { x: 0, width: c.geometry.measure }), within }))
}

/** The whole book as one flow: the parts joined (for tests, and for a caller that wants it all at once). */
export function composeBook(book: Book, theme: Theme, measurer: Measurer, geometry: PageGeometry, diag: Diagnostics, options: ComposeOptions = {}): Flow {
  const c = new Composer(book, theme, measurer, geometry, diag, options.hyphenate)
  const structs = new BookStructs()
  const missing = new MissingCharacters()
  const flow: Flow = { items: [], notes: new Map(), structs: structs.nodes, noteNumbers: new Map() }
  for (const plan of partPlans(c)) {
    const part = plan.compose()
    const toBook = structs.add({ ...part, structs: part.flow.structs })
    missing.add(part)
    renumberBoxes([...part.flow.items.flatMap((item) => (item.kind === 'box' ? [item] : [])), ...[...part.flow.notes.values()].flat()], toBook)
    flow.items.push(...part.flow.items)
    for (const [id, boxes] of part.flow.notes) flow.notes.set(id, boxes)
    for (const [id, number] of part.flow.noteNumbers) flow.noteNumbers.set(id, number)
  }
  missing.report(theme, diag)
  return flow
}

/** The book's parts in order, each composed when asked. */
export function partPlans(c: Composer): PartPlan[] {
  const { book, geometry } = c
  const region: Region = { x: 0, width: geometry.measure }
  const article = isArticle(book)
  const plans: PartPlan[] = []
  let previousChapter = 0
  /** A part that is no chapter: its links are resolved in the chapter before it (it has none, but a composer always has a chapter). */
  const plan = (set: () => PartFacts): void => {
    const linksIn = previousChapter
    plans.push({ chapter: null, depth: 1, within: 'document', compose: () => composePart(c, linksIn, set) })
  }

  if (!article) {
    plan(() => {
      c.items.push({ kind: 'break', recto: true, pageKind: 'title', chapter: null })
      const start = c.items.length
      const struct = c.struct('Sect', 0)
      titleBlock(c, book.metadata, region, struct, false)
      // The title stands the theme's part of the way down its page.
      sink(c.items, start, openingDrop(c.theme, 'title', geometry.depth))
      return { struct }
    })
    plan(() => {
      c.items.push({ kind: 'break', recto: true, pageKind: 'contents', chapter: null })
      const entries = contentsEntries(book, c.theme.tocDepth, themeSectionNumbers(book, c.theme))
      // The index is listed last, as the book ends with it.
      if (hasIndexMarks(book)) entries.push({ depth: 1, title: indexWordsFor(book.metadata.lang).title, dest: INDEX_DEST, kind: 'chapter' })
      const struct = contents(c, entries, region)
      // The lists of figures and tables the book asks for, each from a new page, with the contents (drawn last too).
      for (const list of requestedLists(book)) {
        c.items.push({ kind: 'break', recto: false, pageKind: 'contents', chapter: null, continues: true })
        const words = crossReferenceWords(book.metadata.lang)
        const listEntries = list.entries.map((entry): ContentsEntry => ({ depth: 1, title: listEntryLabel(entry, book.metadata.lang, list.kind), dest: destName(entry.chapterId, entry.id), kind: 'heading' }))
        contentsList(c, list.kind === 'figure' ? words.listOfFigures : words.listOfTables, list.kind === 'figure' ? 'list-of-figures' : 'list-of-tables', listEntries, region, struct)
      }
      return { struct, deferred: true }
    })
  }

  if (book.chapters.length === 0) {
    // A manuscript with nothing but front matter still gets its title.
    plan(() => {
      c.items.push({ kind: 'break', recto: true, pageKind: 'chapter', chapter: null })
      const struct = c.struct('Sect', 0)
      titleBlock(c, book.metadata, region, struct, true)
      return { struct }
    })
  }

  const depths = chapterDepths(book)
  /** Whether the chapters being planned stand in a part of the book (a `Part` structure element holds their `Sect`s). */
  let inPart = false
  for (const [index, chapter] of book.chapters.entries()) {
    const bookPart: BookPart | undefined = chapter.part === undefined ? undefined : book.parts?.[chapter.part]
    const opensPart = index === 0 || chapter.part !== book.chapters[index - 1]!.part
    if (opensPart) {
      inPart = false
      if (bookPart && !article) {
        inPart = true
        plan(() => {
          // A part opens with its title alone on a right-hand page.
          const partStruct = c.struct('Part', 0)
          c.items.push({ kind: 'break', recto: true, pageKind: 'part', chapter: null })
          const start = c.items.length
          const title = partTitlePage(c, bookPart, region, partStruct)
          // Dropped as the theme says, lower than a chapter's opening.
          sink(c.items, start, openingDrop(c.theme, 'part', geometry.depth))
          return { struct: title, opens: partStruct }
        })
      }
    }
    const within = inPart ? 'part' : 'document'
    const depth = depths[index] ?? 1
    plans.push({ chapter: index, depth, within, compose: () => composeChapterPart(c, index, depth, within) })
    previousChapter = index
  }
  if (hasIndexMarks(book)) {
    // The index closes the book, set once the chapters are: the pages its marks fell on are known by then.
    plan(() => {
      c.items.push({ kind: 'break', recto: true, pageKind: 'index', chapter: null })
      return { struct: bookIndex(c, buildIndex(book), c.destPages, region) }
    })
  }
  return plans
}

/** Compose a chapter (at `depth` in the outline) into the composer's flow; its structure element. */
function composeChapter(c: Composer, index: number, depth: number, region: Region): number {
  const { book, geometry } = c
  const chapter = book.chapters[index]!
  const article = isArticle(book)
  c.chapter = index
  // A chapter opens on a right-hand page, dropped; a section nested in a chapter opens a new page where it falls.
  const section = !article && (chapter.level ?? 1) > 1
  c.items.push({ kind: 'break', recto: !section, pageKind: 'chapter', chapter: index })
  c.afterParagraph = false
  c.pendingKeep = 0
  const struct = c.struct('Sect', 0)
  const start = c.items.length
  let first = 0
  c.outline = { depth: article ? 1 : depth, opening: openingHeading(chapter) }
  if (article) {
    titleBlock(c, book.metadata, region, struct, true)
    const opening = openingHeading(chapter)
    // The title block replaces a first-level heading that repeats the title.
    if (opening && opening.depth === 1 && inlineText(opening.children).trim() === book.metadata.title.trim()) {
      first = 1
    }
  } else if (!openingHeading(chapter)) {
    const synthetic: Heading = { type: 'heading', depth: 1, id: '', children: [{ type: 'text', value: chapter.title }] }
    c.outline.opening = synthetic
    heading(c, synthetic, { region, role: 'body', path: [], struct })
  }
  const leadInAt = leadInBlock(c.theme, chapter, article, first)
  chapter.blocks.forEach((node, blockIndex) => {
    if (blockIndex < first) return
    const ctx = { region, role: 'body' as const, path: [blockIndex], struct }
    if (blockIndex === leadInAt && node.type === 'paragraph') paragraph(c, node, ctx, true)
    else block(c, node, ctx)
  })
  // A book's chapter opens dropped down its page (by the theme's part of the text block), the way chapters are dropped in print.
  if (!article && !section) sink(c.items, start, openingDrop(c.theme, 'chapter', geometry.depth))
  // A link to the chapter (to its file, in the manuscript) leads to its first line.
  c.items.slice(start).find((item): item is FlowBox => item.kind === 'box')?.anchors.unshift(destName(chapter.id))
  for (const note of chapter.notes) {
    c.notes.set(note.id, composeNote(c, note, region, struct))
    c.noteNumbers.set(note.id, note.number)
  }
  return struct
}

/**
 * The index of the block that opens with the lead-in, if it is a paragraph:
 * an article's first block shown (`first`); with the theme's
 * `leadIn.chapters`, a book's chapter's first block after its opening
 * heading. -1 for none.
 */
function leadInBlock(theme: Theme, chapter: Chapter, article: boolean, first: number): number {
  if (article) return first
  if (!theme.leadIn.chapters) return -1
  return openingHeading(chapter) ? 1 : 0
}

/**
 * Lower the first box from `start` (the first on a new page) by `drop`: the
 * top of its first line then stands `drop` below the top of the text block.
 * The space above it does not add, as no space does at the top of a page.
 */
function sink(items: readonly FlowItem[], start: number, drop: number): void {
  const first = items.slice(start).find((item): item is FlowBox => item.kind === 'box')
  if (first) first.top += drop
}
