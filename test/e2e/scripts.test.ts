/**
 * Every script a reader meets (`test/fixtures/scripts/scripts.md`): a page in
 * Korean, Arabic, Hebrew, Chinese and Japanese among English, built into both
 * editions and read back with the outside tools: the faces that have the
 * glyphs embedded and no other, Arabic joined in both editions, the language
 * of each run, right-to-left paragraphs set right to left; then the warnings
 * a writer gets about languages with no hyphenation patterns and characters
 * no face has.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import * as fontkit from 'fontkit'
import JSZip from 'jszip'
import { defaultTheme, fontPath } from '../../src/theme/index.js'
import { uncompressed } from '../pdf/helpers.js'
import { epubChapters, pdfWordBoxes, stderrLines, type WordBox } from '../support/conformance.js'
import { epubcheck, octavo, root, tempDir, type CommandResult, type EpubcheckResult } from '../support/tools.js'

const run = promisify(execFile)
const manuscript = path.join(root, 'test/fixtures/scripts/scripts.md')

const passages = {
  ko: '모든 사람은 태어날 때부터 자유로우며',
  ar: 'يولد جميع الناس أحرارًا متساوين',
  he: 'כל בני האדם נולדו בני חורין',
  zh: '人人生而自由，在尊严和权利上一律平等。',
  ja: 'すべての人間は、生まれながらにして自由であり、',
}

/** The faces of the default theme for a script, by family. */
function fallbackFile(family: string, weight: 400 | 700 = 400): string {
  const file = defaultTheme.fallbacks.find((font) => font.family === family && font.weight === weight)
  assert.ok(file, `the default theme has ${family} ${weight}`)
  return fontPath(file)
}

/** The bytes of an embedded font file of a PDF, by the name `pdffonts` gives it. */
async function pdfFontFile(pdf: string, fonts: string, name: string): Promise<Buffer> {
  const line = fonts.split('\n').find((candidate) => candidate.includes(`+${name} `))
  assert.ok(line, `the PDF embeds ${name}`)
  const id = line.trim().split(/\s+/).at(-2)!
  const show = async (object: string): Promise<string> => (await run('qpdf', [`--show-object=${object}`, pdf])).stdout
  const descendant = /DescendantFonts \[ (\d+) 0 R/.exec(await show(id))![1]!
  const descriptor = /FontDescriptor (\d+) 0 R/.exec(await show(descendant))![1]!
  const file = /FontFile2 (\d+) 0 R/.exec(await show(descriptor))![1]!
  const { stdout } = await run('qpdf', [`--show-object=${file}`, '--filtered-stream-data', pdf], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })
  return stdout
}

/** What the tests ask of fontkit beyond what the typesetter declares. */
interface OutlinedGlyph extends fontkit.Glyph {
  path: { toSVG(): string }
}
interface Face extends fontkit.Font {
  numGlyphs: number
  getGlyph(id: number): OutlinedGlyph
  glyphForCodePoint(code: number): OutlinedGlyph
  layout(text: string): fontkit.GlyphRun & { glyphs: OutlinedGlyph[] }
}
const openFont = (bytes: Uint8Array): Face => fontkit.create(bytes) as Face

/** Outlines of a face's glyphs, as SVG path data. */
function outlines(face: Face): Set<string> {
  const paths = new Set<string>()
  for (let id = 0; id < face.numGlyphs; id++) paths.add(face.getGlyph(id).path.toSVG())
  return paths
}

/** A word as poppler gives it for right-to-left text: its characters in visual order, reversed. */
const reversed = (word: string): string => [...word].reverse().join('')

/** Poppler's words grouped in lines (same page, baselines within 2 pt). */
function lines(words: readonly WordBox[]): WordBox[][] {
  const result: WordBox[][] = []
  for (const word of [...words].sort((a, b) => a.page - b.page || a.yMax - b.yMax)) {
    const line = result.at(-1)
    if (line && line[0]!.page === word.page && Math.abs(line[0]!.yMax - word.yMax) < 2) line.push(word)
    else result.push([word])
  }
  return result.map((line) => line.sort((a, b) => a.xMin - b.xMin))
}

