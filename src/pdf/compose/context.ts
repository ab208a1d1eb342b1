/**
 * The composer's state while it walks a book: the flow being built, the
 * structure tree, footnotes, and the small rules that span blocks (keeping a
 * heading with what follows, indenting a paragraph that follows a paragraph).
 */
import type { Diagnostics } from '../../diagnostics.js'
import type { Book, Heading, Inline, InlineImage, Place } from '../../model/book.js'
import type { PageGeometry, TextRole, Theme } from '../../theme/index.js'
import { resolveStyle, themeChapterNumbers, themeHeadingNumbers } from '../../theme/index.js'
import type { ResolvedStyle } from '../../theme/index.js'
import { breakAndSet } from '../break.js'
import type { Drawing, FlowBox, FlowItem, SourceRef, StructNode } from '../flow.js'
import { askedScale } from '../image-size.js'
import type { Measurer } from '../measure.js'
import { prepareParagraph, type LineImage } from '../prepare.js'
import type { KeepRules, Piece } from '../prepare.js'
import type { Item } from '../linebreak/items.js'
import type { LineRun, SetLine } from '../setline.js'
import { fromResolved } from '../style.js'
import { formulaSvg } from '../../math/svg.js'
import type { RunStyle } from '../style.js'

/** The horizontal band a block is set in, relative to the text block. */
export interface Region {
  x: number
  width: number
}

/** What a block handler is told about where the block stands. */
export interface BlockContext {
  region: Region
  /** The role running text is set in here: body, or blockquote, or footnote. */
  role: TextRole
  /** Path of the block in the chapter (see `SourceRef.block`). */
  path: number[]
  /** Parent node in the structure tree. */
  struct: number
}

/**
 * The side text is set flush to, for text in a direction: what the theme (or
 * the manuscript) sets flush left is set flush right in right-to-left text,
 * where lines start on the right, and the reverse.
 */
export function sideFor(align: ResolvedStyle['align'], direction: 'rtl' | undefined): ResolvedStyle['align'] {
  if (direction !== 'rtl') return align
  return align === 'left' ? 'right' : align === 'right' ? 'left' : align
}

export interface TextOptions {
  indent?: number
  leadIn?: boolean
  /** Override of the role's alignment. */
  align?: ResolvedStyle['align']
  /** The text is set right to left (see `Paragraph.dir`): lines flush to the right, words in visual order. */
  direction?: 'rtl'
  /** Whether words may be hyphenated (not in headings and titles). */
  hyphenate?: boolean
  /** What must not break on a line (table cells); see `KeepRules`. */
  keep?: KeepRules
  /** Pieces wider than this get emergency breaks (see `PrepareOptions.emergencyWidth`). */
  emergencyWidth?: number
  /**
   * Whether images in the text are drawn in their lines, for a caller whose
   * boxes grow to hold them (as `lineBoxes` makes them); otherwise each is
   * set as its description.
   */
  images?: boolean
}

/**
 * How many steps below its chapter a heading stands, in the contents and the
 * outline: by how much deeper it is than the chapter's opening heading (a
 * first-level heading when there is none), and at least one, so that no
 * heading of a chapter stands beside the chapter.
 */
export function headingStep(depth: number, opening: Heading | undefined): number {
  return Math.max(1, depth - (opening?.depth ?? 1))
}

/** Node 0 of a part's structure nodes: what holds the part, known only when the part takes its place in the book. */
export function partContainer(): StructNode {
  return { type: 'Container', parent: null }
}

/** Number of lines a heading keeps with: "at least two lines of what follows". */
export const headingKeep = 2

/**
 * The narrowest a block nested in quotations and lists may be, as a part of
 * the measure: past it, deeper nesting is not indented further, so the text
 * keeps a readable width however deep the manuscript nests.
 */
const narrowestRegion = 0.5

