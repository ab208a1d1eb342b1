/**
 * Fill one page from a position in the flow: place boxes while they fit,
 * with the footnotes they call; when the next box does not fit, go back to
 * the last place a page may break (keeps, widows and orphans decide where).
 */
import type { Flow, FlowBox } from '../flow.js'
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

interface Snapshot {
  index: number
  placed: number
  notes: number
  carry: FlowBox[]
  y: number
  noteHeight: number
  placedNotes: number
}

/** Least number of a footnote's lines that may stand on the page of its call when the rest runs on. */
const minNoteLines = 2

export function fillPage(flow: Flow, start: number, carryIn: readonly FlowBox[], params: PageParams, done: ReadonlySet<string>): FillResult {
  const { depth, noteSeparator } = params
  const body: Placed[] = []
  const spaces: number[] = []
  const notes: FlowBox[] = []
  /** Notes set on this page, in order: a note called twice is set once, on the page of its first call. */
  const placedNotes: string[] = []
  let carry: FlowBox[] = []
  let noteHeight = 0

  // Footnote lines continued from the previous page come first, up to half the page.
  for (const [index, box] of carryIn.entries()) {
    if (noteHeight + (notes.length === 0 ? noteSeparator : 0) + box.height > depth / 2 && notes.length > 0) {
      carry = carryIn.slice(index)
      break
    }
    if (notes.length === 0) noteHeight += noteSeparator
    notes.push(box)
    noteHeight += box.height
  }

  let y = 0
  let pendingSpace = 0
  let snapshot: Snapshot | undefined
  let index = start
  for (; index < flow.items.length; index++) {
    const item = flow.items[index]!
    if (item.kind === 'break') break
    if (item.kind === 'space') {
      if (body.length > 0) pendingSpace += item.height
      continue
    }
    if (body.length > 0 && !item.keepWithPrevious) {
      snapshot = { index, placed: body.length, notes: notes.length, carry, y, noteHeight, placedNotes: placedNotes.length }
    }
    // A table row opening a page brings its header row with it.
    const header = body.length === 0 && item.repeat ? item.repeat : undefined
    const advance = body.length === 0 ? (header ? header.top + item.height : item.top) : pendingSpace + item.height
    const called = [...new Set(item.notes)].filter((id) => !done.has(id) && !placedNotes.includes(id) && flow.notes.has(id))
    const calledBoxes = called.map((id) => flow.notes.get(id)!)
    const separator = notes.length === 0 && called.length > 0 ? noteSeparator : 0
    const fullNotes = calledBoxes.reduce((sum, boxes) => sum + boxes.reduce((total, box) => total + box.height, 0), 0)
    const room = depth - noteHeight - separator - y - advance

    let take: FlowBox[] | undefined
    let rest: FlowBox[] = []
    if (room >= fullNotes - 1e-6) take = calledBoxes.flat()
    else if (called.length > 0) {
      // Split the last note called: the others whole, at least two lines of it here, the rest on the next page.
      const whole = calledBoxes.slice(0, -1).flat()
      const last = calledBoxes.at(-1)!
      let space = room - whole.reduce((sum, box) => sum + box.height, 0)
      const here: FlowBox[] = []
      for (const box of last) {
        if (box.height > space) break
        here.push(box)
        space -= box.height
      }
      if (here.length >= Math.min(minNoteLines, last.length) && here.length > 0) {
        take = [...whole, ...here]
        rest = last.slice(here.length)
      }
    }

    if (take === undefined) {
      if (body.length === 0) {
        // Taller than an empty page: set it anyway rather than loop for ever.
        place(item, header, advance, [], [])
        index++
        break
      }
      if (snapshot) return finish(rollBack(snapshot), true)
      return finish(index, true)
    }
    place(item, header, advance, take, rest)
    placedNotes.push(...called)
  }
  return finish(index, false)

  function place(item: FlowBox, header: FlowBox | undefined, advance: number, take: FlowBox[], rest: FlowBox[]): void {
    if (header) {
      body.push({ box: header, y: header.top })
      spaces.push(0)
      y = header.top
      spaces.push(0)
      y += item.height
    } else {
      spaces.push(body.length === 0 ? 0 : pendingSpace)
      y += advance
    }
    body.push({ box: item, y })
    pendingSpace = 0
    if (take.length > 0 && notes.length === 0) noteHeight += noteSeparator
    for (const box of take) {
      notes.push(box)
      noteHeight += box.height
    }
    if (rest.length > 0) carry = [...carry, ...rest]
  }

  function rollBack(state: Snapshot): number {
    body.length = state.placed
    spaces.length = state.placed
    notes.length = state.notes
    carry = state.carry
    y = state.y
    noteHeight = state.noteHeight
    placedNotes.length = state.placedNotes
    return state.index
  }

  function finish(next: number, full: boolean): FillResult {
    return { body, notes, next, carry, full, spaces, placedNotes }
  }
}
