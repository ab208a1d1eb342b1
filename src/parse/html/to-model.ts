import type { Element, ElementContent } from 'hast'
import type { Parents, RootContent } from 'mdast'
import type { Position } from 'unist'
import type { Anchor, Block, BlockAlign, CellAlign, CodeBlock, DefinitionItem, Figure, Heading, ImageLength, Inline, ListItem, Paragraph, Place, Table, TableCell, Text } from '../../model/book.js'
import { tableGrid } from '../../model/table-grid.js'
import { blockInlines, forEachBlock, inlineChildren } from '../../model/walk.js'
import { anchorParagraph, hoistAnchors, withAnchor } from '../anchors.js'
import { emojiShortcodes } from '../emoji.js'
import { resolveImageAt } from '../handlers/image.js'
import { MAX_NESTING } from '../limit-nesting.js'
import { smartPunctuationAcross } from '../smart-punctuation.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'
import { ALIGN_VALUES, BLOCK_ELEMENTS, INLINE_ELEMENTS, SLOT_TAG } from './schema.js'

/** Where a block element would cut a line of text: a space, unless one is there already. */
const SEPARATOR = Symbol('separator')
type Piece = Inline | typeof SEPARATOR

/** A BCP 47 tag, as far as its shape goes. */
const languageTag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/

/** Give the text of `pieces` the language `lang`, where it has none yet. */
function declareLanguage(pieces: readonly Piece[], lang: string): void {
  for (const piece of pieces) {
    if (piece === SEPARATOR) continue
    if (piece.type === 'text') piece.lang ??= lang
    else declareLanguage(inlineChildren(piece), lang)
  }
}

/** Quotation marks of `q`, outer and nested. */
const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['\u201c', '\u201d'],
  ['\u2018', '\u2019'],
]

const HEADINGS: ReadonlyMap<string, Heading['depth']> = new Map([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
])

export interface ConvertOptions {
  /**
   * `block`: the text is raw HTML's own, and white space collapses as in a
   * browser. `inline`: the text is Markdown's, whose line endings read as spaces.
   */
  mode: 'block' | 'inline'
  /** Told before each Markdown node among the HTML is converted. */
  beforeSlot?: (node: RootContent) => void
  /**
   * Given the warnings the conversion makes (about images), with where they
   * stand in the file, to be reported in the manuscript's order.
   */
  warn?: (reason: string, place: Place, ruleId: string, offset: number | undefined) => void
}

/**
 * Sanitised hast to model blocks and inlines. Only the kept elements (see
 * `schema.ts`) and slots reach it; each slot is converted by the ordinary
 * mdast handlers, so Markdown inside raw HTML (`<div>` … `*text*` … `</div>`)
 * is treated as it would be anywhere else. Block quotes, lists and inline
 * formatting nested deeper than the Markdown limit are flattened into
 * their content, as Markdown's are.
 *
 * HTML that GitHub renders becomes the model's own nodes: tables, definition
 * lists, disclosures, headings, images (figures when they stand alone),
 * alignment, and link targets (`id`, `<a name>`) as anchors.
 */
export class HtmlToModel {
  /** Whether nesting was flattened, for one warning per run. */
  flattened = false
  private blockDepth = 0
  private inlineDepth = 0
  /** Inside a link, where another link cannot be: a Markdown link's text, or a raw `a`'s. */
  private insideLink: boolean
  /** The alignment the `div`s (and `center`s) around give the paragraphs and headings in them. */
  private align: BlockAlign | undefined
  private readonly holding = new WeakMap<Element, boolean>()

  constructor(
    private readonly state: State,
    private readonly parent: Parents,
    private readonly run: readonly RootContent[],
    private readonly options: ConvertOptions,
  ) {
    this.insideLink = parent.type === 'link' || parent.type === 'linkReference'
  }

  /** Content in block position: text and inline elements between blocks are gathered into paragraphs. */
  blocks(nodes: readonly ElementContent[]): Block[] {
    const result: Block[] = []
    let pending: Piece[] = []
    let pendingPlace: Place | undefined
    const flush = (): void => {
      result.push(...this.paragraph(pending, pendingPlace, undefined))
      pending = []
      pendingPlace = undefined
    }
    for (const node of nodes) {
      if (node.type === 'text') {
        if (pending.length === 0 && node.value.trim() === '') continue
        pendingPlace ??= this.place(node.position)
        pending.push(...this.pieces([node], 0))
      } else if (node.type === 'element') {
        if (node.tagName === SLOT_TAG) {
          flush()
          const slot = this.slot(node)
          this.options.beforeSlot?.(slot)
          result.push(...this.aligned(this.state.block(slot, this.parent)))
        } else if (BLOCK_ELEMENTS.has(node.tagName) || this.holdsBlocks(node)) {
          flush()
          result.push(...this.block(node))
        } else {
          pendingPlace ??= this.place(node.position)
          pending.push(...this.pieces([node], 0))
        }
      }
    }
    flush()
    return hoistAnchors(result)
  }

