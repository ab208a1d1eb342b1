/**
 * Press profiles, checked with poppler and qpdf against each printer's
 * published rules: page boxes, the colour operators of the content streams,
 * fonts, marks, annotations, outline, page counts, the PDF/X identity, and
 * KDP's gutter by page count.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, it } from 'node:test'
import { promisify } from 'node:util'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { Diagnostics } from '../../src/diagnostics.js'
import type { Book } from '../../src/model/book.js'
import { writePdf } from '../../src/pdf/index.js'
import { pressMargins } from '../../src/pdf/press-page.js'
import { processColour } from '../../src/pdf/render-press.js'
import { kdpGutter, pressProfiles } from '../../src/press/profiles.js'
import type { PressName } from '../../src/press/profiles.js'
import { defaultTheme, extendTheme, pageGeometry, trimNames, trimSize } from '../../src/theme/index.js'
import type { PageName, Theme } from '../../src/theme/index.js'
import { pdfFonts, pdfInfo, qpdfCheck, tempDir } from '../support/tools.js'
import { uncompressed } from './helpers.js'
import { proseBook } from './prose.js'
import { imageAsset } from '../support/assets.js'

const run = promisify(execFile)
const inch = 72
const mm = 72 / 25.4

interface Pressed {
  file: string
  diag: Diagnostics
  pages: number
}

async function press(book: Book, name: PressName, page: PageName, theme: Theme = defaultTheme): Promise<Pressed> {
  const diag = new Diagnostics()
  const result = await writePdf(book, theme, { page, press: pressProfiles[name] }, diag)
  const file = path.join(await tempDir('octavo-press-'), `${name}.pdf`)
  await writeFile(file, result.bytes)
  const info = await pdfInfo(file)
  return { file, diag, pages: Number(info.Pages) }
}

/** A book with what a print file must handle: links, notes, headings for an outline, formulas, a picture with transparency. */
async function linkedBook(): Promise<Book> {
  const dir = await tempDir('octavo-press-book-')
  const png = new PNG({ width: 4, height: 4 })
  for (let index = 0; index < 16; index++) png.data.set([200, 40, 40, index < 8 ? 128 : 255], index * 4)
  const picture = path.join(dir, 'red.png')
  await writeFile(picture, PNG.sync.write(png))
  const photo = path.join(dir, 'photo.jpg')
  await writeFile(photo, jpeg.encode({ width: 8, height: 8, data: Buffer.alloc(8 * 8 * 4, 0x80).map((value, index) => (index % 4 === 2 ? 0xe0 : value)) }, 90).data)
  const paragraph = (value: string): Book['chapters'][number]['blocks'][number] => ({ type: 'paragraph', children: [{ type: 'text', value }] })
  return {
    metadata: { title: 'Pressed', authors: ['A. Printer'], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00.000Z' },
    chapters: [1, 2, 3].map((number) => ({
      id: `c${number}`,
      title: `Chapter ${number}`,
      source: `c${number}.md`,
      blocks: [
        { type: 'heading', depth: 1, id: `c${number}-h`, children: [{ type: 'text', value: `Chapter ${number}` }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'A paragraph with ' }, { type: 'link', url: 'https://example.com/', children: [{ type: 'text', value: 'a link' }] }, { type: 'text', value: ' and a ' }, { type: 'inlineCode', value: 'code span' }, { type: 'text', value: '.' }] },
        // Formulas are drawn as outlines, in the text's colour: in a press file, in black alone too.
        { type: 'paragraph', children: [{ type: 'text', value: 'A formula, ' }, { type: 'inlineMath', tex: '\\frac{a}{b} + \\sqrt{x^2}' }, { type: 'text', value: ', in a line.' }] },
        { type: 'math', tex: '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}' },
        { type: 'figure', asset: 'red', alt: 'A red square, half transparent' },
        { type: 'figure', asset: 'photo', alt: 'A blue square, as a JPEG in RGB' },
        ...Array.from({ length: 12 }, (_, index) => paragraph(`Paragraph ${index + 1} of chapter ${number}, long enough to be set on a line or two of the page and to fill it with text that a printer prints in black.`)),
      ],
      notes: [],
    })),
    assets: [
      imageAsset('red', picture, 'image/png'),
      imageAsset('photo', photo, 'image/jpeg'),
    ],
  }
}

