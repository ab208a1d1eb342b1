/**
 * `octavo init [dir]`: a new book folder that builds as it stands — both
 * editions, no warning, EPUBCheck clean, a PDF with nothing to report — and
 * never a word of a writer's overwritten.
 */
import assert from 'node:assert/strict'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import JSZip from 'jszip'
import { PNG } from 'pngjs'
import YAML from 'yaml'
import { build } from '../../src/index.js'
import { pictureAlt } from '../../src/init/picture.js'
import { titleOf } from '../../src/init/index.js'
import { epubcheck, octavoInProcess, tempDir } from '../support/tools.js'

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort()
}

test('octavo init writes a book that builds as it stands: no warning, EPUBCheck clean, nothing in the typesetting report', async () => {
  const folder = path.join(await tempDir('octavo-init-'), 'the-harbour-light')
  const made = await octavoInProcess(['init', folder])
  assert.equal(made.code, 0, made.stderr)
  assert.match(made.stderr, /wrote a new book in .*the-harbour-light/)
  assert.match(made.stderr, /octavo build .*the-harbour-light/)
  assert.deepEqual(await filesUnder(folder), ['.gitignore', '01-beginning.md', '02-pictures-and-notes.md', 'book.yaml', 'images/lighthouse.png', 'theme.yaml'])

  const book = YAML.parse(await readFile(path.join(folder, 'book.yaml'), 'utf8')) as Record<string, unknown>
  assert.equal(book.title, 'The Harbour Light', 'the title comes from the folder\'s name')
  assert.equal(typeof book.author, 'string')
  assert.equal(book.lang, 'en')
  assert.match(String(book.date), /^\d{4}-\d{2}-\d{2}$/)
  assert.deepEqual(book.chapters, ['01-beginning.md', '02-pictures-and-notes.md'])
  const theme = YAML.parse(await readFile(path.join(folder, 'theme.yaml'), 'utf8')) as Record<string, unknown>
  assert.equal(theme.extends, 'default')
  assert.equal(Object.keys(theme).length, 3, 'the theme changes two values of the default and says nothing else')

  const picture = PNG.sync.read(await readFile(path.join(folder, 'images/lighthouse.png')))
  assert.ok(picture.width > 100 && picture.height > 100)

  const result = await build({ input: folder, sourceDateEpoch: '1700000000' })
  assert.equal(result.ok, true, JSON.stringify(result.diagnostics))
  assert.deepEqual(result.diagnostics, [], 'no warning')
  assert.equal(result.metadata?.title, 'The Harbour Light')
  const report = result.report!
  assert.deepEqual([report.overfullLines, report.widows, report.orphans, report.strandedHeadings], [0, 0, 0, 0])

  const epubFile = path.join(path.dirname(folder), 'book.epub')
  await writeFile(epubFile, result.epub!)
  assert.deepEqual((await epubcheck(epubFile)).problems, [])
  // The picture reaches the EPUB with its description.
  const zip = await JSZip.loadAsync(result.epub!)
  const chapters = await Promise.all(Object.keys(zip.files).filter((name) => name.endsWith('.xhtml')).map((name) => zip.file(name)!.async('string')))
  assert.ok(chapters.some((xhtml) => xhtml.includes(`alt="${pictureAlt}"`)), 'the picture has its alt text')

  // The book's theme is used: its headings are in the colour theme.yaml gives them.
  const css = await Promise.all(Object.keys(zip.files).filter((name) => name.endsWith('.css')).map((name) => zip.file(name)!.async('string')))
  assert.match(css.join('\n'), /#6b2f1a/i)
})

test('octavo init refuses a folder that holds anything, and a file, with exit 2 and changes nothing', async () => {
  const folder = await tempDir('octavo-init-full-')
  await writeFile(path.join(folder, 'notes.md'), 'My notes.\n')
  const refused = await octavoInProcess(['init', folder])
  assert.equal(refused.code, 2)
  assert.match(refused.stderr, /^octavo: .* is not empty: octavo init writes a new book only into a new or empty folder/)
  assert.deepEqual(await filesUnder(folder), ['notes.md'])
  assert.equal(await readFile(path.join(folder, 'notes.md'), 'utf8'), 'My notes.\n')

  const file = path.join(folder, 'notes.md')
  const notAFolder = await octavoInProcess(['init', file])
  assert.equal(notAFolder.code, 2)
  assert.match(notAFolder.stderr, /is a file, not a folder/)

  // A book made once is not made again over itself.
  const book = path.join(folder, 'book')
  assert.equal((await octavoInProcess(['init', book])).code, 0)
  await writeFile(path.join(book, '01-beginning.md'), '# Mine\n\nMy own words.\n')
  assert.equal((await octavoInProcess(['init', book])).code, 2)
  assert.equal(await readFile(path.join(book, '01-beginning.md'), 'utf8'), '# Mine\n\nMy own words.\n')

  // An empty folder that exists is fine.
  const empty = path.join(folder, 'empty')
  await mkdir(empty)
  assert.equal((await octavoInProcess(['init', empty])).code, 0)
})

test('octavo init takes one folder at most, and --help tells of it', async () => {
  const twice = await octavoInProcess(['init', 'a', 'b'])
  assert.equal(twice.code, 2)
  assert.match(twice.stderr, /octavo init takes one folder at most/)
  const help = await octavoInProcess(['--help'])
  assert.match(help.stdout, /octavo init \[DIR\]/)
})

test('the title comes from the folder\'s name', () => {
  assert.equal(titleOf('/tmp/my-first_book'), 'My First Book')
  assert.equal(titleOf('/tmp/---'), 'My Book')
  assert.equal(titleOf('/tmp/élan vital'), 'Élan Vital')
})
