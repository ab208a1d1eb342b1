/**
 * What real manuscripts bring the print edition: inline formatting kept from
 * raw HTML, highlighted code, characters the text face lacks, words and URLs
 * longer than a line, blocks nested very deep. Each book is built by hand and
 * checked from the PDF itself (poppler's text and word boxes, pdffonts, qpdf)
 * and, where the PDF cannot tell, from the frames the typesetter drew.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { before, describe, it } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import type { Block, Book, Inline, Styled } from '../../src/model/book.js'
import { composeBook } from '../../src/pdf/compose/index.js'
import type { FlowBox } from '../../src/pdf/flow.js'
import { framePages } from '../../src/pdf/frame.js'
import type { FrameItem, FrameText } from '../../src/pdf/frame.js'
import { createHyphenator } from '../../src/pdf/hyphenate.js'
import { createMeasurer } from '../../src/pdf/measure.js'
import { paginate } from '../../src/pdf/paginate/index.js'
import { defaultTheme, pageGeometry, resolveStyle } from '../../src/theme/index.js'
import { decodeXml, pdfFonts, pdfText, qpdfCheck } from '../support/tools.js'
import { setBook, textBlockText, uncompressed } from './helpers.js'
import type { Written } from './helpers.js'

const run = promisify(execFile)
const theme = defaultTheme
const geometry = pageGeometry(theme, 'a5')

const text = (value: string): Inline => ({ type: 'text', value })
const styled = (style: Styled['style'], value: string): Inline => ({ type: 'styled', style, children: [text(value)] })
const paragraph = (...children: Inline[]): Block => ({ type: 'paragraph', children })

function bookOf(blocks: Block[], notes: Book['chapters'][number]['notes'] = []): Book {
  return {
    metadata: { title: 'Hard Inputs', authors: [], lang: 'en', subjects: [], modified: '2024-01-01T00:00:00.000Z' },
    chapters: [{ id: 'inputs', title: 'Hard Inputs', source: 'inputs.md', blocks, notes }],
    assets: [],
  }
}

/** The frames of a book, set in this process: what the renderer is asked to draw. */
function frameItems(book: Book): { items: FrameItem[]; flow: ReturnType<typeof composeBook>; diag: Diagnostics } {
  const measurer = createMeasurer(theme)
  const diag = new Diagnostics()
  const flow = composeBook(book, theme, measurer, geometry, diag, { hyphenate: createHyphenator('en', theme.hyphenation) })
  const body = resolveStyle(theme, 'body')
  const pages = paginate(flow, { depth: geometry.depth, noteSeparator: body.leading, leading: body.leading })
  const items = [...framePages(pages, book, theme, geometry, measurer, { print: false })].flatMap((frame) => frame.items)
  return { items, flow, diag }
}

const texts = (items: readonly FrameItem[]): FrameText[] => items.filter((item): item is FrameText => item.kind === 'text')

interface WordBox {
  word: string
  xMin: number
  xMax: number
}

/** Every word poppler finds, with its horizontal extent. */
async function wordBoxes(file: string): Promise<WordBox[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(([, xMin, xMax, word]) => ({ word: decodeXml(word!), xMin: Number(xMin), xMax: Number(xMax) }))
}

/** The text with line ends undone: a hyphen drawn at a break, the continuation sign of code, the break itself. */
function joined(lines: readonly string[]): string {
  return lines.join('\n').replace(/-\n/g, '').replace(/\n(↪ )?/g, '')
}