  /** Content in a line of text. */
  inlines(nodes: readonly ElementContent[]): Inline[] {
    return finish(this.pieces(nodes, 0))
  }

  /**
   * A paragraph of pieces, aligned as written or as the `div` around it says;
   * an image standing alone in it (with nothing but anchors and line breaks
   * about it) is a figure.
   */
  private paragraph(pieces: readonly Piece[], place: Place | undefined, align: BlockAlign | undefined): Block[] {
    const children = this.paragraphInlines(pieces)
    if (children.length === 0) return []
    const figure = loneFigure(children)
    if (figure) return [withPlace(figure, place)]
    const paragraph: Paragraph = { type: 'paragraph', children }
    const alignment = align ?? this.align
    if (alignment) paragraph.align = alignment
    return [withPlace(paragraph, place)]
  }

  /**
   * The inlines of a paragraph made from raw HTML's own text, with the smart
   * punctuation and emoji Markdown's text has (HTML inside a line of Markdown
   * has its text from Markdown, done already).
   */
  private paragraphInlines(pieces: readonly Piece[]): Inline[] {
    const inlines = finish(pieces)
    if (this.options.mode === 'block') {
      const texts = textsOf(inlines)
      smartPunctuationAcross(texts)
      emojiShortcodes(texts)
    }
    return inlines
  }

  /**
   * What a block element becomes; an `id` on it leads to the first block it
   * gives (a heading's is its own id).
   */
  private block(node: Element): Block[] {
    const blocks = this.blockOf(node)
    // A block's declared language (`<p lang="fr">`) goes with all the text it holds, where no nearer one is declared.
    const lang = node.properties.lang
    if (typeof lang === 'string' && languageTag.test(lang)) forEachBlock(blocks, (block) => blockInlines(block).forEach((list) => declareLanguage(list, lang)))
    return HEADINGS.has(node.tagName) ? blocks : withAnchor(blocks, idOf(node))
  }

  private blockOf(node: Element): Block[] {
    const place = this.place(node.position)
    switch (node.tagName) {
      case 'p':
        if (this.holdsBlocks(node)) return this.alignedBlocks(node)
        return this.paragraph(this.pieces(node.children, 0), place, alignOf(node))
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return this.heading(node, place)
      case 'summary':
      case 'dt': {
        // Out of place (no `details`, no `dl` around): a paragraph in bold.
        const children = this.lineInlines(node.children)
        return children.length > 0 ? [withPlace({ type: 'paragraph', children: [{ type: 'strong', children }] }, place)] : []
      }
      case 'blockquote':
        return this.nested(() => [withPlace({ type: 'blockquote', children: this.blocks(node.children) }, place)], () => this.blocks(node.children))
      case 'ul':
      case 'ol':
        return this.nested(() => [withPlace(this.list(node), place)], () => this.blocks(node.children))
      case 'pre':
        return [withPlace(codeBlock(node, this), place)]
      case 'hr':
        return [withPlace({ type: 'thematicBreak' }, place)]
      case 'table':
        return this.table(node, place)
      case 'dl':
        return this.nested(() => this.definitionList(node, place), () => this.blocks(node.children))
      case 'details':
        return this.nested(() => this.details(node, place), () => this.blocks(node.children))
      case 'figure':
        return this.figure(node)
      case 'div':
      case 'center':
        return this.alignedBlocks(node)
      default:
        // A `li` outside a list, a `dd` outside a `dl`, an inline element wrapped around blocks: their content.
        return this.blocks(node.children)
    }
  }

  /** The blocks of an element that may align what it holds (`<div align="center">`, `<center>`). */
  private alignedBlocks(node: Element): Block[] {
    const own = node.tagName === 'center' ? 'center' : alignOf(node)
    if (own === undefined) return this.blocks(node.children)
    const outer = this.align
    this.align = own
    try {
      return this.blocks(node.children)
    } finally {
      this.align = outer
    }
  }

