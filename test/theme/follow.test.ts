/**
 * The theme owns every typographic rule: change one of its values and both
 * editions follow — the EPUB's style sheet (read from `cssRules`) and the
 * print edition's pages (read from their frames: what is drawn where, in
 * which face and size). Values only one edition has a use for (print's page
 * furniture and openings; the EPUB's title page and colophon) are checked
 * in that edition, and shown to leave the other as it was.
 */
import assert from 'node:assert/strict'
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import { cssRules } from '../../src/epub/index.js'
import { loadBook } from '../../src/load/index.js'
import type { Book } from '../../src/model/book.js'
import { composeBook } from '../../src/pdf/compose/index.js'
import { framePages, type Frame, type FrameItem, type FrameText } from '../../src/pdf/frame.js'
import { createMeasurer } from '../../src/pdf/measure.js'
import { paginate } from '../../src/pdf/paginate/index.js'
import { pageParams } from '../../src/pdf/set-part.js'
import { sharedFace } from '../../src/theme/font-files.js'
import { codeGroundPadding, defaultTheme, extendTheme, pageGeometry, resolveStyle, type Theme, type ThemeOverrides } from '../../src/theme/index.js'
import { googleFamily, headingFaces } from '../../src/theme/builtin/faces.js'
import { root, tempDir } from '../support/tools.js'

const chapterOne = `# Chapterone heading

A paragraph with *an emphasis holding _a nested word_ inside it*, some <small>smaller words</small>, a <mark>marked word</mark>, a power x<sup>two</sup> and [a link](https://example.org/).

A paragraph Beforelist a list.

- Firstitem
- another item

A paragraph Beforebreak a break.

***

A paragraph after the break, Notecall with a note.[^1]

![A diagram](diagram.png "A caption for the diagram")

A paragraph after the figure.

\`\`\`
const a = 1
\`\`\`

[^1]: The note's text.
`

const chapterTwo = `# The second chapter

Zeroth paragraph of the second chapter.

${Array.from({ length: 40 }, (_, index) => `Paragraph ${index + 1} of the second chapter runs on long enough to fill a few lines of the page with its words, so that the chapter takes more than one page and has running heads.`).join('\n\n')}
`

let book: Book

/** The book both editions are made from here: two chapters with every construct whose rules are checked. */
async function writeManuscript(): Promise<string> {
  const folder = await tempDir('octavo-follow-')
  await mkdir(folder, { recursive: true })
  await writeFile(path.join(folder, 'book.yaml'), 'title: Following the Theme\nauthor: A. Writer\nlang: en\nchapters:\n  - one.md\n  - two.md\n')
  await writeFile(path.join(folder, 'one.md'), chapterOne)
  await writeFile(path.join(folder, 'two.md'), chapterTwo)
  await copyFile(path.join(root, 'test/fixtures/images/diagram.png'), path.join(folder, 'diagram.png'))
  return folder
}

/** The print edition's pages as frames, set in `theme` on A5. */
function frames(theme: Theme): Frame[] {
  const measurer = createMeasurer(theme)
  const geometry = pageGeometry(theme, 'a5')
  const diag = new Diagnostics()
  const flow = composeBook(book, theme, measurer, geometry, diag)
  const pages = paginate(flow, pageParams(theme, geometry))
  pages.forEach((page, index) => (page.number = index + 1))
  return [...framePages(pages, book, theme, geometry, measurer, { print: false })]
}

/** `word` as drawn on the page where `anchor` is (a heading on its chapter's first page, not in the contents). */
function besides(pages: readonly Frame[], anchor: string, word: string): FrameText {
  return drawn([drawn(pages, anchor).page], word)
}

const texts = (items: readonly FrameItem[]): FrameText[] => items.filter((item): item is FrameText => item.kind === 'text')

/** The first text drawn that holds `text`, with its page. */
function drawn(pages: readonly Frame[], text: string): FrameText & { page: Frame } {
  for (const page of pages) {
    const found = texts(page.items).find((item) => item.text.includes(text))
    if (found) return { ...found, page }
  }
  assert.fail(`"${text}" is drawn`)
}

/** The CSS declaration of a rule whose selector is `selector` (or lists it among others). */
function css(theme: Theme, selector: string, property: string): string | undefined {
  const rule = cssRules(theme).find((candidate) => candidate.selector.split(/,\s*/).includes(selector))
  return rule?.declarations[property]
}

