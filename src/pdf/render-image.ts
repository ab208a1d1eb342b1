/**
 * Part of render: images drawn into the pdfkit document. PNG and JPEG go to
 * pdfkit as files; a GIF as its first frame, written as a PNG; an SVG as
 * vectors (through svg-to-pdfkit), its text set in the theme's faces.
 *
 * An SVG is drawn with nothing from outside it: pictures it embeds are read
 * only from `data:` addresses (never a file, never the network), and it may
 * not refer to other documents.
 */
import { readFileSync } from 'node:fs'
import type SVGtoPDF from 'svg-to-pdfkit'
import { svgToPdfkit } from '../lazy.js'
import type { Place } from '../model/book.js'
import type { Theme } from '../theme/index.js'
import { fontKey, themeFace } from '../theme/index.js'
import type { FrameImage } from './frame.js'
import { gifFirstFrameAsPng } from './gif.js'
import { fallbackKey } from './style.js'
import type { FaceKey } from './style.js'

export type Warn = (reason: string, place?: Place) => void

/** An image pdfkit has opened (its `openImage`), which `image()` also takes. */
type OpenedImage = object

export class ImageDrawer {
  /** GIFs converted once, however often they are drawn (pdfkit keeps PNG and JPEG files by path itself). */
  private readonly converted = new Map<string, OpenedImage>()
  private readonly warned = new Set<string>()

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly theme: Theme,
    private readonly warn: Warn,
  ) {}

  draw(item: FrameImage): void {
    const { doc } = this
    const box = { width: item.width, height: item.height }
    switch (item.mediaType) {
      case 'image/svg+xml':
        this.drawSvg(item)
        return
      case 'image/gif': {
        let image = this.converted.get(item.path)
        if (!image) {
          image = (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(gifFirstFrameAsPng(readFileSync(item.path)))
          this.converted.set(item.path, image)
        }
        doc.image(image as unknown as PDFKit.Mixins.ImageSrc, item.x, item.y, box)
        return
      }
      default:
        doc.image(item.path, item.x, item.y, box)
    }
  }

  private drawSvg(item: FrameImage): void {
    const warn = (warning: string): void => {
      const key = `${item.path}\n${warning}`
      if (this.warned.has(key)) return
      this.warned.add(key)
      this.warn(`SVG image \`${item.asset}\`: ${warning}`, item.place)
    }
    const options: SVGtoPDF.Options = {
      width: item.width,
      height: item.height,
      // The drawing's own units scaled to the box layout chose, keeping its proportions.
      assumePt: true,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: (family, bold, italic) => svgFace(family, bold, italic, this.theme),
      imageCallback: (link) => {
        if (/^data:image\/(png|jpe?g);base64,/i.test(link.trim())) return link.replace(/\s+/g, '')
        warn(`a picture it refers to (${link.slice(0, 60)}) is not drawn: an SVG may only embed pictures as data: addresses`)
        return ''
      },
      // A picture refused above is reported once, by the refusal.
      warningCallback: (warning) => {
        if (!warning.includes('failed to open image ""')) warn(warning)
      },
    }
    // svg-to-pdfkit is loaded by the first SVG drawn (see `lazy.ts`).
    svgToPdfkit()(this.doc as unknown as Parameters<typeof SVGtoPDF>[0], readFileSync(item.path, 'utf8'), item.x, item.y, options)
  }
}

/**
 * The face for an SVG's text: the first family of its `font-family` list
 * that the theme has (its text or code face, by family name or generic
 * name, or one of its fallback faces), in the weight and style asked; the
 * text face otherwise, so that every glyph drawn is embedded.
 */
export function svgFace(family: string, bold: boolean, italic: boolean, theme: Theme): FaceKey {
  const names = family.split(',').map((name) => name.trim().replace(/^["']|["']$/g, '').toLowerCase())
  for (const name of names) {
    if (name === theme.fonts.mono.family.toLowerCase() || name === theme.generic.mono) return 'mono'
    if (name === theme.fonts.text.family.toLowerCase() || name === theme.generic.text) return fontKey('text', bold, italic)
    if (name === theme.fonts.heading.family.toLowerCase() || name === theme.generic.heading) return themeFace(theme, 'heading', bold, italic)
    const faces = theme.fallbacks.map((file, index) => ({ file, index })).filter(({ file }) => file.family.toLowerCase() === name)
    const exact = faces.find(({ file }) => (file.weight === 700) === bold && (file.style === 'italic') === italic)
    const chosen = exact ?? faces[0]
    if (chosen) return fallbackKey(chosen.index)
  }
  return fontKey('text', bold, italic)
}
