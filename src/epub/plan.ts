import type { Asset, Book, Chapter } from '../model/book.js'
import { chapterIds } from '../model/walk.js'


/**
 * Where everything goes inside the EPUB: the file of each chapter and image,
 * and the XML id each id of the manuscript is written as. Which file of a
 * long chapter (split into parts, see `documents/chapter.ts`) holds an id is
 * known only once the chapter is built: see `Locations`.
 */
export interface Plan {
  /** File name of each chapter (of its first part), in book order. */
  chapterFiles: string[]
  /** For each chapter, by id: the XML id each of its manuscript's ids (headings, anchors) is written as. */
  ids: Map<string, Map<string, string>>
  /** Path of each asset inside the package (relative to the OPF), by asset id. */
  assetHrefs: Map<string, string>
}

/** Documents the emitter adds around the chapters; chapter files never take these names. */
export const frontAndBackFiles = {
  cover: 'cover.xhtml',
  titlePage: 'titlepage.xhtml',
  nav: 'toc.xhtml',
  colophon: 'colophon.xhtml',
  index: 'book-index.xhtml',
} as const

const reserved = new Set<string>([...Object.values(frontAndBackFiles), 'toc.ncx', 'content.opf', 'style.css'])

const extensions: Record<Asset['mediaType'], string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
}

/** A file name epub-gen-memory keeps as it is (it strips anything else). */
function safeName(name: string): string {
  return name.replace(/\s/g, '_').replace(/[^-._A-Za-z0-9]/g, '')
}

function unique(base: string, extension: string, taken: Set<string>): string {
  let name = `${base}.${extension}`
  for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}.${extension}`
  taken.add(name)
  return name
}

export function planPublication(book: Book): Plan {
  const taken = new Set(reserved)
  const chapterFiles = book.chapters.map((chapter, index) =>
    unique(safeName(chapter.id) || `chapter-${index + 1}`, 'xhtml', taken),
  )
  const ids = new Map(book.chapters.map((chapter) => [chapter.id, xmlIds(chapter)]))

  const takenImages = new Set<string>()
  const assetHrefs = new Map<string, string>()
  for (const asset of book.assets) {
    const extension = extensions[asset.mediaType]
    const base = safeName(asset.id.replace(/\.[A-Za-z0-9]+$/, '')) || 'image'
    assetHrefs.set(asset.id, `images/${unique(base, extension, takenImages)}`)
  }

  return { chapterFiles, ids, assetHrefs }
}

/**
 * The XML id of each id the manuscript gives in a chapter: the id as written
 * when XML allows it (GitHub's slugs keep every script's letters, which XML
 * names allow too), otherwise the nearest valid name (`1-intro` → `_1-intro`),
 * never two the same.
 */
function xmlIds(chapter: Chapter): Map<string, string> {
  const ids = new Map<string, string>()
  const used = new Set<string>()
  const add = (id: string): void => {
    if (id === '' || ids.has(id)) return
    let xml = xmlName(id)
    for (let n = 2; used.has(xml); n += 1) xml = `${xmlName(id)}-${n}`
    used.add(xml)
    ids.set(id, xml)
  }
  for (const id of chapterIds(chapter)) add(id)
  return ids
}

/** XML 1.0 (fifth edition) name characters, without the colon (an NCName, as an `id` must be). */
const nameStart = 'A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}'
const nameRest = `${nameStart}\\-.0-9\u00B7\u0300-\u036F\u203F-\u2040`
const validName = new RegExp(`^[${nameStart}][${nameRest}]*$`, 'u')
const invalidNameChar = new RegExp(`[^${nameRest}]`, 'gu')

/** `id` if it is a valid XML id, else the nearest one: other characters become `_`, and one that cannot start a name gets `_` before it. */
export function xmlName(id: string): string {
  if (validName.test(id)) return id
  const cleaned = id.replace(invalidNameChar, '_')
  return validName.test(cleaned) ? cleaned : `_${cleaned}`

}

/**
 * An article: a book of one chapter. Like the print edition, it opens with a
 * title block (title, subtitle, byline) rather than a title of its own.
 */
export function isArticle(book: Book): boolean {
  return book.chapters.length <= 1
}
