import type { Root } from 'hast'
import { pathToFileURL } from 'node:url'
import type { Diagnostics } from '../diagnostics.js'
import type { Block, Book } from '../model/book.js'
import type { Theme } from '../theme/index.js'
import { accessibilityMetadata } from './accessibility.js'
import type { Context } from './context.js'
import { coverSvg } from './cover.js'
import { themeCss } from './css.js'
import { chapterDocument } from './documents/chapter.js'
import { colophonDocument } from './documents/colophon.js'
import { coverPageDocument } from './documents/cover-page.js'
import { navDocument, type Landmark } from './documents/nav.js'
import { titlePageDocument } from './documents/title-page.js'
import { subsetFonts, themeFonts } from './fonts.js'
import { runEpubGenMemory, type GeneratedDocument } from './generate.js'
import { toXhtml } from './hast/serialize.js'
import { bookIdentifier, printEditionIdentifier } from './identifier.js'
import { labelsFor } from './labels.js'
import { ncxDocument } from './ncx.js'
import { modifiedStamp, packageTemplate, type ManifestItem, type SpineItem } from './package-document.js'
import { pagesByChapter, type PageStart } from './page-list.js'
import { frontAndBackFiles, planPublication } from './plan.js'
import { repack } from './repack.js'
import { tableOfContents } from './toc.js'

export type { PageStart } from './page-list.js'
export { blockWords } from './page-list.js'
export { cssRules, themeCss } from './css.js'
export type { CssRule } from './css.js'
export { bookIdentifier, printEditionIdentifier } from './identifier.js'

export interface EpubOptions {
  /** Embed whole font files instead of subsets (to measure what subsetting saves). */
  wholeFonts?: boolean
}

/** A document of the package, in reading order. */
interface PackageDocument {
  id: string
  file: string
  title: string
  tree: Root
  linear: boolean
  imageUrls: string[]
}

const bcp47 = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/
const cover = { fileName: 'cover.svg', mediaType: 'image/svg+xml', id: 'cover-image' }

/**
 * The EPUB 3 edition of a book: XHTML made from the model, CSS from the theme,
 * packaged by epub-gen-memory through our own templates, then post-processed
 * into a byte-for-byte reproducible zip. With the print edition's page starts,
 * it carries page-break markers and a page list that match the PDF.
 */