export class Composer {
  readonly items: FlowItem[] = []
  /**
   * The structure nodes of the part being set, numbered within the part:
   * node 0 stands for what holds the part (the document, or a part of the
   * book), so that a part's layout does not depend on what was set before it;
   * see `pdf/structs.ts` for how the parts' nodes are numbered in the book.
   */
  structs: StructNode[] = [partContainer()]
  readonly notes = new Map<string, FlowBox[]>()
  readonly noteNumbers = new Map<string, number>()
  chapter = 0
  /**
   * Where the chapter being set stands in the outline: the depth of its
   * opening heading there (parts and `Chapter.level` push it down), and that
   * heading, which stands for the chapter; the chapter's other headings nest
   * under it (see `outlineDepth`).
   */
  outline: { depth: number; opening: Heading | undefined } = { depth: 1, opening: undefined }
  /** Where the destinations of the parts laid out so far landed (see `PrintLayout`): what the index's page numbers are. */
  destPages: ReadonlyMap<string, number> = new Map()
  /** Boxes still to be kept with the box before them (after a heading). */
  pendingKeep = 0
  /** Whether the last block set was a paragraph of running text (the next one is then indented). */
  afterParagraph = false

  constructor(
    readonly book: Book,
    readonly theme: Theme,
    readonly measurer: Measurer,
    readonly geometry: PageGeometry,
    readonly diag: Diagnostics,
    readonly hyphenate: ((word: string, lang?: string) => string[]) | undefined,
  ) {}

  /** Id of the chapter being set (destinations are named by it), or undefined outside chapters. */
  get chapterId(): string | undefined {
    return this.book.chapters[this.chapter]?.id
  }

  /** The outline depth of a heading of the chapter being set: its opening heading's, or that plus the steps a heading stands below it. */
  outlineDepth(heading: Heading): number {
    const { depth, opening } = this.outline
    return heading === opening ? depth : depth + headingStep(heading.depth, opening)
  }

  /**
   * The numbers the theme gives the book's chapters, by index (see
   * `Theme.numbering`): made from the book when first asked; a thread that
   * sets one chapter of a book it does not hold is told that chapter's.
   */
  chapterNumbers: Array<string | undefined> | undefined
  private headingNumbers: { chapter: number; numbers: Map<Heading, string> } | undefined

  /**
   * The section number a heading of the chapter being set is set with, if
   * the theme numbers it: a book's chapter opening heading takes the
   * chapter's number (an article's title is no section).
   */
  headingNumber(heading: Heading): string | undefined {
    this.chapterNumbers ??= themeChapterNumbers(this.book, this.theme)
    const chapterNumber = this.chapterNumbers[this.chapter]
    if (this.book.chapters.length > 1 && heading === this.outline.opening) return chapterNumber
    if (this.headingNumbers?.chapter !== this.chapter) {
      this.headingNumbers = { chapter: this.chapter, numbers: themeHeadingNumbers(this.book, this.theme, this.chapter, chapterNumber) }
    }
    return this.headingNumbers.numbers.get(heading)
  }

  style(role: TextRole): ResolvedStyle {
    return resolveStyle(this.theme, role)
  }

  runStyle(role: TextRole): RunStyle {
    return fromResolved(this.style(role))
  }

  struct(type: string, parent: number, alt?: string): number {
    const node: StructNode = { type, parent }
    if (alt !== undefined) node.alt = alt
    this.structs.push(node)
    return this.structs.length - 1
  }

  /** Vertical space; adjacent spaces collapse to the larger, as margins do in CSS. */
  space(height: number): void {
    if (height <= 0) return
    const last = this.items.at(-1)
    if (last?.kind === 'space') last.height = Math.max(last.height, height)
    else this.items.push({ kind: 'space', height })
  }

  box(box: FlowBox): void {
    if (this.pendingKeep > 0) {
      box.keepWithPrevious = true
      this.pendingKeep--
    }
    this.items.push(box)
  }

