/**
 * Bad input, row by row as the table lists it, through the command
 * line as a writer meets it: what Octavo refuses ends in exit 1 with one
 * clear message and nothing written; what it can mend is mended with a
 * warning, and both editions stay valid.
 *
 * To keep EPUBCheck to one run, the inputs Octavo mends are the chapters of
 * one book; each row then looks at its own chapter, and at EPUBCheck's
 * messages about that chapter's document or about the book as a whole.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { closeSync, constants, openSync } from 'node:fs'
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import { defaultTheme, pageGeometry } from '../../src/theme/index.js'
import {
  altTexts,
  assertNoCrash,
  chapterReaderText,
  chapterText,
  epubChapters,
  epubEntryNames,
  epubTextEntries,
  overfullLines,
  pdfLinkUris,
  pdfReaderPages,
  pdfWordBoxes,
  placedMessages,
  problemsAbout,
  stderrLines,
  writeTree,
} from '../support/conformance.js'
import type { WordBox } from '../support/conformance.js'
import type { EpubDocument } from '../support/editions.js'
import { decodeXml, epubcheck, octavoInProcess, pdfFonts, qpdfCheck, tempDir } from '../support/tools.js'
import type { CommandResult } from '../support/tools.js'
import { comparableWords, markdownReaderWords, missingWords, printedWords } from '../support/words.js'
import type { WordCounts } from '../support/words.js'

const run = promisify(execFile)
// A fixed "now", as the Makefile sets it from the last commit.
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }

/** `octavo build`, run in this process (see `octavoInProcess`): the command's own exit codes and messages. */
function build(input: string, out: string, extra: readonly string[] = []): Promise<CommandResult> {
  return octavoInProcess(['build', input, '--out', out, '--quiet', ...extra], env)
}

/**
 * The one error line of a refused build, checked to be free of a stack trace
 * and to be the only error among warnings.
 */
function onlyError(result: CommandResult, label: string, warnings = 0): string {
  assert.equal(result.code, 1, `${label}: exit 1, not ${result.code}\n${result.stderr}`)
  assertNoCrash(result, label)
  const lines = stderrLines(result)
  const errors = lines.filter((line) => /: error: /.test(line))
  assert.equal(errors.length, 1, `${label}: one error on stderr, not:\n${result.stderr}`)
  // What the reading found on after the fault (a missing \`lang\`) may follow it; the warnings before it are counted.
  assert.equal(lines.indexOf(errors[0]!), warnings, `${label}: ${warnings} warnings before the error, not:\n${result.stderr}`)
  for (const line of lines) if (line !== errors[0]) assert.match(line, /: warning: /, label)
  return errors[0]!
}

async function files(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort()
}

