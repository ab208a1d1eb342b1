import type { Element, Root } from 'hast'
import { pathToFileURL } from 'node:url'
import type { Diagnostics } from '../diagnostics.js'
import type { Book, MathForm } from '../model/book.js'
import { assertNever, someBlock } from '../model/walk.js'
import { loadMathml, loadMathSvg } from '../lazy.js'
import { holdsMath } from '../transform/check-math.js'
import type { Theme } from '../theme/index.js'
import { accessibilityMetadata, type ContentFacts } from './accessibility.js'
import type { Context } from './context.js'
import { coverBytes, coverImageOf } from './cover-image.js'
import { crossReferenceCss, indexCss, mathCss, themeCss } from './css.js'
import { hasCaptionsOrNumbers } from '../model/cross-targets.js'
import { hasIndexMarks } from '../model/index-entries.js'
import { fontMediaType, subsetFonts, themeFonts, usedFonts, wholeFonts } from './fonts.js'
import { runEpubGenMemory } from './generate.js'
import { toXhtml } from './hast/serialize.js'
import { bookIdentifier, printEditionIdentifier } from './identifier.js'
import { labelsFor } from './labels.js'
import { ncxDocument } from './ncx.js'
import { modifiedStamp, packageTemplate, type ManifestItem } from './package-document.js'
import type { PageStart } from './page-list.js'
import { frontAndBackFiles, planPublication } from './plan.js'
import { composePublication } from './publication.js'
import { repack } from './repack.js'
import { openSubsetCache } from './subset-cache.js'

export type { PageStart } from './page-list.js'
export { blockWords } from '../model/text.js'
export { cssRules, themeCss } from './css.js'
export type { CssRule } from './css.js'
export { bookIdentifier, printEditionIdentifier } from './identifier.js'

export interface EpubOptions {
  /** Embed whole font files instead of subsets (to measure what subsetting saves). */
  wholeFonts?: boolean
  /**
   * A folder where font subsets are kept between builds (see
   * `subset-cache.ts`); without it every subset is made afresh. The bytes of
   * the EPUB are the same either way.
   */
  subsetCache?: string
  /** The edition is one of a session of rebuilds (`--watch`, the preview): its documents are kept for the next (see `hast/serialize.ts`). */
  rebuilds?: boolean
}

const bcp47 = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/

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
  const math = holdsMath(book.chapters)
  const context: Context = { book, theme, diag, plan, labels: labelsFor(lang), lang, identifier: bookIdentifier(metadata), remember: options.rebuilds === true, ...(math ? { formula: await formulaConverter(book.mathForm ?? 'mathml') } : {}) }
  const coverImage = coverImageOf(book)
  if (metadata.cover !== undefined && !coverImage.asset) {
    diag.warn(`cover image \`${metadata.cover}\` is not among the book's files: a cover is made from the title`, undefined, 'cover')
  }
  const publication = composePublication(context, pageStarts, coverImage)
  const { documents, markers } = publication

  // Images: fetched by epub-gen-memory from file:// URLs, then given the names the plan chose.
  const images = documents.flatMap((document) => document.images)
  const assetUrl = (path: string): string => pathToFileURL(path).href
  const shownAssets = [...new Map(images.map((image) => [image.asset.id, image.asset])).values()]
  const imageItems = shownAssets.map((asset, index) => ({ id: `image-${index + 1}`, url: assetUrl(asset.path), mediaType: asset.mediaType, href: plan.assetHrefs.get(asset.id)! }))

  // The fonts carried are those the text shows (the fallback faces among them only when some character needs them).
  const shown = collectText([...documents.map((document) => document.tree), publication.nav])
  const fonts = usedFonts(themeFonts(theme), shown.text + readerCharacters(shown.listDepth), shown.code, shown.math)
  const items: ManifestItem[] = [
    { id: 'nav', href: frontAndBackFiles.nav, mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml' },
    { id: 'css', href: 'style.css', mediaType: 'text/css' },
    { id: coverImage.id, href: coverImage.fileName, mediaType: coverImage.mediaType, properties: 'cover-image' },
    ...documents.map((document) => ({ id: document.id, href: document.file, mediaType: 'application/xhtml+xml', ...manifestProperties(document.tree) })),
    ...fonts.map((font, index) => ({ id: `font-${index + 1}`, href: `fonts/${font.fileName}`, mediaType: fontMediaType(font) })),
  ]

  const accessibility = accessibilityMetadata({
    images: [...images, { alt: metadata.title }],
    pageList: markers.length > 0,
    tables: book.chapters.some((chapter) => someBlock(chapter.blocks, (block) => block.type === 'table')),
    notes: book.chapters.some((chapter) => chapter.notes.length > 0),
    ...mathShown(items),
  })
  const contentOPF = packageTemplate(context, {
    items,
    images: imageItems,
    spine: publication.spine,
    accessibility,
    modified,
    ...(markers.length > 0 ? { pageSource: printEditionIdentifier(metadata) } : {}),
    coverImageId: coverImage.id,
  })
  const tocNCX = ncxDocument(context, publication.toc, markers, {
    files: publication.spine.map((item) => items.find((candidate) => candidate.id === item.idref)!.href),
    anchors: publication.anchors,
  })

  const cache = options.subsetCache === undefined ? undefined : openSubsetCache(options.subsetCache)
  const fontBytes = options.wholeFonts ? await wholeFonts(fonts) : await subsetFonts(fonts, cache)

  const generated = await runEpubGenMemory({
    title: metadata.title,
    lang,
    css: themeCss(theme, fonts) + (math ? mathCss(theme, book.mathForm ?? 'mathml', fonts) : '') + (hasIndexMarks(book) ? `\n${indexCss(theme)}` : '') + (hasCaptionsOrNumbers(book) ? `\n${crossReferenceCss(theme, fonts)}` : ''),
    // The fonts go straight into the final zip (see `repack`): handed to epub-gen-memory whole, they
    // would be compressed once there and again after, most of the time an EPUB takes to make.
    fonts: [],
    documents: documents.map((document) => ({
      fileName: document.file,
      title: document.title,
      xhtml: toXhtml(document.tree, context.remember),
      imageUrls: [...new Set(document.images.map((image) => assetUrl(image.asset.path)))],
    })),
    contentOPF,
    tocNCX,
    tocXHTML: toXhtml(publication.nav, context.remember),
    cover: { fileName: coverImage.fileName, mediaType: coverImage.mediaType, bytes: await coverBytes(coverImage, context) },
  })

  return repack(generated, {
    order: ['META-INF/container.xml', 'OEBPS/content.opf', ...items.map((item) => `OEBPS/${item.href}`), ...imageItems.map((item) => `OEBPS/${item.href}`)],
    images: new Map(imageItems.map((item) => [item.id, item.href])),
    replace: new Map([...fontBytes].map(([fileName, bytes]) => [`OEBPS/fonts/${fileName}`, bytes])),
    date: zipDate(modified),
  })
}

