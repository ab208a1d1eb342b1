/**
 * What a writer waits for under `octavo build --watch`: one paragraph changed in one chapter of a
 * long book, until both editions are rewritten. The book (the generated technical book, 64 chapters,
 * or the Node.js API docs) is copied into a work folder and watched by `octavo build --watch` in its
 * own process, with its cache in that folder. The first build is timed as it comes (cold: nothing
 * cached); then each edit appends a sentence to a paragraph of a chapter in the middle of the book and
 * is timed from the write of the file to the watcher's "wrote …" line (the watcher's 100 ms pause for
 * further saves included). Then the edited book is built afresh (`--no-cache`) and compared byte for
 * byte with what the watcher wrote, and a new process builds it again with the cache on disk (the
 * second cold build of an unchanged book).
 *
 *   node lib/bench/incremental.js [--book 400k|node] [--edits N] [--dir DIR]
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { nodeDocsBook } from './common/node-docs.js'
import { writeTechnicalBook } from './common/technical-book.js'
import { timedRun } from './common/timed.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const octavo = path.join(root, 'bin/octavo.js')
const target = 2

const { values: options } = parseArgs({
  options: {
    book: { type: 'string', default: '400k' },
    edits: { type: 'string', default: '3' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'octavo-bench-incremental') },
  },
})
const work = path.resolve(options.dir)
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
const book = path.join(work, 'book')
if (options.book === 'node') {
  const found = nodeDocsBook(path.join(work, 'node-source'))
  if (found === undefined) {
    console.log('the Node.js API docs are not on this machine: nothing measured')
    process.exit(0)
  }
  cpSync(found, book, { recursive: true })
} else {
  const words = Number(/^(\d+)k$/.exec(options.book)?.[1] ?? Number.NaN) * 1000
  if (!Number.isFinite(words)) throw new Error(`--book: "${options.book}" is neither words (400k) nor "node"`)
  writeTechnicalBook(path.join(root, 'content/article.md'), book, { words, chapters: 64 })
}
const chapters = readdirSync(book).filter((name) => name.endsWith('.md')).sort()
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }

/** `octavo build --watch`, with a promise for each "wrote" line it prints. */
function startWatcher(): { next: () => Promise<number>; stop: () => Promise<void> } {
  const child = spawn(process.execPath, [octavo, 'build', book, '--out', path.join(work, 'watched'), '--watch'], { cwd: work, env, stdio: ['ignore', 'ignore', 'pipe'] })
  const waiting: Array<(at: number) => void> = []
  const wrote: number[] = []
  let text = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    text += chunk
    let end: number
    while ((end = text.indexOf('\n')) >= 0) {
      const line = text.slice(0, end)
      text = text.slice(end + 1)
      if (!/: wrote /.test(line)) continue
      const resolve = waiting.shift()
      if (resolve) resolve(performance.now())
      else wrote.push(performance.now())
    }
  })
  return {
    next: () => (wrote.length > 0 ? Promise.resolve(wrote.shift()!) : new Promise((resolve) => waiting.push(resolve))),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGINT')
      }),
  }
}

/** Appends a sentence to the first long prose line of a chapter (outside code), as a writer would. */
function editParagraph(file: string, count: number): void {
  const lines = readFileSync(file, 'utf8').split('\n')
  let fenced = false
  const index = lines.findIndex((line) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
    return !fenced && /^[A-Z][^|<>#]{40,}[.]$/.test(line)
  })
  if (index < 0) throw new Error(`no paragraph to edit in ${file}`)
  lines[index] += ` This sentence was added in edit ${count}.`
  writeFileSync(file, lines.join('\n'))
}

console.log(`incremental rebuilds under --watch (${os.cpus().length} cores, load ${os.loadavg().map((load) => load.toFixed(2)).join(' ')})`)
console.log(`book: ${options.book === 'node' ? 'the Node.js API docs' : `the generated technical book, ${options.book} words`}, ${chapters.length} chapters`)
const started = performance.now()
const watcher = startWatcher()
const first = await watcher.next()
console.log(`first build (cold, nothing cached): ${((first - started) / 1000).toFixed(2)} s`)
const edits = Math.max(1, Number(options.edits))
const seconds: number[] = []
for (let count = 1; count <= edits; count++) {
  const chapter = chapters[Math.floor((chapters.length * count) / (edits + 1))]!
  const edited = performance.now()
  editParagraph(path.join(book, chapter), count)
  const done = await watcher.next()
  seconds.push((done - edited) / 1000)
  console.log(`edit ${count} (${chapter}): both editions rewritten in ${seconds.at(-1)!.toFixed(2)} s`)
}
await watcher.stop()

const clean = timedRun([process.execPath, octavo, 'build', book, '--out', path.join(work, 'clean'), '--quiet', '--no-cache'], { cwd: work, env })
const name = path.basename(book)
const same = ['epub', 'pdf'].map((format) => {
  const equal = spawnSync('cmp', ['-s', path.join(work, 'watched', `${name}.${format}`), path.join(work, 'clean', `${name}.${format}`)]).status === 0
  return `${format.toUpperCase()} ${equal ? 'byte-identical' : 'DIFFERENT'}`
})
console.log(`clean build of the edited book (--no-cache): ${clean.seconds.toFixed(2)} s; the watcher's editions against it: ${same.join(', ')}`)
const warm = timedRun([process.execPath, octavo, 'build', book, '--out', path.join(work, 'warm'), '--quiet'], { cwd: work, env })
console.log(`a new process with the cache on disk (nothing changed): ${warm.seconds.toFixed(2)} s, peak ${warm.peakMegabytes.toFixed(0)} MB`)
const worst = Math.max(...seconds)
console.log(`incremental: slowest edit ${worst.toFixed(2)} s (target < ${target} s: ${worst < target ? 'met' : 'not met'})`)
