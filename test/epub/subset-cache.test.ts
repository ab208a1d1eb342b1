/**
 * The EPUB's font subsets kept between builds (`src/epub/subset-cache.ts`):
 * the cache changes no byte of the edition, whether cold, warm or off, and an
 * entry that is damaged, cut short, foreign or of another key is passed over
 * and written anew, never used.
 */
import assert from 'node:assert/strict'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import { SubsetCache } from '../../src/epub/subset-cache.js'
import { build } from '../../src/pipeline.js'
import { defaultTheme } from '../../src/theme/index.js'
import { tempDir } from '../support/tools.js'
import { CacheStore } from '../../src/cache/store.js'

/** Text faces, code, a character the text face lacks (so a fallback face is subset to it), and Chinese. */
const manuscript = '---\ntitle: Cached\nlang: en\n---\n\n# Fonts\n\nRoman, *italic*, **bold**, ***both***, `code`, an arrow ⇒ and 中文.\n'

async function epubOf(folder: string, name: string, cache: string | false): Promise<Buffer> {
  const out = path.join(folder, name)
  await build(path.join(folder, 'cached.md'), { outDir: out, formats: ['epub'], theme: defaultTheme, page: 'a5', sourceDateEpoch: '1700000000', cache: cache === false ? undefined : new CacheStore({ folder: cache }) }, new Diagnostics())
  return readFile(path.join(out, 'cached.epub'))
}

test('the cache changes no byte: built without it, with it empty, and with it filled, the EPUB is the same', async () => {
  const folder = await tempDir('octavo-subset-cache-')
  await writeFile(path.join(folder, 'cached.md'), manuscript)
  const cache = path.join(folder, 'cache')
  const without = await epubOf(folder, 'without', false)
  const cold = await epubOf(folder, 'cold', cache)
  const entries = await readdir(path.join(cache, 'subsets'))
  // The text faces and the code face (5), DejaVu Sans for the arrow (4 files), Noto Sans SC for the Chinese (2): no
  // emoji, Arabic, Hebrew or Korean face, which no character of the book needs.
  assert.equal(entries.length, 11, 'one subset for each font file the EPUB carries')
  const warm = await epubOf(folder, 'warm', cache)
  assert.ok(cold.equals(without), 'a cold cache gives the same EPUB as none')
  assert.ok(warm.equals(without), 'a warm one too')
})

test('a damaged, cut, foreign or empty entry, and an unreadable list of font hashes, are passed over and written anew', async () => {
  const folder = await tempDir('octavo-subset-cache-')
  await writeFile(path.join(folder, 'cached.md'), manuscript)
  const cache = path.join(folder, 'cache')
  const expected = await epubOf(folder, 'first', cache)
  const subsets = path.join(cache, 'subsets')
  const names = (await readdir(subsets)).sort()
  const good = new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(subsets, name))] as const)))
  const [damaged, cut, foreign, empty] = names as [string, string, string, string]
  const flipped = Buffer.from(good.get(damaged)!)
  flipped[flipped.length - 1]! ^= 0xff
  await writeFile(path.join(subsets, damaged), flipped)
  await writeFile(path.join(subsets, cut), good.get(cut)!.subarray(0, good.get(cut)!.length >> 1))
  // A whole, valid entry of another key under this key's name: its key does not match.
  await writeFile(path.join(subsets, foreign), good.get(names[4]!)!)
  await writeFile(path.join(subsets, empty), '')
  await writeFile(path.join(cache, 'fonts.json'), '{"version": 1, "files": {"x": ')

  const again = await epubOf(folder, 'again', cache)
  assert.ok(again.equals(expected), 'the EPUB is the one built before')
  for (const name of [damaged, cut, foreign, empty]) assert.ok((await readFile(path.join(subsets, name))).equals(good.get(name)!), `${name} is written anew`)
  const hashes = JSON.parse(await readFile(path.join(cache, 'fonts.json'), 'utf8')) as { files: Record<string, { sha256: string }> }
  assert.equal(Object.keys(hashes.files).length, 11, 'the font hashes are written anew')
})

test('an entry is found only by its own key: the font, the characters and the options each make another', async () => {
  const folder = await tempDir('octavo-subset-cache-')
  const cache = new SubsetCache(folder)
  const options = { targetFormat: 'sfnt' }
  const key = cache.key(defaultTheme.fonts.text, ' ab', options)
  const others = [cache.key(defaultTheme.fonts.textItalic, ' ab', options), cache.key(defaultTheme.fonts.text, ' abc', options), cache.key(defaultTheme.fonts.text, ' ab', { targetFormat: 'woff2' })]
  assert.equal(new Set([key, ...others]).size, 4)
  assert.equal(cache.key(defaultTheme.fonts.text, ' ab', options), key, 'the same request, the same key')
  assert.equal(cache.read(key), undefined, 'nothing is found in an empty cache')
})
