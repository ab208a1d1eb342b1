/**
 * The chapter cache saves time and nothing else: a book loaded from it is the
 * book a fresh load gives, with the same messages in the same order and the
 * same pictures; a changed file, picture or program is never served stale; a
 * damaged entry is a miss; a failing load keeps nothing.
 */
import assert from 'node:assert/strict'
import { readdir, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { CacheStore } from '../../src/cache/store.js'
import { Diagnostics, formatMessage } from '../../src/diagnostics.js'
import { loadBook } from '../../src/load/index.js'
import type { Book } from '../../src/model/book.js'
import { manuscriptFolder } from './support.js'
import { tempDir } from '../support/tools.js'

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b494441547801630082ff0001040100ff07f5440000000049454e44ae426082', 'hex')

async function bookFolder(): Promise<string> {
  return manuscriptFolder({
    'book.yaml': 'title: Cached\nlang: en\n',
    '01-one.md': '# One\n\nA [link](02-two.md#two), a note[^a] and <span style="color: red">styled</span> raw HTML.\n\n![A picture](pictures/dot.png)\n\n[^a]: The note.\n',
    '02-two.md': '---\ntitle: Two\n---\n\n# Two\n\n{{#include part.txt}}\n\n[unused]: https://example.com\n\n[^never]: Never called.\n',
    'part.txt': 'Included text, with a [dead link](#nowhere).\n',
    'pictures/dot.png': png,
  })
}

interface Loaded {
  book: Book | undefined
  messages: string[]
}

async function load(folder: string, cache: CacheStore | undefined): Promise<Loaded> {
  const diag = new Diagnostics()
  try {
    // A fixed date: without one the book is dated at each load, and two loads may fall in different seconds.
    return { book: await loadBook(folder, diag, { cache, sourceDateEpoch: '1700000000' }), messages: diag.messages.map(formatMessage) }
  } catch {
    return { book: undefined, messages: diag.messages.map(formatMessage) }
  }
}

test('a book loaded from the cache is the book a fresh load gives, messages and pictures alike', async () => {
  const folder = await bookFolder()
  const fresh = await load(folder, undefined)
  assert.ok(fresh.book)
  assert.ok(fresh.messages.length >= 3, fresh.messages.join('\n'))
  const disk = await tempDir()
  const cache = new CacheStore({ folder: disk })
  const first = await load(folder, cache)
  const second = await load(folder, cache)
  // Another process, the same folder: from disk.
  const third = await load(folder, new CacheStore({ folder: disk }))
  for (const loaded of [first, second, third]) {
    assert.deepEqual(loaded.messages, fresh.messages)
    assert.equal(JSON.stringify(loaded.book), JSON.stringify(fresh.book))
  }
})

test('a changed chapter, picture or include is read again; the others come from the cache', async () => {
  const folder = await bookFolder()
  const cache = new CacheStore()
  await load(folder, cache)
  await writeFile(path.join(folder, 'part.txt'), 'Other included text.\n')
  const included = await load(folder, cache)
  assert.match(JSON.stringify(included.book), /Other included text/)
  // A picture replaced by something that is no picture: the cached chapter is not trusted, the load fails as a fresh one would.
  await writeFile(path.join(folder, 'pictures/dot.png'), 'not a picture at all, and longer than the PNG was')
  const broken = await load(folder, cache)
  assert.equal(broken.book, undefined)
  assert.match(broken.messages.at(-1)!, /01-one\.md:5:1: error: image pictures\/dot\.png is not a PNG file/)
  const fresh = await load(folder, undefined)
  assert.deepEqual(broken.messages, fresh.messages)
})

test('a picture touched but not changed in size is read again too', async () => {
  const folder = await bookFolder()
  const cache = new CacheStore()
  await load(folder, cache)
  const picture = path.join(folder, 'pictures/dot.png')
  // The same number of bytes, no longer a PNG: only the time it was written tells.
  await writeFile(picture, Buffer.alloc(png.length, 1))
  await utimes(picture, new Date(2001, 1, 1), new Date(2001, 1, 1))
  const changed = await load(folder, cache)
  assert.equal(changed.book, undefined, 'the damaged picture is found, not served from the cache')
})

test('a damaged entry on disk is a miss, and a failing load keeps nothing', async () => {
  const folder = await bookFolder()
  const disk = await tempDir()
  await load(folder, new CacheStore({ folder: disk }))
  const entries = await files(disk)
  assert.ok(entries.length >= 2)
  for (const entry of entries) await writeFile(entry, 'garbage')
  const fresh = await load(folder, undefined)
  const reloaded = await load(folder, new CacheStore({ folder: disk }))
  assert.deepEqual(reloaded.messages, fresh.messages)
  assert.equal(JSON.stringify(reloaded.book), JSON.stringify(fresh.book))

  const failing = await manuscriptFolder({ 'bad.md': '---\ntitle: [broken\n---\n\nText.\n' })
  const empty = await tempDir()
  await load(path.join(failing, 'bad.md'), new CacheStore({ folder: empty }))
  assert.deepEqual(await files(empty), [])
})

async function files(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
}
