/**
 * A very large manuscript through the command line, as a writer would build
 * it: a seeded Markdown manuscript of about `megabytes` MB (chapters with
 * headings, paragraphs with emphasis and links, footnotes, lists, block
 * quotes, code), once as a single .md file and once as a book folder of
 * chapter files, each built with `octavo build` under `/usr/bin/time -v`.
 * Prints, for each: the exit code, seconds, peak resident memory, pages and
 * the editions' sizes. (bench/large-manuscript.js sets the PDF alone, in
 * process, from a book model; this one measures the whole path.)
 *
 *   node lib/bench/large-build.js [megabytes] [chapters]     (default 20 MB, 100 chapters)
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { sequence, vocabulary } from '../test/pdf/prose.js'

const run = promisify(execFile)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const megabytes = Number(process.argv[2] ?? 20)
const chapterCount = Number(process.argv[3] ?? 100)

function sentence(next: () => number): string {
  const length = 6 + Math.floor(next() * 18)
  const words = Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)]!)
  const styled = Math.floor(next() * length * 4)
  if (styled < length) words[styled] = next() < 0.5 ? `*${words[styled]}*` : `**${words[styled]}**`
  if (next() < 0.05) words[length - 1] = `[${words[length - 1]}](https://example.com/${words[length - 1]})`
  const text = words.join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

/** One chapter of about `bytes` bytes of Markdown. */
function chapter(next: () => number, number: number, bytes: number): string {
  const parts = [`# Chapter ${number}`, '']
  let size = 0
  let notes = 0
  while (size < bytes) {
    const roll = next()
    let block: string
    if (roll < 0.03) block = `## Section ${Math.floor(next() * 1000)}`
    else if (roll < 0.06) block = Array.from({ length: 2 + Math.floor(next() * 4) }, () => `- ${sentence(next)}`).join('\n')
    else if (roll < 0.08) block = `> ${sentence(next)} ${sentence(next)}`
    else if (roll < 0.09) block = '```js\nconst harbour = lighthouse.map((light) => light.weather)\n```'
    else {
      block = Array.from({ length: 2 + Math.floor(next() * 6) }, () => sentence(next)).join(' ')
      if (next() < 0.1) {
        notes++
        block += `[^${notes}]\n\n[^${notes}]: ${sentence(next)}`
      }
    }
    parts.push(block, '')
    size += block.length + 2
  }
  return parts.join('\n')
}

interface Measured {
  code: number
  seconds: number
  peakMegabytes: number
  stderr: string
}

/** Build under `/usr/bin/time -v`, whose report ends stderr. */
async function timedBuild(input: string, out: string): Promise<Measured> {
  const args = ['-v', process.execPath, path.join(root, 'bin/octavo.js'), 'build', input, '--out', out, '--quiet']
  let stderr: string
  let code = 0
  try {
    stderr = (await run('/usr/bin/time', args, { maxBuffer: 64 * 1024 * 1024 })).stderr
  } catch (error) {
    const failed = error as { code?: number; stderr?: string }
    code = typeof failed.code === 'number' ? failed.code : -1
    stderr = failed.stderr ?? ''
  }
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr)
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : Number.NaN
  const peak = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? Number.NaN) / 1024
  return { code, seconds, peakMegabytes: peak, stderr: stderr.split('\n\tCommand being timed')[0]!.trim() }
}

async function pages(pdf: string): Promise<string> {
  try {
    return /Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)?.[1] ?? '?'
  } catch {
    return '?'
  }
}

async function size(file: string): Promise<string> {
  return stat(file).then(
    (stats) => `${(stats.size / 1024 / 1024).toFixed(1)} MB`,
    () => 'none',
  )
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'octavo-large-'))
const next = sequence(20)
const perChapter = Math.round((megabytes * 1024 * 1024) / chapterCount)
const chapters = Array.from({ length: chapterCount }, (_, index) => chapter(next, index + 1, perChapter))

const single = path.join(dir, 'large.md')
await writeFile(single, `---\ntitle: A large manuscript\nlang: en\n---\n\n${chapters.join('\n')}`)
const folder = path.join(dir, 'large-book')
await mkdir(folder)
await writeFile(path.join(folder, 'book.yaml'), 'title: A large book\nlang: en\n')
for (const [index, text] of chapters.entries()) await writeFile(path.join(folder, `chapter-${String(index + 1).padStart(3, '0')}.md`), text)

const words = chapters.reduce((sum, text) => sum + text.split(/\s+/).length, 0)
console.log(`manuscript   ${(Buffer.byteLength(chapters.join('\n')) / 1024 / 1024).toFixed(1)} MB of Markdown, about ${words} words, ${chapterCount} chapters (${dir})`)
console.log(`(machine: ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')})`)
for (const [label, input, name] of [
  ['single file', single, 'large'],
  ['book folder', folder, 'large-book'],
] as const) {
  const out = path.join(dir, `out-${name}`)
  const measured = await timedBuild(input, out)
  console.log('')
  console.log(`${label}: exit ${measured.code}`)
  console.log(`  seconds      ${measured.seconds.toFixed(1)}`)
  console.log(`  peak memory  ${measured.peakMegabytes.toFixed(0)} MB resident`)
  console.log(`  pages        ${await pages(path.join(out, `${name}.pdf`))}`)
  console.log(`  editions     PDF ${await size(path.join(out, `${name}.pdf`))}, EPUB ${await size(path.join(out, `${name}.epub`))}`)
  if (measured.code !== 0) console.log(`  stderr       ${measured.stderr.split('\n').slice(-5).join('\n               ')}`)
}