describe('inline formatting kept from raw HTML, and highlighted code', () => {
  const book = bookOf([
    paragraph(text('An opening paragraph, set with its lead-in.')),
    paragraph(
      text('Water is H'),
      styled('subscript', '2'),
      text('O and energy is mc'),
      styled('superscript', '2'),
      text('; press '),
      styled('keyboard', 'Ctrl+C'),
      text(' to copy; '),
      styled('underline', 'underlined words'),
      text(', '),
      styled('mark', 'marked words'),
      text(' and '),
      styled('small', 'small print'),
      text('.'),
    ),
    {
      type: 'code',
      lang: 'js',
      value: 'const greeting = "hello" // greet\nreturn 42',
      tokens: [
        { text: 'const', kind: 'keyword' },
        { text: ' greeting = ' },
        { text: '"hello"', kind: 'string' },
        { text: ' ' },
        { text: '// greet', kind: 'comment' },
        { text: '\n' },
        { text: 'return', kind: 'keyword' },
        { text: ' ' },
        { text: '42', kind: 'number' },
      ],
    },
  ])
  const { items } = frameItems(book)
  const drawn = texts(items)
  const find = (value: string): FrameText => {
    const found = drawn.find((item) => item.text.trim() === value)
    assert.ok(found, `"${value}" drawn`)
    return found
  }
  const body = resolveStyle(theme, 'body')
  const water = find('Water')

  it('raises superscripts and lowers subscripts, at the theme’s script scale, by the face’s own offsets', () => {
    const sup = drawn.find((item) => item.text === '2' && item.y < water.y)
    const sub = drawn.find((item) => item.text === '2' && item.y > water.y)
    assert.ok(sup && sub, 'a raised and a lowered 2')
    for (const script of [sup, sub]) assert.ok(Math.abs(script.style.size - body.size * theme.scriptScale) < 1e-9)
    const metrics = createMeasurer(theme).metrics('text')
    assert.ok(Math.abs(water.y - sup.y - metrics.superscriptOffset * body.size) < 1e-9)
    assert.ok(Math.abs(sub.y - water.y - metrics.subscriptOffset * body.size) < 1e-9)
  })

  it('sets small print a step smaller, the footnotes’ step', () => {
    const small = drawn.find((item) => item.text.startsWith('small'))!
    assert.ok(Math.abs(small.style.size - (body.size * theme.roles.footnote.scale) / theme.roles.body.scale) < 1e-9)
  })

  it('sets keyboard input in the code face and small print smaller', () => {
    assert.equal(find('Ctrl+C').style.font, 'mono')
    const small = drawn.find((item) => item.text.startsWith('small'))!
    assert.ok(small.style.size < body.size)
  })

  it('underlines a phrase with one rule under its words and the spaces between them', () => {
    const underlined = drawn.filter((item) => item.style.underline)
    assert.ok(underlined.length >= 2)
    const rules = items.filter((item) => item.kind === 'rule')
    // On each line, the rules under the baseline cover the phrase from its first letter to its last.
    for (const y of new Set(underlined.map((item) => item.y))) {
      const words = underlined.filter((item) => item.y === y)
      const under = rules.filter((rule) => rule.y1 > y && rule.y1 < y + body.size / 2)
      assert.ok(under.length > 0, 'a rule under the baseline')
      const from = Math.min(...words.map((item) => item.x))
      const to = Math.max(...words.map((item) => item.x + item.width))
      let reached = from
      for (const rule of [...under].sort((a, b) => a.x1 - b.x1)) if (rule.x1 <= reached + 1e-6) reached = Math.max(reached, rule.x2)
      assert.ok(reached >= to - 1e-6, `underlined from ${from.toFixed(1)} to ${to.toFixed(1)}, the rules reach ${reached.toFixed(1)}`)
    }
  })

  it('sets marked words on the theme’s mark ground, drawn before them', () => {
    const marked = drawn.find((item) => item.text.startsWith('marked'))!
    const ground = items.findIndex((item) => item.kind === 'rect' && item.colour === theme.colours.mark && item.x <= marked.x && item.x + item.width > marked.x && item.y < marked.y && item.y + item.height > marked.y)
    assert.ok(ground >= 0, 'a ground under the marked words')
    assert.ok(ground < items.indexOf(marked), 'drawn first, so the text stands on it')
  })

  it('colours code tokens from the theme, plain code in the text colour', () => {
    assert.equal(find('const').style.colour, theme.codeColours.keyword)
    assert.equal(find('"hello"').style.colour, theme.codeColours.string)
    assert.equal(find('// greet').style.colour, theme.codeColours.comment)
    assert.equal(find('42').style.colour, theme.codeColours.number)
    assert.equal(drawn.find((item) => item.text.includes('greeting'))!.style.colour, theme.colours.text)
  })

  it('tags each styled phrase as a Span, and reads back whole', async () => {
    const pdf = await setBook(book, { page: 'a5' }, 'styled')
    const raw = await uncompressed(pdf.file)
    assert.equal([...raw.matchAll(/\/S \/Span\b/g)].length, 6)
    const all = (await pdfText(pdf.file)).join('\n').replace(/-\n/g, '').replace(/\n/g, ' ')
    for (const phrase of ['Ctrl+C', 'underlined words', 'marked words', 'small print', 'const greeting = "hello" // greet', 'return 42']) assert.ok(all.includes(phrase), phrase)
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })
})

