/**
 * Render: frames drawn with pdfkit at explicit positions. The only module
 * that knows pdfkit: text runs, rules, rectangles and images; link
 * annotations and named destinations; the outline; the tagged structure tree
 * (content marked in reading order, running heads and folios as artifacts);
 * metadata, fonts, PDF/A.
 */
import PDFDocument from 'pdfkit'
import type { Book } from '../model/book.js'
import type { Theme } from '../theme/index.js'
import type { StructNode } from './flow.js'
import { registrationColour } from './frame.js'
import type { Frame, FrameItem, FrameText, Matrix, Rect } from './frame.js'
import type { LinkTarget } from './prepare.js'
import { writeBytesTo } from './byte-writes.js'
import { deflateKept } from './deflated-streams.js'
import { ImageDrawer } from './render-image.js'
import type { Warn } from './render-image.js'
import { registerFaces, TextWriter } from './render-text.js'
import type { PressProfile } from '../press/profiles.js'
import { addOutputIntent, pdfxInfo, pdfxXmp, useProcessColour } from './render-press.js'

export interface RenderOptions {
  pdfA: boolean
  /** Told what could not be drawn as it stands (an SVG's unsupported features, a picture it may not embed). */
  warn?: Warn
  /** The printer the file is for: its PDF version, colour, PDF/X identity, and which reading aids it keeps. */
  press?: PressProfile | undefined
}

type StructElement = PDFKit.PDFStructureElement

/** Draws frames in the order given, for a caller that has them all. */
export function render(frames: Iterable<Frame>, structs: readonly StructNode[], book: Book, theme: Theme, options: RenderOptions): Promise<Uint8Array> {
  const renderer = new PdfRenderer(structs, book, theme, options)
  for (const frame of frames) renderer.page(frame)
  return renderer.finish()
}

/**
 * A PDF drawn a page at a time. Pages may come out of order (the table of
 * contents is drawn once the chapters have told their page numbers): the
 * document orders them, and the outline's top entries, by page number when it
 * is finished. pdfkit writes each page out when the next begins, and the
 * structure elements of a finished part when told (`release`), so what stays
 * in memory is the part being drawn and the PDF's bytes.
 */
export class PdfRenderer {
  private readonly doc: PDFKit.PDFDocument
  private readonly output = new ByteCollector()
  private readonly done: Promise<Uint8Array>
  private readonly tree: StructureTree
  private readonly outline: OutlineBuilder
  private readonly images: ImageDrawer
  private readonly writer: TextWriter
  private readonly modified: Date
  private readonly pageNumbers: number[] = []
  private readonly tagged: boolean
  private readonly links: boolean
  private readonly outlined: boolean
  private readonly title: string