  /** Paragraphs and headings from Markdown inside an aligned `div` take its alignment, as the div's own do. */
  private aligned(blocks: Block[]): Block[] {
    const align = this.align
    if (align === undefined) return blocks
    forEachBlock(blocks, (block) => {
      if ((block.type === 'paragraph' || block.type === 'heading') && block.align === undefined) block.align = align
    })
    return blocks
  }

  /** `h1`–`h6`: a heading, its `id` its own (as written: the heading-ids pass keeps it). */
  private heading(node: Element, place: Place | undefined): Block[] {
    const children = this.lineInlines(node.children)
    const id = idOf(node)
    // An empty heading shows nothing: its id still leads to where it stood.
    if (children.length === 0) return id === undefined ? [] : [anchorParagraph([id])]
    const heading: Heading = { type: 'heading', depth: HEADINGS.get(node.tagName)!, id: id ?? '', children }
    if (id !== undefined) heading.explicitId = true
    const written = textContent(node, this).replace(/\s+/g, ' ').trim()
    if (written !== '') heading.slugText = written
    const align = alignOf(node) ?? this.align
    if (align) heading.align = align
    return [withPlace(heading, place)]
  }

  private list(node: Element): Block {
    const items: ListItem[] = []
    let spread = false
    for (const child of node.children) {
      if (child.type === 'element' && child.tagName === 'li') {
        if (child.children.some((grandchild) => grandchild.type === 'element' && grandchild.tagName === 'p')) spread = true
        items.push({ checked: null, children: withAnchor(this.blocks(child.children), idOf(child)) })
      } else if (child.type !== 'text' || child.value.trim() !== '') {
        // Content between items belongs to the item before it, or to an item of its own.
        const blocks = this.blocks([child])
        const last = items.at(-1)
        if (last) last.children.push(...blocks)
        else if (blocks.length > 0) items.push({ checked: null, children: blocks })
      }
    }
    const ordered = node.tagName === 'ol'
    const start = Number(node.properties.start)
    return { type: 'list', ordered, start: ordered && Number.isSafeInteger(start) && start >= 0 ? start : 1, spread, items }
  }

  /**
   * A table, as HTML's table model reads it: `thead`'s rows first and as the
   * header (or, without one, the leading rows made only of `th`), then the
   * bodies' rows, then `tfoot`'s; spans and alignments as written, a
   * column's alignment from its `col` or from all its cells agreeing. A
   * `caption` is a paragraph set centred before the table. Anything else
   * found among the rows (Markdown between the HTML blocks of a table, say)
   * goes before the table, where a browser puts it.
   */
  private table(node: Element, place: Place | undefined): Block[] {
    const foster: ElementContent[] = []
    const stray = (child: ElementContent): void => {
      if (child.type === 'element' || (child.type === 'text' && child.value.trim() !== '')) foster.push(child)
    }
    const captions: Block[] = []
    const head: TableCell[][] = []
    const body: TableCell[][] = []
    const foot: TableCell[][] = []
    const columns: Array<CellAlign | null> = []
    const anchors: string[] = []
    const addColumns = (span: unknown, align: CellAlign | undefined): void => {
      const count = Math.min(1000, Math.max(1, Number(span) || 1))
      for (let index = 0; index < count; index++) columns.push(align ?? null)
    }
    // A row without cells shows nothing.
    const addRow = (into: TableCell[][], row: TableCell[]): void => {
      if (row.length > 0) into.push(row)
    }
    const rowsOf = (section: Element, into: TableCell[][], header: boolean): void => {
      const sectionAlign = cellAlignOf(section)
      pushId(anchors, section)
      for (const row of section.children) {
        if (row.type === 'element' && row.tagName === 'tr') addRow(into, this.row(row, header, cellAlignOf(row) ?? sectionAlign, stray))
        else stray(row)
      }
    }
    for (const child of node.children) {
      if (child.type !== 'element') {
        stray(child)
        continue
      }
      switch (child.tagName) {
        case 'caption': {
          const caption = this.paragraph(this.captionPieces(child), this.place(child.position), 'center')
          captions.push(...withAnchor(caption, idOf(child)))
          break
        }
        case 'colgroup': {
          pushId(anchors, child)
          const cols = child.children.filter((col): col is Element => col.type === 'element' && col.tagName === 'col')
          if (cols.length === 0) addColumns(child.properties.span, cellAlignOf(child))
          for (const col of cols) addColumns(col.properties.span, cellAlignOf(col) ?? cellAlignOf(child))
          break
        }
        case 'col':
          pushId(anchors, child)
          addColumns(child.properties.span, cellAlignOf(child))
          break
        case 'thead':
          rowsOf(child, head, true)
          break
        case 'tfoot':
          rowsOf(child, foot, false)
          break
        case 'tbody':
          rowsOf(child, body, false)
          break
        case 'tr':
          addRow(body, this.row(child, false, cellAlignOf(child), stray))
          break
        default:
          stray(child)
      }
    }
    const before = [...(foster.length > 0 ? this.blocks(foster) : []), ...captions]
    const rows = [...head, ...body, ...foot]
    if (rows.length === 0) return withAnchor(before, idOf(node))
    let headerRows = head.length
    if (headerRows === 0) while (headerRows < body.length && isHeaderRow(body[headerRows]!)) headerRows++
    // A `th` standing among the body's cells heads its row: set in bold, as browsers show it.
    rows.forEach((row, index) => {
      if (index < headerRows) return
      for (const cell of row) if (isHeaderCell(cell) && cell.children.length > 0) cell.children = [{ type: 'strong', children: cell.children }]
    })
    for (const row of rows) for (const cell of row) delete (cell as Partial<HeaderMark>)[headerMark]
    const table: Table = { type: 'table', align: [], rows, headerRows }
    table.align = columnAligns(table, columns)
    // The table's own id leads to its first block, its caption when it has one (see `block`).
    if (anchors.length > 0) table.anchors = anchors
    return [...before, withPlace(table, place)]
  }

