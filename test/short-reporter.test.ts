/**
 * The suite's short output (`support/short-reporter.ts`): a mark a test,
 * every failure with its file, names and message, the counts at the end.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { tempDir } from './support/tools.js'

const reporter = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support/short-reporter.js')

const sample = `import { describe, it, test } from 'node:test'
import assert from 'node:assert/strict'
describe('a suite', () => {
  it('passes', () => {})
  it('compares', () => { assert.equal(1, 2, 'one is not two') })
  it.skip('is skipped', () => {})
})
test('prints and passes', () => { console.log('a line the test prints') })
test('throws', () => { throw new Error('broken on purpose') })
`

test('dots for passes, each failure with its file, names and message, then the counts', async () => {
  const dir = await tempDir('octavo-reporter-')
  const file = path.join(dir, 'sample.test.mjs')
  await writeFile(file, sample)
  // A test run inside a test run would report to this one (NODE_TEST_CONTEXT): it is made a run of its own.
  const env = { ...process.env }
  delete env.NODE_TEST_CONTEXT
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, ['--test', `--test-reporter=${reporter}`, file], { cwd: dir, env }, (error, out) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout: out }))
  })
  assert.equal(code, 1, 'a failing test fails the run')
  const lines = stdout.split('\n')
  assert.equal(lines[0], '.Fs.F', 'one mark a test, in order')
  assert.ok(lines.includes('FAIL sample.test.mjs › a suite › compares'), stdout)
  assert.ok(lines.includes('FAIL sample.test.mjs › throws'), stdout)
  assert.match(stdout, /one is not two/)
  assert.match(stdout, /broken on purpose/)
  assert.match(lines.filter(Boolean).at(-1)!, /^5 tests: 2 passed, 2 failed, 0 cancelled, 1 skipped, 0 todo, \d+\.\d s$/)
  assert.doesNotMatch(stdout, /a line the test prints|^TAP|^ok /m, 'no TAP, no test output')
})
