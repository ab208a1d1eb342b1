/**
 * The pixel size of a PNG or JPEG, read from its header, so that layout can
 * place an image without decoding it (only render hands images to pdfkit).
 */
import { readFileSync } from 'node:fs'

export interface ImageSize {
  width: number
  height: number
}

export function imageSize(path: string): ImageSize | undefined {
  const data = readFileSync(path)
  // PNG: the IHDR chunk follows the 8-byte signature.
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
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