/** `pdfinfo -box` for every page: each page's boxes, in points. */
async function allBoxes(file: string, pages: number): Promise<Array<Record<string, number[]>>> {
  const { stdout } = await run('pdfinfo', ['-box', '-f', '1', '-l', String(pages), file])
  const result: Array<Record<string, number[]>> = []
  for (const line of stdout.split('\n')) {
    const match = /^Page\s+(\d+)\s+(\w+Box):\s+(.*)$/.exec(line)
    if (!match) continue
    const index = Number(match[1]) - 1
    result[index] ??= {}
    result[index]![match[2]!] = match[3]!.trim().split(/\s+/).map(Number)
  }
  return result
}

/** The content streams of the pages, uncompressed (qpdf's QDF form marks each page's contents). */
async function contentStreams(file: string): Promise<string[]> {
  const qdf = await uncompressed(file)
  const streams: string[] = []
  const pattern = /%% Contents for page \d+\n(?:%%[^\n]*\n)*\d+ 0 obj\n[\s\S]*?stream\n([\s\S]*?)endstream/g
  for (const match of qdf.matchAll(pattern)) streams.push(match[1]!)
  return streams
}

interface ColourUse {
  /** Operators that set RGB: `rg`, `RG`, or a colour space `/DeviceRGB`. */
  rgb: string[]
  /** Fill colours set inside text objects. */
  textFills: string[]
}

/** The colour operators the content streams use. */
function colourUse(streams: readonly string[]): ColourUse {
  const rgb: string[] = []
  const textFills: string[] = []
  for (const stream of streams) {
    for (const match of stream.matchAll(/(?:[-\d.]+\s+){3}(?:rg|RG)\b|\/DeviceRGB\s+(?:cs|CS)\b/g)) rgb.push(match[0])
    for (const text of stream.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      for (const fill of text[1]!.matchAll(/((?:[-\d.]+\s+){1,4})(k|g|rg|scn)\b/g)) textFills.push(`${fill[1]!.trim()} ${fill[2]}`)
    }
  }
  return { rgb, textFills }
}

/** Every word's box on every page (`pdftotext -bbox`), in points from the top-left corner. */
async function wordBoxes(file: string): Promise<Array<{ page: number; width: number; height: number; words: Array<[number, number, number, number]> }>> {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 256 * 1024 * 1024 })
  const pages = stdout.split('<page ').slice(1)
  return pages.map((page, index) => {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!
    const words = [...page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((match) => match.slice(1, 5).map(Number) as [number, number, number, number])
    return { page: index + 1, width: Number(size[1]), height: Number(size[2]), words }
  })
}

const near = (actual: number, expected: number, tolerance = 0.02): boolean => Math.abs(actual - expected) <= tolerance