  constructor(
    structs: readonly StructNode[],
    book: Book,
    theme: Theme,
    private readonly options: RenderOptions,
  ) {
    const metadata = book.metadata
    // The fixed instant of the edition: pdfkit derives the file identifier from the info dictionary, so this makes rebuilds byte-identical.
    this.modified = new Date(metadata.modified)
    const info: PDFKit.DocumentInfo = { Title: metadata.title, Creator: 'Octavo', Producer: 'Octavo with PDFKit', CreationDate: this.modified, ModDate: this.modified }
    if (metadata.authors.length > 0) info.Author = metadata.authors.join(', ')
    if (metadata.description) info.Subject = metadata.description
    if (metadata.subjects.length > 0) info.Keywords = metadata.subjects.join(', ')
    const press = options.press
    if (press?.pdfx) Object.assign(info, pdfxInfo(press.pdfx))
    this.tagged = press?.tagged ?? true
    this.links = press?.links ?? true
    this.outlined = press?.outline ?? true
    this.title = metadata.title
    // PDF 1.3 has no document language and no viewer preference for the title (both PDF 1.4).
    const modern = press?.pdfVersion !== '1.3'

    const doc = new PDFDocument({
      autoFirstPage: false,
      pdfVersion: press?.pdfVersion ?? '1.7',
      tagged: this.tagged,
      ...(modern ? { lang: metadata.lang, displayTitle: true } : {}),
      info,
      // Text is shaped once per string by the text writer, which keeps what it shaped: pdfkit's own cache would hold it twice.
      fontLayoutCache: false,
      ...(options.pdfA ? { subset: 'PDF/A-2b' as const } : {}),
    })
    this.doc = doc
    writeBytesTo(doc, (bytes) => this.output.add(bytes))
    if (press?.colour === 'cmyk') useProcessColour(doc, theme.colours.text)
    // Marks print on every plate: the Separation colour space named All, at full tint.
    if (press?.marks) (doc as unknown as { addSpotColor(name: string, c: number, m: number, y: number, k: number): void }).addSpotColor(registrationColour, 100, 100, 100, 100)

    // Nothing reaches the document's stream now (see `writeBytesTo`); read, it ends when the document does.
    doc.on('data', (chunk: Buffer) => this.output.add(chunk))
    this.done = new Promise<Uint8Array>((resolve, reject) => {
      doc.on('end', () => resolve(this.output.bytes()))
      doc.on('error', reject)
    })
    this.tree = new StructureTree(doc, structs)
    this.outline = new OutlineBuilder(doc)
    this.images = new ImageDrawer(doc, theme, book.assets, options.warn ?? (() => {}), press === undefined ? undefined : { colour: press.colour, transparency: press.transparency })
    registerFaces(doc, theme)
    this.writer = new TextWriter(doc, theme)
  }

  /** Attach a structure node now, so that it stands in reading order though its pages are drawn later. */
  reserve(struct: number): void {
    if (this.tagged) this.tree.element(struct)
  }

  page(frame: Frame): void {
    const doc = this.doc
    doc.addPage({ size: [frame.width, frame.height], margin: 0 })
    deflateKept((doc.page as unknown as { content: unknown }).content)
    this.pageNumbers.push(frame.number)
    if (frame.trim) setBox(doc, 'TrimBox', frame.trim, frame.height)
    if (frame.bleed) setBox(doc, 'BleedBox', frame.bleed, frame.height)
    if (frame.rotate !== undefined) (doc.page.dictionary.data as Record<string, unknown>).Rotate = frame.rotate
    if (this.outlined) for (const entry of frame.outline) this.outline.add(entry.title, entry.depth, entry.y, frame.width, frame.number)
    // A press file has no links: its text is tagged as the text around it. The items are copied, not changed (a kept page's are frozen, see `frame.ts`).
    if (!this.links) frame = { ...frame, items: withoutLinks(frame.items), ...(frame.turned ? { turned: { ...frame.turned, items: withoutLinks(frame.turned.items) } } : {}) }
    const links: LinkArea[] = []
    const draw = this.tagged ? drawItems : drawUntagged
    draw(doc, frame.items, this.tree, this.images, this.writer, links)
    if (frame.turned) {
      doc.save()
      doc.transform(...frame.turned.matrix)
      draw(doc, frame.turned.items, this.tree, this.images, this.writer, links, true)
      doc.restore()
    }
    if (!this.links) return
    // Link areas are given in the page's coordinates: pdfkit maps an annotation's corners through the current
    // transformation one coordinate at a time, which a turned page's matrix would mix up.
    for (const area of links) addLink(doc, frame.turned && area.turned ? turnRect(frame.turned.matrix, area.rect) : area.rect, area)
  }

  /** The structure node and all below it are complete: pdfkit writes them out. */
  release(struct: number): void {
    if (this.tagged) this.tree.end(struct)
  }

