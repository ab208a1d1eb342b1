/**
 * One of the suite's long-lived test processes (see `run-suite.ts`): it takes
 * test files one at a time from the queue folder named by `OCTAVO_SUITE_QUEUE`
 * and runs each as a suite of its own, named by the file, until the queue is
 * empty. Many files in one process share what a process pays for once —
 * compiling the program's modules, reading and parsing the fonts — which is
 * most of a small test file's time; taking the next file only when the last
 * is done keeps both processes busy to the end, whatever the files weigh.
 *
 * A test file's hooks (`before`, `after` at its top level) belong to its own
 * suite here; what a file changes for the whole process (the working folder,
 * the environment) it must put back.
 */
import { readdir, readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import { after, describe } from 'node:test'
import { pathToFileURL } from 'node:url'

const queue = process.env.OCTAVO_SUITE_QUEUE
if (!queue) throw new Error('suite-worker: OCTAVO_SUITE_QUEUE names no queue folder')

/** Claims the next test file: entries are renamed away, which only one process can do. */
async function claimNext(folder: string): Promise<string | undefined> {
  for (const entry of (await readdir(folder)).sort()) {
    if (entry.includes('.taken-')) continue
    const claimed = path.join(folder, `${entry}.taken-${process.pid}`)
    try {
      await rename(path.join(folder, entry), claimed)
    } catch {
      continue // The other process took it first.
    }
    return (await readFile(claimed, 'utf8')).trim()
  }
  return undefined
}

for (let file = await claimNext(queue); file !== undefined; file = await claimNext(queue)) {
  const testFile = file
  // Each file runs to its end, its own `after` hooks included, before the next is taken.
  await new Promise<void>((resolve) => {
    describe(path.relative(process.cwd(), testFile), async () => {
      try {
        await import(pathToFileURL(testFile).href)
      } finally {
        after(() => resolve())
      }
    })
  })
}
