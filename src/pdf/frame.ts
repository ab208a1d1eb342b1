/**
 * Frames: each page as positioned text, rules, images, links and named
 * destinations, in page coordinates (points from the top-left corner of the
 * media box). Running heads, folios and print marks are added here; page
 * references (the table of contents) are resolved now that pages are known.
 */
import { recordDestPages } from './dests.js'
import type { Book } from '../model/book.js'
import type { Align, PageGeometry, Theme } from '../theme/index.js'
import { footnoteMetrics, furnitureDistances, resolveStyle } from '../theme/index.js'
import { splitByFace } from './faces.js'
import type { Drawing, ImageDrawing, RectDrawing, RuleDrawing } from './flow.js'
import type { Measurer } from './measure.js'
import type { Page, Placed } from './paginate/index.js'
import type { LinkTarget } from './prepare.js'
import { fallbackIndex, roleStyle } from './style.js'
import type { RunStyle } from './style.js'

export interface FrameText {
  kind: 'text'
  x: number
  /** Baseline. */
  y: number
  text: string
  width: number
  style: RunStyle
  /** Structure node, or `null` for an artifact (running heads, folios). */
  struct: number | null
  link?: LinkTarget
  /** Horizontal scaling in percent (a word space narrowed to its shrunk width). */
  scale?: number
  /** What text extraction should read instead of the glyphs drawn (characters no face has, drawn as empty boxes). */
  actual?: string
  /** The language of the text, when not the book's: the structure gets a Span with its /Lang. */
  lang?: string
}

// Rules, grounds and images have the same shape on the page as in the flow;
// only their coordinates change, from the text block's to the page's.
export type FrameRule = RuleDrawing
export type FrameRect = RectDrawing
export type FrameImage = ImageDrawing

export interface FrameDest {
  kind: 'dest'
  name: string
  x: number
  y: number
}

export type FrameItem = FrameText | FrameRule | FrameRect | FrameImage | FrameDest

export interface OutlineEntry {
  title: string
  depth: number
  /** Top of the heading on its page. */
  y: number
}

/** A rectangle in page coordinates (top-left origin). */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface Frame {
  number: number
  width: number
  height: number
  /** Trim and bleed boxes, for print. */
  trim?: Rect
  bleed?: Rect
  items: FrameItem[]
  outline: OutlineEntry[]
  /**
   * A page set broadside: what its text block holds, in the coordinates of
   * that block turned upright (from its top-left corner, as the reader sees it
   * after turning the book), and the matrix that draws them on the page.
   */
  turned?: { items: FrameItem[]; matrix: Matrix }
  /** Shown turned by a viewer (the page's `/Rotate`, clockwise in degrees). */
  rotate?: 90
}

/** An affine map from one set of coordinates to the page's (top-left origin): x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [a: number, b: number, c: number, d: number, e: number, f: number]

export interface FrameOptions {
  /** A file for a printer: trim and bleed boxes, pages upright (no `/Rotate`). */
  print: boolean
  /** Bleed beyond the trim on every side, in points (print only; `bleedSize` when not given). */
  bleed?: number
  /** Crop marks in a slug beyond the bleed (print only; drawn when not said otherwise). */
  marks?: boolean
  /**
   * Bleed at the spine too (print only; so when not said otherwise). A
   * printer that binds single pages (IngramSpark) wants bleed on the top,
   * bottom and outside edges only: nothing is printed into the binding.
   */
  spineBleed?: boolean
  /** The crop marks' colour: `registrationColour` to print them on every plate (a press file); the theme's text colour without it. */
  markColour?: string
}

/** The name of the colour that prints on every separation (PDF's Separation colour space `/All`): the colour of a press file's marks. */
export const registrationColour = 'All'

const mm = 72 / 25.4
/** Print services ask for 3 mm of bleed; crop marks stand in a slug beyond it. */
export const bleedSize = 3 * mm
const slugSize = 6 * mm
const cropMarkWeight = 0.25

/** Frames one page at a time, so that a long book is never held as frames all at once. */
export function* framePages(pages: readonly Page[], book: Book, theme: Theme, geometry: PageGeometry, measurer: Measurer, options: FrameOptions): Generator<Frame> {
  const framer = new Framer(book, theme, geometry, measurer, options)
  framer.record(pages)
  for (const page of pages) yield framer.frame(page)
}

