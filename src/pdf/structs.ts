/**
 * The book's structure tree, put together from its parts' (see
 * `Composer.structs`): each part numbers its nodes from 1, node 0 standing
 * for what holds it; in the book, a part's nodes follow those of the parts
 * before it, and its node 0 becomes the document or the book's part it
 * stands in. What a part has drawn keeps the part's numbers, read in the
 * book's as its pages are framed: a chapter's layout is the same whatever
 * comes before it, and may be kept as it is for the next build.
 */
import type { Drawing, FlowBox, StructNode } from './flow.js'

/** What a part says of its structure nodes. */
export interface PartStructs {
  structs: readonly StructNode[]
  within: 'document' | 'part'
  /** The node of the book's part it opens, if it is a part's title page. */
  opens?: number
}

export class BookStructs {
  /** The book's nodes; node 0 is the document. It grows as parts are added, and a renderer may read it as it does. */
  readonly nodes: StructNode[] = [{ type: 'Document', parent: null }]
  /** The node of the book's part opened last. */
  private openPart = 0

  /** Number a part's nodes in the book: the number in the book of each of the part's. */
  add(part: PartStructs): (id: number) => number {
    const container = part.within === 'part' ? this.openPart : 0
    const offset = this.nodes.length - 1
    const toBook = (id: number): number => (id === 0 ? container : id + offset)
    for (const node of part.structs.slice(1)) this.nodes.push({ ...node, parent: node.parent === null ? null : toBook(node.parent) })
    if (part.opens !== undefined) this.openPart = toBook(part.opens)
    return toBook
  }
}

/**
 * Give boxes of a part the book's numbers in their drawings, for a book
 * joined into one flow (`composeBook`). A box may stand twice (a table's
 * header row, set again on each page the table continues on): each is
 * renumbered once.
 */
export function renumberBoxes(boxes: Iterable<FlowBox>, toBook: (id: number) => number): void {
  const done = new Set<FlowBox>()
  const renumber = (box: FlowBox): void => {
    if (done.has(box)) return
    done.add(box)
    for (const drawing of box.drawings) renumberDrawing(drawing, toBook)
    if (box.repeat) renumber(box.repeat)
  }
  for (const box of boxes) renumber(box)
}

function renumberDrawing(drawing: Drawing, toBook: (id: number) => number): void {
  switch (drawing.kind) {
    case 'text':
      if (drawing.struct !== null) drawing.struct = toBook(drawing.struct)
      return
    case 'image':
    case 'pageRef':
      drawing.struct = toBook(drawing.struct)
      return
    case 'rule':
    case 'rect':
      return
  }
}
