/**
 * The flow: what compose makes of a book and paginate cuts into pages. Plain
 * data: boxes of fixed height with their drawings, spaces between them, and
 * page breaks.
 */
import type { Asset, Place } from '../model/book.js'
import type { LinkTarget } from './prepare.js'
import type { LineRun, SetLine } from './setline.js'
import type { RunStyle } from './style.js'

/** A node of the tagged PDF's structure tree; content refers to it by index. */
export interface StructNode {
  type: string
  parent: number | null
  alt?: string
  /** A table cell's attributes (the Table owner's): the header cell's scope, the slots a cell spans. */
  table?: { scope?: 'Row' | 'Column' | 'Both'; colSpan?: number; rowSpan?: number }
}

export interface TextDrawing {
  kind: 'text'
  /** From the text block's left edge. */
  x: number
  /** From the box's baseline, downwards. */
  y: number
  run: LineRun
  /** Structure node, or `null` for an artifact (a sign that is no part of the text). */
  struct: number | null
}

export interface RuleDrawing {
  kind: 'rule'
  x1: number
  y1: number
  x2: number
  y2: number
  colour: string
  /** Stroke width in points. */
  weight: number
}

export interface RectDrawing {
  kind: 'rect'
  x: number
  y: number
  width: number
  height: number
  colour: string
}

export interface ImageDrawing {
  kind: 'image'
  x: number
  y: number
  width: number
  height: number
  path: string
  mediaType: Asset['mediaType']
  /** A formula's outlines, drawn instead of a file (`path` is empty); tagged as a Formula. */
  svg?: string
  /** The asset's id and where the manuscript uses it, for a warning while it is drawn. */
  asset: string
  place?: Place
  struct: number
}

/** A page number, known only after pagination: the page where `dest` lands, set right-aligned at `x`. */
export interface PageRefDrawing {
  kind: 'pageRef'
  x: number
  y: number
  dest: string
  style: RunStyle
  link: LinkTarget
  struct: number
}

export type Drawing = TextDrawing | RuleDrawing | RectDrawing | ImageDrawing | PageRefDrawing

/** Where a box stands in the manuscript: what the EPUB's page list points at. */
export interface SourceRef {
  chapter: number
  /** Indices into `chapter.blocks`, then into nested blocks, as `PageStart.block` (`model/page-map.ts`) has them. */
  block: number[]
  /** Index of the box's first word in the block's text. */
  word: number
}

/**
 * A rule down the left of a run of boxes (an alert's). It is drawn when the
 * page is framed, from the top of the run's first box on the page to the foot
 * of its last, so that it stays whole however the page breaks and is justified.
 */
export interface Rail {
  /** Boxes of one run share it. */
  group: number
  /** From the text block's left edge to the middle of the rule. */
  x: number
  /** Stroke width in points. */
  weight: number
  colour: string
}

export interface FlowBox {
  kind: 'box'
  /** Distance from the previous box's baseline to this one's. */
  height: number
  /** Distance from the text block's top to the baseline when the box opens a page. */
  top: number
  /** Extent below the baseline. */
  depth: number
  drawings: Drawing[]
  /** No page break may fall just before this box (keeps, widows and orphans, unsplittable blocks). */
  keepWithPrevious: boolean
  /** Footnotes called from this box, which must start on its page. */
  notes: string[]
  /** Destinations named at the box's top (headings, notes). */
  anchors: string[]
  /** The line of text the box holds, for the layout report. */
  line?: SetLine
  /** Position of the line in its paragraph, for widows and orphans. */
  para?: { index: number; count: number }
  heading?: { depth: number; title: string; id: string }
  source?: SourceRef
  /** The header row of the table this row belongs to, set again at the top of a page the table continues on. */
  repeat?: FlowBox
  /** The rule that runs down the left of the block this box belongs to. */
  rail?: Rail
}

export interface FlowSpace {
  kind: 'space'
  height: number
}

/** What pages hold: the title page, the contents, a part's title page (no running head, no folio), a chapter's pages. */
export type PageKind = 'title' | 'contents' | 'part' | 'chapter' | 'index'

export interface FlowBreak {
  kind: 'break'
  /** Start on a right-hand page. */
  recto: boolean
  /** What the following pages hold: running heads and folios depend on it. */
  pageKind: PageKind
  chapter: number | null
  /** The pages that follow go on with the chapter: they open nothing, and its running heads go on. */
  continues?: true
  /**
   * The pages that follow are turned (a table set broadside): their text
   * block is the upright page's turned a quarter to the left, `depth` high
   * (the upright page's measure), its measure the upright page's depth.
   */
  turned?: { depth: number }
}

export type FlowItem = FlowBox | FlowSpace | FlowBreak

export interface Flow {
  items: FlowItem[]
  /** Footnote boxes by note id. */
  notes: Map<string, FlowBox[]>
  structs: StructNode[]
  /** Number of each note by id. */
  noteNumbers: Map<string, number>
}
