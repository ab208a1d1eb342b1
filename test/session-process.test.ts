/**
 * A session of rebuilds (`--watch`, the preview) runs in a process of its own
 * with a larger young generation: which command lines start one, that the
 * process runs with the flag and its exit code is the command's, and that it
 * stops as on Ctrl-C when the process that started it is gone.
 */
import assert from 'node:assert/strict'
import { fork } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { startsSession } from '../src/cli.js'
import { runWithSessionHeap } from '../src/session-process.js'
import { tempDir } from './support/tools.js'

const sessionModule = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/session-process.js')

test('watching and previewing start a session; a one-off build and a wrong command line do not', () => {
  assert.equal(startsSession(['build', 'book', '--watch']), true)
  assert.equal(startsSession(['build', '-w', 'book']), true)
  assert.equal(startsSession(['preview', 'book']), true)
  assert.equal(startsSession(['build', 'book']), false)
  assert.equal(startsSession(['book.md']), false)
  assert.equal(startsSession(['build', 'book', '--watch', '--no-such-option']), false)
  assert.equal(startsSession(['--version']), false)
})

test("a session's process has the larger young generation, and its exit code is the command's", async () => {
  const folder = await tempDir()
  const script = path.join(folder, 'script.mjs')
  const told = path.join(folder, 'told.json')
  await writeFile(script, `import { writeFileSync } from 'node:fs'\nwriteFileSync(${JSON.stringify(told)}, JSON.stringify({ flags: process.execArgv, argv: process.argv.slice(2) }))\nprocess.exitCode = 7\n`)
  assert.equal(await runWithSessionHeap(script, ['build', 'a book']), 7)
  const { flags, argv } = JSON.parse(await readFile(told, 'utf8')) as { flags: string[]; argv: string[] }
  assert.ok(flags.includes('--max-semi-space-size=64'), flags.join(' '))
  assert.deepEqual(argv, ['build', 'a book'])
})

test("a session's process stops as on Ctrl-C when the process that started it is gone", { timeout: 20_000 }, async () => {
  const folder = await tempDir()
  const script = path.join(folder, 'session.mjs')
  // Waits for Ctrl-C as the watch does; a timer keeps it alive meanwhile, as the watcher does.
  await writeFile(script, `import { stopWithParent } from ${JSON.stringify(sessionModule)}\nstopWithParent()\nconst alive = setInterval(() => {}, 1000)\nprocess.once('SIGINT', () => { clearInterval(alive); console.log('stopped') })\nprocess.send('ready')\n`)
  const child = fork(script, [], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  let out = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  await new Promise((resolve) => child.once('message', resolve))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  child.disconnect()
  const late = setTimeout(() => child.kill('SIGKILL'), 10_000)
  try {
    assert.equal(await exited, 0, 'it stopped by itself')
  } finally {
    clearTimeout(late)
  }
  assert.equal(out.trim(), 'stopped')
})
