/**
 * What a writer waits for on a short manuscript: the article (`content/article.md`, 4 pages) built by
 * `octavo build` in fresh processes, both editions, the EPUB alone and the PDF alone, against Typst
 * setting the same text as a PDF alone (`lib/bench/typst-build.js`), against the least the packages
 * Octavo is held to can do for both editions (`lib/bench/package-floor.js`: unified with remark-parse,
 * pdfkit's own `text()`, epub-gen-memory), and `octavo --version`. Each
 * command runs once to warm the file system (and Octavo's subset cache), then `runs` times, each run
 * a new process: mean ± standard deviation and range of the wall time, as hyperfine prints them, and
 * the mean user and system time. "Both, no cache" builds with `--no-cache`: the font subsets are made
 * afresh every run, as on a first build.
 *
 *   node lib/bench/startup.js [runs]
 *
 * Run it from the repository's root. Timings depend on the machine's load: the load average is
 * printed before and after; a busy machine's figures are worth repeating.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { readParagraphs } from './common/article.js'
import { typstParagraphs, typstPreamble } from './common/typst.js'

const runs = Number(process.argv[2] ?? 10)
const article = 'content/article.md'
const work = mkdtempSync(path.join(os.tmpdir(), 'octavo-bench-startup-'))
const out = path.join(work, 'out')
const typstSource = path.join(work, 'article.typ')
writeFileSync(typstSource, typstPreamble() + typstParagraphs(readParagraphs(article)))

const octavo = ['bin/octavo.js']
const commands: Array<[string, string[]]> = [
  ['Octavo, EPUB and PDF', [...octavo, 'build', article, '--out', out, '--quiet']],
  ['Octavo, EPUB and PDF, no cache', [...octavo, 'build', article, '--out', out, '--quiet', '--no-cache']],
  ['Octavo, EPUB only', [...octavo, 'build', article, '--out', out, '--quiet', '--format', 'epub']],
  ['Octavo, PDF only', [...octavo, 'build', article, '--out', out, '--quiet', '--format', 'pdf']],
  ['Typst, PDF', ['lib/bench/typst-build.js', typstSource, path.join(work, 'typst.pdf')]],
  // The floor under Octavo's time: the packages it is held to, doing the least (see `package-floor.ts`).
  ['the packages alone, both', ['lib/bench/package-floor.js', article, path.join(work, 'floor')]],
  ['octavo --version', [...octavo, '--version']],
]

interface Times {
  wall: number
  user: number
  system: number
}

/** One run in a new process: wall time as seen from here, user and system time from `/usr/bin/time`. */
function run(args: readonly string[]): Times {
  const started = performance.now()
  const result = spawnSync('/usr/bin/time', ['-f', '@@ %U %S', process.execPath, ...args], { encoding: 'utf8' })
  const wall = (performance.now() - started) / 1000
  const line = result.stderr.split('\n').find((text) => text.startsWith('@@ '))
  if (result.status !== 0 || line === undefined) throw new Error(`${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`)
  const [user, system] = line.slice(3).split(' ').map(Number) as [number, number]
  return { wall, user, system }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

function deviation(values: readonly number[]): number {
  if (values.length < 2) return 0
  const average = mean(values)
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1))
}

function seconds(value: number): string {
  return value < 1 ? `${(value * 1000).toFixed(1)} ms` : `${value.toFixed(3)} s`
}

const load = (): string => os.loadavg().map((value) => value.toFixed(2)).join(', ')
console.log(`article: ${article}; ${runs} runs each in fresh processes after one warm-up run; ${os.cpus().length} cores; load average ${load()}`)
for (const [name, args] of commands) {
  run(args)
  const times = Array.from({ length: runs }, () => run(args))
  const walls = times.map((time) => time.wall)
  console.log(
    `${name.padEnd(32)} ${seconds(mean(walls)).padStart(9)} ± ${seconds(deviation(walls)).padEnd(9)}` +
      ` (${seconds(Math.min(...walls))} … ${seconds(Math.max(...walls))})` +
      `   user ${seconds(mean(times.map((time) => time.user)))}, system ${seconds(mean(times.map((time) => time.system)))}`,
  )
}
console.log(`load average after: ${load()}`)
rmSync(work, { recursive: true, force: true })
