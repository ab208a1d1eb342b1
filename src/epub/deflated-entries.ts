/**
 * Entries of the EPUB's zip as this process last compressed them, found by
 * their bytes. A rebuild after an edit (`--watch`, the preview, the library)
 * changes a few documents; the others, the fonts and the pictures come out
 * byte for byte as before, and deflating them again at the highest level is
 * most of the time the zip takes. JSZip copies an entry it is given
 * compressed into the zip as it is, so a kept entry gives the bytes a fresh
 * compression would.
 */
import JSZip from 'jszip'
import CompressedObject from 'jszip/lib/compressedObject.js'
import { RecentValues } from '../cache/recent.js'

const kept = new RecentValues<CompressedObject>(64 * 1024 * 1024, (entry) => entry.compressedSize)

/** What `JSZip.file` takes as an entry's content. */
type EntryContent = Parameters<JSZip['file']>[1]

/**
 * The entry kept under `key`, undefined when none is. It is handed to
 * `JSZip.file` as content: JSZip takes its own compressed objects there,
 * though its types do not say so.
 */
export function keptEntry(key: string): EntryContent | undefined {
  return kept.get(key) as unknown as EntryContent | undefined
}

/**
 * Keep the entries of a zip just written, under the keys of their bytes
 * (`keys`: entry name → `bytesKey` of its bytes and compression); an entry that is kept already is left as it is.
 */
export async function keepEntries(zipBytes: Uint8Array, keys: ReadonlyMap<string, string>): Promise<void> {
  const written = await JSZip.loadAsync(zipBytes)
  for (const [name, key] of keys) {
    if (kept.has(key)) continue
    const data = (written.files[name] as unknown as { _data?: unknown } | undefined)?._data
    if (!(data instanceof CompressedObject)) continue
    // A copy: a view would keep the whole zip alive.
    kept.set(key, new CompressedObject(data.compressedSize, data.uncompressedSize, data.crc32, data.compression, data.compressedContent.slice()))
  }
}
