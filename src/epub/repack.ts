import JSZip from 'jszip'
import { bytesKey } from '../cache/recent.js'
import { keepEntries, keptEntry } from './deflated-entries.js'

export interface RepackOptions {
  /** Entries after `mimetype`, in the order the final zip lists them. */
  order: readonly string[]
  /** Manifest id → final href (relative to OEBPS/) of each image epub-gen-memory named at random. */
  images: ReadonlyMap<string, string>
  /** Entries added, or whose bytes are replaced (the fonts). */
  replace: ReadonlyMap<string, Uint8Array>
  /** The date every entry carries. */
  date: Date
}

const opfPath = 'OEBPS/content.opf'
/** Every entry but `mimetype` is deflated at the highest level. */
const deflateLevel = 9

/**
 * Post-process epub-gen-memory's zip into the final EPUB: give the images it
 * named at random their stable names, put in the (subset) fonts, and write every
 * entry in a fixed order with a fixed date, `mimetype` first and stored, so
 * that two builds of one manuscript are byte-identical.
 */
export async function repack(generated: Uint8Array, options: RepackOptions): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(generated)
  const contents = new Map<string, Uint8Array>()
  for (const entry of Object.values(source.files)) {
    if (!entry.dir) contents.set(entry.name, await entry.async('uint8array'))
  }

  let opf = new TextDecoder().decode(contents.get(opfPath))
  for (const [id, href] of options.images) {
    const item = new RegExp(`<item id="${escapeRegExp(id)}" href="(images/[^"]+)"`).exec(opf)
    const current = item?.[1]
    const bytes = current === undefined ? undefined : contents.get(`OEBPS/${current}`)
    if (current === undefined || bytes === undefined) throw new Error(`epub-gen-memory wrote no image for manifest item ${id}`)
    contents.delete(`OEBPS/${current}`)
    contents.set(`OEBPS/${href}`, bytes)
    opf = opf.replace(`<item id="${id}" href="${current}"`, `<item id="${id}" href="${href}"`)
  }
  contents.set(opfPath, new TextEncoder().encode(opf))
  for (const [name, bytes] of options.replace) contents.set(name, bytes)

  const zip = new JSZip()
  const date = options.date
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE', date, createFolders: false })
  // Each entry deflated at the highest level, or as it was when these bytes were last deflated so (see `deflated-entries.ts`).
  const keys = new Map<string, string>()
  for (const name of options.order) {
    const bytes = contents.get(name)
    if (bytes === undefined) throw new Error(`the EPUB lacks ${name}`)
    const key = bytesKey(bytes, `deflate-${deflateLevel}`)
    keys.set(name, key)
    zip.file(name, keptEntry(key) ?? bytes, { compression: 'DEFLATE', compressionOptions: { level: deflateLevel }, date, createFolders: false })
    contents.delete(name)
  }
  contents.delete('mimetype')
  if (contents.size > 0) throw new Error(`unexpected files in the EPUB: ${[...contents.keys()].join(', ')}`)
  const epub = await zip.generateAsync({ type: 'uint8array', platform: 'DOS' })
  await keepEntries(epub, keys)
  return epub
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
