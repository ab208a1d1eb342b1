/**
 * Render: frames drawn with pdfkit at explicit positions. The only module
 * that knows pdfkit: text runs, rules, rectangles and images; link
 * annotations and named destinations; the outline; the tagged structure tree
 * (content marked in reading order, running heads and folios as artifacts);
 * metadata, fonts, PDF/A.
 */
import PDFDocument from 'pdfkit'
import type { Book } from '../model/book.js'
import type { FontKey, Theme } from '../theme/index.js'
import { fontPath } from '../theme/index.js'
import type { StructNode } from './flow.js'
import type { Frame, FrameItem, FrameText, Rect } from './frame.js'
import { fontFeatures } from './style.js'

export interface RenderOptions {
  pdfA: boolean
}

type StructElement = PDFKit.PDFStructureElement

const fontKeys: readonly FontKey[] = ['text', 'textItalic', 'textBold', 'textBoldItalic', 'mono']

export function render(frames: Iterable<Frame>, structs: readonly StructNode[], book: Book, theme: Theme, options: RenderOptions): Promise<Uint8Array> {
  const metadata = book.metadata
  // The fixed instant of the edition: pdfkit derives the file identifier from the info dictionary, so this makes rebuilds byte-identical.
  const modified = new Date(metadata.modified)
  const info: PDFKit.DocumentInfo = { Title: metadata.title, Creator: 'Octavo', Producer: 'Octavo with PDFKit', CreationDate: modified, ModDate: modified }
  if (metadata.authors.length > 0) info.Author = metadata.authors.join(', ')
  if (metadata.description) info.Subject = metadata.description
  if (metadata.subjects.length > 0) info.Keywords = metadata.subjects.join(', ')

  const doc = new PDFDocument({
    autoFirstPage: false,
    pdfVersion: '1.7',
    tagged: true,
    lang: metadata.lang,
    displayTitle: true,
    info,
    ...(options.pdfA ? { subset: 'PDF/A-2b' as const } : {}),
  })
  for (const key of fontKeys) doc.registerFont(key, fontPath(theme.fonts[key]))

  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })

  const tree = new StructureTree(doc, structs)
  const outline = new OutlineBuilder(doc)
  for (const frame of frames) {
    doc.addPage({ size: [frame.width, frame.height], margin: 0 })
    if (frame.trim) setBox(doc, 'TrimBox', frame.trim, frame.height)
    if (frame.bleed) setBox(doc, 'BleedBox', frame.bleed, frame.height)
    for (const entry of frame.outline) outline.add(entry.title, entry.depth, entry.y, frame.width)
    drawFrame(doc, frame, tree)
  }
  if (options.pdfA) doc.appendXML(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${modified.toISOString().split('.')[0]}Z</xmp:ModifyDate></rdf:Description>`)
  doc.end()
  return done
}

function setBox(doc: PDFKit.PDFDocument, name: string, rect: Rect, pageHeight: number): void {
  const data = doc.page.dictionary.data as Record<string, unknown>
  data[name] = [rect.x, pageHeight - rect.y - rect.height, rect.x + rect.width, pageHeight - rect.y]
}

function drawFrame(doc: PDFKit.PDFDocument, frame: Frame, tree: StructureTree): void {
  const items = frame.items
  let index = 0
  while (index < items.length) {
    const item = items[index]!
    switch (item.kind) {
      case 'dest':
        doc.addNamedDestination(item.name, 'XYZ', item.x, frame.height - item.y, null as unknown as number)
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
        const content = doc.markStructureContent('Figure')
        doc.image(item.path, item.x, item.y, { width: item.width, height: item.height })
        doc.endMarkedContent()
        tree.element(item.struct).add(content)
        index++
        break
      }
      case 'text': {
        // One marked-content sequence for a run of text of one structure element and one link.
        let end = index + 1
        while (end < items.length && sameSequence(item, items[end]!)) end++
        drawTexts(doc, items.slice(index, end) as FrameText[], tree)
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

function drawTexts(doc: PDFKit.PDFDocument, texts: FrameText[], tree: StructureTree): void {
  const first = texts[0]!
  if (first.struct === null) {
    doc.markContent('Artifact', { type: 'Pagination' })
    for (const text of texts) drawText(doc, text)
    doc.endMarkedContent()
    return
  }
  const parent = tree.element(first.struct)
  const owner = first.link ? doc.struct('Link') : parent
  if (owner !== parent) parent.add(owner)
  const content = doc.markStructureContent(first.link ? 'Link' : tree.type(first.struct))
  for (const text of texts) drawText(doc, text)
  doc.endMarkedContent()
  owner.add(content)
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
    for (const [y, line] of lines) {
      const top = y - line.size
      const height = line.size * 1.25
      const structParent = { structParent: owner } as unknown as PDFKit.Mixins.AnnotationOption
      if ('url' in first.link) doc.link(line.x1, top, line.x2 - line.x1, height, first.link.url, structParent)
      else doc.goTo(line.x1, top, line.x2 - line.x1, height, first.link.dest, structParent)
    }
  }
}

function drawText(doc: PDFKit.PDFDocument, text: FrameText): void {
  const features = fontFeatures(text.style.features)
  doc
    .font(text.style.font)
    .fontSize(text.style.size)
    .fillColor(text.style.colour)
    .text(text.text, text.x, text.y, {
      lineBreak: false,
      baseline: 'alphabetic',
      ...(text.scale !== undefined ? { horizontalScaling: text.scale } : {}),
      ...(features ? { features: features as unknown as PDFKit.Mixins.OpenTypeFeatures[] } : {}),
    })
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

  element(id: number): StructElement {
    let element = this.elements.get(id)
    if (element) return element
    const node = this.nodes[id]!
    element = this.doc.struct(node.type, node.alt === undefined ? {} : { alt: node.alt })
    if (node.parent === null) this.doc.addStructure(element)
    else this.element(node.parent).add(element)
    this.elements.set(id, element)
    return element
  }
}

/** The outline (bookmarks) of the headings, nested by depth. */
class OutlineBuilder {
  private readonly stack: Array<{ depth: number; item: PDFKit.PDFOutline }> = []

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  add(title: string, depth: number, y: number, pageWidth: number): void {
    while (this.stack.length > 0 && this.stack.at(-1)!.depth >= depth) this.stack.pop()
    const parent = this.stack.at(-1)?.item ?? this.doc.outline
    // pdfkit places the view at (width - left, height - top): this asks for the page's left edge and the heading's top.
    const options = { top: y, left: pageWidth } as unknown as { expanded?: boolean }
    const item = parent.addItem(title, options)
    this.stack.push({ depth, item })
  }
}
