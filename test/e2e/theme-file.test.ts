import assert from 'node:assert/strict'
import { copyFile, cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, it } from 'node:test'
import * as fontkit from 'fontkit'
import JSZip from 'jszip'
import { epubcheck, octavoInProcess, pdfFonts, pdfInfo, pdfText, root, tempDir } from '../support/tools.js'

const fixture = path.join(root, 'test/fixtures/theme-file')

/** The fixture (an article naming `./press.yaml` in its front matter, the theme, its fonts) in a fresh folder. */
async function copyFixture(): Promise<string> {
  const folder = await tempDir('octavo-theme-e2e-')
  await cp(fixture, folder, { recursive: true })
  return folder
}

async function epubFiles(file: string): Promise<JSZip> {
  return JSZip.loadAsync(await readFile(file))
}

describe('a writer’s own theme file', () => {
  it('sets both editions in the writer’s own fonts, TrueType and WOFF2, from the theme the front matter names', async () => {
    const folder = await copyFixture()
    const out = path.join(folder, 'out')
    const result = await octavoInProcess(['build', path.join(folder, 'article.md'), '--out', out, '--no-cache', '--quiet', '--report'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stderr, '', 'no warning')
    assert.match(result.stdout, /overfull lines\s+0\n/)

    const fonts = (await pdfFonts(path.join(out, 'article.pdf'))).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
    for (const face of ['SourceSerif4-Regular', 'SourceSerif4-Italic', 'SourceSerif4-Bold']) assert.ok(fonts.includes(face), `${face} in ${fonts.join(', ')}`)
    assert.ok(!fonts.some((font) => font.startsWith('Literata')), 'no Literata: the text is set in the theme’s faces')
    assert.ok((await pdfFonts(path.join(out, 'article.pdf'))).every((font) => font.embedded && font.subset))
    const text = (await pdfText(path.join(out, 'article.pdf'))).join('\n')
    assert.match(text, /an italic\s+phrase/, 'the italic (a WOFF2 file) has its text')

    const epub = path.join(out, 'article.epub')
    const zip = await epubFiles(epub)
    const opf = await zip.file('OEBPS/content.opf')!.async('string')
    const css = await zip.file('OEBPS/style.css')!.async('string')
    for (const name of ['SourceSerif4-Regular.ttf', 'SourceSerif4-Italic.ttf', 'SourceSerif4-Bold.ttf', 'SourceSerif4-BoldItalic.ttf']) {
      assert.match(opf, new RegExp(`<item id="font-\\d+" href="fonts/${name.replace('.', '\\.')}" media-type="font/ttf" />`))
      const bytes = await zip.file(`OEBPS/fonts/${name}`)!.async('uint8array')
      assert.equal(Buffer.from(bytes.subarray(0, 4)).toString('hex'), '00010000', `${name} is a TrueType file, unpacked from WOFF2 where it was one`)
    }
    assert.match(css, /@font-face \{\s*font-family: "Source Serif 4";\s*font-style: italic;\s*font-weight: 400;\s*src: url\("fonts\/SourceSerif4-Italic\.ttf"\) format\("truetype"\);/)
    assert.match(css, /body \{\s*font-family: "Source Serif 4"/)
    const colophon = await zip.file('OEBPS/colophon.xhtml')!.async('string')
    assert.match(colophon, /Set in Source Serif 4 and JetBrains Mono \(<a href="https:\/\/openfontlicense\.org\/">SIL Open Font License 1\.1<\/a>\)/)
    const check = await epubcheck(epub)
    assert.deepEqual(check.problems, [])
    assert.equal(check.code, 0)
  })

  it('embeds an OpenType file with CFF outlines in both editions, as OpenType in the EPUB', async () => {
    const folder = await copyFixture()
    const out = path.join(folder, 'out')
    await writeFile(path.join(folder, 'garamond.yaml'), 'extends: default\nfonts:\n  text:\n    file: ./EBGaramond12-Regular.otf\n')
    const result = await octavoInProcess(['build', path.join(folder, 'article.md'), '--out', out, '--quiet', '--no-cache', '--theme', path.join(folder, 'garamond.yaml')])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, /garamond\.yaml:4:5: warning: the text faces are of different families \(text in EB Garamond; textItalic, textBold, textBoldItalic in Literata\)/)
    const fonts = await pdfFonts(path.join(out, 'article.pdf'))
    assert.ok(fonts.some((font) => font.name.endsWith('+EBGaramond12-Regular') && font.embedded && font.subset), fonts.map((font) => font.name).join(', '))
    const zip = await epubFiles(path.join(out, 'article.epub'))
    assert.match(await zip.file('OEBPS/content.opf')!.async('string'), /<item id="font-1" href="fonts\/EBGaramond12-Regular\.otf" media-type="font\/otf" \/>/)
    assert.match(await zip.file('OEBPS/style.css')!.async('string'), /font-family: "EB Garamond";\s*font-style: normal;\s*font-weight: 400;\s*src: url\("fonts\/EBGaramond12-Regular\.otf"\) format\("opentype"\);/)
    const embedded = await zip.file('OEBPS/fonts/EBGaramond12-Regular.otf')!.async('uint8array')
    assert.equal(Buffer.from(embedded.subarray(0, 4)).toString('latin1'), 'OTTO')
    assert.deepEqual((await epubcheck(path.join(out, 'article.epub'))).problems, [])
  })

  it('exits 1 with file:line:column for a wrong key, a wrong value and a wrong type, before any edition is made', async () => {
    const folder = await copyFixture()
    const out = path.join(folder, 'out')
    for (const [text, expected] of [
      ['extends: default\nsize: 11\ncolours:\n  heding: "#000000"\n', /press\.yaml:4:3: error: unknown key `heding` in `colours` \(did you mean `heading`\?\); allowed here: text, heading, link, muted, rule, codeBackground, mark/],
      ['extends: default\nroles:\n  h2:\n    align: middle\n', /press\.yaml:4:12: error: `roles\.h2\.align` must be one of justify, left, center, right, not the text `middle`/],
      ['extends: default\nleading: [1.4]\n', /press\.yaml:2:10: error: `leading` must be a number greater than 0, not a list/],
      ['extends: gothic\n', /press\.yaml:1:10: error: `extends`: no built-in theme `gothic`; the built-in themes are default/],
    ] as const) {
      await writeFile(path.join(folder, 'press.yaml'), text)
      const result = await octavoInProcess(['build', path.join(folder, 'article.md'), '--out', out, '--quiet'])
      assert.equal(result.code, 1, result.stderr)
      assert.match(result.stderr, expected)
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr)
    }
    await assert.rejects(readFile(path.join(out, 'article.pdf')), 'nothing written')
  })

  it('takes a theme file from --theme PATH over the manuscript’s, and a built-in name from --theme over both', async () => {
    const folder = await copyFixture()
    const out = path.join(folder, 'out')
    await writeFile(path.join(folder, 'other.yaml'), 'extends: default\nfonts:\n  text:\n    file: ./SourceSerif4-Bold.ttf\n    family: Other Serif\n')
    const fromFlag = await octavoInProcess(['build', path.join(folder, 'article.md'), '--out', out, '--quiet', '--format', 'pdf', '--theme', path.join(folder, 'other.yaml')])
    assert.equal(fromFlag.code, 0, fromFlag.stderr)
    const flagFonts = (await pdfFonts(path.join(out, 'article.pdf'))).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
    assert.ok(flagFonts.includes('SourceSerif4-Bold') && flagFonts.some((font) => font.startsWith('Literata-Italic')), flagFonts.join(', '))

    const builtIn = await octavoInProcess(['build', path.join(folder, 'article.md'), '--out', out, '--quiet', '--format', 'pdf', '--theme', 'default'])
    assert.equal(builtIn.code, 0, builtIn.stderr)
    const builtInFonts = (await pdfFonts(path.join(out, 'article.pdf'))).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
    assert.ok(builtInFonts.every((font) => !font.startsWith('SourceSerif4')), builtInFonts.join(', '))
  })

  it('keys the caches by a font file’s content: a font changed under the same name is not taken for the old one', async () => {
    const folder = await copyFixture()
    const out = path.join(folder, 'out')
    // One date for every build: the article has none, and builds a second apart would differ by it alone.
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
    const build = async (): Promise<string[]> => {
      const result = await octavoInProcess(['build', path.join(folder, 'article.md'), '--out', out, '--quiet'], env)
      assert.equal(result.code, 0, result.stderr)
      assert.doesNotMatch(result.stderr, /error/)
      const zip = await epubFiles(path.join(out, 'article.epub'))
      const regular = await zip.file('OEBPS/fonts/SourceSerif4-Regular.ttf')!.async('uint8array')
      const fonts = (await pdfFonts(path.join(out, 'article.pdf'))).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
      return [...fonts, `epub:${(fontkit.create(Buffer.from(regular)) as fontkit.Font).postscriptName}`]
    }
    // What the font says of itself is stated, so that only the file's bytes tell the two apart.
    await writeFile(path.join(folder, 'press.yaml'), 'fonts:\n  text:\n    file: ./SourceSerif4-Regular.ttf\n    family: Source Serif 4\n    weight: 400\n    style: normal\n')
    const cwd = process.cwd()
    process.chdir(folder)
    try {
      const first = await build()
      assert.ok(first.includes('SourceSerif4-Regular') && first.includes('epub:SourceSerif4-Regular'), first.join(', '))
      // The bold face's bytes under the regular face's name: what the editions carry must follow.
      await copyFile(path.join(folder, 'SourceSerif4-Bold.ttf'), path.join(folder, 'SourceSerif4-Regular.ttf'))
      const second = await build()
      assert.ok(!second.includes('SourceSerif4-Regular') && second.includes('epub:SourceSerif4-Bold'), second.join(', '))
      // Set from the cache, the print edition is the one set afresh: no line was kept from the old face's widths.
      const fresh = path.join(folder, 'fresh')
      assert.equal((await octavoInProcess(['build', path.join(folder, 'article.md'), '--out', fresh, '--quiet', '--no-cache'], env)).code, 0)
      assert.ok((await readFile(path.join(out, 'article.pdf'))).equals(await readFile(path.join(fresh, 'article.pdf'))), 'the cached build equals a build without the cache')
    } finally {
      process.chdir(cwd)
    }
  })

  it('exits 1 naming a theme file that is not there', async () => {
    const folder = await copyFixture()
    const result = await octavoInProcess(['build', path.join(folder, 'article.md'), '--out', folder, '--quiet', '--theme', path.join(folder, 'missing.yaml')])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /missing\.yaml: error: cannot read the theme file \(no such file\)/)
  })
})

