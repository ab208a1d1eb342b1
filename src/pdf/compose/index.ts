/**
 * Compose: a book becomes a flow of boxes, spaces and page breaks, with its
 * footnotes set aside and its structure tree — everything pagination needs,
 * and nothing that depends on where pages break.
 */
import type { Diagnostics } from '../../diagnostics.js'
import type { Book, Heading } from '../../model/book.js'
import { inlineText } from '../../model/text.js'
import type { PageGeometry, Theme } from '../../theme/index.js'
import type { Flow, FlowBox } from '../flow.js'
import type { Measurer } from '../measure.js'
import { block } from './blocks.js'
import { contents, contentsEntries, openingHeading } from './contents.js'
import { Composer } from './context.js'
import type { Region } from './context.js'
import { heading } from './heading.js'
import { composeNote } from './notes.js'
import { paragraph } from './paragraph.js'
import { titleBlock } from './title.js'

export interface ComposeOptions {
  hyphenate?: (word: string) => string[]
}

/** A book of one chapter is an article: it opens with a title block rather than a title page. */
export function isArticle(book: Book): boolean {
  return book.chapters.length <= 1
}

export function composeBook(book: Book, theme: Theme, measurer: Measurer, geometry: PageGeometry, diag: Diagnostics, options: ComposeOptions = {}): Flow {
  const c = new Composer(book, theme, measurer, geometry, diag, options.hyphenate)
  const region: Region = { x: 0, width: geometry.measure }
  const article = isArticle(book)

  if (!article) {
    c.items.push({ kind: 'break', recto: true, pageKind: 'title', chapter: null })
    // The title stands a quarter of the way down its page.
    c.items.push(emptyBox(geometry.depth / 4))
    titleBlock(c, book.metadata, region, c.struct('Sect', 0), false)
    c.items.push({ kind: 'break', recto: true, pageKind: 'contents', chapter: null })
    contents(c, contentsEntries(book, theme.tocDepth), region)
  }

  if (book.chapters.length === 0) {
    // A manuscript with nothing but front matter still gets its title.
    c.items.push({ kind: 'break', recto: true, pageKind: 'chapter', chapter: null })
    titleBlock(c, book.metadata, region, c.struct('Sect', 0), true)
  }

  book.chapters.forEach((chapter, index) => {
    c.chapter = index
    c.items.push({ kind: 'break', recto: true, pageKind: 'chapter', chapter: index })
    c.afterParagraph = false
    c.pendingKeep = 0
    const struct = c.struct('Sect', 0)
    // A book's chapter opens a sixth of the way down its page, the way chapters are dropped in print.
    if (!article) c.items.push(emptyBox(geometry.depth / 6))
    let first = 0
    if (article) {
      titleBlock(c, book.metadata, region, struct, true)
      const opening = openingHeading(chapter)
      // The title block replaces a first-level heading that repeats the title.
      if (opening && opening.depth === 1 && inlineText(opening.children).trim() === book.metadata.title.trim()) {
        first = 1
      }
    } else if (!openingHeading(chapter)) {
      const synthetic: Heading = { type: 'heading', depth: 1, id: chapter.id, children: [{ type: 'text', value: chapter.title }] }
      heading(c, synthetic, { region, role: 'body', path: [], struct })
    }
    let leadIn = article
    chapter.blocks.forEach((node, blockIndex) => {
      if (blockIndex < first) return
      const ctx = { region, role: 'body' as const, path: [blockIndex], struct }
      if (leadIn && node.type === 'paragraph') paragraph(c, node, ctx, true)
      else block(c, node, ctx)
      leadIn = false
    })
    for (const note of chapter.notes) {
      c.notes.set(note.id, composeNote(c, note, region, struct))
      c.noteNumbers.set(note.id, note.number)
    }
  })
  return { items: c.items, notes: c.notes, structs: c.structs, noteNumbers: c.noteNumbers }
}

function emptyBox(height: number): FlowBox {
  return { kind: 'box', height, top: height, depth: 0, drawings: [], keepWithPrevious: false, notes: [], anchors: [] }
}