  finish(): Promise<Uint8Array> {
    const doc = this.doc
    // Pages in the order of their numbers (a stable sort keeps the order of equal numbers).
    const pages = (doc as unknown as { _root: { data: { Pages: { data: { Kids: unknown[] } } } } })._root.data.Pages.data
    const order = pages.Kids.map((kid, index) => ({ kid, number: this.pageNumbers[index]! }))
    order.sort((a, b) => a.number - b.number)
    pages.Kids = order.map((entry) => entry.kid)
    this.outline.order()
    const pdfx = this.options.press?.pdfx
    if (pdfx) addOutputIntent(doc, pdfx)
    if (pdfx?.version === 'PDF/X-4') doc.appendXML(pdfxXmp(pdfx, this.title, this.modified.toISOString()))
    if (this.options.pdfA) doc.appendXML(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${this.modified.toISOString().split('.')[0]}Z</xmp:ModifyDate></rdf:Description>`)
    doc.end()
    return this.done
  }
}

/**
 * The PDF's bytes as pdfkit writes them: it hands over a small buffer per
 * token, hundreds of thousands for a long book, each costing more to keep than
 * it holds; they are copied into blocks of a megabyte instead.
 */
class ByteCollector {
  private readonly blocks: Uint8Array[] = []
  private block = new Uint8Array(blockSize)
  private used = 0

  add(chunk: Uint8Array): void {
    let offset = 0
    while (offset < chunk.length) {
      if (this.used === this.block.length) {
        this.blocks.push(this.block)
        this.block = new Uint8Array(Math.max(blockSize, chunk.length - offset))
        this.used = 0
      }
      const count = Math.min(chunk.length - offset, this.block.length - this.used)
      this.block.set(chunk.subarray(offset, offset + count), this.used)
      this.used += count
      offset += count
    }
  }

  bytes(): Uint8Array {
    const total = this.blocks.reduce((sum, block) => sum + block.length, this.used)
    const bytes = new Uint8Array(total)
    let offset = 0
    for (const block of this.blocks) {
      bytes.set(block, offset)
      offset += block.length
    }
    bytes.set(this.block.subarray(0, this.used), offset)
    this.blocks.length = 0
    return bytes
  }
}

const blockSize = 1 << 20

/** Items as drawn without links: text items copied without theirs. */
function withoutLinks(items: readonly FrameItem[]): FrameItem[] {
  return items.map((item) => {
    if (item.kind !== 'text' || item.link === undefined) return item
    const { link: _link, ...rest } = item
    return rest
  })
}

function setBox(doc: PDFKit.PDFDocument, name: string, rect: Rect, pageHeight: number): void {
  const data = doc.page.dictionary.data as Record<string, unknown>
  data[name] = [rect.x, pageHeight - rect.y - rect.height, rect.x + rect.width, pageHeight - rect.y]
}

/** A link's live area on one line, made once the page is drawn. */
interface LinkArea {
  rect: Rect
  link: LinkTarget
  owner: StructElement
  /** Given in the coordinates of a turned text block. */
  turned: boolean
}

/** Draw items in order; `turned`: they stand in a turned text block (see `Frame.turned`). */
function drawItems(doc: PDFKit.PDFDocument, items: readonly FrameItem[], tree: StructureTree, images: ImageDrawer, writer: TextWriter, links: LinkArea[], turned = false): void {
  let index = 0
  while (index < items.length) {
    const item = items[index]!
    switch (item.kind) {
      case 'dest':
        // pdfkit turns the top (measured, like every coordinate here, from the page's top) into PDF's from-the-bottom itself.
        doc.addNamedDestination(item.name, 'XYZ', item.x, item.y, null as unknown as number)
        index++
        break
      case 'rule':
      case 'rect':
        doc.markContent('Artifact', { type: 'Layout' })
        drawGraphic(doc, item)
        doc.endMarkedContent()
        index++
        break
      case 'image': {
        const content = doc.markStructureContent(item.svg === undefined ? 'Figure' : 'Formula')
        images.draw(item)
        doc.endMarkedContent()
        tree.element(item.struct).add(content)
        index++
        break
      }
      case 'text': {
        // One marked-content sequence for a run of text of one structure element and one link.
        let end = index + 1
        while (end < items.length && sameSequence(item, items[end]!)) end++
        drawTexts(doc, items.slice(index, end) as FrameText[], tree, writer, links, turned)
        index = end
        break
      }
    }
  }
}

/**
 * Draw items with no structure (a print file): no marked content but the
 * ActualText of characters drawn as empty boxes, no links (a press file has none).
 */
function drawUntagged(doc: PDFKit.PDFDocument, items: readonly FrameItem[], _tree: StructureTree, images: ImageDrawer, writer: TextWriter): void {
  let index = 0
  while (index < items.length) {
    const item = items[index]!
    switch (item.kind) {
      case 'dest':
        doc.addNamedDestination(item.name, 'XYZ', item.x, item.y, null as unknown as number)
        index++
        break
      case 'rule':
      case 'rect':
        drawGraphic(doc, item)
        index++
        break
      case 'image':
        images.draw(item)
        index++
        break
      case 'text': {
        let end = index + 1
        while (end < items.length && items[end]!.kind === 'text' && (items[end] as FrameText).actual === item.actual) end++
        const texts = items.slice(index, end) as FrameText[]
        if (item.actual !== undefined) doc.markContent('Span', { actual: item.actual } as unknown as Record<string, unknown>)
        writer.write(texts)
        if (item.actual !== undefined) doc.endMarkedContent()
        index = end
        break
      }
    }
  }
}

function sameSequence(first: FrameText, next: FrameItem): boolean {
  return next.kind === 'text' && next.struct === first.struct && linkKey(next) === linkKey(first)
}

function linkKey(item: FrameText): string {
  if (!item.link) return ''
  return 'url' in item.link ? item.link.url : `#${item.link.dest}`
}

function drawTexts(doc: PDFKit.PDFDocument, texts: FrameText[], tree: StructureTree, writer: TextWriter, links: LinkArea[], turned: boolean): void {
  const first = texts[0]!
  if (first.struct === null) {
    doc.markContent('Artifact', { type: 'Pagination' })
    // A table's header row set again on the page its table continues on reads as nothing: a reader has read it.
    const silent = texts.every((text) => text.actual === '')
    if (silent) doc.addContent('/Span <</ActualText ()>> BDC')
    writer.write(texts)
    if (silent) doc.addContent('EMC')
    doc.endMarkedContent()
    return
  }
  const parent = tree.element(first.struct)
  const owner = first.link ? doc.struct('Link') : parent
  if (owner !== parent) parent.add(owner)
  const tag = first.link ? 'Link' : tree.type(first.struct)
  let index = 0
  while (index < texts.length) {
    // Characters drawn as empty boxes get a marked-content sequence of their own, whose ActualText is what they are.
    const actual = texts[index]!.actual
    // Text in a language not the book's is a Span of its own that says which (/Lang), as PDF/UA asks.
    const lang = texts[index]!.lang
    let end = index + 1
    if (actual === undefined) while (end < texts.length && texts[end]!.actual === undefined && texts[end]!.lang === lang) end++
    const holder = lang === undefined ? owner : doc.struct('Span', { lang })
    if (holder !== owner) owner.add(holder)
    const content = actual === undefined ? doc.markStructureContent(lang === undefined ? tag : 'Span') : doc.markStructureContent('Span', { actual } as unknown as Record<string, unknown>)
    writer.write(texts.slice(index, end))
    doc.endMarkedContent()
    holder.add(content)
    index = end
  }
  if (first.link) {
    // One annotation per line the link spans.
    const lines = new Map<number, { x1: number; x2: number; size: number }>()
    for (const text of texts) {
      const line = lines.get(text.y)
      if (line) {
        line.x1 = Math.min(line.x1, text.x)
        line.x2 = Math.max(line.x2, text.x + text.width)
      } else lines.set(text.y, { x1: text.x, x2: text.x + text.width, size: text.style.size })
    }
    for (const [y, line] of lines) links.push({ rect: { x: line.x1, y: y - line.size, width: line.x2 - line.x1, height: line.size * 1.25 }, link: first.link, owner, turned })
  }
}

function addLink(doc: PDFKit.PDFDocument, rect: Rect, area: LinkArea): void {
  const structParent = { structParent: area.owner } as unknown as PDFKit.Mixins.AnnotationOption
  if ('url' in area.link) doc.link(rect.x, rect.y, rect.width, rect.height, area.link.url, structParent)
  else doc.goTo(rect.x, rect.y, rect.width, rect.height, area.link.dest, structParent)
}

/** A rectangle of a turned text block as the page's rectangle that holds it. */
function turnRect(matrix: Matrix, rect: Rect): Rect {
  const [a, b, c, d, e, f] = matrix
  const corners = [
    [rect.x, rect.y],
    [rect.x + rect.width, rect.y + rect.height],
  ].map(([x, y]) => ({ x: a * x! + c * y! + e, y: b * x! + d * y! + f }))
  const xs = corners.map((corner) => corner.x)
  const ys = corners.map((corner) => corner.y)
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) }
}

