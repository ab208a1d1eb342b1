import type { Root } from 'hast'
import { sectionNumbersOf, type Context } from './context.js'
import type { CoverImage } from './cover-image.js'
import { chapterDocument, maxDocumentBytes } from './documents/chapter.js'
import { toXhtml } from './hast/serialize.js'
import { colophonDocument } from './documents/colophon.js'
import { indexDocument, INDEX_FILE } from './documents/index-document.js'
import { buildIndex, hasIndexMarks, indexWordsFor } from '../model/index-entries.js'
import { coverPageDocument } from './documents/cover-page.js'
import { navDocument, type Landmark, type TargetList } from './documents/nav.js'
import { requestedLists } from '../model/cross-targets.js'
import { crossReferenceWords, listEntryLabel } from '../transform/cross-reference-words.js'
import { titlePageDocument } from './documents/title-page.js'
import type { ImageUse, PageMarker } from './hast/state.js'
import { pagesByChapter, type PageStart } from './page-list.js'
import { Locations } from './locations.js'
import { frontAndBackFiles } from './plan.js'
import { tableOfContents, type TocEntry } from './toc.js'

/** A content document of the package. */
export interface ContentDocument {
  /** Manifest id. */
  id: string
  file: string
  title: string
  tree: Root
  /** Images it shows. */
  images: ImageUse[]
}

/** Every document of the EPUB, in reading order, with what the package needs to know of them. */
export interface Publication {
  documents: ContentDocument[]
  nav: Root
  toc: TocEntry[]
  spine: Array<{ idref: string; linear: boolean }>
  /** Page-break markers, in reading order. */
  markers: PageMarker[]
  /** Ids of headings and markers in each chapter file, in document order. */
  anchors: Map<string, string[]>
}

/**
 * Build the documents: cover page, title page, the chapters (with the print
 * edition's page markers when its page starts are given), colophon, and the
 * navigation document with the table of contents, landmarks and page list.
 */
export function composePublication(context: Context, pageStarts: readonly PageStart[] | undefined, cover: CoverImage): Publication {
  const { book, labels } = context
  const pages = pageStarts && pageStarts.length > 0 ? pagesByChapter(pageStarts, book.chapters.length) : undefined
  const chapters = book.chapters.map((chapter, index) => chapterDocument(context, chapter, index, pages?.[index]))
  const locations = new Locations(new Map(chapters.map((chapter, index) => [book.chapters[index]!.id, chapter])))
  for (const chapter of chapters) locations.writeLinks(chapter)

  const front: ContentDocument[] = [
    { id: 'cover', file: frontAndBackFiles.cover, title: labels.cover, tree: coverPageDocument(context, cover.fileName), images: [] },
    { id: 'titlepage', file: frontAndBackFiles.titlePage, title: labels.titlePage, tree: titlePageDocument(context), images: [] },
  ]
  const body: ContentDocument[] = chapters.flatMap((chapter, index) =>
    chapter.parts.map((part, partIndex) => ({
      id: partIndex === 0 ? `chapter-${index + 1}` : `chapter-${index + 1}-${partIndex + 1}`,
      file: part.file,
      title: book.chapters[index]!.title,
      tree: part.tree,
      // The package lists each image once; the first part of the chapter carries the chapter's.
      images: partIndex === 0 ? chapter.state.images : [],
    })),
  )
  const index = hasIndexMarks(book) ? buildIndex(book) : undefined
  const indexDocuments: ContentDocument[] =
    index === undefined ? [] : [{ id: 'book-index', file: INDEX_FILE, title: indexWordsFor(context.lang).title, tree: indexDocument(context, index, locations), images: [] }]
  const back: ContentDocument[] = [...indexDocuments, { id: 'colophon', file: frontAndBackFiles.colophon, title: labels.colophon, tree: colophonDocument(context), images: [] }]

  const landmarks: Landmark[] = [
    { type: 'cover', href: frontAndBackFiles.cover, label: labels.cover },
    { type: 'titlepage', href: frontAndBackFiles.titlePage, label: labels.titlePage },
    { type: 'toc', href: `${frontAndBackFiles.nav}#toc`, label: labels.contents },
  ]
  const lists = targetLists(context, locations)
  for (const list of lists) landmarks.push({ type: list.type, href: `${frontAndBackFiles.nav}#${list.type}`, label: list.title })
  if (body[0]) landmarks.push({ type: 'bodymatter', href: body[0].file, label: labels.startOfText })
  if (indexDocuments[0]) landmarks.push({ type: 'index', href: indexDocuments[0].file, label: indexDocuments[0].title })
  const markers = chapters.flatMap((chapter) => chapter.state.markers)

  // A book of several chapters lists them after its title page; an article's one-line contents stay out of the reading flow.
  const navInFlow = book.chapters.length > 1
  const inFlow = (documents: readonly ContentDocument[]): Array<{ idref: string; linear: boolean }> => documents.map((document) => ({ idref: document.id, linear: true }))
  const spine = [...inFlow(front), ...(navInFlow ? [{ idref: 'nav', linear: true }] : []), ...inFlow(body), ...inFlow(back), ...(navInFlow ? [] : [{ idref: 'nav', linear: false }])]

  // The navigation document is read whole, and shown as a page of the book: like a chapter, it should not
  // pass the weight e-readers take well. A very long book's contents list fewer levels of headings then.
  let depth = context.theme.tocDepth
  const contents = (): { toc: TocEntry[]; nav: Root } => {
    const toc = tableOfContents(book, context.theme, context.plan, locations, depth, sectionNumbersOf(context))
    // A navigation document needs at least one entry: a book without chapters lists its title page.
    if (toc.length === 0) toc.push({ label: book.metadata.title, href: frontAndBackFiles.titlePage, children: [] })
    for (const document of indexDocuments) toc.push({ label: document.title, href: document.file, children: [] })
    return { toc, nav: navDocument(context, toc, landmarks, markers, lists) }
  }
  let { toc, nav } = contents()
  while (depth > 1 && Buffer.byteLength(toXhtml(nav, context.remember)) > maxDocumentBytes) {
    depth -= 1
    ;({ toc, nav } = contents())
  }

  return {
    documents: [...front, ...body, ...back],
    nav,
    toc,
    spine,
    markers,
    anchors: new Map(chapters.flatMap((chapter) => [...locations.anchorsByFile(chapter)])),
  }
}

/** The lists of figures and tables the book asks for (`lof`, `lot`), each entry a link to its figure or table. */
function targetLists(context: Context, locations: Locations): TargetList[] {
  const words = crossReferenceWords(context.lang)
  return requestedLists(context.book).map((list) => ({
    type: list.kind === 'figure' ? 'lof' : 'lot',
    title: list.kind === 'figure' ? words.listOfFigures : words.listOfTables,
    entries: list.entries.flatMap((entry) => {
      const id = context.plan.ids.get(entry.chapterId)?.get(entry.id)
      const href = id === undefined ? undefined : locations.href(frontAndBackFiles.nav, entry.chapterId, id)
      return href === undefined ? [] : [{ label: listEntryLabel(entry, context.lang, list.kind), href }]
    }),
  }))
}