  /**
   * A row's cells: `td` and `th`, with their spans and alignment (their own,
   * else the row's or its section's). What else stands in the row goes to `stray`.
   */
  private row(row: Element, header: boolean, rowAlign: CellAlign | undefined, stray: (child: ElementContent) => void): TableCell[] {
    const cells: TableCell[] = []
    const rowId = idOf(row)
    for (const child of row.children) {
      if (child.type !== 'element' || (child.tagName !== 'td' && child.tagName !== 'th')) {
        stray(child)
        continue
      }
      const children = this.lineInlines(child.children)
      const ids = [...(cells.length === 0 && rowId !== undefined ? [rowId] : []), ...(idOf(child) !== undefined ? [idOf(child)!] : [])]
      const cell: TableCell & Partial<HeaderMark> = { children: [...ids.map((id) => this.anchor(id, id === rowId ? row : child)), ...children] }
      const colspan = spanOf(child.properties.colSpan)
      const rowspan = spanOf(child.properties.rowSpan)
      if (colspan > 1) cell.colspan = colspan
      if (rowspan > 1) cell.rowspan = rowspan
      const align = cellAlignOf(child) ?? rowAlign
      if (align) cell.align = align
      if (child.tagName === 'th' || header) cell[headerMark] = true
      cells.push(cell)
    }
    return cells
  }

  private captionPieces(caption: Element): Piece[] {
    if (!this.holdsBlocks(caption)) return this.pieces(caption.children, 0)
    return flattenBlocks(this.blocks(caption.children))
  }

  /**
   * A definition list: each run of `dt`s and the `dd`s after them is an item
   * (a `div` may group them, as HTML allows); anything else in the list goes
   * to the details of the item it stands in.
   */
  private definitionList(node: Element, place: Place | undefined): Block[] {
    const items: DefinitionItem[] = []
    let current: DefinitionItem | undefined
    const detail = (blocks: Block[], apart: boolean): void => {
      if (!current) {
        current = { terms: [], details: [] }
        items.push(current)
      }
      const last = current.details.at(-1)
      if (apart || last === undefined) current.details.push(blocks)
      else last.push(...blocks)
    }
    const visit = (children: readonly ElementContent[]): void => {
      for (const child of children) {
        if (child.type === 'text' && child.value.trim() === '') continue
        if (child.type === 'element' && child.tagName === 'dt') {
          if (!current || current.details.length > 0) {
            current = { terms: [], details: [] }
            items.push(current)
          }
          const id = idOf(child)
          const term = this.lineInlines(child.children)
          current.terms.push(id === undefined ? term : [this.anchor(id, child), ...term])
        } else if (child.type === 'element' && child.tagName === 'dd') {
          detail(withAnchor(this.blocks(child.children), idOf(child)), true)
        } else if (child.type === 'element' && child.tagName === 'div' && !child.children.some((inner) => inner.type === 'text' && inner.value.trim() !== '')) {
          visit(child.children)
        } else {
          const blocks = this.blocks([child])
          if (blocks.length > 0) detail(blocks, false)
        }
      }
    }
    visit(node.children)
    if (items.length === 0) return []
    return [withPlace({ type: 'definitionList', items }, place)]
  }

