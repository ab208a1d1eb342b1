import path from 'node:path'
import type { Asset, Block, Book } from '../model/book.js'
import { forEachBlock } from '../model/walk.js'

/**
 * Where everything goes inside the EPUB: the file of each document and image,
 * and the file each link target (heading or note id) lives in.
 */
export interface Plan {
  /** File name of each chapter, in book order. */
  chapterFiles: string[]
  /** The file that holds each heading and note id. */
  targets: Map<string, string>
  /** Path of each asset inside the package (relative to the OPF), by asset id. */
  assetHrefs: Map<string, string>
  /** The chapter file made from each source file, for links between manuscript files. */
  sourceFiles: Map<string, string>
}

/** Documents the emitter adds around the chapters; chapter files never take these names. */
export const frontAndBackFiles = {
  cover: 'cover.xhtml',
  titlePage: 'titlepage.xhtml',
  nav: 'toc.xhtml',
  colophon: 'colophon.xhtml',
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

  const targets = new Map<string, string>()
  book.chapters.forEach((chapter, index) => {
    const file = chapterFiles[index]!
    for (const id of headingIds(chapter.blocks)) if (!targets.has(id)) targets.set(id, file)
    for (const note of chapter.notes) if (!targets.has(note.id)) targets.set(note.id, file)
  })

  const takenImages = new Set<string>()
  const assetHrefs = new Map<string, string>()
  for (const asset of book.assets) {
    const extension = extensions[asset.mediaType]
    const base = safeName(asset.id.replace(/\.[A-Za-z0-9]+$/, '')) || 'image'
    assetHrefs.set(asset.id, `images/${unique(base, extension, takenImages)}`)
  }

  const sourceFiles = new Map<string, string>()
  book.chapters.forEach((chapter, index) => {
    const source = path.resolve(chapter.source)
    if (!sourceFiles.has(source)) sourceFiles.set(source, chapterFiles[index]!)
  })

  return { chapterFiles, targets, assetHrefs, sourceFiles }
}

function headingIds(blocks: readonly Block[]): string[] {
  const ids: string[] = []
  // Headings at any depth: in quotes and lists, and in alerts, disclosures and definitions.
  forEachBlock(blocks, (block) => {
    if (block.type === 'heading') ids.push(block.id)
  })
  return ids
}

/**
 * An article: a book of one chapter. Like the print edition, it opens with a
 * title block (title, subtitle, byline) rather than a title of its own.
 */
export function isArticle(book: Book): boolean {
  return book.chapters.length <= 1
}
