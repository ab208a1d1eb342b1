/**
 * A chapter's layout kept between builds saves time and nothing else: a
 * build from the cache, and a build after one paragraph is edited, give the
 * editions a clean build gives, byte for byte, with the same messages; the
 * chapters the edit did not reach come from the cache. A build of the EPUB
 * alone lays the print edition out without drawing it, and gives the EPUB a
 * build of both gives. Chapters set on threads are the chapters set in the
 * build's own thread. A session of rebuilds keeps the layouts as objects,
 * and sets from them the editions a clean build sets.
 */
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { CacheStore } from '../../src/cache/store.js'
import { Diagnostics, formatMessage } from '../../src/diagnostics.js'
import { bookLayoutKey, chapterLayoutKey, keptLayout } from '../../src/pdf/layout-cache.js'
import { build, type Format } from '../../src/pipeline.js'
import { defaultTheme, themes, type Theme } from '../../src/theme/index.js'
import { fixtures, manuscriptFolder } from '../load/support.js'
import { tempDir } from '../support/tools.js'

const prose = 'The printer sets the book a line at a time, and the reader turns its pages without a thought for the line breaks. '.repeat(12)

async function bookFolder(): Promise<string> {
  const png = await readFile(path.join(fixtures, 'images/diagram.png'))
  return manuscriptFolder({
    'book.yaml': 'title: Kept\nauthor: A. Writer\nlang: en\n',
    'SUMMARY.md': '# Summary\n\n[Foreword](foreword.md)\n\n# The first part\n\n- [One](one.md)\n  - [One, a section](one-a.md)\n- [Two](two.md)\n\n# The second part\n\n- [Three](three.md)\n',
    'foreword.md': `# Foreword\n\n${prose}\n\nSee [the second chapter](two.md#two) and [a missing one](two.md#nowhere).\n`,
    'one.md': `# One\n\n${prose}[^a]\n\n> [!NOTE]\n> ${prose}\n\n![A dot](dot.png)\n\n[^a]: A note of the first chapter.\n`,
    'one-a.md': `# One, a section\n\n| Name | Value |\n|---|---|\n${Array.from({ length: 60 }, (_, row) => `| row ${row} | ${row * 7} |`).join('\n')}\n\n${prose}\n`,
    'two.md': `# Two\n\nThe paragraph an edit changes.\n\n${prose}[^b]\n\n\`\`\`js\nconst kept = true\n\`\`\`\n\n[^b]: A note of the second chapter.\n`,
    'three.md': `# Three\n\n${prose}\n\n${prose}\n\nBack to [one](one.md).\n`,
    'dot.png': png,
  })
}

interface Built {
  pdf: Buffer
  epub: Buffer
  messages: string[]
  /** How each chapter was laid out, by index. */
  chapters: Map<number, 'set' | 'cache'>
}

async function publish(folder: string, cache: CacheStore | undefined, formats: readonly Format[] = ['epub', 'pdf'], threads = 1, theme: Theme = defaultTheme): Promise<Built> {
  const outDir = await tempDir()
  const diag = new Diagnostics()
  const chapters = new Map<number, 'set' | 'cache'>()
  await build(folder, { outDir, formats, theme, page: 'a5', sourceDateEpoch: '1700000000', cache, threads, onChapter: (chapter, from) => chapters.set(chapter, from) }, diag)
  const name = path.basename(folder)
  const read = (extension: string): Promise<Buffer> => (formats.includes(extension as Format) ? readFile(path.join(outDir, `${name}.${extension}`)) : Promise.resolve(Buffer.alloc(0)))
  return { pdf: await read('pdf'), epub: await read('epub'), messages: diag.messages.map(formatMessage), chapters }
}

function assertSameEditions(actual: Built, expected: Built): void {
  assert.ok(actual.pdf.equals(expected.pdf), 'the PDF differs')
  assert.ok(actual.epub.equals(expected.epub), 'the EPUB differs')
  assert.deepEqual(actual.messages, expected.messages)
}

test('a build from kept layouts, and one after an edit, are clean builds byte for byte; only the edited chapter is set again', async () => {
  const folder = await bookFolder()
  const clean = await publish(folder, undefined)
  assert.ok(clean.messages.some((message) => message.includes('nowhere')), clean.messages.join('\n'))
  assert.deepEqual([...clean.chapters.values()], ['set', 'set', 'set', 'set', 'set'])

  const disk = await tempDir()
  const first = await publish(folder, new CacheStore({ folder: disk }))
  assertSameEditions(first, clean)
  assert.deepEqual([...first.chapters.values()], ['set', 'set', 'set', 'set', 'set'])

  // Another process, the same folder: every chapter from the disk.
  const cache = new CacheStore({ folder: disk })
  const second = await publish(folder, cache)
  assertSameEditions(second, clean)
  assert.deepEqual([...second.chapters.values()], ['cache', 'cache', 'cache', 'cache', 'cache'])

  const two = path.join(folder, 'two.md')
  await writeFile(two, (await readFile(two, 'utf8')).replace('The paragraph an edit changes.', `The paragraph an edit changes, now longer. ${prose}`))
  const edited = await publish(folder, cache)
  const editedClean = await publish(folder, undefined)
  assertSameEditions(edited, editedClean)
  assert.ok(!edited.pdf.equals(clean.pdf), 'the edit changes the PDF')
  assert.deepEqual(
    [...edited.chapters.entries()].sort(([a], [b]) => a - b),
    [
      [0, 'cache'],
      [1, 'cache'],
      [2, 'cache'],
      [3, 'set'],
      [4, 'cache'],
    ],
  )
})

