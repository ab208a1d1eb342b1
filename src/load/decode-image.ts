/**
 * An image file read once, while the book is loaded: checked whole, so that a
 * damaged picture is the manuscript's fault with its place rather than a
 * failure halfway through drawing the PDF, and measured, so that neither
 * edition reads it again.
 *
 * A PNG is read whole (its chunks, their checksums, its inflated rows); a
 * GIF's first frame is decoded and kept as the PNG print shows; a JPEG, which
 * the PDF embeds as it is, is walked marker by marker to its end; an SVG is
 * read to its root element. Sizes: a pixel counts as a point, as pdfkit places
 * it; an SVG's user unit (`px`, or no unit) counts as a pixel too, so that a
 * drawing and a picture of the same pixel size print the same size; its
 * absolute units (`pt`, `mm`, `cm`, `in`, `pc`) are what they say.
 */
import { crc32, inflateSync } from 'node:zlib'
import { gifReader } from '../lazy.js'
import type { Asset, DecodedImage } from '../model/book.js'
import { assertNever } from '../model/walk.js'
import { gifFirstFrameAsPng } from './gif-frame.js'

/** The image, or why it cannot be published (a phrase to follow "is damaged: "). */
export type Decoded = { ok: true; image: DecodedImage } | { ok: false; reason: string }

export function decodeImage(bytes: Uint8Array, mediaType: Asset['mediaType']): Decoded {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  switch (mediaType) {
    case 'image/png':
      return decodePng(data)
    case 'image/jpeg':
      return readJpeg(data)
    case 'image/gif':
      return decodeGif(data)
    case 'image/svg+xml':
      return readSvg(data)
    default:
      return assertNever(mediaType)
  }
}

const damaged = (reason: string): Decoded => ({ ok: false, reason })

function raster(width: number, height: number, extra: Partial<DecodedImage> = {}): Decoded {
  if (!(width > 0 && height > 0)) return damaged('it says it is 0 pixels wide or tall')
  return { ok: true, image: { width, height, pixels: { width, height }, ...extra } }
}

/**
 * A PNG's chunks walked (lengths and checksums), then its picture data
 * inflated and measured against what its header promises, row filters
 * included. The rows are not unfiltered into pixels: what the PDF embeds is
 * the compressed data itself (pdfkit inflates it again only to split an alpha
 * channel off), and unfiltering in JavaScript costs seconds on a large picture.
 */
function decodePng(data: Buffer): Decoded {
  let at = 8
  let ended = false
  let header: Buffer | undefined
  const pictureData: Buffer[] = []
  while (at < data.length) {
    if (at + 12 > data.length) return damaged('the file ends in the middle of a chunk (it was cut short)')
    const length = data.readUInt32BE(at)
    const type = data.toString('latin1', at + 4, at + 8)
    if (at + 12 + length > data.length) return damaged(`the file ends inside its ${type} chunk (it was cut short)`)
    if (crc32(data.subarray(at + 4, at + 8 + length)) !== data.readUInt32BE(at + 8 + length)) return damaged(`its ${type} chunk fails its checksum`)
    const body = data.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') header = body
    if (type === 'IDAT') pictureData.push(body)
    at += 12 + length
    if (type === 'IEND') {
      ended = true
      break
    }
  }
  if (!header || header.length !== 13) return damaged('its header chunk is missing')
  if (pictureData.length === 0) return damaged('it holds no picture data (it was cut short)')
  if (!ended) return damaged('the file ends before its end chunk (it was cut short)')
  const width = header.readUInt32BE(0)
  const height = header.readUInt32BE(4)
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[header[9]!]
  const depth = header[8]!
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(depth)) return damaged('its header names no colour type and depth PNG has')
  const expected = rawSize(width, height, channels * depth, header[12] === 1)
  let raw: Buffer
  try {
    raw = inflateSync(Buffer.concat(pictureData))
  } catch (error) {
    return damaged(`its picture data cannot be decompressed (${error instanceof Error ? error.message : String(error)})`)
  }
  if (raw.length < expected) return damaged(`its picture data stops short: ${raw.length} bytes of the ${expected} its size needs`)
  if (header[12] !== 1) {
    const stride = expected / height
    for (let row = 0; row < height; row++) if (raw[row * stride]! > 4) return damaged(`row ${row + 1} of its picture names no PNG filter`)
  }
  return raster(width, height)
}

