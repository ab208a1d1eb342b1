import type { Element, ElementContent, Root } from 'hast'
import type { Book } from '../model/book.js'
import type { ChapterDocument } from './documents/chapter.js'
import type { Plan } from './plan.js'

/**
 * Where things landed once the chapters are built: the file of each part of
 * each chapter, and which file holds each id. Links inside the book are
 * written from it, since a long chapter's parts (and so the file an id is in)
 * are known only after the chapter is built.
 */
export class Locations {
  /** The first file of each chapter, by chapter id. */
  private readonly firstFiles = new Map<string, string>()
  /** The file of each id, per chapter id. */
  private readonly idFiles = new Map<string, Map<string, string>>()

  constructor(chapters: ReadonlyMap<string, Pick<ChapterDocument, 'parts'>>) {
    for (const [chapter, document] of chapters) {
      this.firstFiles.set(chapter, document.parts[0]!.file)
      const files = new Map<string, string>()
      for (const part of document.parts) walk(part.tree, (element) => typeof element.properties.id === 'string' && files.set(element.properties.id, part.file))
      this.idFiles.set(chapter, files)
    }
  }

  /** Where things would land if no chapter were split: each chapter in its planned file. */
  static unsplit(book: Book, plan: Plan): Locations {
    return new Locations(new Map(book.chapters.map((chapter, index) => [chapter.id, { parts: [{ file: plan.chapterFiles[index]!, tree: { type: 'root', children: [] } }] }])))
  }

  /** The file holding `id` in a chapter (or the chapter's first file). */
  fileOf(chapter: string, id?: string): string | undefined {
    return (id === undefined ? undefined : this.idFiles.get(chapter)?.get(id)) ?? this.firstFiles.get(chapter)
  }

  /** A reference from `from` to an id of a chapter (or its start): `#id` in the same file. */
  href(from: string, chapter: string, id?: string): string | undefined {
    const file = this.fileOf(chapter, id)
    if (file === undefined) return undefined
    if (id === undefined) return file
    return file === from ? `#${id}` : `${file}#${id}`
  }

  /**
   * Give every link a chapter's documents hold inside the book its `href`.
   * A link to a place the book does not hold (the links pass lets none
   * through) would be dead: it is unwrapped into its text instead.
   */
  writeLinks(document: ChapterDocument): void {
    const pending = new Map(document.state.links.map((link) => [link.element, link]))
    for (const part of document.parts) {
      walk(part.tree, (element) => {
        const link = pending.get(element)
        if (!link) return
        const href = this.href(part.file, link.chapter, link.id)
        if (href !== undefined) element.properties.href = href
        else element.tagName = 'span'
      })
    }
    for (const marker of document.state.markers) marker.file = this.fileOf(document.state.chapter!, marker.id) ?? marker.file
  }

  /** The ids of a chapter's headings and markers per file, in document order (the NCX's play order). */
  anchorsByFile(document: ChapterDocument): Map<string, string[]> {
    const byFile = new Map<string, string[]>(document.parts.map((part) => [part.file, []]))
    for (const id of document.state.anchors) byFile.get(this.fileOf(document.state.chapter!, id) ?? document.parts[0]!.file)?.push(id)
    return byFile
  }
}

function walk(node: Root | Element, visit: (element: Element) => void): void {
  for (const child of node.children as ElementContent[]) {
    if (child.type !== 'element') continue
    visit(child)
    walk(child, visit)
  }
}
