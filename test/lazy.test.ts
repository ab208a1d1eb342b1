/**
 * A build pays only for what the book uses: the modules of `src/lazy.ts` are
 * loaded, and the theme's font files read, only when the book needs them.
 * Loading is per process (and the suite runs many test files in one), so
 * what a build loads is watched in a process of its own, the command line as
 * a writer runs it.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import type { LoadingReport } from './support/report-loading.js'
import { cli, root, tempDir } from './support/tools.js'

const run = promisify(execFile)
const reporter = pathToFileURL(path.join(root, 'lib/test/support/report-loading.js')).href

const plain = '---\ntitle: Plain\nlang: en\n---\n\n# A chapter\n\nPlain prose, with *emphasis*, **strong words**, a list:\n\n- one\n- two\n\nAnd `code` in a line, and a block with no language:\n\n```\nplain code\n```\n'

/** The fallback faces for Chinese and emoji: 21 MB a book without such characters never reads. (DejaVu sets the sign that marks a wrapped code line.) */
const fallbackFiles = /NotoEmoji|NotoSansSC/

/** `octavo build` in a process of its own, working in `cwd`: what it loaded, and its exit code. */
async function buildInProcessOfItsOwn(cwd: string, args: readonly string[]): Promise<LoadingReport> {
  const report = path.join(cwd, 'loading.json')
  await run(process.execPath, ['--import', reporter, cli, 'build', ...args, '--quiet'], { cwd, env: { ...process.env, OCTAVO_LOADING_REPORT: report } })
  return JSON.parse(await readFile(report, 'utf8')) as LoadingReport
}

test('a plain book, built a second time, loads none of the modules it does not use and reads neither the Chinese nor the emoji face', async () => {
  const cwd = await tempDir('octavo-lazy-')
  await writeFile(path.join(cwd, 'plain.md'), plain)
  // The first build fills the subset cache in the working directory, as a writer's first build does.
  const first = await buildInProcessOfItsOwn(cwd, ['plain.md', '--out', 'out'])
  assert.ok(existsSync(path.join(cwd, '.octavo-cache/subsets')), 'the cache is made in the working directory')
  assert.ok(first.modules.includes('subset-font'), 'the first build subsets the fonts')
  // The EPUB carries only the fallback faces some character falls back to: the others are not even read.
  assert.deepEqual(first.fontFilesRead.filter((file) => fallbackFiles.test(file)), [], 'and reads no fallback face no character needs')

  const again = await buildInProcessOfItsOwn(cwd, ['plain.md', '--out', 'out'])
  // The chapter's conversion comes from the cache too: not even its front matter's YAML is read again.
  assert.deepEqual(again.modules.sort(), ['epub'])
  // However they might be reached: the grammars, the SVG and GIF decoders, the subsetter and its WebAssembly, TOML.
  for (const name of ['highlight.js', 'svg-to-pdfkit', 'omggif', 'pngjs', 'subset-font', 'harfbuzzjs', 'smol-toml', 'temml', 'mathjax-full', 'citeproc', '@citation-js/core']) assert.ok(!again.packages.includes(name), `${name} is not loaded`)
  assert.ok(again.packages.includes('pdfkit'), 'while a package that was loaded is seen')
  assert.deepEqual(again.fontFilesRead.filter((file) => fallbackFiles.test(file)), [], 'no such face is read')
  assert.deepEqual(again.fontFacesParsed.filter((file) => fallbackFiles.test(file)), [], 'nor parsed')
  assert.ok(!again.fontFilesRead.some((file) => /BoldItalic/.test(file)), 'nor a face no text is set in')
})

test('a print edition alone loads no EPUB writer; --no-cache leaves no cache behind', async () => {
  const cwd = await tempDir('octavo-lazy-')
  await writeFile(path.join(cwd, 'plain.md'), plain.replace('---\ntitle: Plain\nlang: en\n---\n\n', ''))
  const pdf = await buildInProcessOfItsOwn(cwd, ['plain.md', '--out', 'out', '--format', 'pdf', '--no-cache'])
  assert.deepEqual(pdf.modules, [], 'no front matter, no EPUB: nothing lazy is loaded')
  assert.deepEqual(pdf.fontFacesParsed.filter((file) => fallbackFiles.test(file)), [])
  const epub = await buildInProcessOfItsOwn(cwd, ['plain.md', '--out', 'out', '--no-cache'])
  assert.ok(epub.modules.includes('subset-font'), 'without the cache every subset is made')
  assert.ok(!existsSync(path.join(cwd, '.octavo-cache')), 'and nothing is written')
})

test('each lazy module is loaded when a book needs it: code with a language, raw HTML, GIF and SVG pictures, Chinese', async () => {
  const folder = await tempDir('octavo-lazy-')
  const images = path.join(root, 'test/fixtures/images')
  await mkdir(path.join(folder, 'pictures'))
  for (const name of ['swatch.gif', 'figure.svg']) await writeFile(path.join(folder, 'pictures', name), await readFile(path.join(images, name)))
  await writeFile(
    path.join(folder, 'everything.md'),
    '# Everything\n\n```js\nconst a = 1\n```\n\n<p align="center">Raw <b>HTML</b></p>\n\n![A swatch](pictures/swatch.gif)\n\n![A figure](pictures/figure.svg)\n\n中文 text.\n',
  )
  const report = await buildInProcessOfItsOwn(folder, ['everything.md', '--out', 'out', '--format', 'pdf', '--no-cache'])
  const loaded = new Set(report.modules)
  for (const name of ['lowlight', 'raw-html', 'svg-to-pdfkit', 'omggif', 'pngjs']) assert.ok(loaded.has(name), `${name} is loaded`)
  // No book.toml, and no EPUB to subset fonts for.
  for (const name of ['smol-toml', 'epub', 'subset-font']) assert.ok(!loaded.has(name), `${name} is not loaded`)
  assert.ok(report.fontFacesParsed.some((file) => /NotoSansSC_400Regular/.test(file)), 'the Chinese face is opened for the Chinese text')
  assert.ok(report.fontFilesRead.some((file) => /NotoSansSC_400Regular/.test(file)))
})