  /** Characters no face has, gathered over the part being set; where the first was met. */
  missing = new Set<string>()
  missingPlace: Place | undefined
  /** The first place text was set at in the part (see `MissingCharacters`). */
  firstPlace: Place | undefined
  /** The block being set, for warnings. */
  place: Place | undefined

  /**
   * Where the first character no face has was met, for the warning: the
   * block being set, when setting it found characters new to the part
   * (`before`: how many the part had found before).
   */
  noteMissingPlace(before: number): void {
    if (this.firstPlace === undefined && this.place) this.firstPlace = this.place
    if (this.missing.size > before && this.missingPlace === undefined && this.place) this.missingPlace = this.place
  }

  /**
   * Start a part afresh: its own structure nodes, characters and places, so
   * that what it sets depends on nothing set before it.
   */
  beginPart(): void {
    this.structs = [partContainer()]
    this.missing = new Set()
    this.missingPlace = undefined
    this.firstPlace = undefined
    this.place = undefined
  }

  /**
   * The band for a block inset by `left` and `right` points within `region`,
   * narrowed no further than half the measure: insets shrink to fit.
   */
  inset(region: Region, left: number, right: number): Region {
    const floor = Math.min(region.width, this.geometry.measure * narrowestRegion)
    const room = Math.max(0, region.width - floor)
    const scale = left + right > room ? room / (left + right) : 1
    return { x: region.x + left * scale, width: region.width - (left + right) * scale }
  }

  /**
   * Drawings for the runs of a line, each in its structure element: a styled
   * run in a Span of its own, made on first use; an image in a Figure of its
   * own, standing on the baseline.
   */
  runDrawings(runs: readonly LineRun[], x: number, y: number, struct: number, spans: Map<number, number>): Drawing[] {
    return runs.map((run): Drawing => {
      const image = run.image
      if (image?.svg !== undefined) {
        const formula = this.struct('Formula', struct, image.alt)
        const depth = image.depth ?? 0
        return { kind: 'image', x: x + run.x, y: y - image.height, width: image.width, height: image.height + depth, path: '', mediaType: 'image/svg+xml', asset: '', svg: image.svg, struct: formula }
      }
      if (image) {
        const figure = this.struct('Figure', struct, image.alt)
        return { kind: 'image', x: x + run.x, y: y - image.height, width: image.width, height: image.height, path: image.path, mediaType: image.mediaType, asset: image.asset, ...(this.place ? { place: this.place } : {}), struct: figure }
      }
      let owner = struct
      if (run.span !== undefined) {
        owner = spans.get(run.span) ?? this.struct('Span', struct)
        spans.set(run.span, owner)
      }
      return { kind: 'text' as const, x: x + run.x, y, run, struct: owner }
    })
  }

  /** Run `fn` and take the flow items it made out of the flow. */
  capture(fn: () => void): FlowItem[] {
    const start = this.items.length
    fn()
    return this.items.splice(start)
  }

  /** Set inline content as lines in a style and a width. */
  setText(inlines: readonly Inline[], style: RunStyle, align: ResolvedStyle['align'], width: number, options: TextOptions = {}): SetLine[] {
    return breakAndSet(this.prepareText(inlines, style, align, width, options), width, options.align ?? align, width, options.direction ?? 'ltr')
  }

  /** Inline content as the line breaker's items, for a caller that measures them before it chooses a width (a table). */
  prepareText(inlines: readonly Inline[], style: RunStyle, align: ResolvedStyle['align'], width: number, options: TextOptions = {}): Array<Item<Piece>> {
    const missingBefore = this.missing.size
    const items = prepareParagraph(inlines, this.theme, this.measurer, {
      style,
      indent: options.indent ?? 0,
      measure: width,
      justify: (options.align ?? align) === 'justify',
      ...(this.hyphenate && options.hyphenate !== false ? { hyphenate: this.hyphenate } : {}),
      ...(options.leadIn ? { leadIn: true } : {}),
      ...(options.keep ? { keep: options.keep } : {}),
      ...(options.emergencyWidth !== undefined ? { emergencyWidth: options.emergencyWidth } : {}),
      ...(options.direction ? { direction: options.direction } : {}),
      missing: this.missing,
      ...(this.chapterId !== undefined ? { chapter: this.chapterId } : {}),
      ...(options.images ? { image: (node: InlineImage, measure: number) => this.lineImage(node, measure), formula: (tex: string, style: RunStyle) => this.lineFormula(tex, style) } : {}),
    })
    this.noteMissingPlace(missingBefore)
    return items
  }

