/**
 * `octavo check`: one list of everything that can be checked, as text or as
 * JSON lines, exit 1 when there is an error.
 */
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { PNG } from 'pngjs'
import { printResolution } from '../../src/check/index.js'
import type { JsonDiagnostic } from '../../src/check/report.js'
import { assertNoCrash, writeTree } from '../support/conformance.js'
import { octavoInProcess, tempDir } from '../support/tools.js'
import type { CommandResult } from '../support/tools.js'

const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
/** No EPUBCheck: a checker that cannot run is skipped, and the summary says why (and the JVM is spared where it is not the point). */
const withoutEpubcheck = { ...env, OCTAVO_EPUBCHECK_JAR: '/nonexistent/epubcheck.jar' }
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..')

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height })
  image.data.fill(128)
  return PNG.sync.write(image)
}

function jsonLines(result: CommandResult): JsonDiagnostic[] {
  return result.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JsonDiagnostic)
}

const manuscript = [
  '---',
  'title: To be checked',
  'lang: en',
  '---',
  '',
  '# Opening',
  '',
  'A [link that leads nowhere](#nowhere) and a picture without words: ![](coarse.png)',
  '',
  '#### Too deep',
  '',
  'A Russian phrase, Русский текст, with no language said.',
  '',
  '![A coarse picture](coarse.png)',
  '',
  '![A fine picture](fine.png)',
  '',
].join('\n')

describe('octavo check on a manuscript', () => {
  let dir: string
  let text: CommandResult
  let json: CommandResult

  before(async () => {
    dir = await tempDir('octavo-check-')
    // A figure is set at most as wide as the measure: 2,400 pixels across make 300 dpi on any page Octavo sets.
    await writeTree(dir, { 'book.md': manuscript, 'coarse.png': png(96, 60), 'fine.png': png(2400, 200) })
    text = await octavoInProcess(['check', path.join(dir, 'book.md')], withoutEpubcheck)
    json = await octavoInProcess(['check', path.join(dir, 'book.md'), '--reporter', 'json'], withoutEpubcheck)
  })

  it('exits 0 with warnings only, and says EPUBCheck was skipped and why', () => {
    assert.equal(text.code, 0, text.stderr + text.stdout)
    assertNoCrash(text)
    const summary = text.stdout.trim().split('\n').at(-1)!
    assert.match(summary, /^octavo: check .*book\.md: 0 errors, 6 warnings; EPUBCheck skipped: its jar is not at \/nonexistent\/epubcheck\.jar/)
  })

  it('names each finding at its line, with its rule', () => {
    const found = jsonLines(json).filter((diagnostic) => diagnostic.severity !== 'info')
    assert.deepEqual(
      found.map(({ line, rule, severity }) => `${line} ${rule} ${severity}`).sort(),
      ['10 heading-levels warning', '12 language warning', '14 image-resolution warning', '8 image-resolution warning', '8 link warning', '8 missing-alt warning'].sort(),
    )
    for (const diagnostic of found) {
      assert.equal(diagnostic.file, path.join(dir, 'book.md'))
      assert.ok(typeof diagnostic.column === 'number' && diagnostic.column >= 1)
      assert.ok(diagnostic.message.length > 0)
    }
    const link = found.find((diagnostic) => diagnostic.rule === 'link')!
    assert.equal(link.column, manuscript.split('\n')[7]!.indexOf('[link') + 1, 'at the link itself')
    const coarse = found.find((diagnostic) => diagnostic.rule === 'image-resolution' && diagnostic.line === 14)!
    assert.match(coarse.message, new RegExp(`coarse\\.png .* under the ${printResolution} dpi print needs: use a version at least \\d+ pixels wide \\(it has 96\\)`))
    assert.ok(!found.some((diagnostic) => /fine\.png/.test(diagnostic.message)), 'a picture fine enough is not named')
  })

  it('prints the same diagnostics as text and as JSON, and the skipped checker as an info line', () => {
    const textLines = text.stdout.trim().split('\n').slice(0, -1)
    const diagnostics = jsonLines(json)
    const info = diagnostics.filter((diagnostic) => diagnostic.severity === 'info')
    assert.deepEqual(info.map(({ rule }) => rule), ['skipped'])
    assert.match(info[0]!.message, /^EPUBCheck skipped: /)
    const rest = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
    assert.deepEqual(
      textLines,
      rest.map(({ file, line, column, severity, message, rule }) => `${file}:${line}:${column}: ${severity}: ${message} [${rule}]`),
    )
  })
})