  /** A disclosure: its first `summary` leads, the rest is its body. */
  private details(node: Element, place: Place | undefined): Block[] {
    const summary = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'summary')
    const children = this.blocks(node.children.filter((child) => child !== summary))
    const summaryInlines = summary ? this.lineInlines(summary.children) : []
    const summaryId = summary ? idOf(summary) : undefined
    if (summary && summaryId !== undefined) summaryInlines.unshift(this.anchor(summaryId, summary))
    if (summaryInlines.length === 0 && children.length === 0) return []
    return [withPlace({ type: 'details', summary: summaryInlines, children }, place)]
  }

  /** A `figure` holding one image is a figure, its `figcaption` the caption; otherwise its content. */
  private figure(node: Element): Block[] {
    const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption')
    const blocks = this.blocks(node.children.filter((child) => child !== caption))
    const only = blocks.length === 1 ? blocks[0] : undefined
    if (caption && only?.type === 'figure') {
      const inlines = this.lineInlines(caption.children)
      if (inlines.length > 0) only.caption = inlines
      return blocks
    }
    if (!caption) return blocks
    const index = node.children.indexOf(caption)
    const captionBlocks = this.blocks([caption])
    // The caption stays where it was written: before the content or after it.
    const before = node.children.slice(0, index).some((child) => child.type === 'element' || (child.type === 'text' && child.value.trim() !== ''))
    return before ? [...blocks, ...captionBlocks] : [...captionBlocks, ...blocks]
  }

  /**
   * Content that must be a line of text (a table cell, a term, a summary, a
   * heading): inline content as it is; blocks inside it (paragraphs, lists,
   * Markdown between HTML blocks) give their text, a line each.
   */
  private lineInlines(nodes: readonly ElementContent[]): Inline[] {
    const blocky = nodes.some(
      (child) => child.type === 'element' && ((child.tagName === SLOT_TAG && this.options.mode === 'block') || BLOCK_ELEMENTS.has(child.tagName) || this.holdsBlocks(child)),
    )
    if (!blocky) return this.paragraphInlines(this.pieces(nodes, 0))
    return finish(flattenBlocks(this.blocks(nodes)))
  }

  /** Inline content as pieces: inlines, and separators where a block element stood in the line. */
  private pieces(nodes: readonly ElementContent[], quoteDepth: number): Piece[] {
    const result: Piece[] = []
    for (const node of nodes) {
      if (node.type === 'text') {
        const value = this.options.mode === 'block' ? node.value.replace(/[ \t\n\r\f]+/g, ' ') : node.value.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ')
        if (value !== '') result.push({ type: 'text', value })
      } else if (node.type === 'element') {
        result.push(...this.elementPieces(node, quoteDepth))
      }
    }
    return result
  }

  private elementPieces(node: Element, quoteDepth: number): Piece[] {
    if (node.tagName === SLOT_TAG) {
      const slot = this.slot(node)
      this.options.beforeSlot?.(slot)
      return this.state.inline(slot, this.parent)
    }
    // An element's `id` (and an `a`'s `name`) is a link target where the element starts.
    const anchors = anchorIds(node).map((id) => this.anchor(id, node))
    const content = this.contentPieces(node, quoteDepth)
    // A language the writer declares (`<span lang="fr">`) goes with the text inside, where no nearer one is declared.
    const lang = node.properties.lang
    if (typeof lang === 'string' && languageTag.test(lang)) declareLanguage(content, lang)
    return anchors.length > 0 ? [...anchors, ...content] : content
  }

  private contentPieces(node: Element, quoteDepth: number): Piece[] {
    const kind = INLINE_ELEMENTS.get(node.tagName)
    if (kind === undefined) {
      // A block element inside a line of text: its content, set apart from its neighbours.
      if (node.tagName === 'pre') return [SEPARATOR, ...inlineCode(textContent(node, this)), SEPARATOR]
      return [SEPARATOR, ...this.pieces(node.children, quoteDepth), SEPARATOR]
    }
    switch (kind.kind) {
      case 'break':
        return [{ type: 'break' }]
      case 'inlineCode':
        return inlineCode(textContent(node, this).replace(/\s+/g, ' '))
      case 'transparent':
        return this.pieces(node.children, quoteDepth)
      case 'quote': {
        const [open, close] = QUOTES[quoteDepth % 2]!
        return [{ type: 'text', value: open }, ...this.pieces(node.children, quoteDepth + 1), { type: 'text', value: close }]
      }
      case 'image':
        return this.image(node)
      default:
        break
    }
    // A link inside a link is its text: an edition cannot nest them.
    if (kind.kind === 'link' && this.insideLink) return this.pieces(node.children, quoteDepth)
    if (this.inlineDepth >= MAX_NESTING) {
      this.flattened = true
      return this.pieces(node.children, quoteDepth)
    }
    this.inlineDepth++
    const outsideLink = !this.insideLink
    if (kind.kind === 'link') this.insideLink = true
    let children = finish(this.pieces(node.children, quoteDepth), false)
    if (kind.kind === 'link' && outsideLink) {
      this.insideLink = false
      // Markdown inside the `a` may have made links of its own (an autolinked address): their text stays.
      children = withoutLinks(children)
    }
    this.inlineDepth--
    if (children.length === 0) return []
    switch (kind.kind) {
      case 'strong':
      case 'emphasis':
      case 'delete':
        return [{ type: kind.kind, children }]
      case 'styled':
        return [{ type: 'styled', style: kind.style, children }]
      case 'link': {
        const href = node.properties.href
        if (typeof href !== 'string' || href === '') return children
        const title = node.properties.title
        const place = this.place(node.position)
        return [{ type: 'link', url: href, children, ...(typeof title === 'string' && title !== '' ? { title } : {}), ...(place ? { place } : {}) }]
      }
    }
  }

  /**
   * An `img`: an inline image when its file is in the book's folder (resolved
   * as Markdown's images are), its alt text otherwise; its `width` and
   * `height` kept as hints.
   */
  private image(node: Element): Piece[] {
    const alt = typeof node.properties.alt === 'string' ? node.properties.alt.replace(/\s+/g, ' ').trim() : ''
    const src = typeof node.properties.src === 'string' ? node.properties.src.trim() : ''
    const place = this.place(node.position) ?? this.state.placeOrFile(this.run.find((child) => child.type === 'html') ?? this.run[0]!)
    const offset = node.position?.start.offset
    const warn = (reason: string, where: Place, ruleId: string): void => {
      if (this.options.warn) this.options.warn(reason, where, ruleId, offset)
      else this.state.diag.warn(reason, where, ruleId)
    }
    if (src === '') {
      warn(`raw HTML \`<img>\` has no \`src\`: ${alt === '' ? 'left out' : 'its alt text kept'}`, place, 'image')
      return alt === '' ? [] : [{ type: 'text', value: alt }]
    }
    const asset = resolveImageAt(this.state, src, alt, place, warn)
    if (asset === undefined) return alt === '' ? [] : [{ type: 'text', value: alt }]
    const image: Inline = { type: 'image', asset, alt }
    const width = lengthOf(node.properties.width)
    const height = lengthOf(node.properties.height)
    if (width) image.width = width
    else if (height?.unit === 'px') image.height = height.value
    return [image]
  }

  /** Run `make` one block level deeper, or `flat` past the nesting limit. */
  private nested(make: () => Block[], flat: () => Block[]): Block[] {
    if (this.blockDepth >= MAX_NESTING) {
      this.flattened = true
      return flat()
    }
    this.blockDepth++
    try {
      return make()
    } finally {
      this.blockDepth--
    }
  }

  /** Whether an element holds a block (a block element, or a Markdown block in block position). */
  private holdsBlocks(node: Element): boolean {
    let known = this.holding.get(node)
    if (known === undefined) {
      known = node.children.some(
        (child) =>
          child.type === 'element' &&
          ((child.tagName === SLOT_TAG && this.options.mode === 'block') || BLOCK_ELEMENTS.has(child.tagName) || this.holdsBlocks(child)),
      )
      this.holding.set(node, known)
    }
    return known
  }

  /** A link target written on `node`, with its place. */
  private anchor(id: string, node: Element): Anchor {
    const place = this.place(node.position)
    return place ? { type: 'anchor', id, place } : { type: 'anchor', id }
  }

  /** The mdast node a slot stands for. */
  slot(node: Element): RootContent {
    return this.run[Number(node.properties.dataSlot)]!
  }

  private place(position: Position | undefined): Place | undefined {
    const start = position?.start
    return start ? { file: this.state.file, line: start.line, column: start.column } : undefined
  }
}