test('a build of the EPUB alone gives the EPUB a build of both gives', async () => {
  const folder = await bookFolder()
  const both = await publish(folder, undefined)
  const epub = await publish(folder, undefined, ['epub'])
  assert.ok(epub.epub.equals(both.epub), 'the EPUB differs')
  assert.equal(epub.chapters.size, 5)
})

test('chapters set on threads give the editions set in one thread, byte for byte, with the same messages, kept or not', async () => {
  const folder = await bookFolder()
  const one = await publish(folder, undefined)
  const threads = await publish(folder, undefined, ['epub', 'pdf'], 3)
  assertSameEditions(threads, one)
  const cache = new CacheStore()
  assertSameEditions(await publish(folder, cache, ['epub', 'pdf'], 2), one)
  const kept = await publish(folder, cache, ['epub', 'pdf'], 2)
  assertSameEditions(kept, one)
  assert.deepEqual([...kept.chapters.values()], ['cache', 'cache', 'cache', 'cache', 'cache'])
  assert.ok((await publish(folder, undefined, ['epub'], 2)).epub.equals(one.epub), 'the EPUB alone differs')
})

test('with a theme that numbers sections, a book renumbered is set as a clean build sets it; a chapter whose number changed is set again', async () => {
  const folder = await bookFolder()
  const manual = themes.manual!
  const cache = new CacheStore()
  await publish(folder, cache, ['pdf'], 1, manual)
  // "One, a section" leaves its chapter: "Two" keeps its place in the book and its depth, but is numbered 3 now, not 2.
  const summary = path.join(folder, 'SUMMARY.md')
  await writeFile(summary, (await readFile(summary, 'utf8')).replace('  - [One, a section]', '- [One, a section]'))
  const kept = await publish(folder, cache, ['pdf'], 1, manual)
  assertSameEditions(kept, await publish(folder, undefined, ['pdf'], 1, manual))
  assert.equal(kept.chapters.get(3), 'set')
  assert.equal(kept.chapters.get(1), 'cache')
})

test("a chapter's number (a theme that numbers sections) is part of its layout's key", () => {
  const book = { metadata: { title: 'T', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00Z' }, assets: [], chapters: [{ id: 'a', title: 'A', source: 'a.md', blocks: [], notes: [] }] }
  const bookKey = bookLayoutKey(book, themes.manual!, 'a5')
  assert.notEqual(chapterLayoutKey(bookKey, book, 0, 1, '2'), chapterLayoutKey(bookKey, book, 0, 1, '3'))
  assert.notEqual(chapterLayoutKey(bookKey, book, 0, 1, '2'), chapterLayoutKey(bookKey, book, 0, 1, undefined))
  assert.equal(chapterLayoutKey(bookKey, book, 0, 1, '2'), chapterLayoutKey(bookKey, book, 0, 1, '2'))
})

test('a session of rebuilds keeps layouts as frozen objects, given out as they are, and its editions are clean builds byte for byte', async () => {
  const folder = await bookFolder()
  const cache = new CacheStore({ rebuilds: true })
  assertSameEditions(await publish(folder, cache), await publish(folder, undefined))
  const again = await publish(folder, cache)
  assertSameEditions(again, await publish(folder, undefined))
  assert.deepEqual([...again.chapters.values()], ['cache', 'cache', 'cache', 'cache', 'cache'])

  // An edit long enough to move the chapters after it by pages: their pages are numbered anew, from the same layouts.
  const pages = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0
  const two = path.join(folder, 'two.md')
  await writeFile(two, (await readFile(two, 'utf8')).replace('The paragraph an edit changes.', `The paragraph an edit changes. ${prose.repeat(3)}`))
  const edited = await publish(folder, cache)
  assertSameEditions(edited, await publish(folder, undefined))
  assert.ok(pages(edited.pdf) > pages(again.pdf), `${pages(again.pdf)} pages before the edit, ${pages(edited.pdf)} after`)
  assert.equal(edited.chapters.get(3), 'set')
  assert.equal(edited.chapters.get(4), 'cache')

  const key = [...(cache as unknown as { memory: Map<string, unknown> }).memory.keys()].find((id) => id.startsWith('layout/'))!.slice('layout/'.length)
  const layout = keptLayout(cache, key)!
  assert.ok(Object.isFrozen(layout) && Object.isFrozen(layout.pages[0]!) && Object.isFrozen(layout.pages[0]!.body), 'frozen, to the pages')
  assert.equal(keptLayout(cache, key), layout, 'given out as it is, not copied')
  const single = new CacheStore()
  single.set('layout', key, cache.get('layout', key))
  const read = keptLayout(single, key)!
  assert.ok(!Object.isFrozen(read) && keptLayout(single, key) !== read, 'a store for one build keeps none as objects')
})

test("a one-off build's store keeps no file's conversion and no layout of the last round, only a trial round's, for the rounds after", async () => {
  const memory = (cache: CacheStore): string[] => [...(cache as unknown as { memory: Map<string, unknown> }).memory.keys()]
  const folder = await bookFolder()
  const oneOff = new CacheStore({ oneOff: true })
  assertSameEditions(await publish(folder, oneOff), await publish(folder, undefined))
  assert.deepEqual(memory(oneOff), [])

  // Page words ("on page 16") are settled by trial rounds: the last round takes their layouts.
  const references = path.join(fixtures, 'crossref-book')
  const settled = new CacheStore({ oneOff: true })
  const built = await publish(references, settled, ['pdf'])
  assertSameEditions(built, await publish(references, undefined, ['pdf']))
  assert.ok([...built.chapters.values()].includes('cache'), [...built.chapters.values()].join(' '))
  const kinds = new Set(memory(settled).map((id) => id.split('/')[0]))
  assert.deepEqual([...kinds], ['layout'])
})
