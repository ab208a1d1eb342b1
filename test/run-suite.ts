/**
 * The suite as `make test` runs it: every test file under `node --test`, in
 * two long-lived processes (the machine's two cores) that take the files from
 * one queue (see `support/suite-worker.ts`), with one EPUBCheck process
 * shared by all of them (see `support/epubcheck.ts`). Exits as the test run does.
 * Its output is short (see `support/short-reporter.ts`): a mark a test, each
 * failure with its file and message, the counts; `TEST_REPORTER=tap` gives
 * node's whole TAP stream instead.
 *
 *   node lib/test/run-suite.js [test files…]     (default: every lib/test/**\/*.test.js)
 *
 * `OCTAVO_TEST_PROCESSES` sets how many processes (default: one a core, at most 2
 * unless set).
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { startEpubcheckService } from './support/epubcheck.js'

const here = path.dirname(fileURLToPath(import.meta.url))

async function testFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

/**
 * The order files are taken in: the end-to-end tests (each builds whole books)
 * first, so that what is left when one process runs dry is small.
 */
function heaviestFirst(files: readonly string[]): string[] {
  const weight = (file: string): number => (/^(e2e|preview|bench|press)[\\/]/.test(path.relative(here, file)) ? 0 : 1)
  return [...files].sort((a, b) => weight(a) - weight(b) || a.localeCompare(b))
}

const files = heaviestFirst((process.argv.length > 2 ? process.argv.slice(2) : await testFiles(here)).map((file) => path.resolve(file)))
const folder = await mkdtemp(path.join(os.tmpdir(), 'octavo-suite-'))
const queue = path.join(folder, 'queue')
await mkdir(queue)
await Promise.all(files.map((file, at) => writeFile(path.join(queue, String(at).padStart(5, '0')), file)))
// One entry file a process: `node --test` runs each file it is given once.
const processes = Math.max(1, Math.min(files.length, Number(process.env.OCTAVO_TEST_PROCESSES) || Math.min(2, os.availableParallelism())))
const workers = await Promise.all(
  Array.from({ length: processes }, async (_, at) => {
    const entry = path.join(folder, `worker-${at + 1}.mjs`)
    await writeFile(entry, `import ${JSON.stringify(pathToFileURL(path.join(here, 'support/suite-worker.js')).href)}\n`)
    return entry
  }),
)
const socket = path.join(folder, 'epubcheck.sock')
const service = await startEpubcheckService(socket)
const reporter = process.env.TEST_REPORTER ?? path.join(here, 'support/short-reporter.js')
const child = spawn(process.execPath, ['--test', `--test-concurrency=${processes}`, `--test-reporter=${reporter}`, ...workers], {
  stdio: 'inherit',
  env: { ...process.env, OCTAVO_EPUBCHECK_SOCKET: socket, OCTAVO_SUITE_QUEUE: queue },
})
const code = await new Promise<number>((resolve) => child.on('exit', (exit, signal) => resolve(exit ?? (signal ? 1 : 0))))
await service.stop()
await rm(folder, { recursive: true, force: true })
process.exitCode = code