/**
 * Frames pages: told first where destinations landed (`record`), for the
 * page numbers of the table of contents, then asked for one page's frame at
 * a time.
 */
export class Framer {
  private readonly destPages = new Map<string, number>()
  private readonly margin: number
  private readonly head: RunStyle
  private readonly folio: RunStyle
  private readonly bleed: number
  private readonly marks: boolean
  private readonly furniture: { head: number; folio: number }

  constructor(
    private readonly book: Book,
    private readonly theme: Theme,
    private readonly geometry: PageGeometry,
    private readonly measurer: Measurer,
    private readonly options: FrameOptions,
  ) {
    this.bleed = options.print ? (options.bleed ?? bleedSize) : 0
    this.marks = options.print && options.marks !== false
    this.margin = this.bleed + (this.marks ? slugSize : 0)
    this.furniture = furnitureDistances(theme)
    this.head = roleStyle(theme, 'runningHead')
    this.folio = roleStyle(theme, 'folio')
  }

  /** Note the page each destination on these pages lands on. */
  record(pages: readonly Page[]): void {
    recordDestPages(pages, this.destPages)
  }

  /** A page's frame; `toBook` gives the book's number of each structure node its drawings name (see `structs.ts`). */
  frame(page: Page, toBook: (id: number) => number = (id) => id): Frame {
    const { book, theme, geometry, measurer, options, margin, head, folio, destPages, bleed, furniture } = this
    const recto = page.number % 2 === 1
    // Without bleed at the spine, the spine's side (the left of a recto, the right of a verso) has none.
    const spineBleed = options.spineBleed === false ? 0 : bleed
    const trimX = recto ? margin - bleed + spineBleed : margin
    const left = trimX + (recto ? geometry.margins.inner : geometry.margins.outer)
    const top = margin + geometry.margins.top
    const frame: Frame = { number: page.number, width: geometry.width + 2 * margin - (bleed - spineBleed), height: geometry.height + 2 * margin, items: [], outline: [] }
    if (options.print) {
      frame.trim = { x: trimX, y: margin, width: geometry.width, height: geometry.height }
      frame.bleed = { x: recto ? trimX - spineBleed : trimX - bleed, y: margin - bleed, width: geometry.width + bleed + spineBleed, height: geometry.height + 2 * bleed }
      if (this.marks) frame.items.push(...cropMarks(frame.trim, bleed, options.markColour ?? theme.colours.text))
    }
    // A broadside page's text block is set upright in coordinates of its own, then turned onto the page.
    const turned = page.turned ? turnedBlock(left, top, geometry) : undefined
    const target = turned ? turned.items : frame.items
    const blockLeft = turned ? 0 : left
    const blockTop = turned ? 0 : top
    const measure = turned ? geometry.depth : geometry.measure
    const toPage = (x: number, y: number): { x: number; y: number } => (turned ? applyMatrix(turned.matrix, x, y) : { x, y })
    const signature = turned ? undefined : framedSignature(page, left, top, toBook)
    const kept = signature === undefined ? undefined : framedText.get(page.body)
    // Only a signature made now can find what was framed before (a page with references to pages makes none).
    let framed = signature !== undefined
    if (kept && kept.signature === signature) {
      for (const item of kept.items) frame.items.push(item)
      for (const entry of kept.outline) frame.outline.push(entry)
    }
    const firstItem = frame.items.length
    const place = (placed: Placed): void => {
      const baseline = blockTop + placed.y
      for (const name of placed.box.anchors) frame.items.push({ kind: 'dest', name, ...toPage(blockLeft, baseline - placed.box.top) })
      if (placed.box.heading) frame.outline.push({ title: placed.box.heading.title, depth: placed.box.heading.depth, y: toPage(blockLeft, baseline - placed.box.top).y })
      for (const drawing of placed.box.drawings) {
        if (drawing.kind === 'pageRef') framed = false
        for (const item of drawingItems(drawing, blockLeft, baseline, destPages, measurer, toBook)) {
          // Destinations are named in the page's coordinates, whatever the page's turn.
          if (item.kind === 'dest') {
            if (!placed.repeated) frame.items.push({ ...item, ...toPage(item.x, item.y) })
            continue
          }
          // A header row set again is no part of the text: an artifact, which text extraction reads as nothing; its destinations are where it first stands.
          if (placed.repeated && item.kind === 'text') {
            item.struct = null
            item.actual = ''
            delete item.link
          }
          target.push(item)
        }
      }
    }
    if (!kept || kept.signature !== signature) {
      page.body.forEach(place)
      frame.items.push(...railRules(page.body, left, top))
      if (page.noteRule !== undefined) {
        const y = blockTop + page.noteRule
        const { ruleLength, ruleWeight } = footnoteMetrics(theme, measure)
        target.push({ kind: 'rule', x1: blockLeft, y1: y, x2: blockLeft + ruleLength, y2: y, colour: theme.colours.rule, weight: ruleWeight })
      }
      page.notes.forEach(place)
      if (framed) {
        const items = frame.items.slice(firstItem)
        for (const item of items) Object.freeze(item)
        framedText.set(page.body, { signature: signature!, items, outline: frame.outline.map((entry) => Object.freeze(entry)) })
      }
    }
    if (turned) {
      frame.turned = turned
      // The content is drawn turned on an upright page, the size of every other: that is the leaf as it is
      // printed and bound, and print services want one page size and orientation through the interior (a page
      // whose /Rotate makes it landscape is flagged by preflight and imposed on its side). On screen a viewer
      // honours /Rotate, so the reading edition carries it and the table is shown the way it reads.
      if (!options.print) frame.rotate = 90
    }

    // Running heads: the book's title on left-hand pages, the chapter's on right-hand ones; none where a chapter
    // opens, nor on a page set broadside (as printers leave them off turned pages; the folio stays where it is).
    if (page.kind === 'chapter' && !page.opening && !page.turned && page.chapter !== null) {
      const title = recto ? book.chapters[page.chapter]?.title ?? book.metadata.title : book.metadata.title
      frame.items.push(...furnitureLine(fit(title, head, geometry.measure, measurer), head, resolveStyle(theme, 'runningHead').align, left, geometry.measure, top - furniture.head, measurer))
    }
    if (page.kind === 'chapter' || page.kind === 'contents' || page.kind === 'index') {
      const text = String(page.number)
      const width = measurer.width(text, folio)
      const x = left + furnitureOffset(resolveStyle(theme, 'folio').align, geometry.measure - width)
      frame.items.push({ kind: 'text', x, y: top + geometry.depth + furniture.folio, text, width, style: folio, struct: null })
    }
    return frame
  }
}