describe('book.yaml’s theme, page and toc', () => {
  it('sets the book on the page and in the theme book.yaml names; the command line wins', async () => {
    const folder = await tempDir('octavo-book-settings-')
    await cp(path.join(root, 'test/fixtures/book'), folder, { recursive: true })
    await cp(fixture, path.join(folder, 'theme'), { recursive: true, filter: (file) => !file.endsWith('.md') })
    const yaml = await readFile(path.join(folder, 'book.yaml'), 'utf8')
    await writeFile(path.join(folder, 'book.yaml'), `${yaml.trimEnd()}\npage: letter\ntheme: theme/press.yaml\ntoc: 1\n`)
    const out = path.join(folder, 'out')
    const result = await octavoInProcess(['build', folder, '--out', out, '--quiet', '--no-cache'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stderr, '')
    const name = path.basename(folder)
    assert.match((await pdfInfo(path.join(out, `${name}.pdf`)))['Page size']!, /^612 x 792 pts \(letter\)/)
    const fonts = (await pdfFonts(path.join(out, `${name}.pdf`))).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
    assert.ok(fonts.includes('SourceSerif4-Regular'), fonts.join(', '))
    const check = await epubcheck(path.join(out, `${name}.epub`))
    assert.deepEqual(check.problems, [])

    const flagged = await octavoInProcess(['build', folder, '--out', out, '--quiet', '--format', 'pdf', '--page', 'a5'])
    assert.equal(flagged.code, 0, flagged.stderr)
    assert.match((await pdfInfo(path.join(out, `${name}.pdf`)))['Page size']!, /^419\.\d+ x 595\.\d+ pts/)
  })

  it('fails at book.yaml’s line for a page it does not know, and for a theme that is neither built in nor a file', async () => {
    const folder = await tempDir('octavo-book-settings-')
    await cp(path.join(root, 'test/fixtures/book'), folder, { recursive: true })
    const yaml = (await readFile(path.join(folder, 'book.yaml'), 'utf8')).trimEnd()
    const line = yaml.split('\n').length + 1
    for (const [extra, expected] of [
      ['page: a3', new RegExp(`book\\.yaml:${line}:7: error: \`page\` must be one of a5, a4, letter, 6x9, 5x8, .*, not \`a3\``)],
      ['theme: clasic', new RegExp(`book\\.yaml:${line}:1: error: no built-in theme \`clasic\`: the built-in themes are default, modern, novel, manual; a theme file is named by its path`)],
      ['toc: 9', new RegExp(`book\\.yaml:${line}:6: error: \`toc\` must be true or the depth of the contents, from 1 to 6, not \`9\``)],
    ] as const) {
      await writeFile(path.join(folder, 'book.yaml'), `${yaml}\n${extra}\n`)
      const result = await octavoInProcess(['build', folder, '--out', path.join(folder, 'out'), '--quiet'])
      assert.equal(result.code, 1, result.stderr)
      assert.match(result.stderr, expected)
    }
  })
})
