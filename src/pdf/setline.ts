/**
 * Set lines: turn the breaker's chosen lines back into positioned runs of
 * text, one run per word (so that text extraction finds a space between
 * words), with the glue stretched or shrunk as the line's ratio says.
 */
import type { Align } from '../theme/index.js'
import type { Item, Line } from './linebreak/items.js'
import type { LineImage, LinkTarget, Piece } from './prepare.js'
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
  /** The styled inline the run belongs to (see `Piece.span`). */
  span?: number
  /** No face has these characters (see `Piece.missing`). */
  missing?: true
  /** The underline, strike or ground runs on under the space after the run, to the next run of the same look. */
  decorateSpace?: true
  /** An image set in the line: the run draws it, and has no text. */
  image?: LineImage
  /** The space after the run (in reading order) stands on its left: the run reads from right to left in a right-to-left line. */
  spaceLeft?: true
  /** Punctuation set apart from a left-to-right word (see `Piece.neutral`). */
  neutral?: true
  /**
   * What the run's text was in reading order, when the run is drawn in
   * visual order instead (punctuation read from right to left: reversed, its
   * brackets mirrored); text extraction is given this.
   */
  logical?: string
  /** The language of the text, when not the book's (see `Piece.lang`). */
  lang?: string
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
  /** A right-to-left paragraph (see `Paragraph.dir`): its lines read from the right. */
  direction?: 'rtl'
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
  // Destinations of empty pieces (anchors written in the text) go with the run that follows them.
  let pendingAnchors: string[] = []
  for (let index = start; index < line.end; index++) {
    const item = items[index]!
    if (item.type === 'glue') {
      const last = runs.at(-1)
      const width = item.width + (ratio >= 0 ? ratio * item.stretch : ratio * item.shrink)
      // A glue of no width is a place to break between ideographs, not a word space.
      if (item.width === 0) {
        x += width
        if (width > 1e-6) afterGlue = true
        continue
      }
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
    if (piece.image) {
      const run: LineRun = { x, width: item.width, text: '', style: piece.style, word: piece.word, spaceAfter: false, image: piece.image }
      if (piece.link) run.link = piece.link
      if (pendingAnchors.length > 0) run.anchors = pendingAnchors
      pendingAnchors = []
      runs.push(run)
      afterGlue = false
      x += item.width
      continue
    }
    if (piece.text === '') {
      if (piece.anchor) pendingAnchors.push(piece.anchor)
      x += item.width
      continue
    }
    const last = runs.at(-1)
    if (pendingAnchors.length === 0 && last && !afterGlue && canJoin(last, piece)) {
      last.text += piece.text
      last.width += item.width
    } else {
      const run: LineRun = { x, width: item.width, text: piece.text, style: piece.style, word: piece.word, spaceAfter: false }
      if (piece.link) run.link = piece.link
      if (piece.note) run.notes = [piece.note]
      const anchors = [...pendingAnchors, ...(piece.anchor ? [piece.anchor] : [])]
      if (anchors.length > 0) run.anchors = anchors
      pendingAnchors = []
      if (piece.span !== undefined) run.span = piece.span
      if (piece.missing) run.missing = true
      if (piece.lang !== undefined) run.lang = piece.lang
      if (piece.neutral) run.neutral = true
      runs.push(run)
    }
    afterGlue = false
    x += item.width
  }
  // The last run of a line has no space after it on the line, whatever followed in the paragraph.
  const last = runs.at(-1)
  if (last && pendingAnchors.length > 0) last.anchors = [...(last.anchors ?? []), ...pendingAnchors]
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
  runs.forEach((run, index) => {
    const next = runs[index + 1]
    if (run.spaceAfter && next && decorated(run.style) && sameDecoration(run.style, next.style)) run.decorateSpace = true
  })
  const used = last ? last.x + last.width : 0
  if (options.direction === 'rtl') {
    // Lines start on the right: a ragged or last line stands flush right, unless the paragraph is centred or set to the left.
    placeRightToLeft(runs, options.align === 'center' ? (width - used) / 2 : options.align === 'left' ? 0 : width - used)
    return { width, used, runs, ratio: justified ? line.ratio : 0, hyphenated: line.hyphenated, overfull: line.overfull || used > width + 0.01, justified }
  }
  reorderRightToLeft(runs)
  const offset = options.align === 'center' ? (width - used) / 2 : options.align === 'right' ? width - used : 0
  if (offset > 0) for (const run of runs) run.x += offset
  return { width, used, runs, ratio: justified ? line.ratio : 0, hyphenated: line.hyphenated, overfull: line.overfull || used > width + 0.01, justified }
}

/** Letters of scripts written from right to left. */
const rightToLeft = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u
const letter = /\p{L}/u

function direction(text: string): 'rtl' | 'ltr' | 'neutral' {
  if (rightToLeft.test(text)) return 'rtl'
  return letter.test(text) ? 'ltr' : 'neutral'
}

/**
 * A phrase in a right-to-left script inside a left-to-right line: its words
 * read from right to left, so their places on the line are mirrored (each
 * word's own glyphs come from fontkit already in visual order). This is the
 * Unicode bidirectional algorithm's common case only, per line, in a
 * left-to-right paragraph: words between two right-to-left words that have no
 * letters (numbers, punctuation) go with them; text extraction then reads the
 * phrase back in its logical order.
 */