/** Adam7's passes: where each starts and how far it steps, across and down. */
const adam7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

/** The bytes of a PNG's picture data once inflated: each row its filter byte and its pixels, each pass of an interlaced picture in turn. */
function rawSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (across: number, down: number): number => (across === 0 || down === 0 ? 0 : down * (1 + Math.ceil((across * bitsPerPixel) / 8)))
  if (!interlaced) return rows(width, height)
  let size = 0
  for (const [x, y, stepX, stepY] of adam7) size += rows(width > x ? Math.ceil((width - x) / stepX) : 0, height > y ? Math.ceil((height - y) / stepY) : 0)
  return size
}

/**
 * A JPEG walked from marker to marker to its frame header, its scan and the
 * end marker after it: a file cut short has no end marker (inside the scan,
 * 0xFF is always followed by 0x00 or a restart marker, so 0xFFD9 is the end).
 */
function readJpeg(data: Buffer): Decoded {
  let at = 2
  let size: { width: number; height: number } | undefined
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return damaged('a marker is missing where one should be')
    const marker = data[at + 1]!
    if (marker === 0xff) {
      at += 1
      continue
    }
    const length = data.readUInt16BE(at + 2)
    if (at + 2 + length > data.length) return damaged('the file ends inside a header (it was cut short)')
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 7) return damaged('its frame header is too short')
      size = { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) }
    }
    if (marker === 0xda) {
      if (!size) return damaged('its picture data comes before its frame header')
      const end = data.indexOf(Buffer.from([0xff, 0xd9]), at + 2 + length)
      if (end === -1) return damaged('the file ends before its end marker (it was cut short)')
      return raster(size.width, size.height)
    }
    at += 2 + length
  }
  return damaged('the file ends before its picture data (it was cut short)')
}

/** A GIF's first frame decoded, kept as the PNG print shows. */
function decodeGif(data: Buffer): Decoded {
  let frame: Buffer
  let width: number
  let height: number
  try {
    // The decoders are loaded by the first GIF (see `lazy.ts`).
    const reader = new (gifReader())(data)
    if (reader.numFrames() === 0) return damaged('it holds no frame')
    width = reader.width
    height = reader.height
    frame = gifFirstFrameAsPng(data)
  } catch (error) {
    return damaged(`its first frame cannot be decoded (${error instanceof Error ? error.message : String(error)})`)
  }
  return raster(width, height, { firstFrame: new Uint8Array(frame) })
}

function readSvg(data: Buffer): Decoded {
  const size = svgSize(data.toString('utf8'))
  if (!size) return damaged('it has no <svg> element')
  if (!(size.width > 0 && size.height > 0 && Number.isFinite(size.width) && Number.isFinite(size.height))) return damaged('its width or height is not a size')
  return { ok: true, image: size }
}

/** Points per unit of SVG length; a user unit counts as a pixel, a pixel as a point (see above). */
const svgUnits: Readonly<Record<string, number>> = { '': 1, px: 1, pt: 1, pc: 12, in: 72, cm: 72 / 2.54, mm: 72 / 25.4 }
/** The size CSS gives a replaced element that says nothing of its own. */
const defaultSvgSize = { width: 300, height: 150 }

/**
 * An SVG's size from its root element: `width` and `height` when they are
 * absolute lengths; what is missing (or a percentage) from the `viewBox`'s
 * proportions; the CSS default when neither says.
 */
export function svgSize(text: string): { width: number; height: number } | undefined {
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
