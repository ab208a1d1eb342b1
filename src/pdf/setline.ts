/**
 * Set lines: turn the breaker's chosen lines back into positioned runs of
 * text, one run per word (so that text extraction finds a space between
 * words), with the glue stretched or shrunk as the line's ratio says.
 */
import type { Align } from '../theme/index.js'
import type { Item, Line } from './linebreak/items.js'
import type { LinkTarget, Piece } from './prepare.js'
import { sameStyle } from './style.js'
import type { RunStyle } from './style.js'

export interface LineRun {
  /** Offset from the line's left edge, in points. */
  x: number
  width: number
  text: string
  style: RunStyle
  link?: LinkTarget
  /** Word index (in the block's text) of the run's first piece. */
  word: number
  /** Footnotes called in this run. */
  notes?: string[]
  /** Destinations named at this run. */
  anchors?: string[]
  /** Whether a word space follows on the line (drawn as a space character for text extraction). */
  spaceAfter: boolean
  /** Width of that space as set (natural, stretched or shrunk). */
  spaceWidth?: number
}

export interface SetLine {
  /** Width available to the line. */
  width: number
  /** Width actually used (after justification). */
  used: number
  runs: LineRun[]
  /** Adjustment ratio of the line's glue: > 0 stretched, < 0 shrunk. */
  ratio: number
  hyphenated: boolean
  overfull: boolean
  /** Whether the line was justified to the full width (not a paragraph's last line, not ragged). */
  justified: boolean
}

export interface SetOptions {
  lineWidth: (index: number) => number
  justify: boolean
  align: Align
}

export function setLines(items: ReadonlyArray<Item<Piece>>, lines: readonly Line[], options: SetOptions): SetLine[] {
  return lines.map((line, index) => setLine(items, line, options.lineWidth(index), options))
}

function setLine(items: ReadonlyArray<Item<Piece>>, line: Line, width: number, options: SetOptions): SetLine {
  const ending = items[line.end]
  const forced = ending === undefined || (ending.type === 'penalty' && ending.cost === -Infinity)
  const justified = options.justify && !forced
  // A paragraph's last line is not stretched, but it shrinks like any other when the breaker needed that.
  const ratio = justified ? Math.max(line.ratio, -1) : options.justify ? Math.max(Math.min(line.ratio, 0), -1) : 0
  const runs: LineRun[] = []
  let x = 0
  let start = line.start
  while (start < line.end && items[start]!.type !== 'box') start++
  let afterGlue = true
  for (let index = start; index < line.end; index++) {
    const item = items[index]!
    if (item.type === 'glue') {
      const last = runs.at(-1)
      const width = item.width + (ratio >= 0 ? ratio * item.stretch : ratio * item.shrink)
      if (last && !afterGlue) {
        last.spaceAfter = true
        last.spaceWidth = width
      }
      afterGlue = true
      x += width
      continue
    }
    if (item.type === 'penalty') continue
    const piece = item.content
    if (piece.text === '') {
      x += item.width
      continue
    }
    const last = runs.at(-1)
    if (last && !afterGlue && canJoin(last, piece)) {
      last.text += piece.text
      last.width += item.width
    } else {
      const run: LineRun = { x, width: item.width, text: piece.text, style: piece.style, word: piece.word, spaceAfter: false }
      if (piece.link) run.link = piece.link
      if (piece.note) run.notes = [piece.note]
      if (piece.anchor) run.anchors = [piece.anchor]
      runs.push(run)
    }
    afterGlue = false
    x += item.width
  }
  // The last run of a line has no space after it on the line, whatever followed in the paragraph.
  const last = runs.at(-1)
  if (last) {
    last.spaceAfter = false
    delete last.spaceWidth
  }
  // A line that ends after a hyphen of the text ends with U+2010 HYPHEN, the same glyph: text extraction
  // (poppler's, for one) joins a line ending in U+002D to the next and drops it, which would fuse
  // "leader-" and "to" into one word.
  if (ending?.type === 'penalty' && ending.width === 0 && ending.flagged && last?.text.endsWith('-')) last.text = `${last.text.slice(0, -1)}\u2010`
  if (ending?.type === 'penalty' && ending.width > 0 && last) {
    last.text += '-'
    last.width += ending.width
    x += ending.width
  }
  const used = last ? last.x + last.width : 0
  const offset = options.align === 'center' ? (width - used) / 2 : options.align === 'right' ? width - used : 0
  if (offset > 0) for (const run of runs) run.x += offset
  return { width, used, runs, ratio: justified ? line.ratio : 0, hyphenated: line.hyphenated, overfull: line.overfull || used > width + 0.01, justified }
}

function canJoin(run: LineRun, piece: Piece): boolean {
  return sameStyle(run.style, piece.style) && sameLink(run.link, piece.link) && !piece.note && !piece.anchor && !run.notes && !run.anchors
}

function sameLink(a: LinkTarget | undefined, b: LinkTarget | undefined): boolean {
  if (!a || !b) return a === b
  return ('url' in a ? a.url : `#${a.dest}`) === ('url' in b ? b.url : `#${b.dest}`)
}
