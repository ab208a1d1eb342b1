/**
 * Speed and memory on a long book: a generated prose book of about 1,000 A5 pages (deterministic: words
 * drawn with a fixed seed from the article's vocabulary, in chapters), built by Octavo (`octavo build
 * --format pdf`) and by Typst, each in its own process under `/usr/bin/time -v`. Prints pages, seconds
 * per 100 pages and peak memory (maximum resident set size) for each.
 *
 *   node lib/bench/pages.js [words] [chapters]
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { generateBook } from './common/book.js'
import { typstChapter, typstPreamble } from './common/typst.js'

const words = Number(process.argv[2] ?? 280000)
const chapterCount = Number(process.argv[3] ?? 30)
const root = path.join(os.tmpdir(), 'octavo-bench-pages')
rmSync(root, { recursive: true, force: true })
const manuscript = path.join(root, 'book')
const octavoOut = path.join(root, 'octavo')
mkdirSync(manuscript, { recursive: true })
mkdirSync(octavoOut, { recursive: true })

const book = generateBook(path.resolve('content/article.md'), words, chapterCount)
writeFileSync(
  path.join(manuscript, 'book.yaml'),
  'title: "A Generated Book"\nauthor: "Octavo Bench"\nlang: en\ndate: "2024-01-01"\ndescription: "Prose generated for a benchmark."\n',
)
for (const [i, chapter] of book.entries()) {
  const name = `${String(i + 1).padStart(2, '0')}.md`
  writeFileSync(path.join(manuscript, name), `# ${chapter.title}\n\n${chapter.paragraphs.join('\n\n')}\n`)
}
const typstFile = path.join(root, 'book.typ')
writeFileSync(typstFile, typstPreamble() + book.map((chapter) => typstChapter(chapter.title, chapter.paragraphs)).join(''))
const wordCount = book.reduce((sum, chapter) => sum + chapter.paragraphs.reduce((s, p) => s + p.split(' ').length, 0), 0)

interface Run {
  ok: boolean
  seconds: number
  maxRssMb: number
  pages: number
  note: string
}

function timed(command: string[], pdf: () => string | undefined): Run {
  const result = spawnSync('/usr/bin/time', ['-v', ...command], { encoding: 'utf8', maxBuffer: 1 << 28 })
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr)
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)
  const seconds = elapsed ? Number(elapsed[1] ?? 0) * 3600 + Number(elapsed[2]) * 60 + Number(elapsed[3]) : NaN
  const file = pdf()
  let pages = NaN
  if (file !== undefined) {
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' })
    pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? NaN)
  }
  const ok = result.status === 0 && file !== undefined
  const note = ok ? '' : (result.stderr.split('\n').find((line) => line.trim() !== '' && !line.startsWith('\t')) ?? `exit ${result.status}`)
  return { ok, seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, pages, note }
}

const octavo = timed(
  [process.execPath, 'bin/octavo.js', 'build', manuscript, '--out', octavoOut, '--format', 'pdf', '--quiet'],
  () => {
    const name = readdirSync(octavoOut).find((file) => file.endsWith('.pdf'))
    return name === undefined ? undefined : path.join(octavoOut, name)
  },
)
const typstPdf = path.join(root, 'typst.pdf')
const typst = timed([process.execPath, 'lib/bench/typst-build.js', typstFile, typstPdf], () => typstPdf)

console.log(`generated book: ${wordCount} words in ${book.length} chapters (${root})`)
console.log(`${''.padEnd(8)} ${'pages'.padStart(6)} ${'seconds'.padStart(8)} ${'s/100 pages'.padStart(12)} ${'peak MB'.padStart(8)}`)
for (const [name, run] of [['Octavo', octavo], ['Typst', typst]] as const) {
  if (!run.ok) {
    console.log(`${name.padEnd(8)} failed: ${run.note}`)
    continue
  }
  console.log(
    `${name.padEnd(8)} ${String(run.pages).padStart(6)} ${run.seconds.toFixed(1).padStart(8)} ` +
      `${((run.seconds / run.pages) * 100).toFixed(2).padStart(12)} ${run.maxRssMb.toFixed(0).padStart(8)}`,
  )
}
console.log(`(machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`)
