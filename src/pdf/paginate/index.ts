/**
 * Paginate: cut the flow into pages. Chapters open on right-hand pages (a
 * blank left-hand page before them when needed); each page is filled by
 * `fillPage` and, when full, justified to the foot of the text block.
 *
 * Pages are filled one after another, each as full as its rules allow. When
 * that leaves a page short (it could not be brought down to the foot, say
 * because a heading and its first lines did not fit below its text), the page
 * before it is tried ending a line or two earlier: the lines it gives up may be
 * what the short page needed, and a page a line or two short can spread the
 * difference over its gaps unseen.
 */
import type { Flow, FlowBox, PageKind } from '../flow.js'
import { justifyPage } from './balance.js'
import { fillPage } from './fill.js'
import { noteBlockHeight, placeNotes } from './notes.js'
import type { Page, PageParams, Placed } from './types.js'

export type { Page, PageParams, Placed } from './types.js'
export type { PageCosts } from './costs.js'
export { defaultPageCosts } from './costs.js'

/** How many places earlier the page before a short one is tried ending. */
const lookBack = 3

interface Where {
  kind: PageKind
  chapter: number | null
  opening: boolean
  /** Set broadside: the depth of the turned text block. */
  turned?: { depth: number } | undefined
}

/** A page as set (none, when there was nothing to set), with what it was set from, so that it can be set again. */
interface Setting {
  page: Page | undefined
  where: Where
  start: number
  carryIn: readonly FlowBox[]
  /** Notes set before the page, and with it. */
  doneBefore: ReadonlySet<string>
  doneAfter: ReadonlySet<string>
  next: number
  carry: FlowBox[]
}

export function paginate(flow: Flow, params: PageParams): Page[] {
  const pages: Page[] = []
  let kind: PageKind = 'chapter'
  let chapter: number | null = null
  let opening = true
  let turned: { depth: number } | undefined
  let carry: FlowBox[] = []
  let done: ReadonlySet<string> = new Set<string>()
  /** The page set just before, when nothing stands between it and the next (a chapter's break, a blank page). */
  let previous: Setting | undefined
  let index = 0
  while (index < flow.items.length || carry.length > 0) {
    const item = flow.items[index]
    if (item?.kind === 'break') {
      kind = item.pageKind
      chapter = item.chapter
      opening = item.continues !== true
      turned = item.turned
      previous = undefined
      // Notes still running on are set before the new chapter opens (a chapter that goes on takes them on).
      if (carry.length > 0 && item.continues !== true) {
        const setting = setPage(pages.length + 1, { kind, chapter, opening: false, turned }, flow, flow.items.length, carry, params, done)
        if (setting.page) pages.push(setting.page)
        done = setting.doneAfter
        carry = setting.carry
        continue
      }
      if (item.recto && pages.length % 2 === 1) pages.push(blank(pages.length + 1, chapter))
      index++
      continue
    }
    let setting = setPage(pages.length + 1, { kind, chapter, opening, turned }, flow, index, carry, params, done)
    opening = false
    if (setting.page?.short && previous) {
      const better = lookBackFor(previous, setting, flow, params)
      if (better) {
        pages[pages.length - 1] = better[0].page!
        setting = better[1]
      }
    }
    if (setting.page) pages.push(setting.page)
    done = setting.doneAfter
    carry = setting.carry
    // Nothing set (an empty box the page could not hold): the flow moves on all the same.
    index = setting.page ? setting.next : Math.max(setting.next, index + 1)
    previous = setting.page ? setting : undefined
  }
  return pages
}

/**
 * The page before a short one set again ending earlier (up to `lookBack`
 * places before where it ended), and the short page set again after it: the
 * first pair where neither page is short, or `undefined`.
 */
function lookBackFor(previous: Setting, current: Setting, flow: Flow, params: PageParams): [Setting, Setting] | undefined {
  const number = previous.page!.number
  let limit = previous.next
  for (let attempt = 0; attempt < lookBack; attempt++) {
    const before = setPage(number, previous.where, flow, previous.start, previous.carryIn, params, previous.doneBefore, limit)
    if (!before.page || before.next >= limit || before.next <= previous.start) return undefined
    limit = before.next
    if (before.page.short) continue
    const after = setPage(number + 1, current.where, flow, before.next, before.carry, params, before.doneAfter)
    if (after.page && !after.page.short) return [before, after]
  }
  return undefined
}

function setPage(number: number, where: Where, flow: Flow, start: number, carryIn: readonly FlowBox[], upright: PageParams, doneBefore: ReadonlySet<string>, limit?: number): Setting {
  const params = where.turned ? { ...upright, depth: where.turned.depth } : upright
  // Pages count from 1, a right-hand page: odd numbers are rectos.
  const filled = fillPage(flow, start, carryIn, params, doneBefore, { recto: number % 2 === 1, ...(limit !== undefined ? { limit } : {}) })
  const doneAfter = new Set(doneBefore)
  for (const id of filled.placedNotes) doneAfter.add(id)
  const setting: Setting = { page: undefined, where, start, carryIn, doneBefore, doneAfter, next: filled.next, carry: filled.carry }
  if (filled.body.length === 0 && filled.notes.length === 0) return setting
  const noteHeight = noteBlockHeight(filled.notes, params.noteSeparator)
  const bottom = params.depth - noteHeight
  // A page that ends at a break is not brought down to the foot, but one that fit only by shrinking its spaces is shrunk.
  if (filled.full || (filled.body.at(-1)?.y ?? 0) > bottom) justifyPage(filled.body, filled.spaces, bottom, params.leading)
  const notes: Placed[] = placeNotes(filled.notes, params.depth, params.noteSeparator)
  const page: Page = { number, kind: where.kind, chapter: where.chapter, opening: where.opening, body: filled.body, notes, full: filled.full }
  if (where.turned) page.turned = true
  if (filled.full && filled.body.length > 0 && bottom - filled.body.at(-1)!.y > 1e-6) page.short = true
  // The rule stands a third of the separator above the notes' first line: the text's descenders above
  // it and the notes' ascenders below it then leave about the same white on either side.
  if (notes.length > 0) page.noteRule = params.depth - noteHeight + (2 * params.noteSeparator) / 3
  setting.page = page
  return setting
}

function blank(number: number, chapter: number | null): Page {
  return { number, kind: 'blank', chapter, opening: false, body: [], notes: [], full: false }
}