/**
 * What the text block of a kept page was framed as (its body's and notes'
 * items and outline entries), by the page's body: a rebuild in a session
 * (`--watch`, the preview) frames again every page of the chapters it takes
 * from the kept layouts, which are frozen (see `layout-cache.ts`) and so the
 * same objects, with the same text block, from build to build. Framed anew
 * when the page moves to the other side of the spread, or when the
 * structure numbers of its part move. Items given out twice are frozen.
 */
const framedText = new WeakMap<readonly Placed[], { signature: string; items: readonly FrameItem[]; outline: readonly OutlineEntry[] }>()

/**
 * What a kept page's text block is framed from besides the page itself:
 * where the block stands, and how its part's structure numbers are read in
 * the book's, which is a container and an offset (see `BookStructs.add`), so
 * that two numbers tell it. `undefined` for a page not kept (its layout not
 * frozen) or set broadside.
 */
function framedSignature(page: Page, left: number, top: number, toBook: (id: number) => number): string | undefined {
  if (!Object.isFrozen(page.body) || page.turned) return undefined
  return `${left} ${top} ${toBook(0)} ${toBook(1)}`
}

/**
 * The text block of a broadside page, turned a quarter to the left: the top
 * of what is set on it faces the page's left edge, and the reader turns the
 * book clockwise to read it, whether the page is a left- or a right-hand one
 * (as the Chicago Manual has broadside tables). Upright, the block is the
 * page's depth wide and its measure high; its top-left corner stands at the
 * foot of the page's text block, on the left.
 */
function turnedBlock(left: number, top: number, geometry: PageGeometry): { items: FrameItem[]; matrix: Matrix } {
  return { items: [], matrix: [0, -1, 1, 0, left, top + geometry.depth] }
}

