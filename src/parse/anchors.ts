import type { Block, Inline } from '../model/book.js'

/**
 * Link targets written on their own: a raw `<a id="x"></a>` (or `<a name>`)
 * that stands alone in block position, as on the line before a heading in
 * many a manual, or an `id` on an element that gives no block of its own.
 * The conversion makes each a paragraph holding nothing but anchors; here
 * such a paragraph goes, and its ids lead to the start of the block that
 * follows it (`BlockBase.anchors`), or to the block before it when it ends
 * a container. A container holding nothing else keeps the paragraph, which
 * its parent's list then gives away.
 */
export function hoistAnchors(blocks: Block[]): Block[] {
  if (!blocks.some(isAnchorParagraph)) return blocks
  const result: Block[] = []
  let pending: string[] = []
  for (const block of blocks) {
    const ids = anchorParagraphIds(block)
    if (ids !== undefined) {
      pending.push(...ids)
      continue
    }
    if (pending.length > 0) {
      block.anchors = [...pending, ...(block.anchors ?? [])]
      pending = []
    }
    result.push(block)
  }
  if (pending.length === 0) return result
  const last = result.at(-1)
  if (last === undefined) return [anchorParagraph(pending)]
  last.anchors = [...(last.anchors ?? []), ...pending]
  return result
}

/** A paragraph made of anchors alone: where a block list holds a link target that no block carries. */
export function anchorParagraph(ids: readonly string[]): Block {
  return { type: 'paragraph', children: ids.map((id): Inline => ({ type: 'anchor', id })) }
}

/** `blocks` with `id` leading to the first of them (a paragraph of the anchor alone when there are none). */
export function withAnchor(blocks: Block[], id: string | undefined): Block[] {
  if (id === undefined) return blocks
  const first = blocks[0]
  if (first === undefined) return [anchorParagraph([id])]
  first.anchors = [id, ...(first.anchors ?? [])]
  return blocks
}

function isAnchorParagraph(block: Block): boolean {
  return anchorParagraphIds(block) !== undefined
}

/** The ids of a paragraph that holds only anchors (white space and line breaks aside), with those it carries. */
function anchorParagraphIds(block: Block): string[] | undefined {
  if (block.type !== 'paragraph') return undefined
  const ids: string[] = [...(block.anchors ?? [])]
  let any = false
  for (const inline of block.children) {
    if (inline.type === 'anchor') {
      ids.push(inline.id)
      any = true
    } else if (!(inline.type === 'break' || (inline.type === 'text' && inline.value.trim() === ''))) {
      return undefined
    }
  }
  return any ? ids : undefined
}