/**
 * Characters a reader may draw itself: list numbers and bullets, and the
 * hyphen of automatic hyphenation; the bullets of lists in lists (a circle,
 * then a square) only when the book nests its lists so deep.
 */
function readerCharacters(listDepth: number): string {
  return `0123456789.)•${listDepth >= 2 ? '◦' : ''}${listDepth >= 3 ? '▪' : ''}-\u2010`
}

/** All the text the documents show, the part of it set in the code face, and how deep lists nest (the contents' aside). */
function collectText(trees: readonly Root[]): { text: string; code: string; math: string; listDepth: number } {
  let text = ''
  let code = ''
  let math = ''
  let listDepth = 0
  const visit = (node: Root | Root['children'][number], inCode: boolean, inMath: boolean, lists: number): void => {
    if (node.type === 'text') {
      text += node.value
      if (inCode) code += node.value
      if (inMath) math += node.value
    } else if (node.type === 'element') {
      if (node.tagName === 'head') return
      // The mono face sets code, code blocks and keys (`kbd`, see css.ts): its subset needs their characters.
      const codeHere = inCode || node.tagName === 'code' || node.tagName === 'pre' || node.tagName === 'kbd'
      // The math face sets MathML (see `mathCss`), but not the TeX a formula keeps as its annotation, which no reader shows.
      const mathHere = (inMath || node.tagName === 'math') && node.tagName !== 'annotation'
      // The contents' lists show no bullets (see css.ts): only the text's lists count.
      const listsHere = node.tagName === 'nav' ? -Infinity : node.tagName === 'ul' || node.tagName === 'ol' ? lists + 1 : lists
      listDepth = Math.max(listDepth, listsHere)
      for (const child of node.children) visit(child, codeHere, mathHere, listsHere)
    } else if (node.type === 'root') {
      for (const child of node.children) visit(child, inCode, inMath, lists)
    }
  }
  for (const tree of trees) visit(tree, false, false, 0)
  return { text, code, math, listDepth }
}

/** The zip entries' date: the book's modification time, within what a zip can record (1980–2107). */
function zipDate(modified: string): Date {
  const time = Date.parse(modified)
  const earliest = Date.UTC(1980, 0, 1)
  const latest = Date.UTC(2107, 11, 31)
  return new Date(Math.min(Math.max(time, earliest), latest))
}

/** Whether an element named `name` stands anywhere in the tree. */
/** How a book's formulas are set in the EPUB: MathML, or the print edition's outlines as SVG. */
async function formulaConverter(form: MathForm): Promise<(tex: string, display: boolean) => Element> {
  switch (form) {
    case 'mathml':
      return (await loadMathml()).formulaMathml
    case 'svg':
      return (await loadMathSvg()).formulaSvgElement
    default:
      return assertNever(form)
  }
}

/** A document's manifest properties: `mathml` when it holds MathML, `svg` when it holds inline SVG (formulas set as SVG). */
function manifestProperties(tree: Root): { properties?: string } {
  const properties = [holdsElement(tree, 'math') ? 'mathml' : undefined, holdsElement(tree, 'svg') ? 'svg' : undefined].filter((property) => property !== undefined)
  return properties.length > 0 ? { properties: properties.join(' ') } : {}
}

/** How the formulas the documents hold are set, for the accessibility metadata; nothing when they hold none. */
function mathShown(items: readonly ManifestItem[]): Pick<ContentFacts, 'math'> {
  const properties = items.flatMap((item) => item.properties?.split(' ') ?? [])
  if (properties.includes('mathml')) return { math: 'mathml' }
  if (properties.includes('svg')) return { math: 'svg' }
  return {}
}

function holdsElement(node: Root | Root['children'][number], name: string): boolean {
  if (node.type === 'element' && node.tagName === name) return true
  return 'children' in node && node.children.some((child) => holdsElement(child, name))
}