describe('input Octavo refuses: exit 1, one message, nothing written', () => {
  let dir: string
  let out: string
  const results = new Map<string, CommandResult>()
  /** FIFOs outside a manuscript's folder, and whether anything opened one: a read would have to. */
  const fifos = new Map<string, boolean>()

  /** Each manuscript: its files, and the input named on the command line. */
  const manuscripts: Record<string, { files: Record<string, string | Uint8Array>; input: string }> = {
    'missing-file': { files: {}, input: 'nowhere/story.md' },
    'missing-folder': { files: {}, input: 'no-such-book' },
    'not-markdown': { files: { 'notes.txt': 'Once upon a time.\n' }, input: 'notes.txt' },
    'empty': { files: { 'empty.md': '' }, input: 'empty.md' },
    'blank': { files: { 'blank.md': '\n   \n\t\n\n' }, input: 'blank.md' },
    'front-matter-only': { files: { 'matter.md': '---\ntitle: Nothing after\nlang: en\n---\n' }, input: 'matter.md' },
    'empty-book': { files: { 'empty-book/book.yaml': 'title: Empty\n', 'empty-book/01.md': '', 'empty-book/02.md': '---\ntitle: Two\n---\n' }, input: 'empty-book' },
    // é written in Latin-1 (0xE9) on line 6, after eight ASCII characters; a UTF-8 é before it is fine.
    'latin-1': { files: { 'latin1.md': latin1Bytes() }, input: 'latin1.md' },
    'truncated': { files: { 'truncated.md': Buffer.concat([Buffer.from('Fine text.\n\nThen '), Buffer.from([0xe2, 0x82])]) }, input: 'truncated.md' },
    'overlong': { files: { 'overlong.md': Buffer.concat([Buffer.from('Fine.\n\nA slash written long: '), Buffer.from([0xc0, 0xaf]), Buffer.from('.\n')]) }, input: 'overlong.md' },
    'surrogate': { files: { 'surrogate.md': Buffer.concat([Buffer.from('Fine.\n\nA lone surrogate '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('.\n')]) }, input: 'surrogate.md' },
    'yaml-flow': { files: { 'flow.md': '---\ntitle: Good\nlang: en\nauthor: [Ann, Bob\n---\n\nText.\n' }, input: 'flow.md' },
    'yaml-mapping': { files: { 'mapping.md': '---\ntitle: Good\nsubtitle: a: b\nlang: en\n---\n\nText.\n' }, input: 'mapping.md' },
    'title-list': { files: { 'title.md': '---\ntitle: [1, 2]\nlang: en\n---\n\nText.\n' }, input: 'title.md' },
    'date-number': { files: { 'date.md': '---\ntitle: Dated\nlang: en\ndate: 12\n---\n\nText.\n' }, input: 'date.md' },
    'image-missing': {
      files: { 'pictures.md': '---\ntitle: Pictures\nlang: en\n---\n\nA first paragraph.\n\nSome text ![a figure](figures/missing.png) and more.\n' },
      input: 'pictures.md',
    },
    'image-missing-in-book': {
      files: {
        'album/book.yaml': 'title: Album\nlang: en\n',
        'album/01-first.md': 'Nothing missing here.\n',
        'album/02-second.md': 'Text.\n\n![gone](plates/gone.jpg)\n',
      },
      input: 'album',
    },
    'image-up': { files: { 'inside/up.md': 'Text.\n\n![outside](../outside-up.png)\n' }, input: 'inside/up.md' },
    'image-absolute': { files: {}, input: 'inside/absolute.md' },
    'image-file-url': { files: {}, input: 'inside/file-url.md' },
    'image-symlink': { files: { 'inside/linked.md': 'Text.\n\n![linked](linked.png)\n' }, input: 'inside/linked.md' },
  }

  before(async () => {
    dir = await tempDir('octavo-refused-')
    out = path.join(dir, 'out')
    await mkdir(out)
    for (const { files: tree } of Object.values(manuscripts)) await writeTree(dir, tree)
    // Pictures outside the folder are FIFOs: opening one to read blocks until a writer comes, which the poll below notices.
    for (const name of ['outside-up.png', 'outside-absolute.png', 'outside-file-url.png', 'outside-linked.png']) {
      await run('mkfifo', [path.join(dir, name)])
      fifos.set(name, false)
    }
    await writeFile(path.join(dir, 'inside/absolute.md'), `Text.\n\n![outside](${path.join(dir, 'outside-absolute.png')})\n`)
    await writeFile(path.join(dir, 'inside/file-url.md'), `Text.\n\n![outside](file://${path.join(dir, 'outside-file-url.png')})\n`)
    await symlink(path.join(dir, 'outside-linked.png'), path.join(dir, 'inside/linked.png'))

    let building = true
    const poll = (async () => {
      while (building) {
        for (const name of fifos.keys()) {
          try {
            // Succeeds only while a reader has the FIFO open.
            closeSync(openSync(path.join(dir, name), constants.O_WRONLY | constants.O_NONBLOCK))
            fifos.set(name, true)
          } catch {
            // ENXIO: nobody is reading it.
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    })()
    await Promise.all(
      Object.entries(manuscripts).map(async ([name, { input }]) => {
        results.set(name, await build(path.join(dir, input), out))
      }),
    )
    building = false
    await poll
  })

  const result = (name: string): CommandResult => results.get(name)!
  const shown = (name: string): string => path.join(dir, manuscripts[name]!.input)

  it('a path that does not exist: exit 1, one line naming the path', () => {
    for (const name of ['missing-file', 'missing-folder']) {
      assert.ok(onlyError(result(name), name).includes(shown(name)), `${name}: the message names ${shown(name)}`)
    }
  })

  it('a path that is not a .md file or a folder: exit 1, one line naming the path', () => {
    assert.ok(onlyError(result('not-markdown'), 'not-markdown').includes(shown('not-markdown')))
  })

  it('an empty manuscript, or one of front matter only: exit 1, nothing to publish', () => {
    for (const name of ['empty', 'blank', 'front-matter-only', 'empty-book']) {
      // In a book, each empty chapter file is a warning before the error.
      const line = onlyError(result(name), name, name === 'empty-book' ? 2 : 0)
      assert.ok(line.startsWith(shown(name)), `${name}: the message names the manuscript: ${line}`)
      assert.match(line, /nothing to publish/i, name)
    }
  })

  it('bytes that are not UTF-8: exit 1 naming the line and column of the first bad byte', () => {
    const expected: Record<string, string> = {
      'latin-1': ':6:9: error: ',
      'truncated': ':3:6: error: ',
      'overlong': ':3:23: error: ',
      'surrogate': ':3:18: error: ',
    }
    for (const [name, place] of Object.entries(expected)) {
      const line = onlyError(result(name), name)
      assert.ok(line.startsWith(shown(name) + place), `${name}: expected ${place.slice(0, -9)}, got ${line}`)
      assert.match(line, /UTF-8/, name)
    }
  })

  it('front matter that is not valid YAML: exit 1 with line and column', () => {
    for (const [name, lineNumber] of [
      ['yaml-flow', 4],
      ['yaml-mapping', 3],
    ] as const) {
      const line = onlyError(result(name), name)
      assert.match(line, new RegExp(`^${escape(shown(name))}:${lineNumber}:[1-9]\\d*: error: `), name)
    }
  })

  it('front matter of a wrong type (`title: [1, 2]`): exit 1 with line and column', () => {
    // The key's column or its value's: either points the writer at the mistake.
    assert.match(onlyError(result('title-list'), 'title-list'), new RegExp(`^${escape(shown('title-list'))}:2:(1|8): error: .*title`))
    assert.match(onlyError(result('date-number'), 'date-number'), new RegExp(`^${escape(shown('date-number'))}:4:(1|7): error: .*date`))
  })

  it('an image file that is missing: exit 1 naming the file and the line that uses it', () => {
    assert.match(onlyError(result('image-missing'), 'image-missing'), new RegExp(`^${escape(shown('image-missing'))}:8:11: error: .*figures/missing\\.png`))
    const chapter = path.join(shown('image-missing-in-book'), '02-second.md')
    assert.match(onlyError(result('image-missing-in-book'), 'image-missing-in-book'), new RegExp(`^${escape(chapter)}:3:1: error: .*plates/gone\\.jpg`))
  })

  it('an image outside the manuscript\'s folder (../, absolute, file:, a link out): exit 1, and the file is never read', () => {
    for (const [name, fifo] of [
      ['image-up', 'outside-up.png'],
      ['image-absolute', 'outside-absolute.png'],
      ['image-file-url', 'outside-file-url.png'],
      ['image-symlink', 'outside-linked.png'],
    ] as const) {
      const line = onlyError(result(name), name)
      assert.match(line, new RegExp(`^${escape(shown(name))}:3:1: error: `), name)
      if (name !== 'image-symlink') assert.match(line, /outside the manuscript's folder/, name)
      assert.equal(fifos.get(fifo), false, `${name}: ${fifo} was opened`)
    }
  })

  it('writes nothing for a refused manuscript', async () => {
    assert.deepEqual(await files(out), [])
  })
})

/** The Latin-1 manuscript's bytes: é as 0xE9 on line 6, after a UTF-8 é in the front matter and line 5. */
function latin1Bytes(): Uint8Array {
  return Buffer.concat([
    Buffer.from('---\ntitle: Café\n---\n\nThe first line is naïve.\nThen caf', 'utf8'),
    Buffer.from([0xe9]),
    Buffer.from(' au lait, and ', 'utf8'),
    Buffer.from([0xff]),
    Buffer.from(' later.\n', 'utf8'),
  ])
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('an unknown front-matter key, and writes that are atomic', () => {
  let dir: string
  let out: string
  let manuscript: string
  let first: CommandResult
  const previous = new Map<string, Buffer>()
  const good = '---\ntitle: A story\nlang: en\ncolour: red\n---\n\nOnce upon a time there was a printer.\n'

  before(async () => {
    dir = await tempDir('octavo-atomic-')
    out = path.join(dir, 'dist')
    manuscript = path.join(dir, 'story.md')
    await writeFile(manuscript, good)
    first = await build(manuscript, out)
    for (const name of await files(out)) previous.set(name, await readFile(path.join(out, name)))
  })

  it('an unknown key: a warning with its line, and the build goes on', () => {
    assert.equal(first.code, 0, first.stderr)
    assertNoCrash(first)
    const warnings = placedMessages(first).filter((message) => /colour/.test(message.text))
    assert.deepEqual(
      warnings.map(({ file, line, severity }) => ({ file, line, severity })),
      [{ file: manuscript, line: 4, severity: 'warning' }],
    )
    assert.deepEqual([...previous.keys()], ['story.epub', 'story.pdf'])
  })

  it('a failing build leaves the previous editions byte for byte, and no stray file', async () => {
    const failing: Record<string, string | Uint8Array> = {
      'bad bytes': Buffer.concat([Buffer.from('Once upon a time '), Buffer.from([0xff]), Buffer.from('.\n')]),
      'bad YAML': '---\ntitle: [broken\n---\n\nText.\n',
      'a missing image': 'Text.\n\n![gone](gone.png)\n',
      'nothing to publish': '---\ntitle: Empty\n---\n',
    }
    for (const [label, content] of Object.entries(failing)) {
      await writeFile(manuscript, content)
      const result = await build(manuscript, out)
      assert.equal(result.code, 1, `${label}: ${result.stderr}`)
      assertNoCrash(result, label)
      assert.deepEqual(await files(out), ['story.epub', 'story.pdf'], `${label}: only the previous editions in the folder`)
      for (const [name, bytes] of previous) {
        assert.ok((await readFile(path.join(out, name))).equals(bytes), `${label}: ${name} changed`)
      }
    }
  })

  it('an edition that cannot be written leaves the other one as it was, and says so in one line (exit 4)', async () => {
    await writeFile(manuscript, good.replace('a printer', 'a binder'))
    const blocked = path.join(dir, 'blocked')
    await mkdir(path.join(blocked, 'story.epub'), { recursive: true })
    await writeFile(path.join(blocked, 'story.pdf'), 'the previous edition')
    const result = await build(manuscript, blocked)
    assert.equal(result.code, 4, result.stderr)
    assertNoCrash(result)
    assert.equal(stderrLines(result).filter((line) => /cannot write to/.test(line)).length, 1, result.stderr)
    assert.equal(await readFile(path.join(blocked, 'story.pdf'), 'utf8'), 'the previous edition')
    assert.deepEqual(await files(blocked), ['story.epub', 'story.pdf'], 'no scratch file left')
  })
})

// ---------------------------------------------------------------------------------------------
// Input that is mended: the chapters of one book, built once and checked once by EPUBCheck.

/** Characters the loader drops, as the issue lists them: C0 controls but tab and line ends, U+FFFE, U+FFFF. */
const dropped = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const longWord = 'abcdefghij'.repeat(200)
const longUrl = `https://example.org/${'segment/'.repeat(73)}end`

interface Chapter {
  file: string
  title: string
  source: string
}

function mendedChapters(port: number): Chapter[] {
  const local = `http://127.0.0.1:${port}`
  const chapter = (file: string, title: string, body: string): Chapter => ({ file, title, source: `---\ntitle: ${title}\n---\n\n${body}` })
  return [
    chapter(
      '01-remote.md',
      'Remote pictures',
      [
        `A remote picture ![zebra crossing](${local}/zebra.png "A title") inline.`,
        '',
        `![quokka portrait][portrait]`,
        '',
        `A remote page, [marmoset gallery](${local}/gallery), stays a link; so does <${local}/plain>.`,
        '',
        'And one on the wider web: ![ocelot sketch](https://example.com/ocelot.png).',
        '',
        `[portrait]: ${local}/quokka.jpg`,
        '',
      ].join('\n'),
    ),
    // Every control character sits between letters, so what is left is one word.
    {
      file: '02-control.md',
      title: 'Control characters',
      source: [
        '---',
        'title: Control\u0001 characters',
        '---',
        '',
        '# Heading with a nul\u0000byte',
        '',
        'Form\u000Cfeed and vertical\u000Btab, escape\u001Bsequence.',
        '',
        'Back\u0008space in *empha\u0007sis* and `co\u0002de`.',
        '',
        '| left | right |',
        '|---|---|',
        '| non\uFFFEcharacter | another\uFFFFone |',
        '',
      ].join('\n'),
    },
    chapter(
      '03-long.md',
      'Overlong words',
      [
        `A word of two thousand letters: ${longWord}, in a paragraph.`,
        '',
        `An address as an autolink: <${longUrl}>.`,
        '',
        `A bare address: ${longUrl} and after.`,
        '',
        `[${longUrl}](${longUrl})`,
        '',
        `Inline code: \`${longWord}\`.`,
        '',
        '```',
        longWord,
        '```',
        '',
        `> Quoted: ${longWord}`,
        '',
        `- Listed: ${longWord}`,
        '',
      ].join('\n'),
    ),
    chapter('04-long-cell.md', 'An overlong table cell', ['| Column | Cell |', '|---|---|', `| short | ${longWord} |`, ''].join('\n')),
    chapter('05-quotes.md', 'Deep quotes', `Before the quotes.\n\n${'> '.repeat(5000)}innermost pelican words\n\nAfter the quotes.\n`),
    chapter(
      '06-lists.md',
      'Deep lists',
      [
        'Before the lists.',
        '',
        `${'- '.repeat(5000)}innermost heron item`,
        '',
        `${'1. '.repeat(2500)}innermost ibis item`,
        '',
        `${'> - '.repeat(2500)}innermost egret item`,
        '',
        // Nested by indentation, a line per level.
        ...Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth)}- level${depth} stork`),
        '',
        'After the lists.',
        '',
      ].join('\n'),
    ),
    chapter(
      '07-scripts.md',
      'Other scripts',
      [
        'Chinese 中文排版测试 and Japanese ひらがなカタカナ.',
        '',
        'Arabic مرحبا بالعالم and Hebrew שלום עולם and Greek καλημέρα and Cyrillic привет.',
        '',
        'Emoji 😀 🎉 and symbols ∀ ∑ → ⌘ ♞ ☃.',
        '',
        'Uncovered 𓀀 and \uE000 here.',
        '',
      ].join('\n'),
    ),
    // Characters that are never drawn: they steer line breaking, joining and direction.
    chapter(
      '08-invisible.md',
      'Invisible characters',
      [
        'Marks between letters: \u200Fright\u200Fmark, \u200Eleft\u200Emark, iso\u2066late\u2069d, fir\u2067st\u2069ly, joi\u200Dner, non\u200Cjoiner, word\u2060joiner.',
        '',
        'Soft\u00ADhyphen and zero\u200Bwidth stay as they are, in `co\u200Bde` too.',
        '',
      ].join('\n'),
    ),
    // A right-to-left word before a left-to-right one, in justified lines: the space stays between them.
    chapter('09-mixed-direction.md', 'Mixed directions', 'word word word birch state-of-the-art كتاب amber www.example.com gable gable.\n'),
    // Arabic in italic among Latin letters: the italic fallback face lacks it, the upright one has it.
    chapter('10-italic-arabic.md', 'Arabic in italic', 'A title in italic: *the كتاب amber* and in bold italic: ***the مرحبا amber***.\n'),
    // Bare addresses that GFM ends at a backslash or runs on to touching letters.
    chapter('11-bare-addresses.md', 'Bare addresses', 'See www.example.com\\_ and www.example.orgcafé and https://example.net/a`b` here.\n'),
  ]
}

describe('input Octavo mends, as the chapters of one book', () => {
  let dir: string
  let book: string
  let epub: string
  let pdf: string
  let chapters: Chapter[]
  let result: CommandResult
  let problems: string[]
  let qpdf: CommandResult
  let documents: EpubDocument[]
  let boxes: WordBox[]
  let readerPages: string[]
  let uris: string[]
  const requests: string[] = []
  let server: http.Server

  before(async () => {
    // A server on this machine stands for the web: any request to it is a fetch that should not have happened.
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '')
      response.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    chapters = mendedChapters((server.address() as AddressInfo).port)

    dir = await tempDir('octavo-mended-')
    book = path.join(dir, 'mended')
    const tree: Record<string, string> = { 'book.yaml': 'title: Mended input\nlang: en\n' }
    for (const chapter of chapters) tree[chapter.file] = chapter.source
    await writeTree(book, tree)
    result = await build(book, dir, ['--report'])
    assert.equal(result.code, 0, result.stderr)
    epub = path.join(dir, 'mended.epub')
    pdf = path.join(dir, 'mended.pdf')

    let check: Awaited<ReturnType<typeof epubcheck>>
    ;[check, qpdf, documents, boxes, uris, readerPages] = await Promise.all([
      epubcheck(epub),
      qpdfCheck(pdf),
      epubChapters(epub),
      pdfWordBoxes(pdf),
      pdfLinkUris(pdf),
      pdfReaderPages(pdf, pageGeometry(defaultTheme, 'a5').margins),
    ])
    problems = check.problems
  })

  after(() => {
    server?.close()
  })

  const chapterOf = (file: string): { chapter: Chapter; document: EpubDocument; index: number } => {
    const index = chapters.findIndex((chapter) => chapter.file === file)
    assert.equal(documents.length, chapters.length, 'one EPUB document per chapter file')
    return { chapter: chapters[index]!, document: documents[index]!, index }
  }
  const warningsAbout = (file: string) => placedMessages(result).filter((message) => message.file === path.join(book, file))

  /** A chapter's words in the PDF, read from its pages' text blocks, line ends joined where the manuscript has the whole word. */
  const pdfChapterWords = (file: string, known: WordCounts): WordCounts => printedWords(pdfChapterText(file), known)
  /** The chapter's words found in the EPUB chapter (text and alt) and in the PDF. */
  const assertNoWordLost = (file: string, imageAlt: { epub: (url: string) => boolean; pdf: (url: string) => boolean }): void => {
    const { chapter, document } = chapterOf(file)
    const epubWords = comparableWords([chapterReaderText(document.xhtml), ...altTexts(document.xhtml)].join('\n'))
    assert.deepEqual(missingWords(markdownReaderWords(chapter.source, { dropped, imageAlt: imageAlt.epub }), epubWords), [], `${file}: words missing from the EPUB`)
    const expected = markdownReaderWords(chapter.source, { dropped, imageAlt: imageAlt.pdf })
    assert.deepEqual(missingWords(expected, pdfChapterWords(file, expected)), [], `${file}: words missing from the PDF`)
  }
  const assertChapterValid = (file: string): void => {
    assert.deepEqual(problemsAbout(problems, chapterOf(file).document.href), [], `${file}: EPUBCheck`)
    assert.equal(qpdf.code, 0, `qpdf --check:\n${qpdf.stdout}${qpdf.stderr}`)
  }
  /**
   * A chapter's words printed outside the text block: past its right edge (the
   * outer margin on a recto, the inner on a verso), or starting below its foot,
   * where only the folio belongs.
   */
  const outside = (file: string): string[] => {
    const geometry = pageGeometry(defaultTheme, 'a5')
    const pages = pagesOf(file)
    return boxes
      .filter((word) => pages.has(word.page))
      .filter((word) => {
        const margin = word.page % 2 === 1 ? geometry.margins.outer : geometry.margins.inner
        const folio = /^(\d+|[ivxlc]+)$/.test(word.text)
        return word.xMax > word.pageWidth - margin + 0.5 || (!folio && word.yMin > word.pageHeight - geometry.margins.bottom)
      })
      .slice(0, 5)
      .map((word) => `page ${word.page}: "${word.text.slice(0, 24)}" at x ${word.xMin.toFixed(1)}–${word.xMax.toFixed(1)}, y ${word.yMin.toFixed(1)}`)
  }
  /**
   * The print pages of a chapter, from the EPUB's page list: each chapter
   * document marks the start of every page of the PDF that it has text on.
   */
  const pagesOf = (file: string): Set<number> => {
    const { document } = chapterOf(file)
    const pages = [...document.xhtml.matchAll(/epub:type="pagebreak"[^>]*\btitle="(\d+)"/g)].map(([, page]) => Number(page))
    assert.ok(pages.length > 0, `${file}: its pages are marked in the EPUB`)
    return new Set(pages)
  }
  /** The PDF's text on a chapter's pages: their text blocks, without running heads and folios. */
  const pdfChapterText = (file: string): string => [...pagesOf(file)].map((page) => readerPages[page - 1] ?? '').join('\n')

  it('builds with exit 0 and no stack trace', () => {
    assertNoCrash(result)
    assert.equal(result.code, 0)
  })

  it('an image or link on a remote URL: never fetched; the image becomes its alt text with a warning, links stay links', async () => {
    const file = '01-remote.md'
    const { document } = chapterOf(file)
    assert.deepEqual(requests, [], 'nothing was fetched')
    const warned = warningsAbout(file).filter((message) => /not a local file|remote|download/i.test(message.text))
    assert.deepEqual(
      warned.map((message) => message.line),
      [5, 7, 11],
      `a warning at each remote image's line: ${JSON.stringify(warningsAbout(file))}`,
    )
    assert.doesNotMatch(document.xhtml, /<img[^>]+src="(https?:)?\/\//, 'no remote image in the EPUB')
    assert.ok(!(await epubEntryNames(epub)).some((name) => /zebra|quokka|ocelot/.test(name)), 'no remote file packed')
    const text = chapterText(document.xhtml)
    for (const alt of ['zebra crossing', 'quokka portrait', 'ocelot sketch']) assert.ok(text.includes(alt), `EPUB: "${alt}" set as text`)
    for (const href of ['/gallery', '/plain']) {
      const uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${href}`
      assert.ok(document.xhtml.includes(`href="${uri}"`), `EPUB: a link to ${uri}`)
      assert.ok(uris.includes(uri), `PDF: a link to ${uri} (links: ${uris.join(' ')})`)
    }
    assertNoWordLost(file, { epub: () => true, pdf: () => true })
    assertChapterValid(file)
  })

  it('control characters (U+0000–U+001F but tab and line ends, U+FFFE, U+FFFF): dropped with a warning, both editions valid', () => {
    const file = '02-control.md'
    const { chapter, document } = chapterOf(file)
    const expected: string[] = []
    chapter.source.split('\n').forEach((line, index) => {
      for (const match of line.matchAll(dropped)) {
        expected.push(`${index + 1}:${match.index + 1} U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
      }
    })
    assert.equal(expected.length, 10)
    const warned = warningsAbout(file).flatMap((message) => {
      const code = /U\+[0-9A-F]{4}/.exec(message.text)
      return code ? [`${message.line}:${message.column} ${code[0]}`] : []
    })
    assert.deepEqual(warned, expected, 'a warning at each character, naming it')
    const droppedOne = new RegExp(dropped.source)
    assert.doesNotMatch(decodeXml(document.xhtml), droppedOne, 'the EPUB chapter has none of them, written or as a reference')
    assert.doesNotMatch(pdfChapterText(file), droppedOne, 'the PDF prints none of them')
    for (const word of ['Formfeed', 'verticaltab', 'escapesequence', 'Backspace', 'emphasis', 'code', 'noncharacter', 'anotherone', 'nulbyte']) {
      assert.ok(comparableWords(chapterReaderText(document.xhtml)).has(word), `EPUB: ${word}`)
      assert.ok(comparableWords(pdfChapterText(file)).has(word), `PDF: ${word}`)
    }
    assertNoWordLost(file, { epub: () => true, pdf: () => true })
    assertChapterValid(file)
  })

  it('a word or URL longer than the line: broken in the PDF, never past the text block; wraps in the EPUB', async () => {
    const file = '03-long.md'
    assert.equal(overfullLines(result.stdout), 0, 'no overfull line in the layout report')
    assert.deepEqual(outside(file), [], 'nothing set outside the text block')
    // The words are whole once line ends (a hyphen, or a code line's continuation mark) are joined.
    const flat = pdfChapterText(file).replace(/-?\n(\s*↪\s*)?/g, '').replace(/\s+/g, '')
    assert.equal(flat.split(longWord).length - 1, 5, 'PDF: the long word five times, whole')
    assert.equal(flat.split(longUrl).length - 1, 3, 'PDF: the long address three times, whole')
    const text = chapterText(chapterOf(file).document.xhtml)
    assert.equal(text.split(longWord).length - 1, 5, 'EPUB: the long word five times')
    assert.equal(text.split(longUrl).length - 1, 3, 'EPUB: the long address three times')
    const css = [...(await epubTextEntries(epub))].filter(([name]) => name.endsWith('.css')).map(([, text]) => text).join('\n')
    assert.match(css, /(^|\})\s*body\s*\{[^}]*overflow-wrap:\s*(break-word|anywhere)/, 'EPUB: body text wraps long words')
    assert.doesNotMatch(css, /white-space:\s*(pre|nowrap)\s*;|overflow-wrap:\s*normal/, 'EPUB: nothing turns wrapping off')
    assertChapterValid(file)
  })

  it('a table cell longer than a page: broken across pages, never past the text block', () => {
    const file = '04-long-cell.md'
    assert.deepEqual(outside(file), [], 'nothing set outside the text block')
    // The header row (its "Column" hyphenated in the narrow column) repeats on each page the row runs on to.
    const flat = pdfChapterText(file).replace(/-?\n/g, '').replace(/\s+/g, '').replace(/Col-?Cell(umn)?/g, '')
    assert.equal(flat.split(longWord).length - 1, 1, 'PDF: the long word whole')
    assert.ok(chapterText(chapterOf(file).document.xhtml).includes(longWord), 'EPUB: the long word whole')
    assertChapterValid(file)
  })

  for (const [file, kind, phrases] of [
    ['05-quotes.md', 'block quotes', ['innermost pelican words']],
    ['06-lists.md', 'lists', ['innermost heron item', 'innermost ibis item', 'innermost egret item', 'level299 stork']],
  ] as const) {
    it(`${kind} nested thousands deep: no crash, a warning, every word kept, nothing past the margin`, () => {
      const nesting = warningsAbout(file).filter((message) => /nest|deep|depth/i.test(message.text))
      assert.ok(nesting.length >= 1, `a warning about the nesting: ${JSON.stringify(warningsAbout(file))}`)
      const { chapter, document } = chapterOf(file)
      const text = chapterText(document.xhtml)
      for (const phrase of phrases) assert.ok(text.includes(phrase), `EPUB: "${phrase}"`)
      // The words are plain text behind the markers; a Markdown parser of its own would overflow the stack here.
      const body = chapter.source.replace(/^---[\s\S]*?\n---\n/, '').replace(/^(?:\s*(?:>|-|\d+\.)(?=\s))+/gm, '')
      const expected = comparableWords(body)
      assert.deepEqual(missingWords(expected, comparableWords(text)), [], `${file}: words missing from the EPUB`)
      assert.deepEqual(missingWords(expected, pdfChapterWords(file, expected)), [], `${file}: words missing from the PDF`)
      assert.deepEqual(outside(file), [], 'nothing set outside the text block')
      assertChapterValid(file)
    })
  }

  it('characters missing from the text font (CJK, Arabic, emoji, symbols): set from fallbacks, a warning for what no font covers', async () => {
    const file = '07-scripts.md'
    const uncovered = warningsAbout(file).filter((message) => /U\+13000/.test(message.text))
    assert.equal(uncovered.length, 1, `one warning lists what no font covers: ${JSON.stringify(warningsAbout(file))}`)
    assert.match(uncovered[0]!.text, /U\+E000/)
    assert.equal(uncovered[0]!.line, 11, 'at the line of the first such character')
    const otherWarnings = warningsAbout(file).filter((message) => message.text !== uncovered[0]!.text)
    assert.deepEqual(otherWarnings, [], 'no warning about characters a fallback covers')
    assertNoWordLost(file, { epub: () => true, pdf: () => true })
    const printed = pdfChapterText(file)
    for (const symbol of ['😀', '🎉', '∀', '∑', '→', '⌘', '♞', '☃']) assert.ok(printed.includes(symbol), `PDF: ${symbol}`)
    const fonts = await pdfFonts(pdf)
    for (const family of ['DejaVuSans', 'NotoEmoji', 'NotoSansSC']) {
      const font = fonts.find((candidate) => candidate.name.includes(family))
      assert.ok(font && font.embedded && font.subset, `PDF: ${family} embedded as a subset`)
    }
    const css = [...(await epubTextEntries(epub))].filter(([name]) => name.endsWith('.css')).map(([, text]) => text).join('\n')
    const body = /(?:^|\})\s*body\s*\{([^}]*)\}/.exec(css)?.[1] ?? ''
    const families = /font-family:\s*([^;]+);/.exec(body)?.[1] ?? ''
    for (const family of ['DejaVu Sans', 'Noto Emoji', 'Noto Sans SC']) {
      assert.ok(families.includes(`"${family}"`), `EPUB: the body's fonts fall back to ${family}`)
      assert.match(css, new RegExp(`@font-face\\s*\\{[^}]*font-family:\\s*"${family}"`), `EPUB: ${family} is declared`)
    }
    assertChapterValid(file)
  })

  it(
    'invisible characters (joiners, direction marks, isolates): never drawn, nothing set over the next letters',
    () => {
      const file = '08-invisible.md'
      const pages = pagesOf(file)
      // Lines by the middle of their words (a code span's box stands a little lower than the text's).
      const lines: WordBox[][] = []
      const centre = (word: WordBox): number => (word.yMin + word.yMax) / 2
      for (const word of boxes.filter((candidate) => pages.has(candidate.page)).sort((a, b) => a.page - b.page || centre(a) - centre(b))) {
        const line = lines.at(-1)
        if (line && line[0]!.page === word.page && Math.abs(centre(line[0]!) - centre(word)) < 4) line.push(word)
        else lines.push([word])
      }
      const overlaps = lines.flatMap((line) =>
        line
          .sort((a, b) => a.xMin - b.xMin)
          .flatMap((word, index) => (index > 0 && word.xMin < line[index - 1]!.xMax - 0.5 ? [`"${line[index - 1]!.text}" and "${word.text}" overlap`] : [])),
      )
      assert.deepEqual(overlaps, [])
      const printed = [...pages].map((page) => readerPages[page - 1] ?? '').join('\n')
      assert.doesNotMatch(printed, /[\u200C-\u200F\u2066-\u2069]/, 'no invisible character extracted as a glyph of its own')
      const expected = comparableWords(chapterOf(file).chapter.source.replace(/^---[\s\S]*?\n---\n/, ''))
      assert.deepEqual(missingWords(expected, comparableWords(printed)), [], 'every word whole in the PDF')
      assertChapterValid(file)
    },
  )

  it(
    'a right-to-left word before a left-to-right one: the space between them stays between them',
    () => {
      const file = '09-mixed-direction.md'
      const pages = pagesOf(file)
      const words = boxes.filter((word) => pages.has(word.page))
      const centre = (word: WordBox): number => (word.yMin + word.yMax) / 2
      // Poppler makes one word of letters that touch: an Arabic letter touching a Latin one means the space is gone.
      assert.deepEqual(words.filter((word) => /\p{Script=Arabic}\p{Script=Latin}|\p{Script=Latin}\p{Script=Arabic}/u.test(word.text)).map((word) => word.text), [])
      // Otherwise the spaces on either side of the Arabic word are as wide as each other.
      for (const arabic of words.filter((word) => /\p{Script=Arabic}/u.test(word.text))) {
        const line = words.filter((word) => word.page === arabic.page && Math.abs(centre(word) - centre(arabic)) < 4).sort((a, b) => a.xMin - b.xMin)
        const index = line.indexOf(arabic)
        const before = line[index - 1]
        const after = line[index + 1]
        if (!before || !after) continue
        const gaps = [arabic.xMin - before.xMax, after.xMin - arabic.xMax]
        assert.ok(Math.abs(gaps[0]! - gaps[1]!) < 1, `spaces before and after "${arabic.text}": ${gaps.map((gap) => gap.toFixed(1)).join(' and ')} pt`)
      }
      assertNoWordLost(file, { epub: () => true, pdf: () => true })
    },
  )

  it('Arabic in italic or bold italic: set from a fallback that has it, with no warning', () => {
    const file = '10-italic-arabic.md'
    // (The warning may come without a place when the letters are in a chapter's first paragraph.)
    const arabic = stderrLines(result).filter((line) => /U\+0643|U\+0645/.test(line))
    assert.deepEqual(arabic, [], 'no warning: a fallback face covers Arabic')
    assertNoWordLost(file, { epub: () => true, pdf: () => true })
  })

  it('bare addresses that run on to a backslash or to letters: links EPUBCheck accepts, or text', () => {
    const file = '11-bare-addresses.md'
    assertChapterValid(file)
    assertNoWordLost(file, { epub: () => true, pdf: () => true })
  })
})
