/**
 * One typography layer: the EPUB's CSS and the PDF's setting come from the same
 * theme. The CSS is read as the EPUB ships it; the PDF is measured from its
 * glyphs with poppler, not from Octavo's own account of what it drew.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import { cssRules } from '../../src/epub/index.js'
import { defaultTheme, paragraphIndent } from '../../src/theme/index.js'
import { octavo, pdfFonts, root, tempDir } from '../support/tools.js'

const run = promisify(execFile)

interface PdfLine {
  text: string
  xMin: number
  /** Height of the line's glyph boxes: poppler scales it with the font size. */
  height: number
}

/** Lines of the first pages, with their left edges and heights, from `pdftotext -bbox-layout`. */
async function pdfLines(file: string, lastPage: number): Promise<PdfLine[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', '-l', String(lastPage), file, '-'], { maxBuffer: 64 * 1024 * 1024 })
  const lines: PdfLine[] = []
  for (const [, attributes, body] of stdout.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
    const number = (name: string): number => Number(new RegExp(`${name}="([^"]+)"`).exec(attributes!)![1])
    const words = [...body!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((match) => match[1]!)
    lines.push({ text: words.join(' '), xMin: number('xMin'), height: number('yMax') - number('yMin') })
  }
  return lines
}

function declaration(selector: string, property: string): string {
  const rule = cssRules(defaultTheme).find((candidate) => candidate.selector === selector)
  const value = rule?.declarations[property]
  assert.ok(value !== undefined, `the CSS sets ${property} on ${selector}`)
  return value
}

const ems = (value: string): number => (value === '0' ? 0 : Number(/^([\d.]+)em$/.exec(value)![1]))

describe('the EPUB and the PDF share one typography layer', () => {
  let pdf: string
  let lines: PdfLine[]
  /** The first line starting so; with `next`, the last one before the line starting with `next` (a heading, not its contents entry). */
  const line = (start: string, next?: string): PdfLine => {
    const end = next === undefined ? lines.length : lines.findIndex((candidate) => candidate.text.startsWith(next))
    const candidates = lines.slice(0, end).filter((candidate) => candidate.text.startsWith(start))
    const found = next === undefined ? candidates[0] : candidates.at(-1)
    assert.ok(found, `a PDF line starts with "${start}"`)
    return found
  }

  before(async () => {
    const out = await tempDir()
    const result = await octavo(['build', path.join(root, 'test/fixtures/book'), '--out', out, '--format', 'pdf', '--quiet'])
    assert.equal(result.code, 0, result.stderr)
    pdf = path.join(out, 'book.pdf')
    lines = await pdfLines(pdf, 12)
  })

  it('sets text in the same face', async () => {
    const family = defaultTheme.fonts.text.family
    assert.ok(declaration('body', 'font-family').startsWith(`"${family}"`))
    assert.ok(declaration('h1', 'font-family').startsWith(`"${family}"`))
    const fonts = await pdfFonts(pdf)
    const compact = family.replace(/\s+/g, '')
    assert.ok(fonts.some((font) => font.name.endsWith(`+${compact}-Regular`)), `the PDF sets body text in ${family}`)
    assert.ok(fonts.some((font) => font.name.endsWith(`+${compact}-Bold`)), `the PDF sets headings in ${family} Bold`)
  })

  it('gives headings the same size relative to the text', () => {
    const body = line('The boat left Mara').height
    for (const [selector, start, next] of [['h1', 'Arrival', 'The boat left Mara'], ['h2', 'The tower', 'Inside, the tower']] as const) {
      const pdfRatio = line(start, next).height / body
      const cssRatio = ems(declaration(selector, 'font-size'))
      assert.ok(Math.abs(pdfRatio - cssRatio) < 0.02, `${selector}: PDF ${pdfRatio.toFixed(3)}× the text, CSS ${cssRatio}em`)
    }
  })

  it('indents a paragraph that follows a paragraph, and only that one', () => {
    assert.equal(declaration('p', 'text-indent'), '0')
    const cssIndent = ems(declaration('p + p', 'text-indent')) * defaultTheme.size
    const pdfIndent = line('The path up to the tower').xMin - line('The boat left Mara').xMin
    assert.ok(Math.abs(pdfIndent - cssIndent) < 0.1, `PDF indent ${pdfIndent.toFixed(2)} pt, CSS ${cssIndent} pt`)
    assert.ok(Math.abs(cssIndent - paragraphIndent(defaultTheme)) < 0.01)
  })
})