describe('characters the text face lacks', () => {
  const scripts = 'Greek αβγ δέλτα, Cyrillic Жизнь, Hebrew שלום עולם, Arabic مرحبا, arrows → ⇒ and ∀x ∑ ≠ √∞, emoji 😀 🎉, Chinese 中文字体, Japanese ひらがな.'
  const book = bookOf([
    { type: 'heading', depth: 2, id: 'scripts', children: [text('Scripts → 中文')] },
    paragraph(text(scripts)),
    paragraph(styled('underline', 'Hangul 한국어'), text(' and again 한국어 in a second place, and a hieroglyph \u{13000} no face has.')),
    { type: 'code', value: 'print("中文 → ok")' },
    { type: 'table', align: [null, null], rows: [[{ children: [text('Script')] }, { children: [text('Sample')] }], [{ children: [text('Hangul')] }, { children: [text('한글')] }]], headerRows: 1 },
    { type: 'list', ordered: false, start: 1, spread: false, items: [{ checked: true, children: [paragraph(text('Done'))] }, { checked: false, children: [paragraph(text('To do'))] }] },
  ])
  let pdf: Written
  let lines: string[]
  before(async () => {
    pdf = await setBook(book, { page: 'a5' }, 'scripts')
    lines = (await pdfText(pdf.file)).join('\n').split('\n')
  })

  it('sets them in fallback faces, embedded and subset like the text face', async () => {
    const fonts = await pdfFonts(pdf.file)
    for (const family of ['DejaVuSans', 'NotoEmoji', 'NotoSansSC']) assert.ok(fonts.some((font) => font.name.includes(family)), `${family} in ${fonts.map((font) => font.name).join(' ')}`)
    for (const font of fonts) assert.ok(font.embedded && font.subset, `${font.name} embedded and subset`)
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })

  it('keeps every character in the text, right-to-left words in their logical order', async () => {
    const { stdout: extracted } = await run('pdftotext', ['-enc', 'UTF-8', pdf.file, '-'])
    const stdout = extracted.replace(/\n/g, '')
    for (const word of ['αβγ', 'δέλτα', 'Жизнь', 'مرحبا', '→', '⇒', '∀x', '∑', '√∞', '😀', '🎉', '中文字体', 'ひらがな', '한국어', '한글', 'Scripts', '☑ Done', '☐ To do']) assert.ok(stdout.includes(word), `${word} in the text`)
    // The Hebrew phrase reads in the order it was written, not mirrored word by word.
    assert.match(stdout, /שלום עולם/)
    assert.ok(lines.some((line) => line.includes('print("中文')), 'code with a fallback face')
  })

  it('warns once for the book, listing the characters no face has with their code points', () => {
    const warnings = pdf.diag.warnings.filter((message) => message.ruleId === 'pdf-glyph')
    assert.equal(warnings.length, 1)
    const reason = warnings[0]!.reason
    assert.match(reason, /U\+13000/)
    // Korean, Chinese, Hebrew, Greek: each set in a face that has it.
    assert.doesNotMatch(reason, /U\+D55C|U\+4E2D|U\+05E9|U\+03B1/)
  })

  it('sets Chinese with breaks between characters, no hyphen drawn', () => {
    const long = '中华人民共和国成立于一九四九年。这是一个很长的中文段落，用来测试中文的断行是否正常，而不会在字符之间加上连字符或者溢出文本框，让它足够长，可以换好几行。'
    const { flow } = frameItems(bookOf([paragraph(text(long))]))
    const boxes = flow.items.filter((item): item is FlowBox => item.kind === 'box' && item.para !== undefined)
    assert.ok(boxes.length >= 3)
    const setText = boxes.map((box) => box.line!.runs.map((runText) => runText.text).join(''))
    assert.equal(setText.join(''), long)
    assert.ok(boxes.every((box) => !box.line!.overfull))
    // No line starts with a closing mark.
    assert.ok(setText.every((line) => !/^[，。]/.test(line)))
  })
})

