/**
 * The built-in themes: each builds the article and a book of chapters into
 * two editions that pass EPUBCheck, embed that theme's faces (and only the
 * faces the book sets text in) and keep the typesetting report clean; and
 * each shows its own character in both editions.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import JSZip from 'jszip'
import { Diagnostics } from '../../src/diagnostics.js'
import { cssRules } from '../../src/epub/index.js'
import { build, type BuildResult } from '../../src/pipeline.js'
import { sharedFace } from '../../src/theme/font-files.js'
import { themes, type FontFile, type Theme } from '../../src/theme/index.js'
import { epubcheck, pdfFonts, pdfText, root, tempDir } from '../support/tools.js'

const inputs = { article: path.join(root, 'content/article.md'), book: path.join(root, 'test/fixtures/book') }
const builtIn = ['modern', 'novel', 'manual'] as const

/** The PostScript name of a face, as `pdffonts` shows it after the subset tag. */
function postscriptName(font: FontFile): string {
  return sharedFace(font).postscriptName
}

/** The files of a theme's faces and fallbacks, by PostScript name. */
function themeFaceNames(theme: Theme): Set<string> {
  return new Set([...Object.values(theme.fonts), ...theme.fallbacks].map(postscriptName))
}

interface Built {
  result: BuildResult
  pdf: string
  epub: string
}

/** The two editions of an input in a theme, built in this process. */
async function buildIn(theme: Theme, input: string): Promise<Built> {
  const outDir = await tempDir()
  const diag = new Diagnostics()
  const result = await build(input, { outDir, formats: ['pdf', 'epub'], theme, page: 'a5', sourceDateEpoch: '1700000000', threads: 1 }, diag)
  const pdf = result.outputs.find((file) => file.endsWith('.pdf'))!
  const epub = result.outputs.find((file) => file.endsWith('.epub'))!
  return { result, pdf, epub }
}

async function epubFiles(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const files = new Map<string, string>()
  for (const name of Object.keys(zip.files)) if (/\.(xhtml|css|ncx)$/.test(name)) files.set(name, await zip.file(name)!.async('string'))
  return files
}

for (const name of builtIn) {
  const theme = themes[name]!
  describe(`the ${name} theme`, () => {
    it('is listed with a description of its own', () => {
      assert.equal(theme.name, name)
      assert.ok(theme.description.length > 0)
      assert.notEqual(theme.description, themes.default!.description)
    })

    it('has the glyph of its own scene break in its text face (print would otherwise set another sign than the EPUB)', () => {
      const face = sharedFace(theme.fonts.text)
      for (const char of theme.sectionBreak.replace(/\s/g, '')) assert.ok(face.hasGlyphForCodePoint(char.codePointAt(0)!), `${theme.fonts.text.family} has ${char}`)
    })

    for (const [inputName, input] of Object.entries(inputs)) {
      describe(`on the ${inputName}`, () => {
        let built: Built
        before(async () => {
          built = await buildIn(theme, input)
        })

        it('makes an EPUB that passes EPUBCheck with no error and no warning', async () => {
          const verdict = await epubcheck(built.epub)
          assert.deepEqual(verdict.problems, [])
          assert.equal(verdict.code, 0)
        })

        it('keeps the typesetting report clean: no overfull line, no widow, no orphan', () => {
          const { report } = built.result
          assert.equal(report.overfullLines, 0)
          assert.equal(report.widows, 0)
          assert.equal(report.orphans, 0)
        })

        it("embeds the theme's faces, each once, and no face of another theme", async () => {
          const fonts = await pdfFonts(built.pdf)
          const names = fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
          assert.equal(new Set(names).size, names.length, `each face once: ${names.join(', ')}`)
          const own = themeFaceNames(theme)
          for (const font of names) assert.ok(own.has(font), `${font} is a face of the ${name} theme`)
          assert.ok(names.includes(postscriptName(theme.fonts.text)), `the text face is embedded: ${names.join(', ')}`)
          const title = theme.fonts[theme.roles.title.face === 'heading' ? 'headingBold' : 'textBold']
          if (theme.roles.title.bold === true) assert.ok(names.includes(postscriptName(title)), `the title's face ${postscriptName(title)} is embedded: ${names.join(', ')}`)
          for (const font of fonts) assert.ok(font.embedded && font.subset, `${font.name} is embedded as a subset`)
        })

        it("names the theme's families in the EPUB's style sheet, a face for each file", async () => {
          const css = [...(await epubFiles(built.epub)).entries()].find(([file]) => file.endsWith('.css'))![1]
          for (const font of Object.values(theme.fonts)) assert.match(css, new RegExp(`font-family: "${font.family}"`))
          const h1 = cssRules(theme).find((rule) => rule.selector === 'h1')!
          assert.ok(h1.declarations['font-family']!.startsWith(`"${theme.fonts[theme.roles.h1.face].family}"`))
        })
      })
    }
  })
}

