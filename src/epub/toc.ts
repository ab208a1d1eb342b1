import type { Block, Book, Inline } from '../model/book.js'
import { themeSectionNumbers, type SectionNumbers, type Theme } from '../theme/index.js'
import { chapterTree, type ChapterNode, type ContentsNode } from '../model/chapter-tree.js'
import { inlineChildren } from '../model/walk.js'
import type { Locations } from './locations.js'
import type { Plan } from './plan.js'

/** One entry of the table of contents, with the entries nested under it. */
export interface TocEntry {
  label: string
  /** The chapter's number (`2.`, `2.1.`), shown before its label. */
  number?: string
  /**
   * File, or file#id, inside the package. A part has none: it is a heading
   * over its chapters, not a place to go (EPUB 3's `span` in the nav).
   */
  href?: string
  /** The heading id it points to, when not the start of a file. */
  id?: string
  children: TocEntry[]
}

/** Text of a heading for a table of contents: its words without note calls. */
export function headingLabel(inlines: readonly Inline[]): string {
  let text = ''
  for (const node of inlines) {
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value
    else if (node.type === 'image') text += node.alt
    else if (node.type === 'break') text += ' '
    else if (node.type !== 'noteRef') text += headingLabel(inlineChildren(node))
  }
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * The table of contents: one entry per chapter, with the chapter's headings
 * nested under it by level, down to `depth` (the theme's `tocDepth`), then the chapters
 * nested under it (`Chapter.level`); parts are entries without a link that
 * hold their chapters. A chapter that opens with a heading is listed by that
 * heading.
 */
export function tableOfContents(book: Book, theme: Theme, plan: Plan, locations: Locations, depth: number = theme.tocDepth, numbers: SectionNumbers = themeSectionNumbers(book, theme)): TocEntry[] {
  const chapterEntry = (node: ChapterNode): TocEntry => {
    const { chapter } = node
    const file = locations.fileOf(chapter.id)!
    const ids = plan.ids.get(chapter.id)
    const headings = chapter.blocks.filter((block): block is Extract<Block, { type: 'heading' }> => block.type === 'heading' && block.depth <= depth)
    const opening = chapter.blocks[0]?.type === 'heading' ? chapter.blocks[0] : undefined
    const root: TocEntry = {
      label: (opening && headingLabel(opening.children)) || chapter.title.trim() || book.metadata.title,
      href: file,
      children: [],
    }
    // The theme's section numbers, else the chapter's number in the book's `SUMMARY.md`.
    const number = numbers.chapters[node.index] ?? chapter.number
    if (number !== undefined) root.number = number
    const stack: Array<{ depth: number; entry: TocEntry }> = [{ depth: opening?.depth ?? 0, entry: root }]
    for (const heading of headings) {
      if (heading === opening) continue
      while (stack.length > 1 && stack.at(-1)!.depth >= heading.depth) stack.pop()
      const id = ids?.get(heading.id) ?? heading.id
      const entry: TocEntry = { label: headingLabel(heading.children) || '…', href: `${locations.fileOf(chapter.id, id)}#${id}`, id, children: [] }
      const number = numbers.headings.get(heading)
      if (number !== undefined) entry.number = number
      stack.at(-1)!.entry.children.push(entry)
      stack.push({ depth: heading.depth, entry })
    }
    root.children.push(...node.children.map(chapterEntry))
    return root
  }
  const entry = (node: ContentsNode): TocEntry =>
    node.kind === 'chapter' ? chapterEntry(node) : { label: node.part.title.trim() || '…', children: node.children.map(chapterEntry) }
  return chapterTree(book).map(entry)
}

/** Where a reader lands for an entry: its own target, or for a part, its first chapter's. */
export function entryHref(entry: TocEntry): string {
  return entry.href ?? entryHref(entry.children[0]!)
}

/** How deep the entries nest (1 for a flat list). */
export function tocDepth(entries: readonly TocEntry[]): number {
  return entries.reduce((deepest, entry) => Math.max(deepest, 1 + tocDepth(entry.children)), 0)
}
