/**
 * Part of render: the print cover drawn with pdfkit — one sheet, the full
 * wrap (see `press/cover-geometry.ts`). The front is the EPUB's cover (the
 * design made from the theme, drawn from its SVG, or the manuscript's own
 * picture); the spine carries the title and the authors when it is wide
 * enough; the back carries the book's description, clear of the barcode's
 * place. Colour, PDF version and PDF/X identity are the press's, as for the
 * interior.
 */
import PDFDocument from 'pdfkit'
import type SVGtoPDF from 'svg-to-pdfkit'
import { svgToPdfkit } from '../lazy.js'
import type { Asset, Book } from '../model/book.js'
import type { CoverGeometry, Box } from '../press/cover-geometry.js'
import type { PressProfile } from '../press/profiles.js'
import { fontPath, resolveStyle } from '../theme/index.js'
import type { Theme, TextRole } from '../theme/index.js'
import { fontKeys } from './measure.js'
import { fallbackKey } from './style.js'
import { ImageDrawer } from './render-image.js'
import type { Warn } from './render-image.js'
import { addOutputIntent, pdfxInfo, pdfxXmp, useProcessColour } from './render-press.js'

export interface CoverDrawing {
  book: Book
  theme: Theme
  press: PressProfile
  geometry: CoverGeometry
  /** The front as the EPUB's cover is made, when the manuscript has no picture of its own. */
  frontSvg: string
  /** The manuscript's own cover picture. */
  frontImage?: Asset | undefined
  /** The authors as one phrase, in the book's language. */
  byline: string
  /** Told what could not be drawn as it stands (a picture the press wants converted). */
  warn?: Warn
}

/** Margin of the back's text inside the trim, in points (half an inch: inside every printer's safe area). */
const backMargin = 36

export function renderCover(drawing: CoverDrawing): Promise<Uint8Array> {
  const { book, theme, press, geometry } = drawing
  const modified = new Date(book.metadata.modified)
  const info: Record<string, unknown> = { Title: `${book.metadata.title}: cover`, Creator: 'Octavo', Producer: 'Octavo with PDFKit', CreationDate: modified, ModDate: modified }
  if (press.pdfx) Object.assign(info, pdfxInfo(press.pdfx))
  const doc = new PDFDocument({ autoFirstPage: false, pdfVersion: press.pdfVersion, info: info as PDFKit.DocumentInfo })
  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  if (press.colour === 'cmyk') useProcessColour(doc, theme.colours.text)
  // The theme's faces, as the interior registers them: read only if text is set in them (an SVG picture's too).
  for (const key of fontKeys) doc.registerFont(key, fontPath(theme.fonts[key]))
  theme.fallbacks.forEach((file, index) => doc.registerFont(fallbackKey(index), fontPath(file)))

  doc.addPage({ size: [geometry.width, geometry.height], margin: 0 })
  const page = doc.page.dictionary.data as Record<string, unknown>
  page.TrimBox = pdfBox(geometry.trim, geometry.height)
  page.BleedBox = [0, 0, geometry.width, geometry.height]

  drawFront(doc, drawing)
  if (geometry.spineText) drawSpine(doc, drawing, geometry.spineText)
  drawBack(doc, drawing)

  if (press.pdfx) addOutputIntent(doc, press.pdfx)
  if (press.pdfx?.version === 'PDF/X-4') doc.appendXML(pdfxXmp(press.pdfx, `${book.metadata.title}: cover`, modified.toISOString()))
  doc.end()
  return done
}

function pdfBox(box: Box, sheetHeight: number): number[] {
  return [box.x, sheetHeight - box.y - box.height, box.x + box.width, sheetHeight - box.y]
}

/**
 * The front: the manuscript's picture filling the front and its bleed, or
 * the EPUB's cover design centred on the front (its ground is white, as the
 * paper is).
 */
function drawFront(doc: PDFKit.PDFDocument, { geometry, frontSvg, frontImage, theme, press, warn }: CoverDrawing): void {
  const { front, bleed } = geometry
  const area = { x: front.x, y: front.y - bleed, width: front.width + bleed, height: front.height + 2 * bleed }
  const size = frontImage?.image
  if (frontImage && size) {
    // Scaled to cover the area, centred, cut at its edges; drawn as the interior's pictures are, in the press's colour.
    const scale = Math.max(area.width / size.width, area.height / size.height)
    const width = size.width * scale
    const height = size.height * scale
    const drawer = new ImageDrawer(doc, theme, [frontImage], warn ?? (() => {}), { colour: press.colour, transparency: press.transparency })
    doc.save()
    doc.rect(area.x, area.y, area.width, area.height).clip()
    drawer.draw({ kind: 'image', x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height, path: frontImage.path, mediaType: frontImage.mediaType, asset: frontImage.id, struct: 0 })
    doc.restore()
    return
  }
  const options: SVGtoPDF.Options = { width: front.width, height: front.height, assumePt: true, preserveAspectRatio: 'xMidYMid meet' }
  svgToPdfkit()(doc as unknown as Parameters<typeof SVGtoPDF>[0], frontSvg, front.x, front.y, options)
}

/** The spine: the title, then the authors, reading from top to bottom (as English-language books are lettered), centred across the spine. */
function drawSpine(doc: PDFKit.PDFDocument, { book, theme, byline }: CoverDrawing, box: Box): void {
  const title = resolveStyle(theme, 'title')
  const author = resolveStyle(theme, 'byline')
  const parts: Array<{ text: string; role: TextRole; font: string; colour: string }> = [{ text: book.metadata.title, role: 'title', font: title.font, colour: title.colour }]
  if (byline) parts.push({ text: byline, role: 'byline', font: author.font, colour: author.colour })
  // As large as the spine allows, at most the title's size in the book; smaller until the line fits the spine's length.
  const gap = theme.size * 2
  let size = Math.min(box.width * 0.7, title.size)
  const length = (at: number): number => parts.reduce((sum, part) => sum + doc.font(part.font).fontSize(at).widthOfString(part.text), 0) + gap * (parts.length - 1)
  while (size > 4 && length(size) > box.height) size *= 0.95
  doc.save()
  // Turned a quarter clockwise about the spine's top-left corner: the line runs down the spine.
  doc.translate(box.x + box.width, box.y)
  doc.rotate(90)
  const ascent = size * 0.7
  let x = (box.height - length(size)) / 2
  const baseline = box.width / 2 + ascent / 2
  for (const part of parts) {
    doc.font(part.font).fontSize(size).fillColor(part.colour)
    doc.text(part.text, x, baseline - size, { lineBreak: false, baseline: 'top' })
    x += doc.widthOfString(part.text) + gap
  }
  doc.restore()
}

/** The back: the book's description, in the text face, above the barcode's place, which stays clear. */
function drawBack(doc: PDFKit.PDFDocument, { book, theme, geometry }: CoverDrawing): void {
  const description = book.metadata.description
  if (!description) return
  const body = resolveStyle(theme, 'body')
  const { back, barcode } = geometry
  const width = back.width - 2 * backMargin
  const height = barcode.y - backMargin - (back.y + backMargin)
  doc.font(body.font).fontSize(body.size * 1.15).fillColor(body.colour)
  doc.text(description, back.x + backMargin, back.y + backMargin, { width, height, lineGap: body.leading * 1.15 - body.size * 1.15 * 1.2, align: 'left', ellipsis: true })
}
