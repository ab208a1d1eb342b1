import { readFileSync } from 'node:fs'
import { decodeImage } from '../../src/load/decode-image.js'
import type { Asset } from '../../src/model/book.js'

/** An asset for a book built by hand, its file read and decoded as the loader does (a damaged file is a mistake in the test). */
export function imageAsset(id: string, path: string, mediaType: Asset['mediaType']): Asset {
  const decoded = decodeImage(readFileSync(path), mediaType)
  if (!decoded.ok) throw new Error(`${path}: ${decoded.reason}`)
  return { id, path, mediaType, image: decoded.image }
}
