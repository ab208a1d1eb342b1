/**
 * The suite as `make test` runs it: every test file under `node --test`, two
 * at a time (the machine's two cores), with one EPUBCheck process shared by
 * all of them (see `support/epubcheck.ts`). Exits as the test run does.
 * Its output is short (see `support/short-reporter.ts`): a mark a test, each
 * failure with its file and message, the counts; `TEST_REPORTER=tap` gives
 * node's whole TAP stream instead.
 *
 *   node lib/test/run-suite.js [test files…]     (default: every lib/test/**\/*.test.js)
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEpubcheckService } from './support/epubcheck.js'

const here = path.dirname(fileURLToPath(import.meta.url))

async function testFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

const files = process.argv.length > 2 ? process.argv.slice(2) : await testFiles(here)
const folder = await mkdtemp(path.join(os.tmpdir(), 'octavo-suite-'))
const socket = path.join(folder, 'epubcheck.sock')
const service = await startEpubcheckService(socket)
const reporter = process.env.TEST_REPORTER ?? path.join(here, 'support/short-reporter.js')
const child = spawn(process.execPath, ['--test', '--test-concurrency=2', `--test-reporter=${reporter}`, ...files], { stdio: 'inherit', env: { ...process.env, OCTAVO_EPUBCHECK_SOCKET: socket } })
const code = await new Promise<number>((resolve) => child.on('exit', (exit, signal) => resolve(exit ?? (signal ? 1 : 0))))
await service.stop()
await rm(folder, { recursive: true, force: true })
process.exitCode = code
