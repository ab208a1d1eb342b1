/**
 * `octavo build --watch`: built once, then again when a file of the
 * manuscript changes (a chapter, a picture, a new chapter file), never for a
 * file the book does not read, and on after a build that fails.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { watchManuscript } from '../../src/watch.js'
import { manuscriptFolder } from '../load/support.js'
import { cli } from '../support/tools.js'

/** Resolves when `test` holds, checking every few milliseconds; fails after `ms`. */
async function until(test: () => boolean, ms = 10_000, describe?: () => string): Promise<void> {
  const deadline = Date.now() + ms
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting${describe ? `: ${describe()}` : ''}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

test('the watcher builds again for a file the book reads or a new chapter, not for any other file', async () => {
  const folder = await manuscriptFolder({ 'book.yaml': 'title: W\nlang: en\n', '01.md': '# One\n\nText.\n', 'notes.txt': 'not part of the book\n' })
  let builds = 0
  let stop!: () => void
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  const watching = watchManuscript({
    folder,
    ignore: [path.join(folder, 'out')],
    settle: 30,
    until: stopped,
    build: async () => {
      builds++
      return { read: new Set([path.join(folder, 'book.yaml'), path.join(folder, '01.md')]) }
    },
  })
  await until(() => builds === 1)
  await writeFile(path.join(folder, 'notes.txt'), 'changed, still not part of the book\n')
  await writeFile(path.join(folder, '01.md'), '# One\n\nText, edited.\n')
  await until(() => builds === 2)
  await writeFile(path.join(folder, '02.md'), '# Two\n')
  await until(() => builds === 3)
  await new Promise((resolve) => setTimeout(resolve, 200))
  assert.equal(builds, 3, 'nothing else set off a build')
  stop()
  await watching
})

test('octavo build --watch rewrites the editions after an edit, goes on after a failing build, and stops on Ctrl-C', async () => {
  const folder = await manuscriptFolder({ 'story.md': '---\ntitle: Story\nlang: en\n---\n\nOnce upon a time.\n' })
  const out = path.join(folder, 'out')
  const child = spawn(process.execPath, [cli, 'build', path.join(folder, 'story.md'), '--out', out, '--watch', '--no-cache'], { env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const count = (pattern: RegExp): number => (stderr.match(pattern) ?? []).length
  try {
    await until(() => count(/watching for changes/g) === 1, 20_000, () => stderr)
    const first = await readFile(path.join(out, 'story.epub'))
    await writeFile(path.join(folder, 'story.md'), '---\ntitle: [broken\n---\n\nOnce.\n')
    await until(() => count(/watching for changes/g) === 2, 20_000)
    assert.match(stderr, /story\.md:\d+:\d+: error: /)
    assert.deepEqual(await readFile(path.join(out, 'story.epub')), first, 'a failed build leaves the editions as they were')
    await writeFile(path.join(folder, 'story.md'), '---\ntitle: Story\nlang: en\n---\n\nOnce upon a time, and again.\n')
    await until(() => count(/watching for changes/g) === 3, 20_000)
    assert.notDeepEqual(await readFile(path.join(out, 'story.epub')), first, 'the edit is in the edition')
  } finally {
    child.kill('SIGINT')
  }
  assert.equal(await exited, 0)
})

test('the watcher builds again when a file read from outside the folder changes (a theme file named on the command line)', async () => {
  const folder = await manuscriptFolder({ 'book/one.md': '# One\n\nText.\n', 'press.yaml': 'size: 11\n' })
  const theme = path.join(folder, 'press.yaml')
  let builds = 0
  let stop!: () => void
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  const watching = watchManuscript({
    folder: path.join(folder, 'book'),
    ignore: [],
    settle: 30,
    until: stopped,
    build: async () => {
      builds++
      return { read: new Set([path.join(folder, 'book/one.md'), theme]) }
    },
  })
  try {
    await until(() => builds === 1)
    // The watcher takes the file up after the first build: give it a moment to be ready.
    await new Promise((resolve) => setTimeout(resolve, 300))
    await writeFile(theme, 'size: 12\n')
    await until(() => builds === 2)
  } finally {
    stop()
    await watching
  }
})