describe('what sets the built-in themes apart, in both editions', () => {
  let manual: Built
  let novel: Built
  let modern: Built
  before(async () => {
    manual = await buildIn(themes.manual!, inputs.book)
    novel = await buildIn(themes.novel!, inputs.book)
    modern = await buildIn(themes.modern!, inputs.book)
  })

  it('manual: numbered sections in the headings and the contents of both editions', async () => {
    const files = await epubFiles(manual.epub)
    const chapter = [...files.entries()].find(([file]) => file.endsWith('chapter-1.xhtml'))![1]
    assert.match(chapter, /<h1 id="arrival"><span class="section-number">1\u00a0<\/span>Arrival<\/h1>/)
    assert.match(chapter, /<h2 id="the-tower"><span class="section-number">1\.1\u00a0<\/span>The tower<\/h2>/)
    const nav = [...files.entries()].find(([file]) => file.endsWith('toc.xhtml'))![1]
    assert.match(nav, /<span class="toc-number">2\.1<\/span> The ship/)
    const ncx = [...files.entries()].find(([file]) => file.endsWith('toc.ncx'))![1]
    assert.match(ncx, /<text>3\.1 Stores<\/text>/)
    const pages = (await pdfText(manual.pdf)).map((page) => page.replace(/\u00a0/g, ' '))
    const contents = pages.find((page) => page.includes('Contents'))!
    for (const entry of ['1 Arrival', '1.1 The tower', '2 The Storm', '2.1 The ship', '3 Morning', '3.1 Stores']) assert.ok(contents.includes(entry), `the PDF's contents list ${entry}`)
    const body = pages.slice(pages.indexOf(contents) + 1).join('\n')
    for (const heading of ['1 Arrival', '1.1 The tower', '3.1 Stores']) assert.ok(body.includes(heading), `the PDF sets ${heading}`)
  })

  it('novel and modern: no numbers; the default: none either', async () => {
    for (const built of [novel, modern]) {
      const pages = (await pdfText(built.pdf)).join('\n')
      assert.ok(!/1\.1\s+The tower/.test(pages))
      const chapter = [...(await epubFiles(built.epub)).entries()].find(([file]) => file.endsWith('chapter-1.xhtml'))![1]
      assert.doesNotMatch(chapter, /section-number/)
    }
  })

  it("novel: each chapter opens with its first words in small capitals in the EPUB, as print sets them with EB Garamond's smcp", async () => {
    const files = await epubFiles(novel.epub)
    for (const number of [1, 2, 3]) {
      const chapter = [...files.entries()].find(([file]) => file.endsWith(`chapter-${number}.xhtml`))![1]
      assert.match(chapter, /<p><span class="lead-in">[^<]+<\/span>/, `chapter ${number} opens with a lead-in`)
    }
    assert.ok(sharedFace(themes.novel!.fonts.text).availableFeatures.includes('smcp'))
  })

  it('modern: headings in Source Sans 3, text in Source Serif 4, in both editions', async () => {
    const names = (await pdfFonts(modern.pdf)).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
    assert.ok(names.includes('SourceSans3-Bold'))
    assert.ok(names.includes('SourceSerif4-Regular'))
    const css = [...(await epubFiles(modern.epub)).entries()].find(([file]) => file.endsWith('.css'))![1]
    assert.match(css, /h2 \{[^}]*font-family: "Source Sans 3"/)
    assert.match(css, /body \{[^}]*font-family: "Source Serif 4"/)
  })
})
