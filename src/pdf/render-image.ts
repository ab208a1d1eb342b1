/**
 * Part of render: images drawn into the pdfkit document. PNG and JPEG go to
 * pdfkit as files; a GIF as the first frame the loader decoded and kept (see
 * `load/decode-image.ts`); an SVG as vectors (through svg-to-pdfkit), its
 * text set in the theme's faces.
 *
 * An SVG is drawn with nothing from outside it: pictures it embeds are read
 * only from `data:` addresses (never a file, never the network), and it may
 * not refer to other documents.
 */
import { readFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import type SVGtoPDF from 'svg-to-pdfkit'
import { jpegDecoder, pngWriter, svgToPdfkit } from '../lazy.js'
import type { Asset, Place } from '../model/book.js'
import type { Theme } from '../theme/index.js'
import { fontKey, themeFace } from '../theme/index.js'
import type { FrameImage } from './frame.js'
import { processColour } from './render-press.js'
import { fallbackKey } from './style.js'
import type { FaceKey } from './style.js'

export type Warn = (reason: string, place?: Place) => void

/** An image pdfkit has opened (its `openImage`), which `image()` also takes. */
type OpenedImage = object

/** How a press prints pictures: in process colour or as they are, with transparency or flattened on white. */
export interface ImagePress {
  colour: 'cmyk' | 'theme'
  transparency: boolean
}

/** A picture in process colour, written once as an image object. */
interface ProcessImage {
  label: string
  ref: unknown
}

export class ImageDrawer {
  /** GIFs opened once, however often they are drawn (pdfkit keeps PNG and JPEG files by path itself). */
  private readonly converted = new Map<string, OpenedImage>()
  private readonly assets: ReadonlyMap<string, Asset>
  private readonly processed = new Map<string, ProcessImage>()
  private readonly warned = new Set<string>()

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly theme: Theme,
    assets: readonly Asset[],
    private readonly warn: Warn,
    private readonly press?: ImagePress,
  ) {
    this.assets = new Map(assets.map((asset) => [asset.id, asset]))
  }

  /** The first frame of a GIF, as the loader kept it. */
  private firstFrame(item: FrameImage): Buffer {
    const frame = this.assets.get(item.asset)?.image.firstFrame
    if (!frame) throw new Error(`the GIF ${item.asset} was drawn without its decoded frame`)
    return Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength)
  }

  draw(item: FrameImage): void {
    const { doc } = this
    const box = { width: item.width, height: item.height }
    if (this.press && (this.press.colour === 'cmyk' || !this.press.transparency) && item.mediaType !== 'image/svg+xml') {
      this.drawProcess(item)
      return
    }
    switch (item.mediaType) {
      case 'image/svg+xml':
        this.drawSvg(item)
        return
      case 'image/gif': {
        let image = this.converted.get(item.path)
        if (!image) {
          image = (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(this.firstFrame(item))
          this.converted.set(item.path, image)
        }
        doc.image(image as unknown as PDFKit.Mixins.ImageSrc, item.x, item.y, box)
        return
      }
      default:
        doc.image(item.path, item.x, item.y, box)
    }
  }

  /**
   * A raster picture as a press prints it: flattened on white paper (no
   * transparency) and in CMYK (see `processColour`). A JPEG already in
   * greyscale or CMYK is written as it is; one in RGB is decoded and converted.
   */
  private drawProcess(item: FrameImage): void {
    const { doc } = this
    const bytes = item.mediaType === 'image/gif' ? this.firstFrame(item) : readFileSync(item.path)
    if (item.mediaType === 'image/jpeg' && jpegComponents(bytes) !== 3) {
      doc.image(item.path, item.x, item.y, { width: item.width, height: item.height })
      return
    }
    let image = this.processed.get(item.path)
    if (!image) {
      image = this.processImage(this.pixels(item, bytes))
      this.processed.set(item.path, image)
    }
    const page = doc.page as unknown as { xobjects: Record<string, unknown> }
    page.xobjects[image.label] ??= image.ref
    doc.save()
    doc.transform(item.width, 0, 0, -item.height, item.x, item.y + item.height)
    doc.addContent(`/${image.label} Do`)
    doc.restore()
  }

  /** A picture's pixels, four bytes each (red, green, blue, alpha). */
  private pixels(item: FrameImage, bytes: Buffer): { width: number; height: number; data: Uint8Array } {
    // The decoders are loaded by the first picture a press file converts (see `lazy.ts`).
    if (item.mediaType === 'image/jpeg') return jpegDecoder()(bytes, { useTArray: true, formatAsRGBA: true })
    return pngWriter().sync.read(bytes)
  }

  private processImage({ width, height, data }: { width: number; height: number; data: Uint8Array }): ProcessImage {
    const cmyk = Buffer.alloc(width * height * 4)
    const memo = new Map<number, number[]>()
    for (let pixel = 0; pixel < width * height; pixel++) {
      const alpha = data[pixel * 4 + 3]! / 255
      // Composited on white paper.
      const r = Math.round(data[pixel * 4]! * alpha + 255 * (1 - alpha))
      const g = Math.round(data[pixel * 4 + 1]! * alpha + 255 * (1 - alpha))
      const b = Math.round(data[pixel * 4 + 2]! * alpha + 255 * (1 - alpha))
      const key = (r << 16) | (g << 8) | b
      let channels = memo.get(key)
      if (!channels) {
        channels = processColour([r / 255, g / 255, b / 255])
        memo.set(key, channels)
      }
      for (let channel = 0; channel < 4; channel++) cmyk[pixel * 4 + channel] = Math.round(channels[channel]! * 255)
    }
    const doc = this.doc as unknown as { ref(data: Record<string, unknown>): { write(bytes: Buffer): void; end(): void } }
    const ref = doc.ref({ Type: 'XObject', Subtype: 'Image', Width: width, Height: height, ColorSpace: 'DeviceCMYK', BitsPerComponent: 8, Filter: 'FlateDecode' })
    // Already deflated here: pdfkit must not compress it again.
    ;(ref as unknown as { compress: boolean }).compress = false
    ref.write(deflateSync(cmyk))
    ref.end()
    return { label: `IP${this.processed.size + 1}`, ref }
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
    svgToPdfkit()(this.doc as unknown as Parameters<typeof SVGtoPDF>[0], item.svg ?? readFileSync(item.path, 'utf8'), item.x, item.y, options)
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

/** The number of colour components of a JPEG (from its frame header), or undefined if none is found. */
function jpegComponents(bytes: Buffer): number | undefined {
  let offset = 2
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined
    const marker = bytes[offset + 1]!
    const length = bytes.readUInt16BE(offset + 2)
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return bytes[offset + 9]
    offset += 2 + length
  }
  return undefined
}
