/**
 * Figures in the print edition: PNG, JPEG, GIF (its first frame) and SVG (as
 * vectors, its text in the theme's faces), scaled to fit the text block,
 * tagged as Figures with their alt text. Checked from the PDF: poppler's
 * image list, its text, its fonts, and the page drawn as pixels.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import { GifWriter } from 'omggif'
import { Diagnostics } from '../../src/diagnostics.js'
import { loadBook } from '../../src/load/index.js'
import type { Asset, Block, Book } from '../../src/model/book.js'
import { svgSize } from '../../src/load/decode-image.js'
import { svgFace } from '../../src/pdf/render-image.js'
import { fallbackKey } from '../../src/pdf/style.js'
import { defaultTheme, pageGeometry } from '../../src/theme/index.js'
import { pdfFonts, qpdfCheck, root, tempDir } from '../support/tools.js'
import { setBook, textBlockText, uncompressed } from './helpers.js'
import type { Written } from './helpers.js'
import { imageAsset } from '../support/assets.js'

const run = promisify(execFile)
const geometry = pageGeometry(defaultTheme, 'a5')

interface ImageEntry {
  page: number
  width: number
  height: number
  colour: string
  encoding: string
  xPpi: number
}

/** `pdfimages -list`: the pictures the PDF embeds, with their pixel size and resolution on the page. */
async function pdfImages(file: string): Promise<ImageEntry[]> {
  const { stdout } = await run('pdfimages', ['-list', file])
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[2] === 'image')
    .map((fields) => ({ page: Number(fields[0]), width: Number(fields[3]), height: Number(fields[4]), colour: fields[5]!, encoding: fields[8]!, xPpi: Number(fields[12]) }))
}

/** A page drawn by poppler at 72 dpi: its pixels as RGB triples (a PPM file read back). */
async function pagePixels(file: string, page: number): Promise<{ width: number; height: number; at(x: number, y: number): [number, number, number] }> {
  const { stdout } = await run('pdftoppm', ['-r', '72', '-f', String(page), '-l', String(page), file], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.toString('latin1', 0, 40))!
  const width = Number(header[1])
  const offset = header[0].length
  return {
    width,
    height: Number(header[2]),
    at: (x, y) => {
      const at = offset + 3 * (y * width + x)
      return [stdout[at]!, stdout[at + 1]!, stdout[at + 2]!]
    },
  }
}

/** Whether some pixel of the page is close to this colour. */
function hasColour(pixels: Awaited<ReturnType<typeof pagePixels>>, [r, g, b]: [number, number, number]): boolean {
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      const [pr, pg, pb] = pixels.at(x, y)
      if (Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) < 30) return true
    }
  }
  return false
}

/** A two-frame GIF: red and green halves first, then all blue; the third colour of the palette transparent in a corner of the first. */
function animatedGif(): Uint8Array {
  const buffer = new Uint8Array(4096)
  const writer = new GifWriter(buffer, 40, 20, { palette: [0xff0000, 0x00c000, 0x0000ff, 0xffffff], loop: 0 })
  writer.addFrame(0, 0, 40, 20, Array.from({ length: 800 }, (_, index) => (index % 40 < 20 ? 0 : 1)), { delay: 10 })
  writer.addFrame(0, 0, 40, 20, Array.from({ length: 800 }, () => 2), { delay: 10 })
  return buffer.slice(0, writer.end())
}

const wideSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400" viewBox="0 0 120 40">
  <circle cx="20" cy="20" r="15" fill="#4682b4"/>
  <text x="40" y="18" font-family="'Literata', serif" font-size="9">Drawn words</text>
  <text x="40" y="32" font-family="monospace" font-size="7">plot(x)</text>
  <image href="../secret.png" x="100" y="0" width="10" height="10"/>
