/**
 * Fill one page from a position in the flow: place boxes while they fit,
 * with the footnotes they call. When the next box does not fit, the page ends
 * at one of the places it may break (keeps, widows and orphans decide which
 * those are): the fullest, unless ending a little earlier spares a word
 * broken over the page's foot (see `costs.ts`).
 */
import type { Flow, FlowBox } from '../flow.js'
import { justifiable, maxSpaceShrink } from './balance.js'
import { defaultPageCosts } from './costs.js'
import type { PageCosts } from './costs.js'
import { noteAdvance } from './notes.js'
import type { PageParams, Placed } from './types.js'

export interface FillResult {
  body: Placed[]
  notes: FlowBox[]
  /** Index in the flow where the next page starts. */
  next: number
  /** Footnote lines left over for the next page. */
  carry: FlowBox[]
  /** Whether the page ended because it was full (not at a break or the end of the flow). */
  full: boolean
  /** Flexible gap before each placed box (spaces of the flow), for vertical justification. */
  spaces: number[]
  /** Ids of the notes whose first lines are on this page. */
  placedNotes: string[]
}

export interface FillOptions {
  /** A right-hand page: a word broken over its foot is broken over the turn of the leaf. */
  recto: boolean
  costs?: Partial<PageCosts>
  /** The page ends before the flow's item at this index or earlier, as if that did not fit (see `paginate`'s look-back). */
  limit?: number
}

/** A place the page may end: the state just before the box at `index`. */
interface Candidate {
  index: number
  placed: number
  notes: number
  carry: FlowBox[]
  y: number
  flexible: number
  noteHeight: number
  placedNotes: number
  /** Price of ending the page here, before counting the lines it leaves empty. */
  penalty: number
}

const noCalls: readonly string[] = []
const noBoxes: readonly FlowBox[] = []

/** Least number of a footnote's lines that may stand on the page of its call when the rest runs on. */
const minNoteLines = 2