describe('--press kdp', () => {
  it('a KDP trim, MediaBox = TrimBox (no bleed), no marks, links, outline or tags; every font embedded; nothing within 0.25 in of the outside, top and bottom', async () => {
    const pdf = await press(await linkedBook(), 'kdp', '5.5x8.5')
    const boxes = await allBoxes(pdf.file, pdf.pages)
    assert.equal(boxes.length, pdf.pages)
    for (const page of boxes) {
      assert.deepEqual(page.MediaBox, [0, 0, 5.5 * inch, 8.5 * inch])
      assert.deepEqual(page.TrimBox, page.MediaBox)
      assert.deepEqual(page.BleedBox, page.MediaBox)
    }
    const raw = await uncompressed(pdf.file)
    assert.doesNotMatch(raw, /\/Annots/)
    assert.doesNotMatch(raw, /\/Outlines/)
    assert.doesNotMatch(raw, /\/StructTreeRoot/)
    const fonts = await pdfFonts(pdf.file)
    assert.ok(fonts.length > 0)
    for (const font of fonts) assert.ok(font.embedded, font.name)
    // No crop marks: no stroked line reaches outside the clear band.
    for (const { width, height, words } of await wordBoxes(pdf.file)) {
      for (const [x0, y0, x1, y1] of words) {
        assert.ok(x0 >= 0.25 * inch - 0.01 && x1 <= width - 0.25 * inch + 0.01, `word at x ${x0}–${x1}`)
        assert.ok(y0 >= 0.25 * inch - 0.01 && y1 <= height - 0.25 * inch + 0.01, `word at y ${y0}–${y1}`)
      }
    }
    for (const stream of await contentStreams(pdf.file)) {
      // Rules only inside the page: a crop mark would start outside the trim, in a slug this page does not have.
      for (const move of stream.matchAll(/([-\d.]+) ([-\d.]+) m\b/g)) assert.ok(Number(move[1]) >= 0 && Number(move[2]) >= 0)
    }
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })

  it('the gutter follows the page count: a book of more than 150 pages gets 0.5 in at the spine, laid out again when the count moves the band', async () => {
    // A theme whose inner margin is narrower than any of KDP's gutters, so that the gutter decides it.
    const theme = extendTheme(defaultTheme, { margins: { '6x9': { top: 54, bottom: 63, inner: 20, outer: 50 } } })
    const pdf = await press(proseBook({ chapters: 16, paragraphsPerChapter: 60 }), 'kdp', '6x9', theme)
    assert.ok(pdf.pages > 150 && pdf.pages <= 300, `${pdf.pages} pages`)
    assert.equal(kdpGutter(pdf.pages), 0.5 * inch)
    let recto = Infinity
    let verso = Infinity
    for (const { page, width, words } of await wordBoxes(pdf.file)) {
      for (const [x0, , x1] of words) {
        if (page % 2 === 1) recto = Math.min(recto, x0)
        else verso = Math.min(verso, width - x1)
      }
    }
    // The text block starts at the gutter: on a right-hand page at its left, on a left-hand page at its right.
    assert.ok(near(recto, 0.5 * inch, 0.05), `right-hand pages start ${recto} pt from the spine`)
    assert.ok(near(verso, 0.5 * inch, 0.05), `left-hand pages end ${verso} pt from the spine`)
  })

  it('the gutter bands as KDP states them', () => {
    const bands: Array<[number, number]> = [
      [24, 0.375],
      [150, 0.375],
      [151, 0.5],
      [300, 0.5],
      [301, 0.625],
      [500, 0.625],
      [501, 0.75],
      [700, 0.75],
      [701, 0.875],
      [828, 0.875],
    ]
    for (const [pages, gutter] of bands) assert.equal(kdpGutter(pages), gutter * inch, `${pages} pages`)
  })

  it('every KDP trim is a page with margins (derived from the theme where it has none) inside the clear band', () => {
    for (const trim of trimNames) {
      const geometry = pageGeometry(defaultTheme, trim)
      const size = trimSize(trim)
      assert.equal(geometry.width, size.width)
      assert.ok(geometry.measure > 0.5 * geometry.width && geometry.depth > 0.5 * geometry.height, trim)
      const margins = pressMargins(defaultTheme, trim, pressProfiles.kdp, 100)
      assert.ok(margins.outer >= 0.25 * inch && margins.inner >= 0.375 * inch, trim)
    }
  })

  it('a book longer than KDP binds fails, saying why', async () => {
    const diag = new Diagnostics()
    await assert.rejects(writePdf(proseBook({ chapters: 2, paragraphsPerChapter: 4 }), defaultTheme, { page: '6x9', press: { ...pressProfiles.kdp, maxPages: 2 } }, diag))
    assert.match(diag.messages.at(-1)!.reason, /binds at most 2 pages/)
  })
})

