/**
 * The print cover: its size by the printer's formula (bleed, back, spine,
 * front, bleed; spine = pages × the paper's thickness), its boxes, the spine's
 * text only on a spine wide enough, the barcode's place left clear, and a real
 * build's cover measured by the page count of that build.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { cp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, it } from 'node:test'
import { promisify } from 'node:util'
import { PNG } from 'pngjs'
import { Diagnostics } from '../../src/diagnostics.js'
import { buildCover } from '../../src/pipeline.js'
import { coverGeometry } from '../../src/press/cover-geometry.js'
import { defaultTheme, trimSize } from '../../src/theme/index.js'
import { octavoInProcess, pdfFonts, pdfInfo, qpdfCheck, root, tempDir } from '../support/tools.js'
import { uncompressed } from '../pdf/helpers.js'

const run = promisify(execFile)
const inch = 72
const book = path.join(root, 'test/fixtures/book')

async function mediaBox(file: string): Promise<Record<string, number[]>> {
  const { stdout } = await run('pdfinfo', ['-box', file])
  const boxes: Record<string, number[]> = {}
  for (const match of stdout.matchAll(/^(\w+Box):\s+(.*)$/gm)) boxes[match[1]!] = match[2]!.trim().split(/\s+/).map(Number)
  return boxes
}

/** Words and their boxes (points from the top-left corner). */
async function words(file: string): Promise<Array<{ text: string; box: [number, number, number, number] }>> {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-'])
  return [...stdout.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((match) => ({ text: match[5]!, box: match.slice(1, 5).map(Number) as [number, number, number, number] }))
}

const near = (actual: number, expected: number, tolerance = 0.01): boolean => Math.abs(actual - expected) <= tolerance

describe('the cover’s size by the printer’s formula', () => {
  it('a 300-page 6×9 book: 0.6756 in of spine on white paper, 0.75 in on cream; 0.125 in of bleed all round', () => {
    const trim = trimSize('6x9')
    const white = coverGeometry(trim, 300, 'white', 'kdp')
    const cream = coverGeometry(trim, 300, 'cream', 'kdp')
    assert.ok(near(white.spine.width / inch, 300 * 0.002252, 1e-9))
    assert.ok(near(cream.spine.width / inch, 0.75, 1e-9))
    assert.ok(near(white.width / inch, 0.125 + 6 + 0.6756 + 6 + 0.125, 1e-9))
    assert.ok(near(cream.width / inch, 13, 1e-9))
    for (const geometry of [white, cream]) {
      assert.ok(near(geometry.height / inch, 9.25, 1e-9))
      assert.ok(near(geometry.front.x + geometry.front.width + geometry.bleed, geometry.width, 1e-9))
      // The barcode's place: 2 × 1.2 in, 0.25 in from the spine's fold and from the foot of the trim, on the back.
      const { barcode, back } = geometry
      assert.ok(near(barcode.width, 2 * inch, 1e-9) && near(barcode.height, 1.2 * inch, 1e-9))
      assert.ok(near(back.x + back.width - (barcode.x + barcode.width), 0.25 * inch, 1e-9))
      assert.ok(near(back.y + back.height - (barcode.y + barcode.height), 0.25 * inch, 1e-9))
      // Spine text 0.0625 in clear of each fold.
      assert.ok(geometry.spineText && near(geometry.spineText.x - geometry.spine.x, 0.0625 * inch, 1e-9))
    }
  })

  it('no spine text under 80 pages (KDP)', () => {
    assert.equal(coverGeometry(trimSize('6x9'), 79, 'white', 'kdp').spineText, undefined)
    assert.ok(coverGeometry(trimSize('6x9'), 80, 'white', 'kdp').spineText)
  })

  for (const paper of ['white', 'cream'] as const) {
    it(`the PDF of a 300-page book's cover on ${paper} paper: sheet and trim at the formula's size, the title on the spine, the barcode's place clear`, async () => {
      const out = await tempDir('octavo-cover-')
      const result = await buildCover(book, { outDir: out, theme: defaultTheme, press: 'kdp', paper, page: '6x9', pages: 300 }, new Diagnostics())
      const spine = 300 * (paper === 'white' ? 0.002252 : 0.0025)
      const boxes = await mediaBox(result.output)
      assert.ok(near(boxes.MediaBox![2]!, (12.25 + spine) * inch) && near(boxes.MediaBox![3]!, 9.25 * inch))
      assert.ok(near(boxes.TrimBox![0]!, 0.125 * inch) && near(boxes.TrimBox![2]! - boxes.TrimBox![0]!, (12 + spine) * inch))
      const found = await words(result.output)
      const { spine: spineBox, barcode } = result.geometry
      const onSpine = found.filter(({ box }) => box[0] >= spineBox.x && box[2] <= spineBox.x + spineBox.width)
      assert.ok(onSpine.some((word) => word.text === 'Lighthouse'), 'the title on the spine')
      assert.ok(onSpine.some((word) => word.text === 'Quill'), 'the author on the spine')
      for (const { box } of onSpine) assert.ok(box[0] >= spineBox.x + 0.0625 * inch - 0.5 && box[2] <= spineBox.x + spineBox.width - 0.0625 * inch + 0.5)
      assert.ok(found.some((word) => word.text === 'folder'), 'the description on the back')
      for (const { box } of found) {
        const overlaps = box[0] < barcode.x + barcode.width && box[2] > barcode.x && box[1] < barcode.y + barcode.height && box[3] > barcode.y
        assert.ok(!overlaps, `nothing in the barcode's place: ${box.join(' ')}`)
      }
      for (const font of await pdfFonts(result.output)) assert.ok(font.embedded)
      assert.equal((await qpdfCheck(result.output)).code, 0)
    })
  }
})

describe('octavo cover', () => {
  it('measures the spine by the page count of the book the same press prints: the KDP build and its cover agree', async () => {
    const out = await tempDir('octavo-cover-cli-')
    const folder = path.join(out, 'book')
    await cp(book, folder, { recursive: true })
    const built = await octavoInProcess(['build', folder, '--press', 'kdp', '--page', '5.5x8.5', '--format', 'pdf', '--out', out, '--quiet', '--no-cache'])
    assert.equal(built.code, 0, built.stderr)
    const pages = Number((await pdfInfo(path.join(out, 'book.pdf'))).Pages)
    const covered = await octavoInProcess(['cover', folder, '--press', 'kdp', '--page', '5.5x8.5', '--paper', 'cream', '--out', out, '--no-cache'])
    assert.equal(covered.code, 0, covered.stderr)
    assert.match(covered.stderr, new RegExp(`for ${pages} pages on cream paper`))
    const boxes = await mediaBox(path.join(out, 'book-cover.pdf'))
    assert.ok(near(boxes.MediaBox![2]! / inch, 2 * 0.125 + 2 * 5.5 + pages * 0.0025, 0.001))
    assert.ok(near(boxes.MediaBox![3]! / inch, 8.5 + 0.25, 0.001))
  })

  it('--press ingram: the cover as PDF/X-1a, in CMYK, with the page count made even', async () => {
    const out = await tempDir('octavo-cover-ingram-')
    const covered = await octavoInProcess(['cover', book, '--press', 'ingram', '--page', '6x9', '--out', out, '--quiet', '--no-cache'])
    assert.equal(covered.code, 0, covered.stderr)
    const file = path.join(out, 'book-cover.pdf')
    const info = await pdfInfo(file)
    assert.equal(info['PDF version'], '1.3')
    const raw = await uncompressed(file)
    assert.match(raw, /\(PDF\/X-1a:2001\)/)
    assert.match(raw, /\/S \/GTS_PDFX/)
    assert.doesNotMatch(raw, /\/DeviceRGB|(?:[\d.]+ ){3}(?:rg|RG)\b/)
    const built = await octavoInProcess(['build', book, '--press', 'ingram', '--page', '6x9', '--format', 'pdf', '--out', out, '--quiet', '--no-cache'])
    assert.equal(built.code, 0)
    const pages = Number((await pdfInfo(path.join(out, 'book.pdf'))).Pages)
    assert.equal(pages % 2, 0)
    const boxes = await mediaBox(file)
    assert.ok(near(boxes.MediaBox![2]! / inch, 12.25 + pages * 0.002252, 0.001))
  })

  it('the manuscript’s own cover picture fills the front and its bleed, flattened and in CMYK for IngramSpark', async () => {
    const out = await tempDir('octavo-cover-picture-')
    const png = new PNG({ width: 30, height: 45 })
    for (let index = 0; index < 30 * 45; index++) png.data.set([20, 90, 160, index % 2 === 0 ? 255 : 100], index * 4)
    await writeFile(path.join(out, 'front.png'), PNG.sync.write(png))
    await writeFile(path.join(out, 'pictured.md'), '---\ntitle: Pictured\nlang: en\ncover: front.png\n---\n\n# Pictured\n\nA short text.\n')
    const covered = await octavoInProcess(['cover', path.join(out, 'pictured.md'), '--press', 'ingram', '--page', '6x9', '--out', out, '--quiet', '--no-cache'])
    assert.equal(covered.code, 0, covered.stderr)
    const file = path.join(out, 'pictured-cover.pdf')
    const { stdout } = await run('pdfimages', ['-list', file])
    const images = stdout.split('\n').slice(2).filter(Boolean).map((line) => line.trim().split(/\s+/))
    assert.equal(images.length, 1)
    assert.equal(images[0]![5], 'cmyk')
    const raw = await uncompressed(file)
    assert.doesNotMatch(raw, /\/SMask|\/DeviceRGB/)
  })

  it('refuses a cover for no press or for the offset press, and an unknown paper, as command-line mistakes', async () => {
    for (const args of [['cover', book], ['cover', book, '--press', 'offset'], ['cover', book, '--press', 'kdp', '--paper', 'glossy']]) {
      const result = await octavoInProcess(args)
      assert.equal(result.code, 2, args.join(' '))
    }
  })
})

describe('--press on the command line and in book.yaml', () => {
  it('refuses a page KDP does not print, an unknown press, and --print with --press, as command-line mistakes', async () => {
    const article = path.join(root, 'content/article.md')
    const cases: Array<[string[], RegExp]> = [
      [['build', article, '--press', 'kdp', '--page', 'a5'], /does not print the page a5: choose one of its trims with --page \(5x8, /],
      [['build', article, '--press', 'lulu'], /unknown press 'lulu' \(expected kdp, ingram, offset\)/],
      [['build', article, '--press', 'kdp', '--print'], /--print and --press/],
      [['build', article, '--press', 'offset', '--pdf-a'], /--pdf-a and --press/],
      [['build', article, '--page', '5x7'], /unknown page size '5x7'/],
    ]
    for (const [args, message] of cases) {
      const result = await octavoInProcess(args)
      assert.equal(result.code, 2, args.join(' '))
      assert.match(result.stderr, message)
    }
  })

  it('book.yaml names the press; the command line wins over it', async () => {
    const out = await tempDir('octavo-press-yaml-')
    const folder = path.join(out, 'book')
    await cp(book, folder, { recursive: true })
    const yaml = path.join(folder, 'book.yaml')
    const { readFile } = await import('node:fs/promises')
    await writeFile(yaml, `${await readFile(yaml, 'utf8')}press: ingram\n`)
    const fromYaml = await octavoInProcess(['build', folder, '--format', 'pdf', '--out', path.join(out, 'yaml'), '--quiet', '--no-cache'])
    assert.equal(fromYaml.code, 0, fromYaml.stderr)
    assert.equal((await pdfInfo(path.join(out, 'yaml/book.pdf')))['PDF version'], '1.3')
    const fromLine = await octavoInProcess(['build', folder, '--press', 'offset', '--format', 'pdf', '--out', path.join(out, 'line'), '--quiet', '--no-cache'])
    assert.equal(fromLine.code, 0, fromLine.stderr)
    assert.equal((await pdfInfo(path.join(out, 'line/book.pdf')))['PDF version'], '1.6')
    await writeFile(yaml, `${await readFile(yaml, 'utf8')}`.replace('press: ingram', 'press: lulu'))
    const wrong = await octavoInProcess(['build', folder, '--format', 'pdf', '--out', path.join(out, 'wrong'), '--quiet', '--no-cache'])
    assert.equal(wrong.code, 1)
    assert.match(wrong.stderr, /book\.yaml:\d+:\d+: error: `press` must be one of kdp, ingram, offset, not `lulu`/)
  })

  it('book.toml names the press in [book] (mdBook passes over keys it does not know)', async () => {
    const out = await tempDir('octavo-press-toml-')
    const folder = path.join(out, 'mdbook')
    await cp(path.join(root, 'test/fixtures/mdbook'), folder, { recursive: true })
    const toml = path.join(folder, 'book.toml')
    const { readFile } = await import('node:fs/promises')
    await writeFile(toml, (await readFile(toml, 'utf8')).replace('[book]\n', '[book]\npress = "kdp"\n'))
    const result = await octavoInProcess(['build', folder, '--format', 'pdf', '--out', out, '--quiet', '--no-cache'])
    assert.equal(result.code, 0, result.stderr)
    const info = await pdfInfo(path.join(out, 'mdbook.pdf'))
    assert.equal(info.Tagged, 'no')
    // KDP's default trim, 6 × 9 in, with no bleed.
    assert.deepEqual((await mediaBox(path.join(out, 'mdbook.pdf'))).MediaBox, [0, 0, 432, 648])
  })
})