export function fillPage(flow: Flow, start: number, carryIn: readonly FlowBox[], params: PageParams, done: ReadonlySet<string>, options: FillOptions = { recto: true }): FillResult {
  const { depth, noteSeparator, leading } = params
  const costs: PageCosts = { ...defaultPageCosts, ...options.costs }
  const body: Placed[] = []
  const spaces: number[] = []
  const notes: FlowBox[] = []
  /** Notes set on this page, in order: a note called twice is set once, on the page of its first call. */
  const placedNotes: string[] = []
  let carry: FlowBox[] = []
  /** Height of the footnote block, separator included (see `notes.ts`). */
  let noteHeight = 0

  // Footnote lines continued from the previous page come first, up to half the page.
  for (const [index, box] of carryIn.entries()) {
    const advance = (notes.length === 0 ? noteSeparator : 0) + noteAdvance(box, notes.length === 0)
    if (noteHeight + advance > depth / 2 && notes.length > 0) {
      carry = carryIn.slice(index)
      break
    }
    notes.push(box)
    noteHeight += advance
  }

  let y = 0
  let pendingSpace = 0
  /** Spaces between the boxes placed so far: they may shrink a little to make room (see `balance.ts`). */
  let flexible = 0
  const candidates: Candidate[] = []
  let limit = options.limit
  let index = start
  for (; index < flow.items.length; index++) {
    const item = flow.items[index]!
    if (item.kind === 'break') break
    if (item.kind === 'space') {
      if (body.length > 0) pendingSpace += item.height
      continue
    }
    if (limit !== undefined && index >= limit && body.length > 0) {
      const best = bestCandidate()
      if (best) return finish(rollBack(best), true)
      // No place to end the page before the limit: it is filled as usual.
      limit = undefined
    }
    if (body.length > 0 && !item.keepWithPrevious) {
      candidates.push({ index, placed: body.length, notes: notes.length, carry, y, flexible, noteHeight, placedNotes: placedNotes.length, penalty: breakPenalty(body.at(-1)!.box) })
    }
    // A table row opening a page brings its header row with it.
    const header = body.length === 0 && item.repeat ? item.repeat : undefined
    const advance = body.length === 0 ? (header ? header.top + item.top : item.top) : pendingSpace + item.height
    const called = item.notes.length === 0 ? noCalls : [...new Set(item.notes)].filter((id) => !done.has(id) && !placedNotes.includes(id) && flow.notes.has(id))
    const calledBoxes = called.length === 0 ? noBoxes : called.flatMap((id) => flow.notes.get(id)!)
    const room = depth - y - advance + maxSpaceShrink * (flexible + (body.length > 0 ? pendingSpace : 0))

    let take: readonly FlowBox[] | undefined
    let rest: FlowBox[] = []
    // Lines that must follow the call on its page need room too, or the note would take it from them.
    const reserve = called.length > 0 ? keptAfter(index) : 0
    if (room - noteHeight - blockGrowth(calledBoxes) - reserve >= -1e-6) take = calledBoxes
    else if (called.length > 0) {
      // Split the last note called: the others whole, at least two lines of it here, the rest on the next page.
      const last = flow.notes.get(called.at(-1)!)!
      const whole = calledBoxes.slice(0, calledBoxes.length - last.length)
      const here: FlowBox[] = []
      for (const box of last) {
        if (room - noteHeight - blockGrowth([...whole, ...here, box]) - reserve < -1e-6) break
        here.push(box)
      }
      // A note that runs on does not break a word over the page either, when a line can go over with it.
      if (here.length > minNoteLines && here.at(-1)!.line?.hyphenated) here.pop()
      if (here.length >= Math.min(minNoteLines, last.length) && here.length > 0) {
        take = [...whole, ...here]
        rest = last.slice(here.length)
      }
    }

    if (take === undefined) {
      if (body.length === 0) {
        // Taller than an empty page: set it anyway rather than loop for ever; its notes go to the next page.
        place(item, header, advance, [], calledBoxes)
        placedNotes.push(...called)
        index++
        break
      }
      const best = bestCandidate()
      if (best) return finish(rollBack(best), true)
      return finish(index, true)
    }
    place(item, header, advance, take, rest)
    placedNotes.push(...called)
  }
  return finish(index, false)

  /** Height of the boxes the flow keeps with the one at `index` (and the spaces between them). */
  function keptAfter(index: number): number {
    let height = 0
    let space = 0
    for (let at = index + 1; at < flow.items.length; at++) {
      const item = flow.items[at]!
      if (item.kind === 'break') break
      if (item.kind === 'space') {
        space += item.height
        continue
      }
      if (!item.keepWithPrevious) break
      height += space + item.height
      space = 0
    }
    return height
  }

  /** What `boxes` would add to the footnote block as it stands. */
  function blockGrowth(boxes: readonly FlowBox[]): number {
    let growth = 0
    boxes.forEach((box, at) => {
      const first = notes.length === 0 && at === 0
      growth += (first ? noteSeparator : 0) + noteAdvance(box, first)
    })
    return growth
  }

  /** Ending the page after `last`: a word broken over the foot costs, more on a right-hand page. */
  function breakPenalty(last: FlowBox): number {
    if (!last.line?.hyphenated) return 0
    return options.recto ? costs.brokenWordRecto : costs.brokenWordVerso
  }

  /**
   * The candidate of least cost: its penalty, plus the square of the lines it
   * leaves empty beyond what the fullest candidate does, plus a price for a
   * page too short to justify. Of equal costs the fuller page wins.
   */
  function bestCandidate(): Candidate | undefined {
    const fullest = candidates.at(-1)
    if (!fullest) return undefined
    const least = depth - fullest.noteHeight - fullest.y
    let best: Candidate | undefined
    let bestCost = Infinity
    for (let at = candidates.length - 1; at >= 0; at--) {
      const candidate = candidates[at]!
      const bottom = depth - candidate.noteHeight
      const short = Math.max(0, (bottom - candidate.y - least) / leading)
      const shortCost = costs.shortLine * short * short
      // Earlier candidates only leave more empty.
      if (shortCost >= bestCost) break
      const cost = shortCost + candidate.penalty + (justifiable(body, spaces, candidate.placed, bottom, leading) ? 0 : costs.unaligned)
      if (cost < bestCost) {
        best = candidate
        bestCost = cost
      }
    }
    return best
  }

  function place(item: FlowBox, header: FlowBox | undefined, advance: number, take: readonly FlowBox[], rest: readonly FlowBox[]): void {
    if (header) {
      body.push({ box: header, y: header.top, repeated: true })
      spaces.push(0)
      y = header.top
      spaces.push(0)
      y += item.top
    } else {
      spaces.push(body.length === 0 ? 0 : pendingSpace)
      if (body.length > 0) flexible += pendingSpace
      y += advance
    }
    body.push({ box: item, y })
    pendingSpace = 0
    if (take.length > 0) {
      noteHeight += blockGrowth(take)
      notes.push(...take)
    }
    if (rest.length > 0) carry = [...carry, ...rest]
  }

  function rollBack(state: Candidate): number {
    body.length = state.placed
    spaces.length = state.placed
    notes.length = state.notes
    carry = state.carry
    y = state.y
    flexible = state.flexible
    noteHeight = state.noteHeight
    placedNotes.length = state.placedNotes
    return state.index
  }

  function finish(next: number, full: boolean): FillResult {
    return { body, notes, next, carry, full, spaces, placedNotes }
  }
}
