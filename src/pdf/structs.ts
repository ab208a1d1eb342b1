/**
 * The book's structure tree, put together from its parts' (see
 * `Composer.structs`): each part numbers its nodes from 1, node 0 standing
 * for what holds it; in the book, a part's nodes follow those of the parts
 * before it, and its node 0 becomes the document or the book's part it
 * stands in. What a part has drawn is renumbered to match.
 */
import type { Drawing, FlowBox, StructNode } from './flow.js'
import type { Page } from './paginate/index.js'

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

  /** Number a part's nodes in the book: how to renumber what it has drawn. */
  add(part: PartStructs): StructRenumbering {
    const container = part.within === 'part' ? this.openPart : 0
    const offset = this.nodes.length - 1
    const toBook = (id: number): number => (id === 0 ? container : id + offset)
    for (const node of part.structs.slice(1)) this.nodes.push({ ...node, parent: node.parent === null ? null : toBook(node.parent) })
    if (part.opens !== undefined) this.openPart = toBook(part.opens)
    return new StructRenumbering(toBook)
  }
}

/**
 * Gives a part's drawings the book's numbers for their structure nodes. A
 * box may be placed more than once (a table's header row, set again on each
 * page the table continues on): each is renumbered once.
 */
export class StructRenumbering {
  private readonly done = new Set<FlowBox>()

  constructor(readonly toBook: (id: number) => number) {}

  pages(pages: readonly Page[]): void {
    for (const page of pages) {
      for (const placed of page.body) this.box(placed.box)
      for (const placed of page.notes) this.box(placed.box)
    }
  }

  box(box: FlowBox): void {
    if (this.done.has(box)) return
    this.done.add(box)
    for (const drawing of box.drawings) this.drawing(drawing)
    if (box.repeat) this.box(box.repeat)
  }

  private drawing(drawing: Drawing): void {
    switch (drawing.kind) {
      case 'text':
        if (drawing.struct !== null) drawing.struct = this.toBook(drawing.struct)
        return
      case 'image':
      case 'pageRef':
        drawing.struct = this.toBook(drawing.struct)
        return
      case 'rule':
      case 'rect':
        return
    }
  }
}
