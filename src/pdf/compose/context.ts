/**
 * The composer's state while it walks a book: the flow being built, the
 * structure tree, footnotes, and the small rules that span blocks (keeping a
 * heading with what follows, indenting a paragraph that follows a paragraph).
 */
import type { Diagnostics } from '../../diagnostics.js'
import type { Book, Inline, Place } from '../../model/book.js'
import { inlineText } from '../../model/text.js'
import type { PageGeometry, TextRole, Theme } from '../../theme/index.js'
import { resolveStyle } from '../../theme/index.js'
import type { ResolvedStyle } from '../../theme/index.js'
import { breakAndSet } from '../break.js'
import type { FlowBox, FlowItem, SourceRef, StructNode } from '../flow.js'
import type { Measurer } from '../measure.js'
import { prepareParagraph } from '../prepare.js'
import type { SetLine } from '../setline.js'
import { fromResolved } from '../style.js'
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

export interface TextOptions {
  indent?: number
  leadIn?: boolean
  /** Override of the role's alignment. */
  align?: ResolvedStyle['align']
  /** Whether words may be hyphenated (not in headings and titles). */
  hyphenate?: boolean
}

/** Number of lines a heading keeps with: "at least two lines of what follows". */
export const headingKeep = 2

export class Composer {
  readonly items: FlowItem[] = []
  readonly structs: StructNode[] = [{ type: 'Document', parent: null }]
  readonly notes = new Map<string, FlowBox[]>()
  readonly noteNumbers = new Map<string, number>()
  chapter = 0
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
    readonly hyphenate: ((word: string) => string[]) | undefined,
  ) {}

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

  /** Warn once for each character the text face lacks: it would print as an empty box. */
  checkCoverage(inlines: readonly Inline[], place: Place | undefined): void {
    for (const char of new Set(inlineText(inlines))) {
      if (this.reportedMissing.has(char) || this.measurer.covers('text', char)) continue
      this.reportedMissing.add(char)
      const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
      this.diag.warn(`character ${code} (${char}) is not in the font ${this.theme.fonts.text.family}: the PDF shows it as an empty box`, place, 'pdf-glyph')
    }
  }

  private readonly reportedMissing = new Set<string>()

  /** Run `fn` and take the flow items it made out of the flow. */
  capture(fn: () => void): FlowItem[] {
    const start = this.items.length
    fn()
    return this.items.splice(start)
  }

  /** Set inline content as lines in a style and a width. */
  setText(inlines: readonly Inline[], style: RunStyle, align: ResolvedStyle['align'], width: number, options: TextOptions = {}): SetLine[] {
    const items = prepareParagraph(inlines, this.theme, this.measurer, {
      style,
      indent: options.indent ?? 0,
      measure: width,
      justify: (options.align ?? align) === 'justify',
      ...(this.hyphenate && options.hyphenate !== false ? { hyphenate: this.hyphenate } : {}),
      ...(options.leadIn ? { leadIn: true } : {}),
    })
    return breakAndSet(items, width, options.align ?? align)
  }

  /** Boxes for set lines, one per line, with widow and orphan keeps. */
  lineBoxes(lines: readonly SetLine[], style: ResolvedStyle, region: Region, struct: number, source: Omit<SourceRef, 'word'> | null, paragraph: boolean): FlowBox[] {
    const metrics = this.measurer.metrics(style.font)
    return lines.map((line, index) => {
      const box: FlowBox = {
        kind: 'box',
        height: style.leading,
        top: style.size,
        depth: style.size * metrics.descent,
        drawings: line.runs.map((run) => ({ kind: 'text' as const, x: region.x + run.x, y: 0, run, struct })),
        // A paragraph breaks across pages only with two lines or more on each side, and not after a
        // hyphen: a word broken over a page turn is hard to read (TeX's \brokenpenalty, made a rule).
        keepWithPrevious: index > 0 && (!paragraph || index < 2 || lines.length - index < 2 || lines[index - 1]!.hyphenated),
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
