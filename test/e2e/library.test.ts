/**
 * Octavo as a library (`import { build } from 'octavo'`): the editions come
 * back as bytes with the diagnostics, and nothing is written unless `out`
 * asks for it.
 */
import assert from 'node:assert/strict'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, test } from 'node:test'
import { build } from '../../src/index.js'
import { epubcheck, tempDir } from '../support/tools.js'

// Tests here run where nothing else is written; the folder the suite runs in comes back after them.
const home = process.cwd()
after(() => process.chdir(home))

const deadLink = '---\ntitle: Links\nlang: en\n---\n\n# One\n\nText before.\n\nA [dead](#nowhere) link, and a [live](#one) one.\n'
const missingPicture = '---\ntitle: Pictures\nlang: en\n---\n\n# One\n\nSee ![a chart](chart.png) here.\n'

/** Every file under `folder`, relative to it, sorted. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort()
}

async function manuscript(name: string, text: string): Promise<{ folder: string; file: string }> {
  const folder = await tempDir('octavo-library-')
  const file = path.join(folder, name)
  await writeFile(file, text)
  return { folder, file }
}

test('build() returns both editions as bytes with the diagnostics, and writes nothing', async () => {
  const { folder, file } = await manuscript('links.md', deadLink)
  // The library keeps no cache and writes no edition: neither beside the manuscript nor where it runs.
  const cwd = await tempDir('octavo-library-cwd-')
  process.chdir(cwd)
  const result = await build({ input: file, sourceDateEpoch: 1700000000 })

  assert.equal(result.ok, true)
  assert.equal(result.name, 'links')
  assert.ok(result.epub instanceof Uint8Array && result.pdf instanceof Uint8Array)
  assert.equal(Buffer.from(result.epub.subarray(0, 4)).toString('latin1'), 'PK\x03\x04', 'the EPUB is a zip')
  assert.equal(Buffer.from(result.pdf.subarray(0, 5)).toString('latin1'), '%PDF-')
  assert.deepEqual(result.diagnostics, [
    { file, line: 10, column: 3, message: 'link to `#nowhere` dropped: no heading or anchor in links.md has the id `nowhere`; its text is kept', severity: 'warning', rule: 'link' },
  ])
  assert.deepEqual(result.written, [])
  assert.deepEqual(await filesUnder(folder), ['links.md'])
  assert.deepEqual(await filesUnder(cwd), [])
  assert.equal(result.metadata?.title, 'Links')
  assert.equal(result.report?.overfullLines, 0)

  const epubFile = path.join(cwd, 'links.epub')
  await writeFile(epubFile, result.epub)
  assert.deepEqual((await epubcheck(epubFile)).problems, [])
})

test('with `out`, build() writes the editions it returns, and only those asked for', async () => {
  const { file } = await manuscript('links.md', deadLink)
  const out = path.join(await tempDir('octavo-library-out-'), 'editions')
  const both = await build({ input: file, out, sourceDateEpoch: '1700000000' })
  assert.deepEqual(both.written.sort(), [path.join(out, 'links.epub'), path.join(out, 'links.pdf')])
  assert.deepEqual(new Uint8Array(await readFile(path.join(out, 'links.epub'))), new Uint8Array(both.epub!))
  assert.deepEqual(new Uint8Array(await readFile(path.join(out, 'links.pdf'))), new Uint8Array(both.pdf!))

  const epubOnly = await build({ input: file, formats: ['epub'], theme: 'novel', sourceDateEpoch: '1700000000' })
  assert.equal(epubOnly.pdf, undefined)
  assert.ok(epubOnly.epub !== undefined && epubOnly.epub.length > 0)
})

test('a fault in the manuscript resolves with ok false, the error at its place, and nothing made or written', async () => {
  const { folder, file } = await manuscript('pictures.md', missingPicture)
  const out = path.join(folder, 'out')
  const result = await build({ input: file, out })
  assert.equal(result.ok, false)
  assert.equal(result.epub, undefined)
  assert.equal(result.pdf, undefined)
  assert.deepEqual(result.written, [])
  const error = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error')
  assert.deepEqual(error, { file, line: 8, column: 5, message: 'image file not found: chart.png (no such file)', severity: 'error', rule: 'image' })
  assert.deepEqual(await filesUnder(folder), ['pictures.md'])
})

test('options that are not Octavo\'s reject with a TypeError naming what is allowed', async () => {
  const { file } = await manuscript('links.md', deadLink)
  await assert.rejects(build({ input: file, theme: 'gothic' }), (error: unknown) => error instanceof TypeError && /unknown theme 'gothic'.*default/.test(error.message))
  await assert.rejects(build({ input: file, formats: ['mobi' as 'epub'] }), /unknown format 'mobi'/)
  await assert.rejects(build({ input: file, formats: [] }), /names no edition/)
  await assert.rejects(build({ input: file, page: 'b7' as 'a5' }), /unknown page 'b7'/)
  await assert.rejects(build({ input: file, press: 'lulu' as 'kdp' }), /unknown press 'lulu'/)
})

test('a theme file named by its path sets the book', async () => {
  const { folder, file } = await manuscript('links.md', deadLink)
  await mkdir(path.join(folder, 'themes'))
  await writeFile(path.join(folder, 'themes/wide.yaml'), 'extends: default\nsize: 12\n')
  const result = await build({ input: file, theme: path.join(folder, 'themes/wide.yaml'), formats: ['pdf'], sourceDateEpoch: '1700000000' })
  assert.equal(result.ok, true, JSON.stringify(result.diagnostics))
  const plain = await build({ input: file, formats: ['pdf'], sourceDateEpoch: '1700000000' })
  assert.notDeepEqual(new Uint8Array(result.pdf!), new Uint8Array(plain.pdf!), 'a larger size sets another PDF')
})

test('build() takes the manuscript as Markdown text: nothing read, its messages named by `path` with their lines and columns', async () => {
  const cwd = await tempDir('octavo-library-text-')
  process.chdir(cwd)
  const named = await build({ markdown: deadLink, path: 'drafts/links.md', sourceDateEpoch: 1700000000 })
  assert.equal(named.ok, true)
  assert.equal(named.name, 'links')
  assert.deepEqual(named.diagnostics, [
    { file: 'drafts/links.md', line: 10, column: 3, message: 'link to `#nowhere` dropped: no heading or anchor in links.md has the id `nowhere`; its text is kept', severity: 'warning', rule: 'link' },
  ])
  assert.equal(named.metadata?.title, 'Links')
  assert.equal(named.report?.overfullLines, 0)
  assert.deepEqual(await filesUnder(cwd), [])
  const epubFile = path.join(cwd, 'links.epub')
  await writeFile(epubFile, named.epub!)
  assert.deepEqual((await epubcheck(epubFile)).problems, [])

  // Without `path`: `<input>` in the messages, `book` as the editions' name; a fault stops the build.
  const unnamed = await build({ markdown: missingPicture, formats: ['pdf'] })
  assert.equal(unnamed.ok, false)
  assert.equal(unnamed.name, 'book')
  assert.deepEqual(unnamed.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule]), [['<input>', 8, 5, 'error', 'image']])

  // The same text read from a file and given as text makes the same editions.
  const { file } = await manuscript('links.md', deadLink)
  const fromFile = await build({ input: file, sourceDateEpoch: 1700000000, formats: ['pdf'] })
  const fromText = await build({ markdown: deadLink, path: file, sourceDateEpoch: 1700000000, formats: ['pdf'] })
  assert.deepEqual(fromText.pdf, fromFile.pdf)
})

test('build() wants the manuscript once: input or markdown', async () => {
  await assert.rejects(build({}), TypeError)
  await assert.rejects(build({ input: 'a.md', markdown: '# A' }), TypeError)
  await assert.rejects(build({ input: 'a.md', path: 'b.md' }), TypeError)
})
