/**
 * mdBook's SUMMARY.md as the list of chapters, and book.toml as the book's
 * description: the fixture uses every form the format allows.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { before, describe, it, test } from 'node:test'
import { Diagnostics } from '../../src/diagnostics.js'
import { parseSummary } from '../../src/load/summary.js'
import type { Book } from '../../src/model/book.js'
import { chapterTree, type ContentsNode } from '../../src/model/chapter-tree.js'
import { bookOf, failure, fixtures, load, manuscriptFolder, type LoadResult } from './support.js'

describe('the mdBook fixture', () => {
  const folder = path.join(fixtures, 'mdbook')
  let result: LoadResult
  let book: Book
  before(async () => {
    result = await load(folder)
    book = bookOf(result)
  })

  it('takes its chapters in SUMMARY.md’s order, from the source folder book.toml names', () => {
    assert.deepEqual(
      book.chapters.map((chapter) => [path.relative(folder, chapter.source), chapter.number ?? '', chapter.title, chapter.level ?? 1, chapter.part ?? -1]),
      [
        ['src/foreword.md', '', 'Foreword', 1, -1],
        ['src/part-one/intro.md', '1.', 'Introduction', 1, 0],
        ['src/part-one/basics/variables.md', '1.1.', 'Variables', 2, 0],
        ['src/part-one/basics/functions.md', '1.2.', 'Functions', 2, 0],
        ['src/part-one/basics/control-flow.md', '1.2.1.', 'Control flow', 3, 0],
        ['src/part-two/ownership.md', '2.', 'Understanding ownership', 1, 1],
        ['src/part-two/borrowing.md', '2.1.', 'Borrowing', 2, 1],
        ['src/part-two/collections.md', '3.', 'Collections', 1, 1],
        ['src/appendix.md', '', 'Appendix: keywords', 1, -1],
      ],
    )
    assert.deepEqual(book.parts, [
      { id: 'part-1', title: 'Getting started' },
      { id: 'part-2', title: 'Ownership' },
    ])
  })

  it('nests the chapters under their parts and parents', () => {
    const shape = (nodes: readonly ContentsNode[]): unknown[] =>
      nodes.map((node) => (node.kind === 'part' ? { part: node.part.title, chapters: shape(node.children) } : node.children.length > 0 ? { [node.chapter.title]: shape(node.children) } : node.chapter.title))
    assert.deepEqual(shape(chapterTree(book)), [
      'Foreword',
      { part: 'Getting started', chapters: [{ Introduction: ['Variables', { Functions: ['Control flow'] }] }] },
      { part: 'Ownership', chapters: [{ 'Understanding ownership': ['Borrowing'] }, 'Collections'] },
      'Appendix: keywords',
    ])
  })

  it('describes the book from book.toml’s [book] table', () => {
    assert.equal(book.metadata.title, 'Rust by Hand')
    assert.deepEqual(book.metadata.authors, ['Ada Ferris', 'Ben Okoro'])
    assert.equal(book.metadata.lang, 'en')
    assert.equal(book.metadata.description, 'A short book about writing Rust, set from an mdBook source.')
  })

  it('leaves the draft chapter out with one warning at its line, and nothing else goes wrong', () => {
    const warnings = result.warnings.filter((warning) => !/reaches outside|never called/.test(warning))
    assert.deepEqual(warnings, [`${path.join(folder, 'src/SUMMARY.md')}:13:7: warning: draft chapter \`Tooling\` has no file: left out of the book`])
    assert.equal(result.error, undefined)
  })
})

test('SUMMARY.md as mdBook reads it: title, prefix, parts, separators and comments between lists, suffix', () => {
  const diag = new Diagnostics()
  const summary = parseSummary(
    [
      '<!-- a comment -->',
      '# Summary',
      '',
      '[Preface](preface.md)',
      '[Thanks](<thanks and more.md>)',
      '',
      '- [One](one.md)',
      '  - [One A](one/a.md)',
      '  - [One B]()',
      '    - [One B i](one/b/i.md)',
      '',
      '---',
      '',
      '## A sub-heading, passed over',
      '',
      '- [Two](two%20words.md)',
      '',
      '# The part',
      '',
      '1. [Three *with* `code`](three.md)',
      '',
      '[Index](index.md)',
    ].join('\n'),
    'SUMMARY.md',
    diag,
  )
  const flat = (entries: typeof summary.entries): unknown[] => entries.flatMap((entry) => [[entry.kind, entry.number ?? '', entry.title, entry.target ?? null, entry.part ?? null, entry.place.line], ...flat(entry.children)])
  assert.deepEqual(flat(summary.entries), [
    ['prefix', '', 'Preface', 'preface.md', null, 4],
    ['prefix', '', 'Thanks', 'thanks and more.md', null, 5],
    ['numbered', '1.', 'One', 'one.md', null, 7],
    ['numbered', '1.1.', 'One A', 'one/a.md', null, 8],
    ['numbered', '1.2.', 'One B', null, null, 9],
    ['numbered', '1.2.1.', 'One B i', 'one/b/i.md', null, 10],
    // Numbering runs on across separators and parts.
    ['numbered', '2.', 'Two', 'two words.md', null, 16],
    ['numbered', '3.', 'Three with code', 'three.md', 0, 20],
    ['suffix', '', 'Index', 'index.md', null, 22],
  ])
  assert.deepEqual(summary.parts.map((part) => [part.title, part.place.line]), [['The part', 18]])
  assert.deepEqual(diag.messages, [])
})

test('SUMMARY.md: what mdBook refuses fails at its line', () => {
  const parse = (text: string): string => {
    const diag = new Diagnostics()
    try {
      parseSummary(text, 'SUMMARY.md', diag)
    } catch {
      return `${diag.messages[0]?.line}: ${diag.messages[0]?.reason}`
    }
    return 'parsed'
  }
  assert.equal(parse('- [A](a.md)\n\n[B](b.md)\n\n- [C](c.md)\n'), '5: the chapters after the numbered ones (suffix chapters) cannot be followed by a list')
  assert.equal(parse('- [A](a.md)\n- plain text\n'), '2: a numbered chapter must be a single link, as `- [Title](file.md)`')
  assert.equal(parse('- [A](a.md) and more\n'), '1: a numbered chapter must be a single link, as `- [Title](file.md)`')
})

test('a draft with chapters under it: they move up a level, and keep mdBook’s numbers', async () => {
  const folder = await manuscriptFolder({
    'SUMMARY.md': '- [One](one.md)\n- [Draft]()\n  - [Under](under.md)\n- [Three](three.md)\n',
    'one.md': '# One\n',
    'under.md': '# Under\n',
    'three.md': '# Three\n',
  })
  const result = await load(folder)
  assert.deepEqual(
    bookOf(result).chapters.map((chapter) => [chapter.number, chapter.title, chapter.level ?? 1]),
    [
      ['1.', 'One', 1],
      ['2.1.', 'Under', 1],
      ['3.', 'Three', 1],
    ],
  )
  assert.match(result.warnings.join('\n'), /SUMMARY\.md:2:3: warning: draft chapter `Draft` has no file: left out of the book; the chapters under it move up a level/)
})

test('SUMMARY.md: a chapter listed twice, or missing, fails at its line; a .md file it leaves out is named', async () => {
  const twice = await manuscriptFolder({ 'SUMMARY.md': '# Summary\n\n- [A](a.md)\n- [Again](./a.md)\n', 'a.md': '# A\n' })
  assert.match(failure(await load(twice)), /SUMMARY\.md:4:3: error: chapter \.\/a\.md is listed twice/)
  const missing = await manuscriptFolder({ 'SUMMARY.md': '[Intro](intro.md)\n\n- [A](sub/a.md)\n', 'intro.md': '# Intro\n' })
  assert.match(failure(await load(missing)), /SUMMARY\.md:3:3: error: chapter file not found: .*sub\/a\.md/)
  const outside = await manuscriptFolder({ 'book/SUMMARY.md': '- [S](../secret.md)\n', 'secret.md': '# S\n' })
  assert.match(failure(await load(path.join(outside, 'book'))), /SUMMARY\.md:1:3: error: chapter \.\.\/secret\.md is outside the book's folder/)

  const unlisted = await manuscriptFolder({ 'SUMMARY.md': '- [A](a.md)\n', 'a.md': '# A\n', 'notes/draft.md': '# Draft\n' })
  const result = await load(unlisted)
  assert.equal(bookOf(result).chapters.length, 1)
  assert.match(result.warnings.join('\n'), /SUMMARY\.md: warning: .*notes\/draft\.md is not listed in SUMMARY\.md: left out/)
})

test('a SUMMARY.md that lists only drafts is nothing to publish', async () => {
  const folder = await manuscriptFolder({ 'SUMMARY.md': '- [Later]()\n', 'a.md': '# A\n' })
  assert.match(failure(await load(folder)), /SUMMARY\.md: error: nothing to publish: SUMMARY\.md lists no chapter file/)
})

test('a part left with no chapter is named and left out', async () => {
  // The first heading titles SUMMARY.md itself, as in mdBook; the parts follow it.
  const folder = await manuscriptFolder({ 'SUMMARY.md': '# Summary\n\n# Empty\n\n- [Draft]()\n\n# Full\n\n- [A](a.md)\n', 'a.md': '# A\n' })
  const result = await load(folder)
  const book = bookOf(result)
  assert.deepEqual(book.parts, [{ id: 'part-1', title: 'Full' }])
  assert.equal(book.chapters[0]!.part, 0)
  assert.match(result.warnings.join('\n'), /SUMMARY\.md:3:1: warning: part `Empty` has no chapter: left out/)
})

describe('book.toml', () => {
  it('builds from [book] src, and book.yaml wins where both say something, with a warning', async () => {
    const folder = await manuscriptFolder({
      'book.toml': '[book]\ntitle = "From TOML"\nauthors = ["T. Oml"]\nlanguage = "de"\nsrc = "text"\n',
      'book.yaml': 'title: From YAML\n',
      'text/SUMMARY.md': '- [A](a.md)\n',
      'text/a.md': '# A\n',
      'a.md': '# Not a chapter: outside the source folder\n',
    })
    const result = await load(folder)
    const book = bookOf(result)
    assert.equal(book.metadata.title, 'From YAML')
    assert.deepEqual(book.metadata.authors, ['T. Oml'])
    assert.equal(book.metadata.lang, 'de')
    assert.deepEqual(book.chapters.map((chapter) => path.relative(folder, chapter.source)), ['text/a.md'])
    assert.match(result.warnings.join('\n'), /book\.toml:2:1: warning: `title` differs from `title` in book\.yaml, which is used/)
    assert.doesNotMatch(result.warnings.join('\n'), /lang/, 'book.toml gives the language')
  })

  it('fails on a TOML syntax error at its line and column, and on a value of the wrong type', async () => {
    const broken = await manuscriptFolder({ 'book.toml': '[book]\ntitle = "A"\nauthors = [\n  "B",\n  oops\n]\n', 'src/a.md': '# A\n' })
    assert.match(failure(await load(broken)), /book\.toml:5:3: error: invalid TOML: /)
    const wrong = await manuscriptFolder({ 'book.toml': '[book]\n  title = 3\n', 'src/a.md': '# A\n' })
    assert.match(failure(await load(wrong)), /book\.toml:2:3: error: `title` in \[book\] must be a string/)
    const language = await manuscriptFolder({ 'book.toml': '[book]\nlanguage = "not a tag"\n', 'src/a.md': '# A\n' })
    assert.match(failure(await load(language)), /book\.toml:2:1: error: `language` must be a BCP 47 language tag/)
  })

  it('defaults to src/, which must exist inside the book’s folder', async () => {
    const none = await manuscriptFolder({ 'book.toml': '[book]\ntitle = "T"\n', 'a.md': '# A\n' })
    assert.match(failure(await load(none)), /book\.toml:1:1: error: source folder not found: .*src/)
    const outside = await manuscriptFolder({ 'book/book.toml': '[book]\nsrc = "../elsewhere"\n', 'elsewhere/a.md': '# A\n' })
    assert.match(failure(await load(path.join(outside, 'book'))), /book\.toml:2:1: error: source folder \.\.\/elsewhere is outside the book's folder/)
    const plain = await manuscriptFolder({ 'book.toml': '[book]\ntitle = "T"\nlanguage = "en"\n', 'src/b.md': '# B\n', 'src/a.md': '# A\n' })
    const result = await load(plain)
    assert.deepEqual(bookOf(result).chapters.map((chapter) => chapter.title), ['A', 'B'], 'without SUMMARY.md, the source folder’s files in name order')
  })
})