describe('--press ingram', () => {
  it('PDF/X-1a:2001: PDF 1.3, CMYK or grey only with text in black alone, no transparency, an output intent, boxes with 0.125 in bleed on the top, bottom and outside edges (none at the spine), no annotations, an even count ending on a blank page', async () => {
    const pdf = await press(await linkedBook(), 'ingram', '6x9')
    const info = await pdfInfo(pdf.file)
    assert.equal(info['PDF version'], '1.3')
    assert.equal(info.Tagged, 'no')
    assert.equal(pdf.pages % 2, 0)
    const boxes = await allBoxes(pdf.file, pdf.pages)
    const trims: number[][] = []
    boxes.forEach((page, index) => {
      const [tx0, ty0, tx1, ty1] = page.TrimBox!
      const [bx0, by0, bx1, by1] = page.BleedBox!
      assert.ok(near(tx1! - tx0!, 6 * inch) && near(ty1! - ty0!, 9 * inch))
      assert.ok(near(ty0! - by0!, 0.125 * inch) && near(by1! - ty1!, 0.125 * inch))
      // A recto's spine is on its left, a verso's on its right: the bleed is on the other side only.
      const recto = index % 2 === 0
      const [spine, outside] = recto ? [tx0! - bx0!, bx1! - tx1!] : [bx1! - tx1!, tx0! - bx0!]
      assert.ok(near(spine, 0) && near(outside, 0.125 * inch), `page ${index + 1}: spine ${spine}, outside ${outside}`)
      assert.deepEqual(page.MediaBox, page.BleedBox)
      const height = by1! - by0!
      // As poppler's word boxes measure: from the page's top left.
      trims.push([tx0! - bx0!, height - (ty1! - by0!), tx1! - bx0!, height - (ty0! - by0!)])
    })
    // Nothing printed within 0.5 in of the trim.
    ;(await wordBoxes(pdf.file)).forEach(({ words }, index) => {
      const [left, top, right, bottom] = trims[index]!
      const clear = 0.5 * inch - 0.01
      for (const [x0, y0, x1, y1] of words) assert.ok(x0 >= left! + clear && y0 >= top! + clear && x1 <= right! - clear && y1 <= bottom! - clear, `word at ${x0} ${y0} ${x1} ${y1} on page ${index + 1}`)
    })
    // The last page is blank.
    const { stdout: last } = await run('pdftotext', ['-f', String(pdf.pages), '-l', String(pdf.pages), pdf.file, '-'])
    assert.equal(last.trim(), '')
    const streams = await contentStreams(pdf.file)
    assert.equal(streams.length, pdf.pages)
    const colours = colourUse(streams)
    assert.deepEqual(colours.rgb, [])
    // The formulas are drawn (as outlines, not set as their TeX), in those colours too.
    const { stdout: words } = await run('pdftotext', [pdf.file, '-'])
    assert.match(words, /A formula,[\s\S]{0,20}in a line\./)
    assert.doesNotMatch(words, /\\frac|\\sum|\\sqrt/)
    const formulaFills = streams.flatMap((stream) => [...stream.matchAll(/\/DeviceCMYK cs\s+((?:[-\d.]+\s+){4})scn/g)].map((match) => match[1]!.trim()))
    assert.ok(formulaFills.length > 0, 'the formulas fill in process colour')
    for (const fill of formulaFills) assert.equal(fill, '0 0 0 1', 'in black alone')
    // Running text in 100 % K; greys (the running heads) in black alone too.
    assert.ok(colours.textFills.includes('0 0 0 1 k'))
    for (const fill of colours.textFills) assert.match(fill, /^0 0 0 [\d.]+ k$/, fill)
    const raw = await uncompressed(pdf.file)
    assert.doesNotMatch(raw, /\/Annots/)
    assert.doesNotMatch(raw, /\/SMask/)
    assert.doesNotMatch(raw, /\/DeviceRGB/)
    for (const alpha of raw.matchAll(/\/(?:CA|ca) ([\d.]+)/g)) assert.equal(Number(alpha[1]), 1)
    assert.match(raw, /\/OutputIntents/)
    assert.match(raw, /\/S \/GTS_PDFX/)
    assert.match(raw, /\/OutputConditionIdentifier \(CGATS TR 001\)/)
    assert.match(raw, /\/RegistryName \(http:\/\/www\.color\.org\)/)
    assert.equal(info.Title, 'Pressed')
    assert.match(raw, /\/GTS_PDFXVersion \d+ 0 R/)
    assert.match(raw, /\(PDF\/X-1a:2001\)/)
    assert.match(raw, /\/GTS_PDFXConformance \d+ 0 R/)
    const trapped = /\/Trapped (\d+) 0 R/.exec(raw)
    assert.ok(trapped)
    assert.match(raw, new RegExp(`\\n${trapped[1]} 0 obj\\n/False\\nendobj`))
    // The pictures, the PNG with transparency flattened on white and the JPEG in RGB, in CMYK.
    const { stdout: images } = await run('pdfimages', ['-list', pdf.file])
    const colourSpaces = images.split('\n').slice(2).filter(Boolean).map((line) => line.trim().split(/\s+/)[5])
    assert.ok(colourSpaces.length >= 2 * 3)
    for (const space of colourSpaces) assert.equal(space, 'cmyk')
    for (const font of await pdfFonts(pdf.file)) assert.ok(font.embedded, font.name)
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })

  it('a book that ends on an even page gets two blank pages, so the count stays even and the last is blank', async () => {
    const odd = await press(await linkedBook(), 'ingram', '6x9')
    const book = await linkedBook()
    // Half the text: another count, whichever parity it has, is made even with a blank last page.
    for (const chapter of book.chapters) chapter.blocks = chapter.blocks.slice(0, 6)
    const other = await press(book, 'ingram', '6x9')
    for (const pdf of [odd, other]) {
      assert.equal(pdf.pages % 2, 0)
      const { stdout } = await run('pdftotext', ['-f', String(pdf.pages), '-l', String(pdf.pages), pdf.file, '-'])
      assert.equal(stdout.trim(), '')
    }
  })
})