function drawGraphic(doc: PDFKit.PDFDocument, item: Extract<FrameItem, { kind: 'rule' | 'rect' }>): void {
  if (item.kind === 'rect') {
    doc.rect(item.x, item.y, item.width, item.height).fill(item.colour)
    return
  }
  doc.save().moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.weight).strokeColor(item.colour).stroke().restore()
}

/** pdfkit structure elements made on first use, so that each is attached to its parent in reading order. */
class StructureTree {
  private readonly elements = new Map<number, StructElement>()

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly nodes: readonly StructNode[],
  ) {}

  type(id: number): string {
    return this.nodes[id]!.type
  }

  /** End an element and those below it: pdfkit writes them and lets their content go, and so does the tree. */
  end(id: number): void {
    this.elements.get(id)?.end()
    for (const key of this.elements.keys()) if (this.descends(key, id)) this.elements.delete(key)
  }

  private descends(id: number, ancestor: number): boolean {
    for (let at: number | null = id; at !== null; at = this.nodes[at]!.parent) if (at === ancestor) return true
    return false
  }

  element(id: number): StructElement {
    let element = this.elements.get(id)
    if (element) return element
    const node = this.nodes[id]!
    element = this.doc.struct(node.type, node.alt === undefined ? {} : { alt: node.alt })
    if (node.table) tableAttributes(element, node.table)
    if (node.parent === null) this.doc.addStructure(element)
    else this.element(node.parent).add(element)
    this.elements.set(id, element)
    return element
  }
}

