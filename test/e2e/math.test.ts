/**
 * Mathematics in both editions: `test/fixtures/math/chapter.md` (fractions,
 * roots, matrices, sums with limits, aligned equations, accents) as MathML in
 * the EPUB and as vector outlines set in the PDF's lines; a formula that
 * cannot be read reported where it stands and set as code in both.
 */
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import JSZip from 'jszip'
import { epubBodyText, pdfBodyText } from '../support/editions.js'
import { hyphenatedIn, lineTops, pdfContent, proseWords } from '../support/math.js'
import { epubcheck, octavoInProcess, pdfFonts, pdfText, root, tempDir } from '../support/tools.js'
import { countWords, joinHyphenatedLines, missingWords } from '../support/words.js'

const fixtures = path.join(root, 'test/fixtures/math')
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }

async function build(input: string, out: string): Promise<string> {
  const result = await octavoInProcess(['build', input, '--out', out, '--quiet', '--no-cache'], env)
  assert.equal(result.code, 0, result.stderr)
  return result.stderr
}

async function epubFile(epub: string, name: RegExp): Promise<{ name: string; text: string }> {
  const zip = await JSZip.loadAsync(await readFile(epub))
  const entry = Object.values(zip.files).find((file) => name.test(file.name))
  assert.ok(entry, `the EPUB holds ${name}`)
  return { name: entry.name, text: await entry.async('string') }
}

/** Formulas in a manuscript, as remark-math reads them: `$…$` in lines and `$$…$$` on lines of their own. */
function formulaCount(markdown: string): { inline: number; display: number } {
  const display = markdown.match(/^\$\$\n[\s\S]*?\n\$\$$/gm)?.length ?? 0
  const inline = markdown.replace(/^\$\$\n[\s\S]*?\n\$\$$/gm, '').match(/\$[^$\s][^$]*?\$(?![0-9])/g)?.length ?? 0
  return { inline, display }
}

