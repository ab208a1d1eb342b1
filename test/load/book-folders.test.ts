/**
 * Book folders as they come: a documentation folder written for GitHub, its
 * chapters in sub-folders, each folder's README first and the parent of the
 * rest; and `book.yaml` naming chapters in sub-folders.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { chmod, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { closeLevels } from '../../src/load/index.js'
import { blockText } from '../../src/model/text.js'
import { cli } from '../support/tools.js'
import { bookOf, failure, fixtures, load, manuscriptFolder } from './support.js'

test('a GitHub documentation folder: sub-folders in name order, each README first, the rest nested under it', async () => {
  const folder = path.join(fixtures, 'docs')
  const result = await load(folder)
  const book = bookOf(result)
  assert.deepEqual(
    book.chapters.map((chapter) => [path.relative(folder, chapter.source), chapter.title, chapter.level ?? 1]),
    [
      ['README.md', 'Lantern', 1],
      ['2-install.md', 'Installing', 1],
      ['10-upgrade.md', 'Upgrading', 1],
      ['guide/README.md', 'Guide', 1],
      ['guide/01-pages.md', 'Pages', 2],
      ['guide/02-themes.md', 'Themes', 2],
      ['guide/advanced/index.md', 'Advanced topics', 2],
      ['guide/advanced/plugins.md', 'Plugins', 3],
      // A folder without a README adds no level.
      ['reference/cli.md', 'Command line', 1],
      ['reference/config.md', 'Configuration', 1],
    ],
  )
  assert.ok(book.chapters.every((chapter) => chapter.number === undefined && chapter.part === undefined), 'no numbers, no parts without SUMMARY.md')
  assert.equal(book.parts, undefined)
  assert.doesNotMatch(result.messages.join('\n'), /CONTRIBUTING/, 'the hidden .github folder is never read')
  // Without book.yaml, the book takes the title GitHub shows for the folder: its README's heading.
  assert.equal(book.metadata.title, 'Lantern')
  assert.match(result.warnings.join('\n'), /README\.md:1:1: warning: no `title` in book\.yaml: the book is titled `Lantern` after the first heading of README\.md/)
})

test('hidden folders and node_modules are passed over; README.md then index.md open their folder', async () => {
  const folder = await manuscriptFolder({
    'b.md': '# B\n',
    'index.md': '# Index\n',
    'README.md': '# Readme\n',
    'a/z.md': '# Z\n',
    'a/index.md': '# A\n',
    'node_modules/pkg/README.md': '# A package\n',
    '.git/x.md': '# Git\n',
    '.hidden.md': '# Hidden\n',
  })
  const book = bookOf(await load(folder))
  assert.deepEqual(
    book.chapters.map((chapter) => [chapter.title, chapter.level ?? 1]),
    [
      ['Readme', 1],
      ['Index', 1],
      ['A', 1],
      ['Z', 2],
      ['B', 1],
    ],
  )
})

test('messages name a chapter in a sub-folder by its path in the book', async () => {
  const folder = await manuscriptFolder({ 'book.yaml': 'title: T\nlang: en\n', 'one.md': '# One\n', 'deep/er/two.md': '# Two\n\nText.[^x]\n\n[^y]: unused\n' })
  const result = await load(folder)
  bookOf(result)
  assert.match(result.warnings.join('\n'), new RegExp(`${escape(path.join(folder, 'deep/er/two.md'))}:5:1: warning: footnote \\[\\^y\\] is never called`))
})

test('book.yaml may list chapters in sub-folders; a file it leaves out is named by its path', async () => {
  const folder = await manuscriptFolder({
    'book.yaml': 'title: T\nlang: en\nchapters:\n  - part/one.md\n  - two.md\n',
    'part/one.md': '# One\n',
    'part/skipped.md': '# Skipped\n',
    'two.md': '# Two\n',
  })
  const result = await load(folder)
  assert.deepEqual(
    bookOf(result).chapters.map((chapter) => chapter.title),
    ['One', 'Two'],
  )
  assert.match(result.warnings.join('\n'), new RegExp(`book\\.yaml:4:5: warning: ${escape(path.join(folder, 'part/skipped.md'))} is not listed in \`chapters\`: left out`))
  const missing = await manuscriptFolder({ 'book.yaml': 'title: T\nchapters: [part/none.md]\n', 'a.md': 'A.\n' })
  assert.match(failure(await load(missing)), /book\.yaml:2:12: error: chapter file not found: .*part\/none\.md/)
})

test('a chapter left out takes no level with it: what was nested under it moves up', () => {
  const levels = closeLevels([
    { level: 1, omitted: false },
    { level: 2, omitted: true },
    { level: 3, omitted: false },
    { level: 4, omitted: false },
    { level: 2, omitted: false },
    { level: 1, omitted: true },
    { level: 2, omitted: false },
    { level: 1, omitted: false },
  ])
  assert.deepEqual(levels, [1, 2, 3, 2, 1, 1])
})

test('an empty chapter file is left out and its sections move up a level', async () => {
  const folder = await manuscriptFolder({ 'a/README.md': '', 'a/b.md': '# B\n\nText.\n', 'c.md': '# C\n' })
  const result = await load(folder)
  assert.deepEqual(
    bookOf(result).chapters.map((chapter) => [chapter.title, chapter.level ?? 1, blockText(chapter.blocks).slice(0, 1)]),
    [
      ['B', 1, 'B'],
      ['C', 1, 'C'],
    ],
  )
  assert.match(result.warnings.join('\n'), /a\/README\.md:1:1: warning: nothing in this chapter file: left out/)
})

test('an unreadable sub-folder fails naming it', async () => {
  const folder = await manuscriptFolder({ 'a.md': '# A\n', 'b.md': '# B\n' })
  await mkdir(path.join(folder, 'locked'), { mode: 0o000 })
  if (process.getuid?.() !== 0) {
    assert.match(failure(await load(folder)), /locked: error: cannot read the folder/)
    return
  }
  // Root reads every folder: the build is run as `nobody`, whom the folder's mode keeps out.
  await chmod(folder, 0o755)
  // An output folder `nobody` may write in: what is at issue is the folder it cannot read.
  await mkdir(path.join(folder, 'out'))
  await chmod(path.join(folder, 'out'), 0o777)
  const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(process.execPath, [cli, 'build', folder, '--out', path.join(folder, 'out'), '--quiet'], { uid: 65534, gid: 65534 }, (error, _stdout, stderr) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stderr }),
    )
  })
  assert.equal(result.code, 1, result.stderr)
  assert.match(result.stderr, /locked: error: cannot read the folder/)
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