describe('every script a reader meets, in both editions', () => {
  let result: CommandResult
  let check: Promise<EpubcheckResult>
  let zip: JSZip
  let xhtml: string
  let css: string
  let pdf: string
  let fonts: string
  let text: string
  let raw: string
  let words: WordBox[]

  before(async () => {
    const out = await tempDir('octavo-scripts-')
    result = await octavo(['build', manuscript, '--out', out, '--no-cache'], { ...process.env, SOURCE_DATE_EPOCH: '1700000000' })
    assert.equal(result.code, 0, result.stderr)
    const epub = path.join(out, 'scripts.epub')
    pdf = path.join(out, 'scripts.pdf')
    check = epubcheck(epub)
    zip = await JSZip.loadAsync(await readFile(epub))
    xhtml = (await epubChapters(epub))[0]!.xhtml
    css = await zip.file('OEBPS/style.css')!.async('string')
    fonts = (await run('pdffonts', [pdf])).stdout
    text = (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout
    raw = await uncompressed(pdf)
    words = await pdfWordBoxes(pdf)
  })

  it('passes EPUBCheck with no error and no warning, and warns of nothing', async () => {
    assert.deepEqual((await check).problems, [])
    assert.deepEqual(stderrLines(result).filter((line) => /warning/.test(line)), [])
  })

  it('prints every glyph: each script in its face, none as an empty box', () => {
    for (const face of ['NotoSansKR-Regular', 'NotoSansKR-Bold', 'NotoNaskhArabic-Regular', 'NotoNaskhArabic-Bold', 'NotoSansHebrew-Regular', 'NotoSansHebrew-Bold', 'NotoSansSC-Regular']) {
      assert.match(fonts, new RegExp(`\\+${face}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`), `the PDF embeds a subset of ${face}`)
    }
    // Korean, Chinese and Japanese read back as written (poppler reads Arabic and Hebrew in visual order: see below).
    for (const lang of ['ko', 'zh', 'ja'] as const) assert.ok(text.replace(/\s+/g, ' ').includes(passages[lang]), `the PDF's text holds the ${lang} passage`)
    assert.ok(!/DejaVuSans-Bold|NotoEmoji/.test(fonts), 'no face the book has no character for')
  })

  it('carries in the EPUB the faces for every character the text face lacks, and no other', async () => {
    const names = Object.keys(zip.files).filter((name) => name.startsWith('OEBPS/fonts/'))
    const faces = await Promise.all(names.map(async (name) => fontkit.create(Buffer.from(await zip.file(name)!.async('uint8array'))) as fontkit.Font))
    for (const [lang, passage] of Object.entries(passages)) {
      for (const char of passage.replace(/\s/g, '')) {
        assert.ok(
          faces.some((face) => face.hasGlyphForCodePoint(char.codePointAt(0)!)),
          `a subset in the EPUB has ${lang} ${char} (U+${char.codePointAt(0)!.toString(16)})`,
        )
      }
    }
    assert.ok(!names.some((name) => /NotoEmoji/.test(name)), `no emoji face for a book without emoji: ${names.join(', ')}`)
    for (const family of ['Noto Sans KR', 'Noto Naskh Arabic', 'Noto Sans Hebrew', 'Noto Sans SC']) assert.match(css, new RegExp(`@font-face \\{[^}]*"${family}"`), `the CSS declares ${family}`)
  })

  it('keeps Arabic joined in the EPUB: the subset keeps the joining forms and their lookups', async () => {
    const subset = openFont(Buffer.from(await zip.file('OEBPS/fonts/NotoNaskhArabic_400Regular.ttf')!.async('uint8array')))
    const gsub = (subset as unknown as { GSUB: { featureList: Array<{ tag: string }> } }).GSUB
    const features = new Set(gsub.featureList.map((feature) => feature.tag))
    for (const feature of ['init', 'medi', 'fina', 'rlig']) assert.ok(features.has(feature), `GSUB keeps ${feature}: ${[...features].join(' ')}`)
    // Shaped with the subset, a word takes its joining forms, not its letters' isolated ones.
    const word = 'سلام'
    const joined = subset.layout(word).glyphs.map((glyph) => glyph.id)
    const isolated = [...word].map((char) => subset.glyphForCodePoint(char.codePointAt(0)!).id)
    assert.equal(joined.length, isolated.length)
    assert.notDeepEqual([...joined].reverse(), isolated, 'the subset shapes the word with joining forms')
  })

  it('keeps Arabic joined in the PDF: its subset holds the joining forms fontkit shapes', async () => {
    const original = openFont(await readFile(fallbackFile('Noto Naskh Arabic')))
    const embedded = outlines(openFont(await pdfFontFile(pdf, fonts, 'NotoNaskhArabic-Regular')))
    const word = 'سلام'
    const shaped = original.layout(word).glyphs
    const isolated = [...word].map((char) => original.glyphForCodePoint(char.codePointAt(0)!))
    // The first letter is set in its initial form, another glyph than its isolated one: that form is what the PDF holds.
    const initial = shaped.find((glyph) => glyph.codePoints.includes(word.codePointAt(0)!))!
    assert.notEqual(initial.id, isolated[0]!.id)
    assert.ok(embedded.has(initial.path.toSVG()), 'the PDF draws the initial form')
    for (const glyph of shaped) assert.ok(embedded.has(glyph.path.toSVG()), `the PDF holds glyph ${glyph.id} of the joined word`)
  })

  it('says the language of each run in the EPUB (lang and xml:lang) and in the PDF (a Span with /Lang)', () => {
    const spans = [...xhtml.matchAll(/<span lang="([^"]+)" xml:lang="([^"]+)">([^<]*)/g)]
    for (const [, lang, xmlLang] of spans) assert.equal(lang, xmlLang)
    const byLang = (lang: string): string[] => spans.filter((span) => span[1] === lang).map((span) => span[3]!)
    assert.ok(byLang('ko').includes('한국어'), 'a Korean word in an English sentence')
    assert.ok(byLang('ar').includes('سلام'))
    assert.ok(byLang('he').includes('שלום'))
    assert.ok(byLang('zh').includes('中文'))
    assert.ok(byLang('ja').includes('ひらがな'))
    assert.ok(byLang('el').includes('αβγ'), 'Greek')
    assert.ok(byLang('und-Cyrl').includes('жизнь'), 'Cyrillic, whose language the script does not tell')
    assert.ok(byLang('fr').includes('la vie en rose'), 'a language the writer declares in raw HTML')
    assert.ok(byLang('de').includes('Lebensfreude'))
    for (const [lang, passage] of Object.entries(passages)) assert.ok(byLang(lang).some((span) => span.startsWith(passage)), `the ${lang} passage is in a span of its language`)
    assert.ok(!spans.some((span) => /[A-Za-z]{3}/.test(span[3]!) && !['fr', 'de'].includes(span[1]!)), 'English words carry no language of their own')
    // In the PDF: structure elements of type Span that carry the language.
    const langs = new Set<string>()
    for (const [, body] of raw.matchAll(/\d+ 0 obj\n<<([\s\S]*?)>>\nendobj/g)) {
      const lang = /\/Lang \(([^)]*)\)/.exec(body!)?.[1]
      if (lang !== undefined && /\/S \/Span/.test(body!)) langs.add(lang)
    }
    for (const lang of ['ko', 'ar', 'he', 'zh', 'ja', 'el', 'und-Cyrl', 'fr', 'de']) assert.ok(langs.has(lang), `a Span with /Lang (${lang}) in the PDF: ${[...langs].join(' ')}`)
  })

  it('sets Arabic and Hebrew paragraphs, headings and lists right to left in the EPUB', () => {
    assert.match(xhtml, /<h2 [^>]*dir="rtl"[^>]*>(?:<[^>]+>)*العربية/)
    assert.match(xhtml, /<h2 [^>]*dir="rtl"[^>]*>(?:<[^>]+>)*עברית/)
    assert.match(xhtml, /<p dir="rtl">(?:<[^>]+>)*يولد/)
    assert.match(xhtml, /<p dir="rtl">(?:<[^>]+>)*כל בני/)
    assert.match(xhtml, /<ul dir="rtl">/)
    assert.doesNotMatch(xhtml, /<p dir="rtl">(?:<[^>]+>)*This book/, 'an English paragraph with Hebrew words in it stays left to right')
    assert.match(css, /ul\[dir="rtl"\], ol\[dir="rtl"\] \{[^}]*padding-right/)
  })

  it('sets them right to left in the PDF: lines flush right, words in visual order, labels on the right', () => {
    const all = lines(words)
    const english = all.find((line) => line.some((word) => word.text === 'meets.'))!
    const right = Math.max(...english.map((word) => word.xMax))
    const hebrew = all.filter((line) => line.some((word) => /\p{Script=Hebrew}/u.test(word.text)) && !line.some((word) => /[a-z]{4}/.test(word.text) && word.text !== 'Paris'))
    const paragraph = hebrew.filter((line) => !line.some((word) => word.text === '•') && line.length > 3)
    assert.equal(paragraph.length, 3, `the Hebrew paragraph's lines: ${paragraph.map((line) => line.map((word) => word.text).join(' ')).join(' / ')}`)
    for (const line of paragraph) assert.ok(Math.abs(Math.max(...line.map((word) => word.xMax)) - right) < 0.5, 'each line ends at the right edge, the last one too')
    const last = paragraph.at(-1)!
    assert.ok(Math.min(...last.map((word) => word.xMin)) > english[0]!.xMin + 20, 'the last line is ragged on the left')
    // The paragraph's first word stands at the right of its first line.
    assert.equal(paragraph[0]!.at(-1)!.text, reversed('כל'))
    // Numbers and a Latin word inside read from left to right, in their places: "… בשנת 1948 בפריז (Paris)."; the
    // punctuation around the Latin word goes by the paragraph's direction: the closing bracket and the full stop
    // (drawn as ".(", read as ").") at the line's left end, the opening one (drawn as ")") right of the word.
    const order = [').', 'Paris', '(', reversed('בפריז'), '1948', reversed('בשנת')].map((text) => last.findIndex((word) => word.text === text))
    assert.ok(order.every((index) => index >= 0), `the mixed line: ${last.map((word) => word.text).join(' ')}`)
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'from the left: ). Paris ( בפריז 1948 בשנת')
    assert.equal(order[0], 0, 'the full stop ends the line, on its left')
    // The Arabic paragraph's first word is at the right of its first line.
    const arabic = all.find((line) => line.some((word) => word.text === reversed('يولد')))!
    assert.equal(arabic.at(-1)!.text, reversed('يولد'))
    assert.ok(Math.abs(arabic.at(-1)!.xMax - right) < 0.5)
    // The list's bullets stand to the right of their items.
    const items = hebrew.filter((line) => line.some((word) => word.text === '•'))
    assert.equal(items.length, 2)
    for (const line of items) {
      const bullet = line.find((word) => word.text === '•')!
      assert.ok(line.every((word) => word === bullet || word.xMax < bullet.xMin), 'the bullet is the rightmost')
    }
  })

  it('keeps each word apart in the text layer next to glyphs from fallback faces', async () => {
    assert.match(text, /faces: # Ӓ Ϡ and more\./)
    // A line of one-character words: a space character between each two, as pdf.js (Firefox's reader) and
    // poppler's raw mode read them. (Poppler's layout mode runs such a line together, Latin letters as much as
    // these: it takes evenly spaced single characters for letter-spaced text.)
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const document = await pdfjs.getDocument({ data: new Uint8Array(await readFile(pdf)) }).promise
    const lines: string[] = []
    for (let number = 1; number <= document.numPages; number++) {
      let line = ''
      for (const item of (await (await document.getPage(number)).getTextContent()).items) {
        if (!('str' in item)) continue
        line += item.str
        if (item.hasEOL) {
          lines.push(line)
          line = ''
        }
      }
      lines.push(line)
    }
    assert.ok(lines.includes('# Ӓ Ϡ'), lines.join('\n'))
    assert.match((await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'])).stdout, /^# Ӓ Ϡ$/m)
  })
})

describe('what a writer is told', () => {
  it('warns once per language the print edition has no hyphenation patterns for, the book’s and a run’s', async () => {
    const dir = await tempDir('octavo-hyphenation-')
    const file = path.join(dir, 'lb.md')
    await writeFile(file, '---\ntitle: Lëtzebuergesch\nlang: lb\n---\n\nEng Sprooch mat laange Wierder.\n\nA phrase in <span lang="lb-LU">Lëtzebuergesch</span>, <span lang="xx">xx</span>, <span lang="fr">français</span> and 한국어.\n')
    const result = await octavo(['build', file, '--out', path.join(dir, 'out'), '--no-cache', '--quiet'])
    assert.equal(result.code, 0, result.stderr)
    const warnings = stderrLines(result).filter((line) => /hyphenation patterns/.test(line))
    assert.equal(warnings.length, 2, warnings.join('\n'))
    assert.match(warnings[0]!, /the book’s language `lb`/)
    assert.match(warnings[1]!, /lb\.md:8:1: warning: .*language `xx`/)
  })

  it('names the file, line and column of the first character no face has', async () => {
    const dir = await tempDir('octavo-missing-')
    await mkdir(path.join(dir, 'book'))
    await writeFile(path.join(dir, 'book/book.yaml'), 'title: Missing\nlang: en\n')
    await writeFile(path.join(dir, 'book/01-one.md'), '# One\n\nPlain text.\n')
    await writeFile(path.join(dir, 'book/02-two.md'), '# Two\n\nSome text.\n\nA line with\na private character \u{E001} and a hieroglyph \u{13000}.\n')
    const result = await octavo(['build', path.join(dir, 'book'), '--out', path.join(dir, 'out'), '--no-cache', '--quiet'])
    assert.equal(result.code, 0, result.stderr)
    const warning = stderrLines(result).find((line) => /in none of the fonts/.test(line))
    assert.ok(warning, result.stderr)
    assert.match(warning, /02-two\.md:6:21: warning: 2 characters/)
  })
})

describe('the faces a book carries', () => {
  it('an English book carries no fallback face; lists in lists bring the face that has their bullets', async () => {
    const dir = await tempDir('octavo-faces-')
    const carried = async (name: string, body: string): Promise<string[]> => {
      const file = path.join(dir, `${name}.md`)
      await writeFile(file, `---\ntitle: ${name}\nlang: en\n---\n\n${body}\n`)
      const result = await octavo(['build', file, '--out', path.join(dir, name), '--no-cache', '--quiet', '--format', 'epub'])
      assert.equal(result.code, 0, result.stderr)
      const zip = await JSZip.loadAsync(await readFile(path.join(dir, name, `${name}.epub`)))
      return Object.keys(zip.files).filter((entry) => entry.startsWith('OEBPS/fonts/')).map((entry) => path.basename(entry))
    }
    const faces = defaultTheme.fallbacks.map((font) => path.basename(fontPath(font)))
    const plain = await carried('plain', 'Plain prose, *emphasis*, **strong words** and a list:\n\n- one\n- two')
    assert.deepEqual(plain.filter((name) => faces.includes(name)), [])
    const nested = await carried('nested', 'A list in a list:\n\n- one\n  - two\n    - three')
    // A reader draws the bullets of the second and third levels (◦, ▪), which Literata lacks, from DejaVu Sans.
    assert.ok(nested.includes('DejaVuSans.ttf'), nested.join(', '))
    assert.deepEqual(nested.filter((name) => faces.includes(name) && !name.startsWith('DejaVuSans')), [])
  })
})