/** Marks a cell written as `th`, while its table is made. */
const headerMark = Symbol('header')
interface HeaderMark {
  [headerMark]: true
}

function isHeaderCell(cell: TableCell): boolean {
  return (cell as Partial<HeaderMark>)[headerMark] === true
}

/** A row of `th` cells only: a header row, when no `thead` says which rows head the table. */
function isHeaderRow(row: readonly TableCell[]): boolean {
  return row.length > 0 && row.every(isHeaderCell)
}

/**
 * The alignment of each column: its `col`'s, else the one all its cells below
 * the header agree on (cells spanning columns aside), else none.
 */
function columnAligns(table: Table, declared: ReadonlyArray<CellAlign | null>): Array<CellAlign | null> {
  const grid = tableGrid(table)
  const aligns: Array<CellAlign | null> = []
  for (let column = 0; column < grid.columns; column++) {
    const written = declared[column] ?? null
    if (written !== null) {
      aligns.push(written)
      continue
    }
    const cells = grid.cells.filter((placed) => placed.column === column && placed.colspan === 1 && !placed.header)
    const first = cells[0]?.cell.align
    aligns.push(first !== undefined && cells.every((placed) => placed.cell.align === first) ? first : null)
  }
  return aligns
}

function spanOf(value: unknown): number {
  const number = Math.floor(Number(value))
  // HTML caps spans at 1000 columns and 65534 rows; the grid would be absurd long before.
  return Number.isFinite(number) && number > 1 ? Math.min(number, 1000) : 1
}

