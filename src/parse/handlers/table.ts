import type { Paragraph, Parents, PhrasingContent, Table as MdastTable } from 'mdast'
import type { Block, Table, TableCell } from '../../model/book.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'

/**
 * A GFM table: the first row is the header row; every row has as many cells
 * as the header. A paragraph starting with `: ` just before or after it is
 * its caption, as pandoc writes one (`: Sizes of the pages {#tbl:sizes}`),
 * with perhaps a label at its end for references to the table.
 */
export function table(state: State, node: MdastTable, parent: Parents): Block[] {
  const rows: TableCell[][] = node.children.map((row) => row.children.map((cell) => ({ children: state.inlines(cell) })))
  const columns = rows[0]?.length ?? 0
  const align: Table['align'] = Array.from({ length: columns }, (_, index) => node.align?.[index] ?? null)
  // micromark drops extra cells and leaves short rows short; pad them so every row is rectangular.
  for (const row of rows) while (row.length < columns) row.push({ children: [] })
  const result: Table = { type: 'table', align, rows, headerRows: rows.length > 0 ? 1 : 0 }
  const written = captionOf(node, parent)
  if (written) {
    const { paragraph, id } = stripCaption(written)
    const caption = state.inlines(paragraph)
    if (caption.length > 0) result.caption = caption
    if (id !== undefined) result.id = id
  }
  return [withPlace(result, state.place(node))]
}

/** `: ` opening a caption paragraph (pandoc also reads `Table: `, which is kept as text here: it is a sentence's start too). */
const CAPTION_START = /^:[ \t]+/
/** `{#tbl:label}` at the caption's end, other attributes allowed and ignored. */
const CAPTION_LABEL = /[ \t]*\{#(tbl:[^\s{}]+)(?:[ \t]+[^{}]*)?\}[ \t]*$/

/** Whether a paragraph is a table's caption: it starts with `: ` and stands right before or after a table. */
export function isTableCaption(node: Paragraph, parent: Parents | undefined): boolean {
  return parent !== undefined && captionOwner(node, parent) !== undefined
}

/**
 * The table a caption paragraph belongs to: the table just before it, else
 * the table just after it when that table has no caption after it.
 */
function captionOwner(node: Paragraph, parent: Parents): MdastTable | undefined {
  if (!startsAsCaption(node)) return undefined
  const siblings = parent.children as readonly unknown[]
  const index = siblings.indexOf(node)
  const before = siblings[index - 1] as MdastTable | undefined
  if (before?.type === 'table') return before
  const after = siblings[index + 1] as MdastTable | undefined
  if (after?.type !== 'table') return undefined
  const next = siblings[index + 2] as Paragraph | undefined
  return next?.type === 'paragraph' && startsAsCaption(next) ? undefined : after
}

function startsAsCaption(node: Paragraph): boolean {
  const first = node.children[0]
  return first?.type === 'text' && CAPTION_START.test(first.value)
}

/** The table's caption paragraph: the one after it, else the one before it. */
function captionOf(node: MdastTable, parent: Parents): Paragraph | undefined {
  const siblings = parent.children as readonly unknown[]
  const index = siblings.indexOf(node)
  for (const candidate of [siblings[index + 1], siblings[index - 1]] as Array<Paragraph | undefined>) {
    if (candidate?.type === 'paragraph' && captionOwner(candidate, parent) === node) return candidate
  }
  return undefined
}

/** The caption's paragraph without its `: ` and its label (copies of the text nodes changed), and the label. */
function stripCaption(paragraph: Paragraph): { paragraph: Paragraph; id?: string } {
  const children: PhrasingContent[] = [...paragraph.children]
  const first = children[0]
  if (first?.type === 'text') children[0] = { ...first, value: first.value.replace(CAPTION_START, '') }
  let id: string | undefined
  const last = children.at(-1)
  if (last?.type === 'text') {
    const match = CAPTION_LABEL.exec(last.value)
    if (match) {
      id = match[1]!
      children[children.length - 1] = { ...last, value: last.value.slice(0, match.index) }
    }
  }
  const result: { paragraph: Paragraph; id?: string } = { paragraph: { ...paragraph, children } }
  if (id !== undefined) result.id = id
  return result
}
