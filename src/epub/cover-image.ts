import { readFile } from 'node:fs/promises'
import type { Asset, Book } from '../model/book.js'
import type { Context } from './context.js'
import { coverSvg } from './cover.js'

/** The EPUB's cover image: the manuscript's own (`cover:` in the front matter), or one made from the theme. */
export interface CoverImage {
  id: 'cover-image'
  /** Name in the package, `cover.` and the extension epub-gen-memory derives from the media type. */
  fileName: string
  mediaType: Asset['mediaType']
  /** The manuscript's image, when it has one. */
  asset?: Asset
}

const extensions: Record<Asset['mediaType'], string> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
}

/** Which cover the book gets. A cover id with no asset behind it is a bug upstream: the made cover stands in. */
export function coverImageOf(book: Book): CoverImage {
  const asset = book.metadata.cover === undefined ? undefined : book.assets.find((candidate) => candidate.id === book.metadata.cover)
  if (asset) return { id: 'cover-image', fileName: `cover.${extensions[asset.mediaType]}`, mediaType: asset.mediaType, asset }
  return { id: 'cover-image', fileName: 'cover.svg', mediaType: 'image/svg+xml' }
}

/** The cover's bytes: the manuscript's file as it is, or the SVG made from the title and authors. */
export async function coverBytes(cover: CoverImage, context: Context): Promise<Uint8Array> {
  if (cover.asset) return new Uint8Array(await readFile(cover.asset.path))
  return new TextEncoder().encode(coverSvg(context))
}