function alignOf(node: Element): BlockAlign | undefined {
  const align = node.properties.align
  return typeof align === 'string' && ALIGN_VALUES.includes(align) ? (align as BlockAlign) : undefined
}

/** A cell's alignment: what a table cell can be (justified text is set left in a cell). */
function cellAlignOf(node: Element): CellAlign | undefined {
  const align = alignOf(node)
  return align === 'justify' ? 'left' : align
}

function idOf(node: Element): string | undefined {
  const id = node.properties.id
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined
}

function pushId(into: string[], node: Element): void {
  const id = idOf(node)
  if (id !== undefined && !into.includes(id)) into.push(id)
}

/** The link targets an inline element names: its `id`, and an `a`'s `name` (an older way to write one). */
function anchorIds(node: Element): string[] {
  const ids: string[] = []
  pushId(ids, node)
  const name = node.tagName === 'a' ? node.properties.name : undefined
  if (typeof name === 'string' && name.trim() !== '' && !ids.includes(name.trim())) ids.push(name.trim())
  return ids
}

/** A `width` or `height` as written: pixels (`200`, `200px`) or a percentage (`50%`); nothing for anything else. */
function lengthOf(value: unknown): ImageLength | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? { value, unit: 'px' } : undefined
  if (typeof value !== 'string') return undefined
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(px|%)?\s*$/i.exec(value)
  const number = Number(match?.[1])
  if (!match || !(number > 0)) return undefined
  return match[2] === '%' ? { value: Math.min(number, 100), unit: '%' } : { value: number, unit: 'px' }
}

/**
 * A figure for an image standing alone in a paragraph (anchors and line
 * breaks aside): the anchors lead to the figure, the image's size hints stay.
 */
export function loneFigure(inlines: readonly Inline[]): Figure | undefined {
  let image: Inline | undefined
  const anchors: string[] = []
  for (const inline of inlines) {
    if (inline.type === 'image' && image === undefined) image = inline
    else if (inline.type === 'anchor') anchors.push(inline.id)
    else if (!(inline.type === 'break' || (inline.type === 'text' && inline.value.trim() === ''))) return undefined
  }
  if (image?.type !== 'image') return undefined
  const figure: Figure = { type: 'figure', asset: image.asset, alt: image.alt }
  if (image.width) figure.width = image.width
  if (image.height !== undefined) figure.height = image.height
  if (anchors.length > 0) figure.anchors = anchors
  return figure
}

/**
 * Blocks as the pieces of one line of text, a line break between blocks: what
 * a table cell, a term or a summary can hold of the paragraphs, lists and
 * code written in it. The text stays; the structure cannot.
 */