</svg>`

function pictureBook(dir: string): Book {
  const figure = (asset: string, alt: string, caption?: string): Block => ({ type: 'figure', asset, alt, ...(caption ? { caption: [{ type: 'text', value: caption }] } : {}), place: { file: 'pictures.md', line: 3, column: 1 } })
  const assets: Asset[] = [
    imageAsset('anim', path.join(dir, 'anim.gif'), 'image/gif'),
    imageAsset('wide', path.join(dir, 'wide.svg'), 'image/svg+xml'),
  ]
  return {
    metadata: { title: 'Pictures', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00.000Z' },
    chapters: [
      {
        id: 'pictures',
        title: 'Pictures',
        source: 'pictures.md',
        blocks: [
          { type: 'paragraph', children: [{ type: 'text', value: 'Three figures follow.' }] },
          figure('anim', 'Red and green halves', 'An animated GIF, in print its first frame.'),
          figure('wide', 'A circle and two words', 'A drawing wider than the page.'),
          figure('absent', 'A picture the book does not hold'),
        ],
        notes: [],
      },
    ],
    assets,
  }
}

describe('figures in every format', () => {
  let dir: string
  let pdf: Written

  before(async () => {
    dir = await tempDir('octavo-images-')
    await writeFile(path.join(dir, 'anim.gif'), animatedGif())
    await writeFile(path.join(dir, 'wide.svg'), wideSvg)
    pdf = await setBook(pictureBook(dir), { page: 'a5' }, 'pictures')
  })

  it("embeds a GIF's first frame, opaque, at its pixel size", async () => {
    const images = await pdfImages(pdf.file)
    assert.deepEqual(
      images.map(({ width, height, colour }) => ({ width, height, colour })),
      [{ width: 40, height: 20, colour: 'rgb' }],
      'one picture, the GIF without a soft mask; the SVG is no picture',
    )
    const pixels = await pagePixels(pdf.file, 1)
    assert.ok(hasColour(pixels, [255, 0, 0]) && hasColour(pixels, [0, 192, 0]), 'the first frame is drawn')
  })

  it('draws an SVG as vectors scaled to the measure, its text in the theme’s faces', async () => {
    const raw = await uncompressed(pdf.file)
    assert.match(raw, /\bc\n/, 'the circle is drawn with curves')
    const pixels = await pagePixels(pdf.file, 1)
    assert.ok(hasColour(pixels, [0x46, 0x82, 0xb4]), 'the circle is filled')
    const text = await textBlockText(pdf.file)
    assert.match(text, /Drawn words/)
    assert.match(text, /plot\(x\)/)
    const fonts = (await pdfFonts(pdf.file)).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
    assert.ok(fonts.includes('JetBrainsMono-Regular') && fonts.includes('Literata-Regular'), fonts.join(', '))
    assert.ok(fonts.every((name) => !/Helvetica|Times|Courier/.test(name)), 'no font of the PDF standard fourteen, which are never embedded')
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })

  it('scales a drawing wider than the measure down to it, keeping its proportions', async () => {
    const pixels = await pagePixels(pdf.file, 1)
    // The circle, 30 of the view box's 120 units, is a quarter of the measure across: count its row of blue.
    let widest = 0
    for (let y = 0; y < pixels.height; y++) {
      let count = 0
      for (let x = 0; x < pixels.width; x++) {
        const [r, g, b] = pixels.at(x, y)
        if (Math.abs(r - 0x46) + Math.abs(g - 0x82) + Math.abs(b - 0xb4) < 30) count++
      }
      widest = Math.max(widest, count)
    }
    assert.ok(Math.abs(widest - geometry.measure / 4) <= 3, `circle ${widest} px across, measure ${geometry.measure}`)
  })

  it('tags each figure with its alt text, and reads no file an SVG points to', async () => {
    const raw = await uncompressed(pdf.file)
    assert.match(raw, /\/Alt \(Red and green halves\)/)
    assert.match(raw, /\/Alt \(A circle and two words\)/)
    const warnings = pdf.diag.warnings.map((message) => message.reason)
    assert.ok(warnings.some((reason) => /`wide`.*\.\.\/secret\.png.*data: addresses/.test(reason)), warnings.join('\n'))
    assert.equal(warnings.filter((reason) => /wide/.test(reason)).length, 1, 'one warning for the refused picture')
  })

  it('sets the description of a figure naming no image of the book, with a warning naming it', async () => {
    const absent = pdf.diag.warnings.find((message) => /`absent`/.test(message.reason))
    assert.ok(absent)
    assert.equal(absent.line, 3)
    assert.match(await textBlockText(pdf.file), /A picture the book does not hold/)
  })

  it('writes the same bytes when built again', async () => {
    const again = await setBook(pictureBook(dir), { page: 'a5' }, 'again')
    assert.deepEqual(Buffer.from(again.bytes), await readFile(pdf.file))
  })
})

describe('the constructs fixture’s figures', () => {
  it('embeds the PNG and the JPEG and draws the SVG, none replaced by a description, and draws the inline images in their lines', async () => {
    const diag = new Diagnostics()
    const book = await loadBook(path.join(root, 'test/fixtures/constructs.md'), diag, { sourceDateEpoch: '1700000000' })
    const pdf = await setBook(book, { page: 'a5' }, 'constructs-figures')
    const images = await pdfImages(pdf.file)
    assert.deepEqual(
      images.map(({ width, height, encoding }) => ({ width, height, encoding })),
      [
        { width: 96, height: 60, encoding: 'image' },
        { width: 64, height: 40, encoding: 'jpeg' },
        // The swatch and the diagram again, in a line of text.
        { width: 1, height: 1, encoding: 'image' },
        { width: 96, height: 60, encoding: 'image' },
      ],
    )
    assert.deepEqual(pdf.diag.warnings.filter((message) => message.ruleId === 'pdf-image'), [])
    const raw = await uncompressed(pdf.file)
    for (const alt of ['A diagram of a circle and a triangle', 'A photograph without a caption', 'A vector figure', 'a green swatch', 'small diagram']) assert.ok(raw.includes(`/Alt (${alt})`), alt)
  })
})

describe('the size of an SVG', () => {
  it('reads width and height, their units, and the view box', () => {
    assert.deepEqual(svgSize('<svg width="120" height="60">'), { width: 120, height: 60 })
    assert.deepEqual(svgSize('<svg width="2in" height="1in">'), { width: 144, height: 72 })
    assert.deepEqual(svgSize('<svg viewBox="0 0 300 100">'), { width: 300, height: 100 })
    assert.deepEqual(svgSize('<svg width="100%" viewBox="0,0,40,20" height="50">'), { width: 100, height: 50 })
    assert.deepEqual(svgSize("<svg width='90' viewBox='0 0 30 10'>"), { width: 90, height: 30 })
    assert.deepEqual(svgSize('<svg xmlns="http://www.w3.org/2000/svg">'), { width: 300, height: 150 })
    assert.equal(svgSize('<html>no drawing</html>'), undefined)
  })

  it('chooses the theme’s face for an SVG’s font family', () => {
    assert.equal(svgFace("'Literata', serif", false, false, defaultTheme), 'text')
    assert.equal(svgFace('serif', true, true, defaultTheme), 'textBoldItalic')
    assert.equal(svgFace('Menlo, monospace', false, false, defaultTheme), 'mono')
    const dejaVuBold = defaultTheme.fallbacks.findIndex((file) => file.family === 'DejaVu Sans' && file.weight === 700 && file.style === 'normal')
    assert.equal(svgFace('DejaVu Sans', true, false, defaultTheme), fallbackKey(dejaVuBold))
    assert.equal(svgFace('Comic Sans MS', false, true, defaultTheme), 'textItalic')
  })
})
