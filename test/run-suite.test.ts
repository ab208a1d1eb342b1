/**
 * The suite's runner (`run-suite.ts`): test files taken from one queue by
 * long-lived processes, each file run once, whole, with its own hooks; a
 * failing test and a file that cannot load both named, and the run failed.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { tempDir } from './support/tools.js'

const runner = path.join(path.dirname(fileURLToPath(import.meta.url)), 'run-suite.js')

/** A test file whose tests and hooks write their names, and the process they ran in, to the log. */
const sample = (name: string, body: string): string => `import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { appendFileSync } from 'node:fs'
const log = (what) => appendFileSync(process.env.SAMPLE_LOG, \`${name} \${what} \${process.pid}\\n\`)
before(() => log('before'))
after(() => log('after'))
${body}
`

test('runs every file once, whole, in a few processes; names a failing test and a file that cannot load', async () => {
  const dir = await tempDir('octavo-run-suite-')
  const log = path.join(dir, 'log.txt')
  const files = {
    'one.test.js': sample('one', "test('one passes', () => log('test'))\ntest('one again', () => log('test'))"),
    'two.test.js': sample('two', "test('two fails', () => { log('test'); assert.equal(1, 2, 'one is not two') })"),
    'three.test.js': sample('three', "test('three passes', () => log('test'))"),
    'broken.test.js': "throw new Error('broken on purpose')\n",
  }
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text)
  const env: NodeJS.ProcessEnv = { ...process.env, SAMPLE_LOG: log, OCTAVO_TEST_PROCESSES: '2' }
  // A run inside a test run would report to this one (NODE_TEST_CONTEXT): it is made a run of its own.
  delete env.NODE_TEST_CONTEXT
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, [runner, ...Object.keys(files).map((name) => path.join(dir, name))], { cwd: dir, env }, (error, out) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout: out }),
    )
  })
  assert.equal(code, 1, `a failure fails the run: ${stdout}`)
  assert.match(stdout, /^FAIL two\.test\.js › two fails$/m)
  assert.match(stdout, /one is not two/)
  assert.match(stdout, /^FAIL broken\.test\.js$/m)
  assert.match(stdout, /broken on purpose/)
  // (A process that found the queue empty counts as a test that passed, as a file with no tests does.)
  assert.match(stdout, /^\d+ tests: \d+ passed, 1 failed, 0 cancelled, 0 skipped, 0 todo, 1 test files not loaded, \d+\.\d s$/m)
  const lines = (await readFile(log, 'utf8')).trim().split('\n').map((line) => line.split(' '))
  // Each file's hooks and tests ran once, in order, in one process.
  for (const name of ['one', 'two', 'three']) {
    const own = lines.filter(([file]) => file === name)
    assert.deepEqual(
      own.map(([, what]) => what),
      ['before', ...(name === 'one' ? ['test', 'test'] : ['test']), 'after'],
      name,
    )
    assert.equal(new Set(own.map(([, , pid]) => pid)).size, 1, `${name} ran in one process`)
  }
  assert.ok(new Set(lines.map(([, , pid]) => pid)).size <= 2, 'in at most the two processes asked for')
})