  /**
   * An inline image's file and size: its own size in points (a pixel counts
   * as a point, as in figures), or the size the manuscript asks (raw HTML's
   * `width`, a percentage of the measure, or `height`), never wider than
   * `measure` nor taller than half the page.
   */
  lineImage(node: InlineImage, measure: number): LineImage | undefined {
    const asset = this.book.assets.find((entry) => entry.id === node.asset)
    if (!asset) return undefined
    const size = asset.image
    const scale = Math.min(askedScale(node, size, measure), measure / size.width, this.geometry.depth / 2 / size.height)
    return { asset: asset.id, path: asset.path, mediaType: asset.mediaType, width: size.width * scale, height: size.height * scale, alt: node.alt }
  }

  /**
   * A formula in a line: MathJax's outlines at the size of the text around
   * it, standing on the baseline with its own height and depth. Nothing when
   * MathJax cannot read it (the book's formulas were read before, see
   * `transform/check-math.ts`): its TeX is set as code.
   */
  lineFormula(tex: string, style: RunStyle): LineImage | undefined {
    try {
      const formula = formulaSvg(tex, false)
      return { asset: '', path: '', mediaType: 'image/svg+xml', width: formula.width * style.size, height: formula.height * style.size, depth: formula.depth * style.size, alt: tex, svg: inkColour(formula.svg, style.colour) }
    } catch {
      return undefined
    }
  }

  /** Boxes for set lines, one per line, with widow and orphan keeps; a line holding an image taller than its text grows to hold it. */
  lineBoxes(lines: readonly SetLine[], style: ResolvedStyle, region: Region, struct: number, source: Omit<SourceRef, 'word'> | null, paragraph: boolean): FlowBox[] {
    const metrics = this.measurer.metrics(style.font)
    const spans = new Map<number, number>()
    // A box's height is the advance from the baseline before it: a formula reaching further below the
    // baseline than the text does pushes the next line down by as much.
    let below = 0
    return lines.map((line, index) => {
      const tallest = Math.max(0, ...line.runs.map((run) => run.image?.height ?? 0))
      const extra = Math.max(0, tallest - style.size)
      const descent = style.size * metrics.descent
      const deepest = Math.max(0, ...line.runs.map((run) => run.image?.depth ?? 0))
      const height = style.leading + extra + below
      below = Math.max(0, deepest - descent)
      const box: FlowBox = {
        kind: 'box',
        height,
        top: style.size + extra,
        depth: descent + below,
        drawings: this.runDrawings(line.runs, region.x, 0, struct, spans),
        // A paragraph breaks across pages only with two lines or more on each side. A break after a
        // hyphenated line is allowed, and priced by the page builder (paginate/costs.ts).
        keepWithPrevious: index > 0 && (!paragraph || index < 2 || lines.length - index < 2),
        notes: line.runs.flatMap((run) => run.notes ?? []),
        anchors: [],
        line,
      }
      if (paragraph) box.para = { index, count: lines.length }
      if (source) box.source = { ...source, word: line.runs[0]?.word ?? 0 }
      return box
    })
  }
}

/** MathJax draws in `currentColor`: the text's colour, which the PDF has no notion of, written in. */
export function inkColour(svg: string, colour: string): string {
  return svg.replaceAll('currentColor', colour)
}