describe('words and URLs longer than the line', () => {
  const word = 'Pneumono'.repeat(50)
  const url = `https://example.com/${'segment/'.repeat(40)}end`
  const notes = [{ id: 'long-note', number: 1, blocks: [paragraph(text(`A note with ${word} and ${url} in it.`))] }]
  const book: Book = {
    ...bookOf([]),
    chapters: [
      {
        id: 'one',
        title: 'One',
        source: 'one.md',
        notes,
        blocks: [
          { type: 'heading', depth: 1, id: 'one', children: [text('One')] },
          { type: 'heading', depth: 2, id: 'long-heading', children: [text(`Heading ${word}`)] },
          paragraph(text(`A paragraph with ${word} and `), { type: 'link', url, children: [text(url)] }, text('.')),
          { type: 'blockquote', children: [paragraph(text(`Quoted ${word} and ${url}.`))] },
          { type: 'list', ordered: false, start: 1, spread: false, items: [{ checked: null, children: [paragraph(text(`Listed ${word} and ${url}.`))] }] },
          { type: 'table', align: [null, 'right'], rows: [[{ children: [text('Name')] }, { children: [text('Value')] }], [{ children: [text('long')] }, { children: [text(`${word} ${url}`)] }]], headerRows: 1 },
          { type: 'code', value: `const address = "${url}"\nconst name = "${word}"` },
          paragraph({ type: 'inlineCode', value: word }),
          // The note called last, so that its lines come after all the others in the text read back.
          paragraph(text('A note is called here.'), { type: 'noteRef', note: 'long-note', number: 1 }),
        ],
      },
      { id: 'two', title: `Two ${word}`, source: 'two.md', notes: [], blocks: [paragraph(text('The running head of this chapter is one long word.'.repeat(30)))] },
    ],
  }
  let pdf: Written
  before(async () => {
    pdf = await setBook(book, { page: 'a5' }, 'long')
  })

  it('breaks them anywhere rather than overflow: no overfull line, every word inside the text block', async () => {
    assert.equal(pdf.report.overfullLines, 0)
    const left = geometry.margins.inner
    for (const box of await wordBoxes(pdf.file)) {
      assert.ok(box.xMin >= left - 0.5 && box.xMax <= left + geometry.measure + 0.5, `"${box.word.slice(0, 30)}…" from ${box.xMin.toFixed(1)} to ${box.xMax.toFixed(1)}`)
    }
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })

  it('loses no character of them: the pieces join back into the word and the URL', async () => {
    // The text blocks only: a word broken over a page reads on past the folio and the next running head.
    const all = joined((await textBlockText(pdf.file, 'a5', ['-raw'])).split('\f'))
    const count = (needle: string): number => all.split(needle).length - 1
    // Heading, paragraph, note, quotation, list, table, code, inline code.
    assert.ok(count(word) >= 8, `${count(word)} copies of the long word`)
    // Paragraph (as link text), note, quotation, list, table, code.
    assert.ok(count(url) >= 6, `${count(url)} copies of the URL`)
  })
})

describe('blocks nested very deep', () => {
  const depth = 32
  const innermost = 'The innermost paragraph keeps a readable measure however deep it stands.'
  function quotes(level: number): Block {
    return level === 0 ? paragraph(text(innermost)) : { type: 'blockquote', children: [quotes(level - 1)] }
  }
  function lists(level: number): Block {
    const children = level === 0 ? [paragraph(text(innermost))] : [paragraph(text(`Level ${level}`)), lists(level - 1)]
    return { type: 'list', ordered: level % 2 === 0, start: 1, spread: false, items: [{ checked: null, children }] }
  }
  function mixed(level: number): Block {
    if (level === 0) return paragraph(text(innermost))
    return level % 2 === 0 ? { type: 'blockquote', children: [mixed(level - 1)] } : { type: 'list', ordered: false, start: 1, spread: false, items: [{ checked: null, children: [mixed(level - 1)] }] }
  }
  const book = bookOf([quotes(depth), lists(depth), mixed(depth)])

  it(`sets quotations and lists ${depth} deep with at least half the measure for their text`, () => {
    const { flow } = frameItems(book)
    const lines = flow.items.filter((item): item is FlowBox => item.kind === 'box' && item.line !== undefined)
    assert.ok(lines.length > depth)
    for (const box of lines) {
      assert.ok(box.line!.width >= geometry.measure / 2 - 1e-6, `a line ${box.line!.width.toFixed(1)} pt wide`)
      assert.ok(!box.line!.overfull)
      for (const drawing of box.drawings) if (drawing.kind === 'text') assert.ok(drawing.x >= -1e-6 && drawing.x + drawing.run.width <= geometry.measure + 1e-6)
    }
  })

  it('writes the PDF with every word of the innermost paragraphs', async () => {
    const pdf = await setBook(book, { page: 'a5' }, 'nested')
    assert.equal(pdf.report.overfullLines, 0)
    const all = (await pdfText(pdf.file)).join(' ').replace(/\s+/g, ' ')
    assert.equal(all.split('innermost paragraph keeps').length - 1, 3)
    assert.equal((await qpdfCheck(pdf.file)).code, 0)
  })

  it('does not fail on far deeper nesting than the front end lets through', () => {
    assert.doesNotThrow(() => frameItems(bookOf([quotes(300), mixed(300)])))
  })
})