function reorderRightToLeft(runs: LineRun[]): void {
  const kinds = runs.map((run) => direction(run.text))
  let index = 0
  while (index < runs.length) {
    if (kinds[index] !== 'rtl') {
      index++
      continue
    }
    let end = index
    for (let next = index + 1; next < runs.length && kinds[next] !== 'ltr'; next++) if (kinds[next] === 'rtl') end = next
    if (end > index) {
      const left = runs[index]!.x
      const right = runs[end]!.x + runs[end]!.width
      for (let at = index; at <= end; at++) runs[at]!.x = left + right - runs[at]!.x - runs[at]!.width
    }
    index = end + 1
  }
}

/** What a run is to the bidirectional algorithm: right-to-left letters, left-to-right letters, a number, or neither. */
type BidiKind = 'R' | 'L' | 'EN' | 'N'

const digit = /\p{N}/u

function bidiKind(run: LineRun): BidiKind {
  if (run.image) return 'N'
  const kind = direction(run.text)
  return kind === 'rtl' ? 'R' : kind === 'ltr' ? 'L' : digit.test(run.text) ? 'EN' : 'N'
}

/**
 * A line of a right-to-left paragraph in visual order: the Unicode
 * bidirectional algorithm, with the word (a run) as its unit, fontkit having
 * already shaped each word in its own direction. Right-to-left words are at
 * the paragraph's level (1), left-to-right words and numbers one above (2);
 * a number after left-to-right letters goes with them (rule W7); spaces and
 * words of neither kind between two of one direction take it, others the
 * paragraph's (N1, N2, a number counting as right to left). Then each
 * stretch at level 2 is reversed, and the whole line (L2): the line's first
 * word stands on the right, a Latin phrase or a number inside reads from left
 * to right. The first-line indent, a space before the first word, ends up on
 * the right. `offset`: where the line starts from the left.
 */
function placeRightToLeft(runs: LineRun[], offset: number): void {
  interface Part {
    run?: LineRun
    width: number
    /** The direction the part counts as for the parts around it; none for a space or a neutral run. */
    strong?: 'R' | 'L'
    level: number
  }
  const parts: Part[] = []
  let pen = 0
  let previous: 'R' | 'L' = 'R'
  runs.forEach((run, index) => {
    if (index === 0 || run.x > pen + 1e-9) parts.push({ width: run.x - pen, level: 0 })
    let kind = bidiKind(run)
    if (kind === 'EN' && previous === 'L') kind = 'L'
    if (kind === 'R' || kind === 'L') previous = kind
    const strong = kind === 'N' ? undefined : kind === 'L' ? 'L' : 'R'
    parts.push(strong === undefined ? { run, width: run.width, level: 0 } : { run, width: run.width, strong, level: kind === 'R' ? 1 : 2 })
    pen = run.x + run.width
  })
  parts.forEach((part, index) => {
    if (part.strong !== undefined) return
    const before = parts.slice(0, index).reverse().find((other) => other.strong !== undefined)?.strong ?? 'R'
    const after = parts.slice(index + 1).find((other) => other.strong !== undefined)?.strong ?? 'R'
    part.level = before === 'L' && after === 'L' ? 2 : 1
  })
  for (const level of [2, 1]) {
    let start = 0
    while (start < parts.length) {
      if (parts[start]!.level < level) {
        start++
        continue
      }
      let end = start
      while (end < parts.length && parts[end]!.level >= level) end++
      parts.splice(start, end - start, ...parts.slice(start, end).reverse())
      start = end
    }
  }
  let x = offset
  for (const part of parts) {
    const run = part.run
    if (run) {
      run.x = x
      if (part.level % 2 === 1 && run.spaceAfter) run.spaceLeft = true
      // Punctuation read from right to left (rule L4): its characters in visual order, brackets mirrored.
      if (part.level % 2 === 1 && part.strong === undefined && !run.image && !run.missing) {
        const visual = [...run.text].reverse().map((char) => mirrored.get(char) ?? char).join('')
        if (visual !== run.text) {
          run.logical = run.text
          run.text = visual
        }
      }
    }
    x += part.width
  }
}

/** Characters drawn as their mirror image in right-to-left text (Unicode's Bidi_Mirroring_Glyph, the common ones). */
const mirrored = new Map(['()', '[]', '{}', '<>', '«»', '‹›', '⁅⁆', '⁽⁾', '₍₎', '⟨⟩', '〈〉', '《》', '「」', '『』', '【】'].flatMap(([open, close]) => [[open!, close!], [close!, open!]]))

function canJoin(run: LineRun, piece: Piece): boolean {
  return !run.image && sameStyle(run.style, piece.style) && sameLink(run.link, piece.link) && !piece.note && !piece.anchor && !run.notes && !run.anchors && run.span === piece.span && run.missing === piece.missing && run.lang === piece.lang && run.neutral === piece.neutral
}

function decorated(style: RunStyle): boolean {
  return style.underline === true || style.strike === true || style.ground !== undefined
}

function sameDecoration(a: RunStyle, b: RunStyle): boolean {
  return a.underline === b.underline && a.strike === b.strike && a.ground === b.ground
}

function sameLink(a: LinkTarget | undefined, b: LinkTarget | undefined): boolean {
  if (!a || !b) return a === b
  return ('url' in a ? a.url : `#${a.dest}`) === ('url' in b ? b.url : `#${b.dest}`)
}