describe('mathematics: test/fixtures/math/chapter.md', () => {
  let out: string
  let warnings: string
  let markdown: string
  let epub: string
  let pdf: string

  before(async () => {
    out = await tempDir()
    markdown = await readFile(path.join(fixtures, 'chapter.md'), 'utf8')
    warnings = await build(path.join(fixtures, 'chapter.md'), out)
    epub = path.join(out, 'chapter.epub')
    pdf = path.join(out, 'chapter.pdf')
  })

  it('builds without a warning', () => {
    assert.equal(warnings, '')
  })

  it('passes EPUBCheck with no error and no warning, its formulas in MathML', async () => {
    const result = await epubcheck(epub)
    assert.deepEqual(result.problems, [])
    assert.equal(result.code, 0)
  })

  it('sets every formula as MathML with its TeX as alt text, display formulas as blocks', async () => {
    const chapter = await epubFile(epub, /chapter-1\.xhtml$/)
    const maths = [...chapter.text.matchAll(/<math ([^>]*)>/g)].map(([, attributes]) => attributes!)
    const expected = formulaCount(markdown)
    assert.equal(maths.length, expected.inline + expected.display)
    assert.equal(maths.filter((attributes) => /display="block"/.test(attributes)).length, expected.display)
    for (const attributes of maths) {
      assert.match(attributes, /xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"/)
      assert.match(attributes, /alttext="[^"]+"/)
    }
    assert.match(chapter.text, /alttext="\\frac\{n\}\{c\}\\,t_s"/, 'the TeX as written, its `\\,` kept')
  })

  it("gives the documents with MathML the manifest's mathml property, and says so in the accessibility metadata", async () => {
    const opf = (await epubFile(epub, /content\.opf$/)).text
    const items = [...opf.matchAll(/<item [^>]*\/>/g)].map(([item]) => item)
    const chapterItem = items.find((item) => /href="chapter-1\.xhtml"/.test(item))
    assert.match(chapterItem ?? '', /properties="mathml"/)
    for (const item of items.filter((entry) => /href="(cover|titlepage|colophon)\.xhtml"/.test(entry))) assert.doesNotMatch(item, /mathml/)
    assert.match(opf, /<meta property="schema:accessibilityFeature">MathML<\/meta>/)
    assert.match(opf, /<meta property="schema:accessibilityFeature">describedMath<\/meta>/)
  })

  it('leaves no raw TeX in the PDF text, and embeds no font for the formulas', async () => {
    const text = (await pdfText(pdf)).join('\n')
    assert.doesNotMatch(text, /\\[a-z]+|\\,|\^\{|_\{/, 'no TeX command, script or spacing in the text')
    const fonts = (await pdfFonts(pdf)).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
    for (const font of fonts) assert.match(font, /^Literata-/, `${font} is a face of the text, none is the formulas'`)
  })

  it("draws the formulas as paths: the page's curves are many", async () => {
    const content = await pdfContent(pdf)
    // A Bézier curve (`c`) per stroke of a glyph's outline: the text itself is drawn from fonts, with none.
    const curves = content.match(/^(?:-?[\d.]+ ){6}c$/gm)?.length ?? 0
    assert.ok(curves > 200, `${curves} curves`)
  })

  it('loses no word of the prose around the formulas in either edition', async () => {
    const expected = proseWords(markdown)
    const epubWords = countWords(await epubBodyText(epub))
    assert.deepEqual(missingWords(expected, epubWords), [], 'words missing from the EPUB')
    const pdfRaw = await pdfBodyText(pdf, ['Waves and Sums'])
    const pdfWords = countWords(joinHyphenatedLines(pdfRaw, expected))
    assert.deepEqual(missingWords(expected, pdfWords).filter(([word]) => !hyphenatedIn(pdfRaw, word)), [], 'words missing from the PDF')
  })
})

describe('mathematics: a line grows only when its formula needs it', () => {
  const prose = 'Words before the formula fill the line and run on so that the paragraph takes several lines of the page, each of them the same distance from the one before when nothing in them is taller than the text.'
  const gaps = async (formula: string): Promise<number[]> => {
    const out = await tempDir()
    const file = path.join(out, 'lines.md')
    await writeFile(file, `---\ntitle: Lines\nlang: en\n---\n\n${prose} Here ${formula} stands in the line. ${prose}\n`)
    await build(file, out)
    const tops = (await lineTops(path.join(out, 'lines.pdf'))).filter((line) => !/^(Lines|\d+)$/.test(line.text))
    return tops.slice(1).map((line, index) => Number((line.top - tops[index]!.top).toFixed(2)))
  }

  it('keeps the leading for a formula no taller than the text', async () => {
    const found = await gaps('$x + y$')
    assert.ok(found.length >= 4, `${found.length + 1} lines`)
    assert.equal(new Set(found).size, 1, `every line as far from the last: ${found.join(', ')}`)
  })

  it('moves the lines around a tall formula apart, and no others', async () => {
    const found = await gaps('$\\dfrac{\\sum_{i=1}^{n} a_i}{\\prod_{j=1}^{m} b_j}$')
    const leading = Math.min(...found)
    const grown = found.filter((gap) => gap > leading + 1)
    assert.ok(grown.length >= 1 && grown.length <= 2, `the line with the formula and the one after it: ${found.join(', ')}`)
    assert.equal(found.filter((gap) => gap !== leading && gap <= leading + 1).length, 0, `the rest keep the leading: ${found.join(', ')}`)
  })
})

describe('mathematics: a formula that cannot be read', () => {
  let out: string
  let warnings: string

  before(async () => {
    out = await tempDir()
    warnings = await build(path.join(fixtures, 'bad-formula.md'), out)
  })

  it('is a warning with its file, line and column', () => {
    const lines = warnings.trim().split('\n')
    assert.equal(lines.length, 2, warnings)
    assert.match(lines[0]!, /bad-formula\.md:7:32: warning: formula cannot be read \(.*\\frac\{a.*\); it is set as code/)
    assert.match(lines[1]!, /bad-formula\.md:9:1: warning: formula cannot be read \(.*\\undefinedcommand.*\); it is set as code/)
  })

  it('is set as code in the EPUB, which stays valid', async () => {
    const epub = path.join(out, 'bad-formula.epub')
    const chapter = (await epubFile(epub, /chapter-1\.xhtml$/)).text
    assert.match(chapter, /<code>\\frac\{a<\/code>/)
    assert.match(chapter, /<pre[^>]*><code[^>]*>\\undefinedcommand\{x\}<\/code><\/pre>/)
    assert.doesNotMatch(chapter, /<math/)
    const result = await epubcheck(epub)
    assert.deepEqual(result.problems, [])
  })

  it('is set as code in the PDF, in the mono face, with every word around it', async () => {
    const pdf = path.join(out, 'bad-formula.pdf')
    const text = (await pdfText(pdf)).join('\n')
    assert.match(text, /\\frac\{a/)
    assert.match(text, /\\undefinedcommand\{x\}/)
    const fonts = await pdfFonts(pdf)
    assert.ok(fonts.some((font) => /Mono/i.test(font.name)), fonts.map((font) => font.name).join(', '))
    const expected = proseWords(await readFile(path.join(fixtures, 'bad-formula.md'), 'utf8'))
    assert.deepEqual(missingWords(expected, countWords(joinHyphenatedLines(text, expected))), [])
  })
})
