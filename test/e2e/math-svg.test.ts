/**
 * `math: svg`: the EPUB's formulas as inline SVG with their TeX as text
 * alternative, for e-readers without MathML; the same book with the default
 * (`mathml`) for comparison. Both pass EPUBCheck.
 */
import assert from 'node:assert/strict'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import JSZip from 'jszip'
import { decodeXml, epubcheck, octavoInProcess, tempDir } from '../support/tools.js'

const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }

const inline = ['\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}', 'x^2', '\\frac{1}{2}']
const display = ['\\int_0^1 x^2 \\, dx = \\frac{1}{3}', 'E = mc^2']

function manuscript(math: string | undefined): string {
  return `---
title: Sums
lang: en
${math === undefined ? '' : `math: ${math}\n`}---

# Sums

The sum $${inline[0]}$ stands in the line, and $${inline[1]}$ too.

$$
${display[0]}
$$

$$ ${display[1]} $$ {#eq:energy}

As @eq:energy says, a cell holds one:

| Quantity | Value |
|----------|-------|
| Half | $${inline[2]}$ |
`
}

interface Edition {
  epub: string
  chapter: string
  opf: string
  css: string
}

async function buildEdition(math: string | undefined): Promise<Edition> {
  const out = await tempDir()
  const folder = path.join(out, 'book')
  await mkdir(folder)
  const file = path.join(folder, 'sums.md')
  await writeFile(file, manuscript(math))
  const result = await octavoInProcess(['build', file, '--out', out, '--format', 'epub', '--quiet', '--no-cache'], env)
  assert.equal(result.code, 0, result.stderr)
  assert.equal(result.stderr, '', 'no warning')
  const epub = path.join(out, 'sums.epub')
  const zip = await JSZip.loadAsync(await readFile(epub))
  const text = async (name: RegExp): Promise<string> => {
    const entry = Object.values(zip.files).find((candidate) => name.test(candidate.name))
    assert.ok(entry, `the EPUB holds ${name}`)
    return entry.async('string')
  }
  return { epub, chapter: await text(/chapter-1\.xhtml$/), opf: await text(/content\.opf$/), css: await text(/style\.css$/) }
}

/** The `<svg>` start tags of a document, with what each holds up to its end. */
function svgs(xhtml: string): Array<{ attributes: string; body: string }> {
  return [...xhtml.matchAll(/<svg ([^>]*)>([\s\S]*?)<\/svg>/g)].map(([, attributes, body]) => ({ attributes: attributes!, body: body! }))
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)
  return match ? decodeXml(match[1]!) : undefined
}

describe('math: svg, beside the default MathML', () => {
  let svg: Edition
  let mathml: Edition

  before(async () => {
    ;[svg, mathml] = await Promise.all([buildEdition('svg'), buildEdition(undefined)])
  })

  it('passes EPUBCheck with no error and no warning in both forms', async () => {
    for (const edition of [svg, mathml]) {
      const result = await epubcheck(edition.epub)
      assert.deepEqual(result.problems, [])
      assert.equal(result.code, 0)
    }
  })

  it('sets every formula as MathML by default, and none as SVG', () => {
    assert.equal(mathml.chapter.match(/<math /g)?.length, inline.length + display.length)
    assert.equal(svgs(mathml.chapter).length, 0)
  })

  it('sets every formula as an SVG image with its TeX as aria-label and title, and no MathML', () => {
    assert.doesNotMatch(svg.chapter, /<math/)
    const found = svgs(svg.chapter)
    assert.deepEqual(found.map((entry) => attribute(entry.attributes, 'aria-label')).sort(), [...inline, ...display].sort())
    for (const { attributes, body } of found) {
      const tex = attribute(attributes, 'aria-label')!
      assert.equal(attribute(attributes, 'role'), 'img')
      assert.equal(decodeXml(/^<title>([^<]*)<\/title>/.exec(body)?.[1] ?? ''), tex, `the title of ${tex}`)
      assert.match(attribute(attributes, 'width') ?? '', /^\d+(\.\d+)?em$/, `${tex} is sized in ems`)
      assert.match(attribute(attributes, 'height') ?? '', /^\d+(\.\d+)?em$/, `${tex} is sized in ems`)
      // Drawn in the text's colour: every fill and stroke is currentColor.
      const colours = [...body.matchAll(/(?:fill|stroke)="([^"]*)"/g)].map(([, colour]) => colour)
      assert.ok(colours.length > 0)
      assert.deepEqual([...new Set(colours)], ['currentColor'], tex)
      assert.doesNotMatch(body, /<path[^>]* d=""|data-/, 'no empty path, no attribute of MathJax')
    }
  })

  it('sets the formulas in the text on the baseline and the displayed ones centred on lines of their own', () => {
    const found = svgs(svg.chapter)
    for (const { attributes } of found) {
      const tex = attribute(attributes, 'aria-label')!
      if (display.includes(tex)) assert.equal(attribute(attributes, 'class'), 'math-display', tex)
      else assert.match(attribute(attributes, 'style') ?? '', /^vertical-align: -?\d+(\.\d+)?em$/, tex)
    }
    assert.match(svg.css, /svg\.math-display \{[^}]*display: block;[^}]*margin: [\d.]+em auto;/)
  })

  it("gives the document the manifest's svg property instead of mathml", () => {
    const item = (opf: string): string => [...opf.matchAll(/<item [^>]*\/>/g)].map(([entry]) => entry).find((entry) => /href="chapter-1\.xhtml"/.test(entry)) ?? ''
    assert.match(item(svg.opf), /properties="svg"/)
    assert.match(item(mathml.opf), /properties="mathml"/)
  })

  it('says in the accessibility metadata that the formulas are described images, not MathML', () => {
    const features = (opf: string): string[] => [...opf.matchAll(/<meta property="schema:accessibilityFeature">([^<]*)<\/meta>/g)].map(([, feature]) => feature!)
    const modes = (opf: string): string[] => [...opf.matchAll(/<meta property="schema:accessMode">([^<]*)<\/meta>/g)].map(([, mode]) => mode!)
    assert.ok(!features(svg.opf).includes('MathML'), features(svg.opf).join(', '))
    assert.ok(features(svg.opf).includes('describedMath'))
    assert.ok(features(svg.opf).includes('alternativeText'))
    assert.ok(modes(svg.opf).includes('visual'))
    assert.doesNotMatch(svg.opf, /set as MathML/)
    assert.ok(features(mathml.opf).includes('MathML'))
  })
})

describe('math: a value it does not take', () => {
  it('stops the build with the value’s file, line and column', async () => {
    const out = await tempDir()
    const file = path.join(out, 'bad.md')
    await writeFile(file, '---\ntitle: Bad\nmath: png\n---\n\nText $x$.\n')
    const result = await octavoInProcess(['build', file, '--out', out, '--format', 'epub', '--quiet'], env)
    assert.equal(result.code, 1)
    assert.match(result.stderr, /bad\.md:3:7: error: `math` must be one of mathml, svg, not `png`/)
  })
})
