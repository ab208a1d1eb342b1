/**
 * An EPUB entry whose bytes this process deflated before is copied from
 * then, not deflated again: the zip is the one a fresh compression gives, byte
 * for byte, whatever was kept.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import JSZip from 'jszip'
import { bytesKey } from '../../src/cache/recent.js'
import { keptEntry } from '../../src/epub/deflated-entries.js'
import { repack } from '../../src/epub/repack.js'

const date = new Date(Date.UTC(2024, 4, 1))
const names = ['META-INF/container.xml', 'OEBPS/content.opf', 'OEBPS/one.xhtml', 'OEBPS/two.xhtml', 'OEBPS/empty.css']

/** A zip as epub-gen-memory writes it (entries stored), holding `texts` under `names`. */
async function generated(texts: readonly string[]): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('mimetype', 'application/epub+zip')
  names.forEach((name, index) => zip.file(name, texts[index]!))
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' })
}

/** The final zip made directly, every entry deflated now: what `repack` must give. */
async function deflatedNow(texts: readonly string[]): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE', date, createFolders: false })
  names.forEach((name, index) => zip.file(name, new TextEncoder().encode(texts[index]!), { compression: 'DEFLATE', compressionOptions: { level: 9 }, date, createFolders: false }))
  return zip.generateAsync({ type: 'uint8array', platform: 'DOS' })
}

const chapter = (words: string): string => `<html><body>${`<p>${words}</p>`.repeat(200)}</body></html>`

test('a rebuild that changes one document copies the others as they were deflated, and gives the zip a fresh compression gives', async () => {
  const first = ['<container/>', '<package/>', chapter('The first chapter, as written.'), chapter('The second chapter.'), '']
  const options = { order: names, images: new Map<string, string>(), replace: new Map<string, Uint8Array>(), date }
  assert.deepEqual(await repack(await generated(first), options), await deflatedNow(first))

  const edited = [first[0]!, first[1]!, chapter('The first chapter, edited.'), first[3]!, first[4]!]
  const key = (text: string): string => bytesKey(new TextEncoder().encode(text), 'deflate-9')
  // What the rebuild will copy, and what it must deflate.
  assert.ok(keptEntry(key(first[3]!)) !== undefined, 'the unchanged chapter is kept')
  assert.equal(keptEntry(key(edited[2]!)), undefined, 'the edited chapter was never deflated')
  assert.deepEqual(await repack(await generated(edited), options), await deflatedNow(edited))
  assert.ok(keptEntry(key(edited[2]!)) !== undefined, 'the edited chapter is kept in its turn')
})