const ems = (value: string | undefined): number => {
  assert.ok(value !== undefined)
  return value === '0' ? 0 : Number(/^(-?[\d.]+)em$/.exec(value)![1])
}

const close = (actual: number, expected: number, message?: string): void => assert.ok(Math.abs(actual - expected) < 1e-3, `${message ?? ''} ${actual} ≈ ${expected}`)

const changed = (overrides: ThemeOverrides): Theme => extendTheme(defaultTheme, overrides)

describe('both editions follow the theme', () => {
  let base: Frame[]
  before(async () => {
    book = await loadBook(await writeManuscript(), new Diagnostics(), { sourceDateEpoch: '1700000000' })
    base = frames(defaultTheme)
  })

  it('emphasis within emphasis: upright by default, italic when the theme says', () => {
    assert.equal(drawn(base, 'nested').style.font, 'text')
    assert.equal(css(defaultTheme, 'em em', 'font-style'), 'normal')
    assert.equal(css(defaultTheme, 'figcaption em', 'font-style'), 'normal', 'in an italic role too')
    const theme = changed({ inline: { emphasisWithinItalic: 'italic' } })
    assert.equal(drawn(frames(theme), 'nested').style.font, 'textItalic')
    assert.equal(css(theme, 'em em', 'font-style'), 'italic')
    assert.equal(css(theme, 'figcaption em', 'font-style'), 'italic')
  })

  it('smaller text: the theme’s small scale of the text around it', () => {
    const body = resolveStyle(defaultTheme, 'body').size
    close(drawn(base, 'smaller').style.size, body * defaultTheme.inline.smallScale)
    close(ems(css(defaultTheme, 'small', 'font-size')), defaultTheme.inline.smallScale)
    const theme = changed({ inline: { smallScale: 0.7 } })
    close(drawn(frames(theme), 'smaller').style.size, body * 0.7)
    close(ems(css(theme, 'small', 'font-size')), 0.7)
  })

  it('superscripts: the theme’s script scale', () => {
    const body = resolveStyle(defaultTheme, 'body').size
    const theme = changed({ scriptScale: 0.6 })
    close(drawn(base, 'two').style.size, body * defaultTheme.scriptScale)
    close(drawn(frames(theme), 'two').style.size, body * 0.6)
    close(ems(css(defaultTheme, 'sup', 'font-size')), defaultTheme.scriptScale)
    close(ems(css(theme, 'sup', 'font-size')), 0.6)
  })

  it('marked text: on the theme’s ground', () => {
    const theme = changed({ colours: { mark: '#c0ffee' } })
    assert.equal(drawn(base, 'marked').style.ground, defaultTheme.colours.mark)
    assert.equal(drawn(frames(theme), 'marked').style.ground, '#c0ffee')
    assert.equal(css(defaultTheme, 'mark', 'background-color'), defaultTheme.colours.mark)
    assert.equal(css(theme, 'mark', 'background-color'), '#c0ffee')
  })

  it('links: in the link colour, underlined only when the theme says', () => {
    assert.notEqual(drawn(base, 'link').style.underline, true)
    assert.equal(css(defaultTheme, 'a', 'text-decoration'), 'none')
    const theme = changed({ inline: { underlineLinks: true }, colours: { link: '#123456' } })
    const link = drawn(frames(theme), 'link')
    assert.equal(link.style.underline, true)
    assert.equal(link.style.colour, '#123456')
    assert.equal(css(theme, 'a', 'text-decoration'), 'underline')
    assert.equal(css(theme, 'a', 'color'), '#123456')
  })

  it('lists: the space around them, the gap after the labels, the EPUB’s indent and task boxes', () => {
    const drop = (pages: Frame[]): number => drawn(pages, 'Firstitem').y - drawn(pages, 'Beforelist').y
    const leading = resolveStyle(defaultTheme, 'body').leading
    const theme = changed({ lists: { space: 1.5, gap: 4, indent: 2.5, taskHang: 1.6 } })
    const pages = frames(theme)
    close(drop(pages) - drop(base), leading * (1.5 - defaultTheme.lists.space), 'the space above a list')
    const space = createMeasurer(defaultTheme).width(' ', { font: 'text', size: resolveStyle(defaultTheme, 'body').size, colour: '#000' })
    close(drawn(pages, 'Firstitem').x - drawn(base, 'Firstitem').x, 2 * space, 'the label column widens by two spaces')
    close(ems(css(defaultTheme, 'ul', 'margin-top')), defaultTheme.lists.space * defaultTheme.leading)
    close(ems(css(theme, 'ul', 'margin-top')), 1.5 * defaultTheme.leading)
    close(ems(css(theme, 'ul', 'padding-left')), 2.5)
    close(ems(css(theme, '.task-box', 'margin-left')), -1.6)
  })

  it('section breaks: the theme’s space around the sign', () => {
    const drop = (pages: Frame[]): number => drawn(pages, defaultTheme.sectionBreak).y - drawn(pages, 'Beforebreak').y
    const leading = resolveStyle(defaultTheme, 'body').leading
    const theme = changed({ sectionBreakSpace: 2 })
    close(drop(frames(theme)) - drop(base), leading, 'a line more above the sign')
    close(ems(css(defaultTheme, '.section-break', 'margin-top')), defaultTheme.sectionBreakSpace * defaultTheme.leading)
    close(ems(css(theme, '.section-break', 'margin-top')), 2 * defaultTheme.leading)
  })

  it('figures: the space above them, in lines of the caption', () => {
    const imageTop = (pages: Frame[]): number => {
      for (const page of pages) {
        const image = page.items.find((item) => item.kind === 'image')
        if (image && image.kind === 'image') return image.y - drawn([page], 'Notecall').y
      }
      assert.fail('the figure is drawn')
    }
    const caption = resolveStyle(defaultTheme, 'caption')
    const body = resolveStyle(defaultTheme, 'body')
    const theme = changed({ figures: { space: 1.5 } })
    close(imageTop(frames(theme)) - imageTop(base), caption.leading, 'a caption line more above the figure')
    close(ems(css(defaultTheme, 'figure', 'margin-top')), (0.5 * caption.leading) / body.size)
    close(ems(css(theme, 'figure', 'margin-top')), (1.5 * caption.leading) / body.size)
  })

  it('code blocks: the ground reaches as far past the text in both editions', () => {
    const ground = (pages: Frame[], theme: Theme): number => {
      const line = drawn(pages, 'const')
      const rect = line.page.items.find((item) => item.kind === 'rect' && item.y < line.y && item.y + item.height > line.y)
      assert.ok(rect && rect.kind === 'rect')
      return line.y - resolveStyle(theme, 'code').size - rect.y
    }
    const descent = -sharedFace(defaultTheme.fonts.mono).descent / sharedFace(defaultTheme.fonts.mono).unitsPerEm
    for (const theme of [defaultTheme, changed({ roles: { code: { leading: 1.8 } } })]) {
      const pad = codeGroundPadding(theme, descent)
      close(ground(theme === defaultTheme ? base : frames(theme), theme), pad, 'print')
      close(ems(css(theme, 'pre', 'padding')) * resolveStyle(theme, 'code').size, pad, 'EPUB')
    }
    assert.ok(codeGroundPadding(changed({ roles: { code: { leading: 1.8 } } }), descent) > codeGroundPadding(defaultTheme, descent))
  })

  it('footnotes: the space over them and their rule, its length and weight', () => {
    const rule = (pages: Frame[]): { length: number; weight: number } => {
      for (const page of pages) {
        const found = page.items.find((item) => item.kind === 'rule')
        if (found && found.kind === 'rule') return { length: found.x2 - found.x1, weight: found.weight }
      }
      assert.fail('the rule over the notes is drawn')
    }
    const measure = pageGeometry(defaultTheme, 'a5').measure
    const notes = resolveStyle(defaultTheme, 'footnote').size
    const theme = changed({ footnotes: { space: 2, rule: { length: 0.5, weight: 0.1 } } })
    close(rule(base).length, measure * 0.25)
    close(rule(frames(theme)).length, measure * 0.5)
    close(rule(frames(theme)).weight, notes * 0.1)
    assert.equal(css(theme, ':not(aside) + aside.footnote::before', 'width'), '50%')
    close(ems(css(theme, ':not(aside) + aside.footnote::before', 'border-top')?.split(' ')[0]), 0.1)
    const bodyLine = resolveStyle(defaultTheme, 'body').leading
    close(ems(css(defaultTheme, ':not(aside) + aside.footnote', 'margin-top')) * notes, (2 / 3) * bodyLine)
    close(ems(css(theme, ':not(aside) + aside.footnote', 'margin-top')) * notes, (4 / 3) * bodyLine)
  })

  it('the contents: the space above a first-level entry', () => {
    // The first drawing of each title is its entry in the contents, which come before the chapters.
    const gap = (pages: Frame[]): number => drawn(pages, 'second').y - drawn(pages, 'Chapterone').y
    const bodyLine = resolveStyle(defaultTheme, 'body').leading
    const theme = changed({ contents: { space: 1.5 } })
    close(gap(frames(theme)) - gap(base), bodyLine, 'a line more between the chapters’ entries')
    close(ems(css(defaultTheme, 'nav#toc > ol > li + li', 'margin-top')), 0.5 * defaultTheme.leading)
    close(ems(css(theme, 'nav#toc > ol > li + li', 'margin-top')), 1.5 * defaultTheme.leading)
  })

  it('openings, running heads and folios (print’s own): where the theme puts them; the EPUB has none', () => {
    const geometry = pageGeometry(defaultTheme, 'a5')
    const theme = changed({ openings: { chapter: 1 / 3 }, furniture: { head: 3, folio: 1 } })
    const pages = frames(theme)
    close(besides(pages, 'Zeroth', 'second').y - besides(base, 'Zeroth', 'second').y, geometry.depth * (1 / 3 - 1 / 6), 'the chapter drops further')
    const bodyLine = resolveStyle(defaultTheme, 'body').leading
    // The last page, in the second chapter's run: its furniture (artifacts) is the running head above and the folio below.
    const furniture = (frames: Frame[]): number[] => texts(frames.at(-1)!.items).filter((item) => item.struct === null).map((item) => item.y)
    const head = (frames: Frame[]): number => Math.min(...furniture(frames))
    const folio = (frames: Frame[]): number => Math.max(...furniture(frames))
    close(head(base) - head(pages), bodyLine, 'the running head stands a line higher')
    close(folio(base) - folio(pages), bodyLine, 'the folio stands a line nearer the text')
    assert.deepEqual(cssRules(theme), cssRules(defaultTheme))
  })

  it('running heads and folios: aligned on the measure as their roles say', () => {
    const geometry = pageGeometry(defaultTheme, 'a5')
    const theme = changed({ roles: { runningHead: { align: 'left' }, folio: { align: 'right' } } })
    const last = (frames: Frame[]): FrameText[] => texts(frames.at(-1)!.items).filter((item) => item.struct === null)
    const [head, folio] = [...last(frames(theme))].sort((a, b) => a.y - b.y)
    const [baseHead, baseFolio] = [...last(base)].sort((a, b) => a.y - b.y)
    // The last page is a left-hand one or a right-hand one: its text block starts at one of the two margins.
    const left = [geometry.margins.inner, geometry.margins.outer]
    assert.ok(left.some((margin) => Math.abs(head!.x - margin) < 1e-3), `the running head starts at the margin: ${head!.x}`)
    close(folio!.x + folio!.width, head!.x + geometry.measure, 'the folio ends at the measure')
    close(baseHead!.x - head!.x, (geometry.measure - texts(last(base)).filter((item) => item.y === baseHead!.y).reduce((sum, item) => sum + item.width, 0)) / 2, 'centred by default')
    close(baseFolio!.x + baseFolio!.width / 2, head!.x + geometry.measure / 2, 'the default folio is centred')
  })

  it('the EPUB’s title page and colophon (print has neither): the theme’s spaces', () => {
    const theme = changed({ titlePage: { publisherSpace: 3 }, colophon: { space: 1 } })
    close(ems(css(theme, '.titlepage .publisher', 'margin-top')), 3 * defaultTheme.leading)
    close(ems(css(theme, '.colophon p', 'margin-bottom')), 1)
    assert.deepEqual(
      frames(theme).map((frame) => texts(frame.items).map((item) => [item.text, item.x, item.y])),
      base.map((frame) => texts(frame.items).map((item) => [item.text, item.x, item.y])),
    )
  })

  it('a heading face: headings in another family in both editions', () => {
    const theme = changed({
      fonts: headingFaces(googleFamily('Source Sans 3', 'source-sans-3', 'SourceSans3')),
      generic: { heading: 'sans-serif' },
      roles: { h1: { face: 'heading' } },
    })
    assert.equal(besides(base, 'Beforelist', 'Chapterone').style.font, 'textBold')
    assert.equal(besides(frames(theme), 'Beforelist', 'Chapterone').style.font, 'headingBold')
    assert.ok(css(theme, 'h1', 'font-family')!.startsWith('"Source Sans 3"'))
    assert.ok(css(theme, 'h1', 'font-family')!.endsWith('sans-serif'))
    assert.ok(css(defaultTheme, 'h1', 'font-family')!.startsWith('"Literata"'))
  })
})
