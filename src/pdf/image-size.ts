/**
 * The size of an image in points, read from its header (or, for SVG, its
 * root element), so that layout can place an image without decoding it (only
 * render draws images). A pixel of a raster image counts as a point, as pdfkit
 * places it; an SVG's user unit (`px`, or no unit) counts as a pixel too, so
 * that a drawing and a picture of the same pixel size print the same size;
 * its absolute units (`pt`, `mm`, `cm`, `in`, `pc`) are what they say.
 */
import { readFileSync } from 'node:fs'
import type { Asset, ImageLength } from '../model/book.js'

export interface ImageSize {
  width: number
  height: number
}

/**
 * The scale the manuscript asks of an image (raw HTML's `width`, else its
 * `height`): a pixel counts as a point, as the image's own pixels do, and a
 * percentage is of `measure`. 1, the image's own size, when it asks nothing.
 */
export function askedScale(hint: { width?: ImageLength; height?: number }, size: ImageSize, measure: number): number {
  if (hint.width) return hint.width.unit === '%' ? (measure * hint.width.value) / 100 / size.width : hint.width.value / size.width
  if (hint.height !== undefined) return hint.height / size.height
  return 1
}

/** The size of an asset, or `undefined` when its file does not say (not the format it claims, or damaged). */
export function imageSize(path: string, mediaType: Asset['mediaType'] = 'image/png'): ImageSize | undefined {
  const data = readFileSync(path)
  const size = mediaType === 'image/svg+xml' ? svgSize(data.toString('utf8')) : rasterSize(data)
  return size && size.width > 0 && size.height > 0 && Number.isFinite(size.width) && Number.isFinite(size.height) ? size : undefined
}

function rasterSize(data: Buffer): ImageSize | undefined {
  // PNG: the IHDR chunk follows the 8-byte signature.
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
  }
  // GIF: the logical screen's size follows the 6-byte signature, little-endian.
  if (data.length >= 10 && data.toString('latin1', 0, 6).match(/^GIF8[79]a$/)) {
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) }
  }
  // JPEG: walk the segments to the first start-of-frame marker.
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let at = 2
    while (at + 9 < data.length) {
      if (data[at] !== 0xff) return undefined
      const marker = data[at + 1]!
      const length = data.readUInt16BE(at + 2)
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
      if (isFrame) return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) }
      at += 2 + length
    }
  }
  return undefined
}

/** Points per unit of SVG length; a user unit counts as a pixel, a pixel as a point (see above). */
const svgUnits: Readonly<Record<string, number>> = { '': 1, px: 1, pt: 1, pc: 12, in: 72, cm: 72 / 2.54, mm: 72 / 25.4 }
/** The size CSS gives a replaced element that says nothing of its own. */
const defaultSvgSize: ImageSize = { width: 300, height: 150 }

/**
 * An SVG's size from its root element: `width` and `height` when they are
 * absolute lengths; what is missing (or a percentage) from the `viewBox`'s
 * proportions; the CSS default when neither says.
 */
export function svgSize(text: string): ImageSize | undefined {
  const root = /<svg\b([^>]*)>/i.exec(text)
  if (!root) return undefined
  const attributes = root[1]!
  const attribute = (name: string): string | undefined => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes)?.slice(1).find((value) => value !== undefined)
  const length = (name: string): number | undefined => {
    const match = /^\s*([+]?\d*\.?\d+(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i.exec(attribute(name) ?? '')
    const unit = svgUnits[match?.[2]?.toLowerCase() ?? 'none']
    return match && unit !== undefined ? Number(match[1]) * unit : undefined
  }
  const box = (attribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number)
  const ratio = box.length === 4 && box[2]! > 0 && box[3]! > 0 ? box[2]! / box[3]! : undefined
  let width = length('width')
  let height = length('height')
  if (width === undefined && height === undefined && ratio !== undefined) {
    width = box[2]!
    height = box[3]!
  }
  if (width === undefined) width = height !== undefined && ratio !== undefined ? height * ratio : defaultSvgSize.width
  if (height === undefined) height = ratio !== undefined ? width / ratio : defaultSvgSize.height
  return { width, height }
}