describe('octavo check on a manuscript at fault', () => {
  it('exits 1, naming every fault, as JSON lines', async () => {
    const dir = await tempDir('octavo-check-')
    await writeTree(dir, { 'book/a.md': '---\ntitle: [broken\n---\n\nText.\n', 'book/b.md': '# B\n\n![gone](gone.png)\n' })
    const result = await octavoInProcess(['check', path.join(dir, 'book'), '--reporter', 'json'], withoutEpubcheck)
    assert.equal(result.code, 1, result.stdout + result.stderr)
    const errors = jsonLines(result).filter((diagnostic) => diagnostic.severity === 'error')
    assert.deepEqual(
      errors.map(({ file, line, rule }) => `${path.basename(file!)}:${line} ${rule}`),
      ['a.md:2 front-matter', 'b.md:3 image'],
    )
  })
})

describe('octavo check on editions', () => {
  let dir: string

  before(async () => {
    dir = await tempDir('octavo-check-')
    await writeFile(path.join(dir, 'story.md'), '---\ntitle: Story\nlang: en\n---\n\nOnce upon a time.\n')
    const built = await octavoInProcess(['build', path.join(dir, 'story.md'), '--out', dir, '--quiet'], env)
    assert.equal(built.code, 0, built.stderr)
  })

  it('a clean manuscript: its EPUB made and run through EPUBCheck, nothing found, exit 0', async () => {
    const result = await octavoInProcess(['check', path.join(dir, 'story.md')], env)
    assert.equal(result.code, 0, result.stdout + result.stderr)
    assert.match(result.stdout, /^octavo: check .*story\.md: 0 errors, 0 warnings; EPUBCheck ran\n$/)
  })

  it('an EPUB cut short: EPUBCheck names its errors, exit 1', async () => {
    const bytes = await readFile(path.join(dir, 'story.epub'))
    const cut = path.join(dir, 'cut.epub')
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const result = await octavoInProcess(['check', cut, '--reporter', 'json'], env)
    assert.equal(result.code, 1, result.stdout + result.stderr)
    const errors = jsonLines(result).filter((diagnostic) => diagnostic.severity === 'error')
    assert.ok(errors.length > 0)
    for (const error of errors) assert.match(error.rule ?? '', /^epubcheck\/[A-Z]{3}-\d{3}[a-z]?$/, JSON.stringify(error))
  })

  it('a PDF: qpdf and pdffonts find nothing in a good one, and errors in one cut short', async () => {
    const good = await octavoInProcess(['check', path.join(dir, 'story.pdf')], env)
    assert.equal(good.code, 0, good.stdout)
    assert.match(good.stdout, /0 errors, 0 warnings; qpdf ran; pdffonts ran/)
    const bytes = await readFile(path.join(dir, 'story.pdf'))
    const cut = path.join(dir, 'cut.pdf')
    await writeFile(cut, bytes.subarray(0, 3000))
    const bad = await octavoInProcess(['check', cut, '--reporter', 'json'], env)
    assert.equal(bad.code, 1, bad.stdout)
    assert.ok(jsonLines(bad).some((diagnostic) => diagnostic.rule === 'qpdf' && diagnostic.severity === 'error'))
  })
})

describe('octavo check on the command line', () => {
  it('is in --help, with --reporter', async () => {
    const help = await octavoInProcess(['--help'], env)
    assert.match(help.stdout, /octavo check <input\|edition\.epub\|edition\.pdf>\.\.\. \[--reporter text\|json\]/)
  })

  it('refuses an unknown reporter with exit 2', async () => {
    const result = await octavoInProcess(['check', path.join(root, 'content/article.md'), '--reporter', 'xml'], env)
    assert.equal(result.code, 2)
    assert.match(result.stderr, /unknown reporter 'xml' \(expected text or json\)/)
  })
})