export async function writeEpub(book: Book, theme: Theme, diag: Diagnostics, pageStarts?: PageStart[], options: EpubOptions = {}): Promise<Uint8Array> {
  const { metadata } = book
  let lang = metadata.lang.trim()
  if (!bcp47.test(lang)) {
    diag.warn(`language \`${metadata.lang}\` is not a BCP 47 tag: the EPUB says \`und\` (undetermined)`, undefined, 'lang')
    lang = 'und'
  }
  let modified = modifiedStamp(metadata.modified)
  if (modified === undefined) {
    diag.warn(`modification time \`${metadata.modified}\` is not an ISO 8601 instant: 1980-01-01 is used`, undefined, 'modified')
    modified = '1980-01-01T00:00:00Z'
  }
  const plan = planPublication(book)
  const context: Context = { book, theme, diag, plan, labels: labelsFor(lang), lang, identifier: bookIdentifier(metadata) }
  const { labels } = context

  const pages = pageStarts && pageStarts.length > 0 ? pagesByChapter(pageStarts, book.chapters.length) : undefined
  const chapters = book.chapters.map((chapter, index) => chapterDocument(context, chapter, index, pages?.[index]))
  const markers = chapters.flatMap((chapter) => chapter.state.markers)
  const images = chapters.flatMap((chapter) => chapter.state.images)
  const toc = tableOfContents(book, theme, plan)

  const assetUrl = (id: string): string => pathToFileURL(book.assets.find((asset) => asset.id === id)!.path).href
  const front: PackageDocument[] = [
    { id: 'cover', file: frontAndBackFiles.cover, title: labels.cover, tree: coverPageDocument(context, cover.fileName), linear: true, imageUrls: [] },
    { id: 'titlepage', file: frontAndBackFiles.titlePage, title: labels.titlePage, tree: titlePageDocument(context), linear: true, imageUrls: [] },
  ]
  const body: PackageDocument[] = chapters.map((chapter, index) => ({
    id: `chapter-${index + 1}`,
    file: chapter.file,
    title: book.chapters[index]!.title,
    tree: chapter.tree,
    linear: true,
    imageUrls: [...new Set(chapter.state.images.map((image) => assetUrl(image.asset.id)))],
  }))
  const back: PackageDocument[] = [
    { id: 'colophon', file: frontAndBackFiles.colophon, title: labels.colophon, tree: colophonDocument(context), linear: true, imageUrls: [] },
  ]

  // A book of several chapters lists them after its title page; an article's one-line contents stay out of the reading flow.
  const navInFlow = book.chapters.length > 1
  const spine: SpineItem[] = [
    ...front.map((document) => ({ idref: document.id, linear: true })),
    ...(navInFlow ? [{ idref: 'nav', linear: true }] : []),
    ...body.map((document) => ({ idref: document.id, linear: true })),
    ...back.map((document) => ({ idref: document.id, linear: true })),
    ...(navInFlow ? [] : [{ idref: 'nav', linear: false }]),
  ]
  const landmarks: Landmark[] = [
    { type: 'cover', href: frontAndBackFiles.cover, label: labels.cover },
    { type: 'titlepage', href: frontAndBackFiles.titlePage, label: labels.titlePage },
    { type: 'toc', href: `${frontAndBackFiles.nav}#toc`, label: labels.contents },
  ]
  if (body[0]) landmarks.push({ type: 'bodymatter', href: body[0].file, label: labels.startOfText })
  const nav = navDocument(context, toc, landmarks, markers)

  const documents = [...front, ...body, ...back]
  const fonts = themeFonts(theme)
  const assetsShown = [...new Map(images.map((image) => [image.asset.id, image.asset])).values()]
  const imageHrefs = new Map(assetsShown.map((asset, index) => [`image-${index + 1}`, plan.assetHrefs.get(asset.id)!]))

  const items: ManifestItem[] = [
    { id: 'nav', href: frontAndBackFiles.nav, mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
    { id: 'css', href: 'style.css', mediaType: 'text/css' },
    { id: cover.id, href: cover.fileName, mediaType: cover.mediaType, properties: 'cover-image' },
    ...documents.map((document) => ({ id: document.id, href: document.file, mediaType: 'application/xhtml+xml' })),
    ...fonts.map((font, index) => ({ id: `font-${index + 1}`, href: `fonts/${font.fileName}`, mediaType: 'font/ttf' })),
  ]

  const accessibility = accessibilityMetadata({
    images: [...images, { asset: { id: cover.id, path: '', mediaType: 'image/svg+xml' }, alt: metadata.title }],
    pageList: markers.length > 0,
    tables: book.chapters.some((chapter) => hasBlock(chapter.blocks, 'table')),
    notes: book.chapters.some((chapter) => chapter.notes.length > 0),
  })
  const opf = packageTemplate(context, {
    items,
    images: assetsShown.map((asset, index) => ({ id: `image-${index + 1}`, url: assetUrl(asset.id), mediaType: asset.mediaType })),
    spine,
    accessibility,
    modified,
    ...(markers.length > 0 ? { pageSource: printEditionIdentifier(metadata) } : {}),
    coverImageId: cover.id,
  })
  const ncx = ncxDocument(context, toc, markers, {
    files: spine.map((item) => items.find((candidate) => candidate.id === item.idref)!.href),
    anchors: new Map(chapters.map((chapter) => [chapter.file, chapter.state.anchors])),
  })

  const serialized: GeneratedDocument[] = documents.map((document) => ({
    fileName: document.file,
    title: document.title,
    xhtml: toXhtml(document.tree),
    imageUrls: document.imageUrls,
  }))
  const navXhtml = toXhtml(nav)
  const css = themeCss(theme)

  const shown = collectText([...documents.map((document) => document.tree), nav])
  const subsets = options.wholeFonts ? new Map<string, Uint8Array>() : await subsetFonts(fonts, shown.text + readerCharacters, shown.code)

  const generated = await runEpubGenMemory({
    title: metadata.title,
    lang,
    css,
    fonts: fonts.map((font) => ({ fileName: font.fileName, url: pathToFileURL(font.path).href })),
    documents: serialized,
    contentOPF: opf,
    tocNCX: ncx,
    tocXHTML: navXhtml,
    cover: { fileName: cover.fileName, mediaType: cover.mediaType, bytes: new TextEncoder().encode(coverSvg(context)) },
  })

  return repack(generated, {
    order: ['META-INF/container.xml', 'OEBPS/content.opf', ...items.map((item) => `OEBPS/${item.href}`), ...[...imageHrefs.values()].map((href) => `OEBPS/${href}`)],
    images: imageHrefs,
    replace: new Map([...subsets].map(([fileName, bytes]) => [`OEBPS/fonts/${fileName}`, bytes])),
    date: zipDate(modified),
  })
}

/** Characters a reader may draw itself: list numbers and bullets, and the hyphen of automatic hyphenation. */
const readerCharacters = '0123456789.)•◦▪-\u2010'

function hasBlock(blocks: readonly Block[], type: Block['type']): boolean {
  return blocks.some(
    (block) =>
      block.type === type ||
      (block.type === 'blockquote' && hasBlock(block.children, type)) ||
      (block.type === 'list' && block.items.some((item) => hasBlock(item.children, type))),
  )
}

/** All the text the documents show, and the part of it set in the code face. */
function collectText(trees: readonly Root[]): { text: string; code: string } {
  let text = ''
  let code = ''
  const visit = (node: Root | Root['children'][number], inCode: boolean): void => {
    if (node.type === 'text') {
      text += node.value
      if (inCode) code += node.value
    } else if (node.type === 'element') {
      if (node.tagName === 'head') return
      const codeHere = inCode || node.tagName === 'code' || node.tagName === 'pre'
      for (const child of node.children) visit(child, codeHere)
    } else if (node.type === 'root') {
      for (const child of node.children) visit(child, inCode)
    }
  }
  for (const tree of trees) visit(tree, false)
  return { text, code }
}

/** The zip entries' date: the book's modification time, within what a zip can record (1980–2107). */
function zipDate(modified: string): Date {
  const time = Date.parse(modified)
  const earliest = Date.UTC(1980, 0, 1)
  const latest = Date.UTC(2107, 11, 31)
  return new Date(Math.min(Math.max(time, earliest), latest))
}
