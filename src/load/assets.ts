import { isInside } from '../inside-folder.js'
import { readFileSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Diagnostics } from '../diagnostics.js'
import type { Asset, Place } from '../model/book.js'
import type { ImageResolution, ImageSource } from '../parse/types.js'
import { decode } from '../transform/web-address.js'
import { decodeImage } from './decode-image.js'
import { describeError } from './read-source.js'

const MEDIA_TYPES: Record<string, Asset['mediaType']> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
}

/** One call of `AssetRegistry.resolve`, as plain data. */
export interface ImageCall {
  url: string
  chapterPath: string
  place: Place
  noun: string
}

/**
 * The images of one book: resolves each image URL of a chapter file to an
 * asset inside the manuscript's folder, once per file on disk.
 *
 * Nothing outside the folder is ever read: an absolute path, a `../` that
 * climbs out, or a symbolic link that leads out fails before any byte is
 * read. Nothing remote is ever fetched. Each file is read and decoded once,
 * here (see `decode-image.ts`): a damaged one is refused at the place that
 * names it. A refusal is told as an error and reading goes on, so that one
 * run names every image at fault; the build stops once the book is read.
 */
export class AssetRegistry {
  readonly assets: Asset[] = []
  private readonly root: string
  private readonly realRoot: string
  /** Each file read, by its real path: its asset, or why it was refused (told again wherever it is named). */
  private readonly byPath = new Map<string, { asset?: Asset; fault?: string }>()
  private readonly ids = new Set<string>()
  private readonly diag: Diagnostics
  private readonly listeners = new Set<(call: ImageCall, asset: Asset | undefined) => void>()

  /** `root` is the manuscript's folder: the book folder, or the folder of a single `.md` file. */
  constructor(root: string, diag: Diagnostics) {
    this.root = path.resolve(root)
    this.realRoot = realpathSync(this.root)
    this.diag = diag
  }

  /** An `ImageSource` for images written in `chapterPath` (an absolute path). */
  sourceFor(chapterPath: string): ImageSource {
    return { resolve: (url, place) => this.resolve(url, chapterPath, place) }
  }

  /**
   * The asset of an image URL written in the file at `chapterPath`. `noun`
   * names the image in messages (`image`, `cover image`).
   */
  resolve(url: string, chapterPath: string, place: Place, noun = 'image'): ImageResolution {
    const resolution = this.resolveImage(url, chapterPath, place, noun)
    if (this.listeners.size > 0) {
      const asset = resolution.kind === 'asset' ? this.assets.find((entry) => entry.id === resolution.id) : undefined
      for (const listener of this.listeners) listener({ url, chapterPath, place, noun }, asset)
    }
    return resolution
  }

  /** Be told of every image resolved from now on, and the asset it gave (to resolve it again later); returns how to stop. */
  listen(listener: (call: ImageCall, asset: Asset | undefined) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private resolveImage(url: string, chapterPath: string, place: Place, noun: string): ImageResolution {
    const refuse = (reason: string): ImageResolution => {
      this.diag.error(reason, place, 'image')
      return { kind: 'refused' }
    }
    const target = url.trim()
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(target)?.[1]?.toLowerCase()
    // A one-letter "scheme" is a Windows drive (C:\…): an absolute path.
    if ((scheme !== undefined && scheme !== 'file' && scheme.length > 1) || target.startsWith('//')) {
      return { kind: 'remote' }
    }
    const written = decode(target.replace(/^file:(\/\/[^/]*)?/i, '').replace(/[?#].*$/, ''))
    if (written === '') return refuse(`${noun} has no file name`)
    if (scheme !== undefined || path.isAbsolute(written) || path.win32.isAbsolute(written)) {
      return refuse(`${noun} ${written} is outside the manuscript's folder (absolute paths are not allowed)`)
    }

    const resolved = path.resolve(path.dirname(chapterPath), written)
    if (!isInside(this.root, resolved)) return refuse(`${noun} ${written} is outside the manuscript's folder`)
    let real: string
    try {
      if (!statSync(resolved).isFile()) return refuse(`${noun} ${written} is not a file`)
      real = realpathSync(resolved)
    } catch (error) {
      return refuse(`${noun} file not found: ${written} (${describeError(error)})`)
    }
    // A symbolic link inside the folder may still point out of it.
    if (!isInside(this.realRoot, real)) return refuse(`${noun} ${written} leads outside the manuscript's folder`)

    const known = this.byPath.get(real)
    if (known) return known.asset ? { kind: 'asset', id: known.asset.id } : refuse(known.fault!)

    const extension = path.extname(real).toLowerCase()
    const mediaType = MEDIA_TYPES[extension]
    if (!mediaType) return refuse(`${noun} ${written}: only PNG, JPEG, GIF and SVG images can be published`)
    const fault = (reason: string): ImageResolution => {
      this.byPath.set(real, { fault: reason })
      return refuse(reason)
    }
    let bytes: Uint8Array
    try {
      bytes = readFileSync(real)
    } catch (error) {
      return fault(`${noun} ${written} cannot be read (${describeError(error)})`)
    }
    const kind = mediaType.slice('image/'.length).replace('+xml', '').toUpperCase()
    if (!hasSignature(bytes, mediaType)) return fault(`${noun} ${written} is not a ${kind} file`)
    const decoded = decodeImage(bytes, mediaType)
    if (!decoded.ok) return fault(`${noun} ${written} is a damaged ${kind} file: ${decoded.reason}; export it again from the program that made it`)

    const asset: Asset = { id: this.uniqueId(path.relative(this.realRoot, real), extension), path: real, mediaType, image: decoded.image }
    this.byPath.set(real, { asset })
    this.assets.push(asset)
    return { kind: 'asset', id: asset.id }
  }

  /** `img-` plus the slug of the path inside the folder, keeping the extension: a valid file name and XML id. */
  private uniqueId(relative: string, extension: string): string {
    const stem = relative
      .slice(0, relative.length - extension.length)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
    const base = `img-${stem || 'image'}`
    let id = `${base}${extension}`
    for (let repeat = 2; this.ids.has(id); repeat++) id = `${base}-${repeat}${extension}`
    this.ids.add(id)
    return id
  }
}


/** Whether a file's first bytes are what its name says: both editions would break on a file that is not. */
function hasSignature(head: Uint8Array, mediaType: Asset['mediaType']): boolean {
  switch (mediaType) {
    case 'image/png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    case 'image/jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff])
    case 'image/gif':
      return startsWith(head, [0x47, 0x49, 0x46, 0x38])
    case 'image/svg+xml':
      return /^(\uFEFF)?\s*</.test(Buffer.from(head.subarray(0, 512)).toString('utf8'))
  }
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte)
}