describe('--press offset', () => {
  it('PDF/X-4: PDF 1.6, XMP naming it, an output intent, 3 mm bleed, crop marks outside the bleed box, no links', async () => {
    const pdf = await press(await linkedBook(), 'offset', 'a5')
    const info = await pdfInfo(pdf.file)
    assert.equal(info['PDF version'], '1.6')
    const [page] = await allBoxes(pdf.file, 1)
    const trim = page!.TrimBox!
    const bleed = page!.BleedBox!
    const media = page!.MediaBox!
    assert.ok(near(trim[2]! - trim[0]!, 148 * mm) && near(trim[3]! - trim[1]!, 210 * mm))
    for (let side = 0; side < 2; side++) assert.ok(near(trim[side]! - bleed[side]!, 3 * mm) && near(bleed[side + 2]! - trim[side + 2]!, 3 * mm))
    assert.ok(media[2]! > bleed[2]! && media[3]! > bleed[3]! && bleed[0]! > 0)
    // Crop marks: rules on the trim's lines that begin beyond the bleed, in the slug.
    const [first] = await contentStreams(pdf.file)
    const marks = [...first!.matchAll(/([-\d.]+) ([-\d.]+) m\s+([-\d.]+) ([-\d.]+) l/g)].map((match) => match.slice(1, 5).map(Number))
    const outside = (x: number, y: number): boolean => x < bleed[0]! || x > bleed[2]! || y < bleed[1]! || y > bleed[3]!
    // (A formula's outlines are drawn in their own coordinates, which may lie anywhere: only rules count.)
    const onTrimLine = ([x1, y1, x2, y2]: number[]): boolean =>
      (x1 === x2 && (near(x1!, trim[0]!) || near(x1!, trim[2]!))) || (y1 === y2 && (near(y1!, trim[1]!) || near(y1!, trim[3]!)))
    const cropMarks = marks.filter(([x1, y1, x2, y2]) => outside(x1!, y1!) && outside(x2!, y2!) && onTrimLine([x1!, y1!, x2!, y2!]))
    assert.equal(cropMarks.length, 8)
    // In registration colour: the Separation named All, which prints on every plate.
    assert.match(first!, /\/CS\d+ CS\s+1 SCN/)
    const raw = await uncompressed(pdf.file)
    assert.match(raw, /\/Separation\s+\/All/)
    assert.match(raw, /<pdfxid:GTS_PDFXVersion>PDF\/X-4<\/pdfxid:GTS_PDFXVersion>/)
    assert.match(raw, /\/OutputConditionIdentifier \(FOGRA39\)/)
    // PDF/X-4 embeds the condition's ICC profile: an output (printer) profile of CMYK to Lab.
    assert.match(raw, /\/DestOutputProfile \d+ 0 R/)
    assert.match(raw, /prtrCMYKLab /)
    assert.doesNotMatch(raw, /\/Annots/)
    assert.deepEqual(colourUse(await contentStreams(pdf.file)).rgb, [])
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })
})

describe('process colour and derived margins', () => {
  it('the theme’s text colour prints as 100 % K, greys on the black plate alone, other colours in CMYK', () => {
    const text = [0x1a / 255, 0x1a / 255, 0x1a / 255]
    assert.deepEqual(processColour(text, text), [0, 0, 0, 1])
    assert.deepEqual(processColour([1 / 3, 1 / 3, 1 / 3], text), [0, 0, 0, 0.6667])
    assert.deepEqual(processColour([1, 0, 0], text), [0, 1, 1, 0])
    assert.deepEqual(processColour([1, 1, 1]), [0, 0, 0, 0])
    assert.deepEqual(processColour([0, 0, 0]), [0, 0, 0, 1])
  })

  it('a trim the theme has no margins for takes those of its page nearest in width, scaled with the page', () => {
    // 5.5 × 8.5 in is nearest A5 (5.83 in wide) among the default theme's pages.
    const a5 = pageGeometry(defaultTheme, 'a5')
    const trim = pageGeometry(defaultTheme, '5.5x8.5')
    assert.ok(near(trim.margins.inner, (a5.margins.inner * 5.5 * inch) / a5.width, 1e-9))
    assert.ok(near(trim.margins.top, (a5.margins.top * 8.5 * inch) / a5.height, 1e-9))
    // A theme's own margins for a trim are used as they are.
    const own = { top: 40, bottom: 50, inner: 45, outer: 35 }
    assert.deepEqual(pageGeometry(extendTheme(defaultTheme, { margins: { '5.5x8.5': own } }), '5.5x8.5').margins, own)
  })
})
