/**
 * Paginate: cut the flow into pages. Chapters open on right-hand pages (a
 * blank left-hand page before them when needed); each page is filled by
 * `fillPage` and, when full, justified to the foot of the text block.
 */
import type { Flow, FlowBox, PageKind } from '../flow.js'
import { justifyPage } from './balance.js'
import { fillPage } from './fill.js'
import type { Page, PageParams, Placed } from './types.js'

export type { Page, PageParams, Placed } from './types.js'

export function paginate(flow: Flow, params: PageParams): Page[] {
  const pages: Page[] = []
  let kind: PageKind = 'chapter'
  let chapter: number | null = null
  let opening = true
  let carry: FlowBox[] = []
  const done = new Set<string>()
  let index = 0
  while (index < flow.items.length || carry.length > 0) {
    const item = flow.items[index]
    if (item?.kind === 'break') {
      kind = item.pageKind
      chapter = item.chapter
      opening = true
      // Notes still running on are set before the new chapter opens.
      if (carry.length > 0) {
        carry = pushPage(pages, { kind, chapter, opening: false }, flow, flow.items.length, carry, params, done).carry
        continue
      }
      if (item.recto && pages.length % 2 === 1) pages.push(blank(pages.length + 1, chapter))
      index++
      continue
    }
    const result = pushPage(pages, { kind, chapter, opening }, flow, index, carry, params, done)
    carry = result.carry
    index = result.next
    opening = false
  }
  return pages
}

function pushPage(pages: Page[], where: { kind: PageKind; chapter: number | null; opening: boolean }, flow: Flow, index: number, carry: readonly FlowBox[], params: PageParams, done: Set<string>): { next: number; carry: FlowBox[] } {
  const filled = fillPage(flow, index, carry, params, done)
  for (const id of filled.placedNotes) done.add(id)
  if (filled.body.length === 0 && filled.notes.length === 0) return { next: Math.max(filled.next, index + 1), carry: filled.carry }
  const noteLines = filled.notes.reduce((sum, box) => sum + box.height, 0)
  const bottom = params.depth - (filled.notes.length > 0 ? noteLines + params.noteSeparator : 0)
  if (filled.full) justifyPage(filled.body, filled.spaces, bottom, params.leading)
  const notes: Placed[] = []
  let y = params.depth - noteLines
  for (const box of filled.notes) {
    y += box.height
    notes.push({ box, y })
  }
  const page: Page = { number: pages.length + 1, kind: where.kind, chapter: where.chapter, opening: where.opening, body: filled.body, notes, full: filled.full }
  if (notes.length > 0) page.noteRule = params.depth - noteLines - params.noteSeparator / 2
  pages.push(page)
  return { next: filled.next, carry: filled.carry }
}

function blank(number: number, chapter: number | null): Page {
  return { number, kind: 'blank', chapter, opening: false, body: [], notes: [], full: false }
}
