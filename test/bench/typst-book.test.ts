/**
 * The speed benchmark's Book-to-Typst converter (bench/common/typst-book.ts): text that Typst would
 * read as markup is set as it stands, and a small book's constructs come out as the Typst elements
 * they stand for, in a file Typst compiles without a diagnostic.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'

import { escapeMarkup, stringLiteral, themeFontFiles, typstBook } from '../../bench/common/typst-book.js'
import { typstCompiler } from '../../bench/common/typst.js'
import { Diagnostics } from '../../src/diagnostics.js'
import { loadBook } from '../../src/load/index.js'
import { tempDir } from '../support/tools.js'

const run = promisify(execFile)
const compiler = typstCompiler(themeFontFiles())

/** Compile Typst markup; the PDF's text (poppler's), or the diagnostics when Typst reports any. */
async function compile(markup: string): Promise<{ text: string; diagnostics: string[] }> {
  const compiled = compiler.compile({ mainFileContent: markup })
  const warnings = compiled.takeWarnings()?.shortDiagnostics ?? []
  if (compiled.hasError() || compiled.result === null) {
    return { text: '', diagnostics: [...(compiled.takeError()?.shortDiagnostics ?? []), ...warnings].map((d) => d.message) }
  }
  const file = path.join(await tempDir('octavo-typst-'), 'out.pdf')
  await writeFile(file, compiler.pdf(compiled.result))
  return { text: (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout, diagnostics: warnings.map((d) => d.message) }
}

/** One line, unhyphenated, on a page as wide as it: the text as Typst sets it, character for character. */
const oneLine = (markup: string): string => `#set page(width: auto, height: auto, margin: 5pt)\n#set text(hyphenate: false)\n${markup}`

test('text that Typst would read as markup is set exactly as written', async () => {
  const tricky = [
    '#emph[x] *strong* _under_ `raw` $x^2$ <label> @ref [a] {b} = - + / // not a comment /* nor this */ ~ -- --- -? ... "quoted" \'single\' \\ \\u{41} #',
    '1. not a list',
    '(after code)',
    '.field',
    '[content]',
    '- not an item',
    '+ nor this',
    '= not a heading',
    '/ term: not a term',
    'https://example.com/a//b',
  ]
  for (const text of tricky) {
    // At a line's start, and after an expression: `#raw("x")` followed by `(`, `.` or `[` must not
    // read as a call or a field.
    for (const [before, markup] of [['', escapeMarkup(text)], ['code', `#raw("code")${escapeMarkup(text)}`]] as const) {
      const { text: set, diagnostics } = await compile(oneLine(markup))
      assert.deepEqual(diagnostics, [], text)
      assert.equal(set.replace(/\f/g, '').trim(), `${before}${text}`, text)
    }
  }
})

test('string literals keep backslashes, quotes and line breaks', async () => {
  // pdftotext drops a line's leading spaces: the lines start at their text.
  const code = 'say("a\\tb")\n\\n stays, \\\\ too\n"end"'
  const { text, diagnostics } = await compile(oneLine(`#raw(block: true, ${stringLiteral(code)})`))
  assert.deepEqual(diagnostics, [])
  assert.equal(text.replace(/\f/g, '').trim(), code)
})

test('a small book: headings with labels, links that land, notes, a table with a span, code, lists', async () => {
  const folder = path.join(await tempDir('octavo-typst-book-'), 'book')
  await mkdir(folder, { recursive: true })
  await writeFile(path.join(folder, 'book.yaml'), 'title: "A #Small [Book]"\nlang: en\n')
  await writeFile(
    path.join(folder, '01.md'),
    [
      '# First chapter',
      '',
      'Some *emphasis*, **strong** and `code()`, a [link to the web](https://example.com/x?a=1&b="2") and a note.[^1]',
      'Again the same note.[^1] See [the options](02.md#options) and [the second chapter](02.md).',
      '',
      '[^1]: The note, with *emphasis*.',
      '',
      '| Name | Size |',
      '| :--- | ---: |',
      '| `a` | 1 |',
      '',
      '<table><tr><th>A</th><th>B</th></tr><tr><td colspan="2">both</td></tr></table>',
      '',
      '- one',
      '- two',
      '',
      '3. three',
      '4. four',
      '',
      '> Quoted.',
      '',
      '```js',
      'const s = "back\\\\slash" // [#not markup]',
      '```',
    ].join('\n'),
  )
  await writeFile(path.join(folder, '02.md'), '# Second chapter\n\n## Options\n\nBack to [the first](01.md#first-chapter).\n')
  const book = await loadBook(folder, new Diagnostics(), { sourceDateEpoch: '1700000000' })
  const { markup, unresolvedLinks } = typstBook(book)
  assert.equal(unresolvedLinks, 0)

  const label = (heading: string): string => {
    const match = new RegExp(`^=+ ${heading} <(l\\d+)>$`, 'm').exec(markup)
    assert.ok(match, `heading "${heading}" with a label`)
    return match[1]!
  }
  assert.match(markup, new RegExp(`#link\\(<${label('Options')}>\\)\\[the options\\]`))
  assert.match(markup, new RegExp(`#link\\(<${label('Second chapter')}>\\)\\[the second chapter\\]`), 'a chapter link lands on its opening heading')
  assert.match(markup, new RegExp(`#link\\(<${label('First chapter')}>\\)\\[the first\\]`))
  assert.match(markup, /#link\("https:\/\/example\.com\/x\?a=1&b=%222%22"\)\[link to the web\]/)
  assert.match(markup, /#footnote\[The note, with #emph\[emphasis\]\\\.\]<(l\d+)>[^]*#footnote\(<\1>\)/, 'a second call of a note refers to the first')
  assert.match(markup, /table\.cell\(x: 0, y: 1, colspan: 2\)\[both\]/)
  assert.match(markup, /#enum\(start: 3, tight: true, \[three\], \[four\]\)/)
  assert.match(markup, /#list\(tight: true, \[one\], \[two\]\)/)
  assert.match(markup, /#quote\(block: true\)\[Quoted\.\]/)
  assert.match(markup, /#raw\(block: true, lang: "js", "const s = \\"back\\\\\\\\slash\\" \/\/ \[#not markup\]"\)/)

  const { text, diagnostics } = await compile(markup)
  assert.deepEqual(diagnostics, [])
  assert.match(text, /A #Small \[Book\]/)
  assert.match(text, /const s = "back\\\\slash" \/\/ \[#not markup\]/)
  assert.match(text, /1The note, with emphasis\./)
})
