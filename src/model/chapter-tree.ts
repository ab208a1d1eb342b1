import type { Book, Chapter, Part } from './book.js'

/** A chapter in the book's contents, with the chapters nested under it. */
export interface ChapterNode {
  kind: 'chapter'
  chapter: Chapter
  /** Index into `Book.chapters`. */
  index: number
  children: ChapterNode[]
}

/** A part in the book's contents, with its chapters. */
export interface PartNode {
  kind: 'part'
  part: Part
  /** Index into `Book.parts`. */
  index: number
  children: ChapterNode[]
}

export type ContentsNode = ChapterNode | PartNode

/**
 * The book's chapters as both editions' contents list them: parts holding
 * their chapters, each chapter holding the chapters nested under it by
 * `level`. The one reading of `Chapter.part` and `Chapter.level`, so that the
 * EPUB's navigation and the PDF's contents and outline nest alike.
 *
 * Forgiving of what the loader never makes: a level deeper than the one
 * before by more than one nests under the nearest shallower chapter; a
 * chapter that opens a part, or follows one, starts a new top level; a part
 * no chapter names is not listed.
 */
export function chapterTree(book: Book): ContentsNode[] {
  const roots: ContentsNode[] = []
  let partNode: PartNode | undefined
  let stack: Array<{ level: number; node: ChapterNode }> = []
  book.chapters.forEach((chapter, index) => {
    const part = chapter.part !== undefined ? book.parts?.[chapter.part] : undefined
    if (part === undefined) {
      if (partNode) stack = []
      partNode = undefined
    } else if (partNode?.index !== chapter.part) {
      partNode = { kind: 'part', part, index: chapter.part!, children: [] }
      roots.push(partNode)
      stack = []
    }
    const level = Math.max(1, Math.floor(chapter.level ?? 1))
    while (stack.length > 0 && stack.at(-1)!.level >= level) stack.pop()
    const node: ChapterNode = { kind: 'chapter', chapter, index, children: [] }
    const parent = stack.at(-1)?.node
    if (parent) parent.children.push(node)
    else if (partNode) partNode.children.push(node)
    else roots.push(node)
    stack.push({ level, node })
  })
  return roots
}

/**
 * How deep each chapter stands in the contents, counted from 1 at the top
 * level, with parts taking the top level when the book has them in use:
 * what the PDF's outline nests by. By chapter index.
 */
export function chapterDepths(book: Book): number[] {
  const depths: number[] = []
  const visit = (nodes: readonly ContentsNode[], depth: number): void => {
    for (const node of nodes) {
      if (node.kind === 'chapter') depths[node.index] = depth
      visit(node.children, depth + 1)
    }
  }
  visit(chapterTree(book), 1)
  return depths
}