function flattenBlocks(blocks: readonly Block[]): Piece[] {
  const lines: Inline[][] = []
  forEachBlock(blocks, (block) => {
    const anchors: Inline[] = (block.anchors ?? []).map((id) => ({ type: 'anchor', id }))
    switch (block.type) {
      case 'code':
        lines.push([...anchors, ...block.value.split('\n').flatMap((line, index): Inline[] => [...(index > 0 ? [{ type: 'break' } as const] : []), ...inlineCode(line)])])
        return
      case 'figure':
        lines.push([...anchors, { type: 'image', asset: block.asset, alt: block.alt }])
        return
      case 'table':
        for (const row of block.rows) lines.push([...anchors.splice(0), ...row.flatMap((cell, index): Inline[] => [...(index > 0 ? [{ type: 'text', value: ' ' } as const] : []), ...cell.children])])
        return
      case 'alert':
        if (block.label !== '') lines.push([...anchors, { type: 'strong', children: [{ type: 'text', value: block.label }] }])
        else if (anchors.length > 0) lines.push(anchors)
        return
      default:
        for (const inlines of blockInlines(block)) lines.push([...anchors.splice(0), ...inlines])
        if (anchors.length > 0) lines.push(anchors)
    }
  })
  const pieces: Piece[] = []
  lines.forEach((line, index) => {
    if (index > 0) pieces.push({ type: 'break' })
    pieces.push(...line)
  })
  return pieces
}

/** A `pre` element as a code block; a `code` inside it may name the language (`class="language-js"`). */
function codeBlock(node: Element, converter: HtmlToModel): CodeBlock {
  const block: CodeBlock = { type: 'code', value: textContent(node, converter).replace(/\r\n?/g, '\n').replace(/\n$/, '') }
  const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code')
  const className = code?.properties.className
  const language = Array.isArray(className) ? className.map(String).find((name) => name.startsWith('language-')) : undefined
  if (language) block.lang = language.slice('language-'.length)
  return block
}

/** Inlines with every link replaced by its content. */
function withoutLinks(inlines: readonly Inline[]): Inline[] {
  const result: Inline[] = []
  for (const inline of inlines) {
    const replaced: Inline[] = inline.type === 'link' ? withoutLinks(inline.children) : 'children' in inline ? [{ ...inline, children: withoutLinks(inline.children) }] : [inline]
    for (const piece of replaced) {
      const last = result.at(-1)
      if (piece.type === 'text' && last?.type === 'text' && last.lang === piece.lang) result[result.length - 1] = { ...last, value: last.value + piece.value }
      else result.push(piece)
    }
  }
  return result
}

/** The text inlines of a paragraph, in order, code left out. */
function textsOf(inlines: readonly Inline[], into: Text[] = []): Text[] {
  for (const inline of inlines) {
    if (inline.type === 'text') into.push(inline)
    else if ('children' in inline) textsOf(inline.children, into)
  }
  return into
}

function inlineCode(value: string): Inline[] {
  return value === '' ? [] : [{ type: 'inlineCode', value }]
}

/** The text of an element as written, Markdown inside it included. */
function textContent(node: Element, converter: HtmlToModel): string {
  let text = ''
  for (const child of node.children) {
    if (child.type === 'text') text += child.value
    else if (child.type === 'element') text += child.tagName === SLOT_TAG ? mdastText(converter.slot(child)) : textContent(child, converter)
  }
  return text
}

function mdastText(node: RootContent): string {
  if ('value' in node) return node.value
  if ('children' in node) return (node.children as RootContent[]).map(mdastText).join('')
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? ''
  return ''
}

/**
 * Pieces to inlines: adjacent text merged, a separator made a space only
 * between words, runs of spaces collapsed, white space around hard breaks
 * and (at the top of a run) at its ends removed.
 */
function finish(pieces: readonly Piece[], trimEnds = true): Inline[] {
  const result: Inline[] = []
  let pendingSpace = false
  for (const piece of pieces) {
    if (piece === SEPARATOR) {
      pendingSpace = true
      continue
    }
    const last = result.at(-1)
    if (pendingSpace && last !== undefined && last.type !== 'break') {
      if (last.type === 'text') last.value = last.value.replace(/\s*$/, ' ')
      else result.push({ type: 'text', value: ' ' })
    }
    pendingSpace = false
    const previous = result.at(-1)
    if (piece.type === 'text' && previous?.type === 'text' && previous.lang === piece.lang) previous.value += piece.value
    else result.push(piece.type === 'text' ? { ...piece } : piece)
  }
  for (let index = 0; index < result.length; index++) {
    const node = result[index]!
    if (node.type !== 'text') continue
    // Where an element was dropped, the spaces either side of it meet: one is enough (HTML shows one).
    node.value = node.value.replace(/ {2,}/g, ' ')
    if (result[index - 1]?.type === 'break' || (trimEnds && index === 0)) node.value = node.value.replace(/^\s+/, '')
    if (result[index + 1]?.type === 'break' || (trimEnds && index === result.length - 1)) node.value = node.value.replace(/\s+$/, '')
  }
  return result.filter((node) => node.type !== 'text' || node.value !== '')
}