/**
 * A table cell's attributes, owned by Table (PDF 32000-1, 14.8.5.7): its
 * scope, for a header cell, and how many rows and columns it spans. pdfkit's
 * `struct()` takes a scope but no spans, so the attribute dictionary is
 * written whole on the element's dictionary.
 */
function tableAttributes(element: StructElement, attributes: NonNullable<StructNode['table']>): void {
  const data = (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data
  const owned: Record<string, unknown> = { O: 'Table' }
  if (attributes.scope) owned.Scope = attributes.scope
  if (attributes.rowSpan !== undefined && attributes.rowSpan > 1) owned.RowSpan = attributes.rowSpan
  if (attributes.colSpan !== undefined && attributes.colSpan > 1) owned.ColSpan = attributes.colSpan
  data.A = owned
}

/** The outline (bookmarks) of the headings, nested by depth. */
class OutlineBuilder {
  private readonly stack: Array<{ depth: number; item: PDFKit.PDFOutline }> = []

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private readonly topPages = new Map<PDFKit.PDFOutline, number>()

  add(title: string, depth: number, y: number, pageWidth: number, page: number): void {
    while (this.stack.length > 0 && this.stack.at(-1)!.depth >= depth) this.stack.pop()
    const parent = this.stack.at(-1)?.item ?? this.doc.outline
    // pdfkit places the view at (width - left, height - top): this asks for the page's left edge and the heading's top.
    const options = { top: y, left: pageWidth } as unknown as { expanded?: boolean }
    const item = parent.addItem(title, options)
    if (parent === this.doc.outline) this.topPages.set(item, page)
    this.stack.push({ depth, item })
  }

  /** Top entries in the order of their pages, as the pages themselves will be. */
  order(): void {
    const root = this.doc.outline as unknown as { children: PDFKit.PDFOutline[] }
    root.children = root.children
      .map((item, index) => ({ item, index, page: this.topPages.get(item) ?? 0 }))
      .sort((a, b) => a.page - b.page || a.index - b.index)
      .map((entry) => entry.item)
  }
}