describe('characters never seen, and words in both directions', () => {
  const book = bookOf([
    paragraph(text('Marks: \u200Fright\u200Fmark, \u200Eleft\u200Emark, iso\u2066late\u2069d, joi\u200Dner, non\u200Cjoiner, word\u2060joiner, soft\u00ADhyphen, zero\u200Bwidth, '), { type: 'inlineCode', value: 'co\u200Bde' }, text(' too.')),
    paragraph(text('word word word birch state-of-the-art كتاب amber www.example.com gable gable.')),
    paragraph(text('In italic: '), { type: 'emphasis', children: [text('the كتاب amber')] }, text(' and in bold italic: '), { type: 'strong', children: [{ type: 'emphasis', children: [text('the مرحبا amber')] }] }, text('.')),
  ])
  let pdf: Written
  /** Poppler's words, line by line, left to right. */
  let lines: Array<Array<{ word: string; xMin: number; xMax: number }>>
  before(async () => {
    pdf = await setBook(book, { page: 'a5' }, 'unseen')
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf.file, '-'])
    const words = [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, xMin, yMin, xMax, yMax, word]) => ({ word: decodeXml(word!), xMin: Number(xMin), xMax: Number(xMax), centre: (Number(yMin) + Number(yMax)) / 2 }))
    lines = []
    for (const word of words.sort((a, b) => a.centre - b.centre)) {
      const line = lines.at(-1) as Array<(typeof words)[number]> | undefined
      if (line && Math.abs(line[0]!.centre - word.centre) < 4) line.push(word)
      else lines.push([word])
    }
    for (const line of lines) line.sort((a, b) => a.xMin - b.xMin)
  })

  it('draws no glyph for joiners, direction marks, isolates and zero-width spaces, and sets nothing over the next letters', () => {
    const words = lines.flat().map((box) => box.word)
    for (const word of ['rightmark,', 'leftmark,', 'isolated,', 'joiner,', 'nonjoiner,', 'wordjoiner,', 'softhyphen,', 'zerowidth,', 'code', 'too.']) assert.ok(words.includes(word), `${word} read whole`)
    assert.ok(words.every((word) => !/[\u00AD\u200B-\u200F\u2060\u2066-\u2069]/.test(word)), 'none of them read back')
    const overlaps = lines.flatMap((line) => line.flatMap((box, index) => (index > 0 && box.xMin < line[index - 1]!.xMax - 0.5 ? [`${line[index - 1]!.word} ${box.word}`] : [])))
    assert.deepEqual(overlaps, [])
  })

  it('keeps the space after a right-to-left word between it and the next word', () => {
    const line = lines.find((candidate) => candidate.some((box) => box.word === 'state-of-the-art'))!
    const at = line.findIndex((box) => /\p{Script=Arabic}/u.test(box.word))
    const [before, arabic, after] = [line[at - 1]!, line[at]!, line[at + 1]!]
    assert.deepEqual([before.word, after.word], ['state-of-the-art', 'amber'])
    assert.ok(Math.abs(arabic.xMin - before.xMax - (after.xMin - arabic.xMax)) < 0.01, 'the spaces either side are as wide')
  })

  it('sets Arabic in italic and bold italic from the upright fallback that has it, with no warning', async () => {
    assert.deepEqual(pdf.diag.warnings.filter((message) => message.ruleId === 'pdf-glyph'), [])
    const fonts = (await pdfFonts(pdf.file)).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
    // Noto Naskh Arabic has no italic: its upright faces set the Arabic of italic text, the bold one that of bold italic.
    assert.ok(fonts.includes('NotoNaskhArabic-Regular') && fonts.includes('NotoNaskhArabic-Bold'), fonts.join(', '))
  })
})