function applyMatrix(matrix: Matrix, x: number, y: number): { x: number; y: number } {
  const [a, b, c, d, e, f] = matrix
  return { x: a * x + c * y + e, y: b * x + d * y + f }
}

function drawingItems(drawing: Drawing, left: number, baseline: number, destPages: ReadonlyMap<string, number>, measurer: Measurer, toBook: (id: number) => number): Array<FrameItem> {
  switch (drawing.kind) {
    case 'text': {
      const struct = drawing.struct === null ? null : toBook(drawing.struct)
      const run = drawing.run
      const x = left + drawing.x
      const baselineY = baseline + drawing.y
      const y = baselineY - (run.style.rise ?? 0)
      // The word space is drawn as a space character, so that text extraction finds it. A shrunk space is
      // drawn narrowed to its width: a space glyph running into the next word makes poppler's raw mode fuse the two.
      const natural = run.spaceAfter ? measurer.width(' ', run.style) : 0
      const spaceWidth = run.spaceWidth ?? natural
      // A right-to-left word is shaped in visual order: a space joined to it would be drawn before it, on its left.
      const joined = run.spaceAfter && spaceWidth >= natural - 1e-3 && !rightToLeft.test(run.text) && run.spaceLeft !== true
      const item: FrameText = { kind: 'text', x, y, text: joined ? `${run.text} ` : run.text, width: run.width, style: run.style, struct }
      if (run.link) item.link = run.link
      if (run.missing) item.actual = item.text
      // A line that ends after a hyphen of the text ends with U+2010 (see `setline.ts`): a face without that glyph
      // draws its hyphen-minus, the width it was measured with, and text extraction is told U+2010 all the same.
      else if (item.text.includes('\u2010') && !measurer.hasGlyph(run.style.font, 0x2010)) {
        item.actual = item.text
        item.text = item.text.replace(/\u2010/g, '-')
      }
      // Punctuation drawn in visual order is read in its order as written.
      if (run.logical !== undefined) item.actual = joined ? `${run.logical} ` : run.logical
      if (run.lang !== undefined) item.lang = run.lang
      const space: FrameText[] = []
      if (run.spaceAfter && !joined && spaceWidth > 0) {
        // In a right-to-left line the space after a right-to-left word stands on its left.
        space.push({ kind: 'text', x: run.spaceLeft ? x - spaceWidth : x + run.width, y, text: ' ', width: spaceWidth, style: run.style, struct, scale: (100 * spaceWidth) / natural })
        if (run.link) space[0]!.link = run.link
        if (run.lang !== undefined) space[0]!.lang = run.lang
      }
      const dests: FrameItem[] = (run.anchors ?? []).map((name) => ({ kind: 'dest' as const, name, x, y: y - run.style.size }))
      const style = run.style
      if (!style.strike && !style.underline && style.ground === undefined) return [...dests, item, ...space]
      // Decorations span the run, and the space after it when the next run on the line has the same.
      const extent = run.width + (run.decorateSpace ? spaceWidth : 0)
      const metrics = measurer.metrics(fallbackIndex(style.font) === undefined ? style.font : 'text')
      const before: FrameItem[] = []
      const after: FrameItem[] = []
      if (style.ground !== undefined) {
        // The ground covers the face's full height, ascender to descender, so marked words on one line join.
        before.push({ kind: 'rect', x, y: y - metrics.ascent * style.size, width: extent, height: (metrics.ascent + metrics.descent) * style.size, colour: style.ground })
      }
      if (style.strike) {
        // Struck-through text: a rule at half the x-height, the weight of the face's stem, roughly.
        const at = y - (metrics.xHeight * style.size) / 2
        after.push({ kind: 'rule', x1: x, y1: at, x2: x + extent, y2: at, colour: style.colour, weight: style.size / 16 })
      }
      if (style.underline) {
        // Where and how thick the face's designer puts an underline.
        const at = y + metrics.underlinePosition * style.size
        after.push({ kind: 'rule', x1: x, y1: at, x2: x + extent, y2: at, colour: style.colour, weight: metrics.underlineThickness * style.size })
      }
      return [...dests, ...before, item, ...space, ...after]
    }
    case 'rule':
      return [{ ...drawing, x1: left + drawing.x1, x2: left + drawing.x2, y1: baseline + drawing.y1, y2: baseline + drawing.y2 }]
    case 'rect':
      return [{ ...drawing, x: left + drawing.x, y: baseline + drawing.y }]
    case 'image':
      return [{ ...drawing, x: left + drawing.x, y: baseline + drawing.y, struct: toBook(drawing.struct) }]
    case 'pageRef': {
      const number = destPages.get(drawing.dest)
      if (number === undefined) return []
      const text = String(number)
      const width = measurer.width(text, drawing.style)
      return [{ kind: 'text', x: left + drawing.x - width, y: baseline + drawing.y, text, width, style: drawing.style, struct: toBook(drawing.struct), link: drawing.link }]
    }
  }
}

/**
 * The rails of a page's boxes (see `Rail`): one rule per run of consecutive
 * boxes of one group, from the top of the first to the foot of the last.
 */
function railRules(body: readonly Placed[], left: number, top: number): FrameRule[] {
  const rules: FrameRule[] = []
  let first: Placed | undefined
  let last: Placed | undefined
  const close = (): void => {
    const rail = first?.box.rail
    if (!first || !last || !rail) return
    const x = left + rail.x
    rules.push({ kind: 'rule', x1: x, y1: top + first.y - first.box.top, x2: x, y2: top + last.y + last.box.depth, colour: rail.colour, weight: rail.weight })
  }
  for (const placed of body) {
    const group = placed.box.rail?.group
    if (group === undefined || group !== first?.box.rail?.group) {
      close()
      first = group === undefined ? undefined : placed
    }
    last = placed
  }
  close()
  return rules
}

/** Letters of the scripts written from right to left, which fontkit lays out in visual order. */
const rightToLeft = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u

/** Shorten a running head that would not fit the measure, at a word (or, for one long word, a character), with an ellipsis. */
function fit(text: string, style: RunStyle, width: number, measurer: Measurer): string {
  if (measurer.width(text, style) <= width) return text
  const words = text.split(/\s+/)
  while (words.length > 1) {
    words.pop()
    const candidate = `${words.join(' ')}…`
    if (measurer.width(candidate, style) <= width) return candidate
  }
  const chars = Array.from(words[0] ?? '')
  while (chars.length > 1 && measurer.width(`${chars.join('')}…`, style) > width) chars.splice(-Math.max(1, Math.floor(chars.length / 8)))
  return `${chars.join('')}…`
}

/** Where a line of furniture starts on the measure, as its role aligns it (a justified one is centred: it is one short line). */
function furnitureOffset(align: Align, room: number): number {
  return align === 'left' ? 0 : align === 'right' ? room : room / 2
}

/** A line of furniture (a running head) on the measure, aligned as its role says, each character in a face that has it. */
function furnitureLine(text: string, style: RunStyle, align: Align, left: number, measure: number, y: number, measurer: Measurer): FrameText[] {
  const runs = splitByFace(text, style.font, measurer).map((run) => {
    const runStyle = run.font === style.font ? style : { ...style, font: run.font }
    return { text: run.text, style: runStyle, width: measurer.width(run.text, runStyle), missing: run.missing }
  })
  const total = runs.reduce((sum, run) => sum + run.width, 0)
  let x = left + furnitureOffset(align, measure - total)
  return runs.map((run) => {
    const item: FrameText = { kind: 'text', x, y, text: run.text, width: run.width, style: run.style, struct: null }
    if (run.missing) item.actual = run.text
    x += run.width
    return item
  })
}

/** Crop marks at the trim's corners, standing off the bleed. */
function cropMarks(trim: Rect, bleedSize: number, colour: string): FrameRule[] {
  const marks: FrameRule[] = []
  const xs = [trim.x, trim.x + trim.width]
  const ys = [trim.y, trim.y + trim.height]
  for (const x of xs) {
    for (const y of ys) {
      const outX = x === trim.x ? -1 : 1
      const outY = y === trim.y ? -1 : 1
      marks.push({ kind: 'rule', x1: x + outX * bleedSize, y1: y, x2: x + outX * (bleedSize + slugSize), y2: y, colour, weight: cropMarkWeight })
      marks.push({ kind: 'rule', x1: x, y1: y + outY * bleedSize, x2: x, y2: y + outY * (bleedSize + slugSize), colour, weight: cropMarkWeight })
    }
  }
  return marks
}
