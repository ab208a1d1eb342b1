/**
 * Octavo's speed against pandoc and Typst, on long books, each build in its own process under
 * `/usr/bin/time -v`:
 *
 * - Octavo's EPUB-only build (`octavo build BOOK --format epub --no-cache`: a first build, nothing kept from another) against pandoc's EPUB of the same
 *   chapter files (Debian's pandoc: `pandoc -f gfm -t epub3`, with the book's title and language);
 * - Octavo's PDF-only build (`--format pdf`) against Typst (`@myriaddreamin/typst-ts-node-compiler`,
 *   through `lib/bench/typst-build.js`) setting the same book, converted from the Book model Octavo's
 *   loader makes (`bench/common/typst-book.ts`), on the same A5 page in the same faces;
 * - peak memory of each;
 * - the floor under the EPUB's time: remark-parse and remark-gfm alone parsing the same files
 *   (`lib/bench/parse-floor.js`), the parser Octavo is held to;
 * - how time grows with the book: the generated book at two lengths.
 *
 * The books: a generated technical book (`bench/common/technical-book.ts`: prose from the article's
 * vocabulary, code in several languages, GFM and raw HTML tables, links between chapters and to
 * headings, footnotes; seeded, so every run sets the same book) at the lengths asked, and the Node.js
 * API docs (`/tmp/nodebook`, or Debian's `nodejs-doc` files unpacked from /usr/share/doc/nodejs/api).
 *
 * Prints, for each book and tool: mean seconds over the runs, their spread (slowest − fastest), peak
 * resident memory, pages, what pandoc or Typst reported, the load average before each run; then the
 * ratios against the targets. Figures, never verdicts on the code: a benchmark asserts nothing.
 *
 *   node lib/bench/speed.js [--books 400k,800k,node] [--runs N] [--tools octavo-epub,octavo-pdf,pandoc,typst,parse-floor]
 *                           [--chapters 64] [--seed 1981] [--dir /tmp/octavo-bench-speed] [--all]
 *
 * The defaults (the 400k book, two runs) take about three minutes on a quiet two-core machine; `--all`
 * measures every target.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import JSZip from 'jszip'

import { Diagnostics } from '../src/diagnostics.js'
import { loadBook } from '../src/load/index.js'
import type { Book } from '../src/model/book.js'
import { blockWords } from '../src/model/text.js'
import { forEachBlock } from '../src/model/walk.js'
import { editionName } from '../src/pipeline.js'
import { writeTechnicalBook, type TechnicalBook } from './common/technical-book.js'
import { pdfPages, timedRun } from './common/timed.js'
import { typstBook } from './common/typst-book.js'
import { nodeDocsBook } from './common/node-docs.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The targets the figures are read against. */
const targets = {
  /** Octavo's EPUB-only build, as a share of pandoc's time for the EPUB. */
  epubVsPandoc: 0.5,
  /** Octavo's PDF-only build, as a share of Typst's time. */
  pdfVsTypst: 1,
  /** Peak resident memory of an Octavo build, MB (and below Typst's). */
  peakMegabytes: 1024,
  /** Time of the longer generated book over the shorter, for twice the words. */
  doubling: 2.1,
  /** `--watch`: one paragraph changed in one chapter, both editions rewritten, seconds. */
  incremental: 2,
}

const toolIds = ['octavo-epub', 'octavo-pdf', 'pandoc', 'typst', 'parse-floor'] as const
type ToolId = (typeof toolIds)[number]
const toolLabels: Record<ToolId, string> = { 'octavo-epub': 'Octavo EPUB', 'octavo-pdf': 'Octavo PDF', pandoc: 'pandoc EPUB', typst: 'Typst PDF', 'parse-floor': 'remark alone' }

const { values: options } = parseArgs({
  options: {
    books: { type: 'string', default: '400k' },
    runs: { type: 'string', default: '2' },
    tools: { type: 'string', default: toolIds.join(',') },
    chapters: { type: 'string', default: '64' },
    seed: { type: 'string', default: '1981' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'octavo-bench-speed') },
    all: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (options.help) {
  console.log(`usage: node lib/bench/speed.js [options]
  --books LIST     generated books by words (400k, 800000, 1.2m) and/or "node" for the Node.js API docs (default 400k)
  --all            --books 400k,800k,node: every target (twenty minutes or more on two cores)
  --runs N         runs of each build (default 2)
  --tools LIST     ${toolIds.join(',')} (default all)
  --chapters N     chapters of a generated book (default 64)
  --seed N         the generated books' seed (default 1981)
  --dir DIR        where books and editions are written (default ${path.join(os.tmpdir(), 'octavo-bench-speed')})`)
  process.exit(0)
}
const books = options.all ? '400k,800k,node' : options.books
const runs = Math.max(1, Number(options.runs))
const chapters = Number(options.chapters)
const seed = Number(options.seed)
const tools = options.tools.split(',').map((tool) => tool.trim()) as ToolId[]
for (const tool of tools) if (!toolIds.includes(tool)) throw new Error(`unknown tool ${tool}: one of ${toolIds.join(', ')}`)
const work = path.resolve(options.dir)
mkdirSync(work, { recursive: true })

/** A book ready to be built by every tool. */
interface Prepared {
  key: string
  label: string
  folder: string
  /** Chapter files relative to `folder`, in the order Octavo's loader reads them (pandoc gets the same). */
  files: string[]
  title: string
  lang: string
  /** Words as both of Octavo's editions count them (`blockWords`), notes included. */
  words: number
  /** What the book holds, in one line. */
  contents: string
  typstFile: string
  /** What the Typst conversion could not carry over. */
  typstNote: string
}

interface Measured {
  ok: boolean
  seconds: number
  cpuSeconds: number
  peakMegabytes: number
  loadBefore: number
  pages: number
  /** Errors and warnings the tool printed, or why it failed. */
  note: string
}

function wordsOf(book: Book): number {
  let count = 0
  for (const blocks of book.chapters.flatMap((chapter) => [chapter.blocks, ...chapter.notes.map((note) => note.blocks)])) {
    forEachBlock(blocks, (block) => {
      count += blockWords(block).length
    })
  }
  return count
}

/** Words in a --books entry: `400k`, `800000`, `1.2m`. */
function parseWords(spec: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(spec)
  if (!match) throw new Error(`--books: "${spec}" is neither a number of words (400k) nor "node"`)
  return Math.round(Number(match[1]) * ({ '': 1, k: 1e3, m: 1e6 } as Record<string, number>)[match[2]!.toLowerCase()]!)
}

async function prepare(spec: string): Promise<Prepared | string> {
  let folder: string
  let key: string
  let label: string
  let generated: TechnicalBook | undefined
  if (spec === 'node') {
    const found = nodeDocsBook(path.join(work, 'nodebook'))
    if (found === undefined) return 'the Node.js API docs: neither /tmp/nodebook nor /usr/share/doc/nodejs/api is on this machine; skipped'
    folder = found
    key = 'node'
    label = 'Node.js API docs'
  } else {
    const words = parseWords(spec)
    key = `generated-${words}`
    folder = path.join(work, key, 'book')
    generated = writeTechnicalBook(path.join(root, 'content/article.md'), folder, { words, chapters, seed })
    label = `generated book, ${spec} words`
  }
  const started = performance.now()
  const diag = new Diagnostics()
  const book = await loadBook(folder, diag, { sourceDateEpoch: '1700000000' })
  const loadSeconds = (performance.now() - started) / 1000
  const conversion = typstBook(book)
  const typstFile = path.join(work, key, 'book.typ')
  mkdirSync(path.dirname(typstFile), { recursive: true })
  writeFileSync(typstFile, conversion.markup)
  const files = [...new Set(book.chapters.map((chapter) => path.relative(folder, path.resolve(folder, chapter.source))))]
  const c = generated?.counts
  const contents = c
    ? `${c.codeBlocks} code blocks, ${c.gfmTables} GFM and ${c.htmlTables} HTML tables, ${c.links} links, ${c.footnotes} footnotes, ${c.lists} lists, ${c.headings} headings`
    : `${book.chapters.reduce((sum, chapter) => sum + chapter.notes.length, 0)} footnotes, ${diag.warnings.length} loader warnings`
  const typstNote = [
    `${(Buffer.byteLength(conversion.markup) / 1024 / 1024).toFixed(1)} MB of Typst markup`,
    conversion.unresolvedLinks > 0 ? `${conversion.unresolvedLinks} internal links without a label, set as text` : 'every internal link labelled',
    conversion.pictures > 0 ? `${conversion.pictures} pictures set as their captions` : '',
  ]
    .filter((part) => part !== '')
    .join(', ')
  console.log(`\n${label}: ${book.chapters.length} chapters, ${wordsOf(book).toLocaleString('en')} words as Octavo counts them (${folder})`)
  console.log(`  holds: ${contents}`)
  console.log(`  loaded by Octavo's loader in ${loadSeconds.toFixed(1)} s for the Typst conversion: ${typstNote}`)
  return { key, label, folder, files, title: book.metadata.title, lang: book.metadata.lang, words: wordsOf(book), contents, typstFile, typstNote }
}

const octavoEnv = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }

/** Warnings and errors a tool printed, counted, with the first few of them (distinct, shortened). */
function summarise(lines: string[], what: string): string {
  if (lines.length === 0) return ''
  const distinct = [...new Set(lines.map((line) => line.replace(/\s+/g, ' ').trim().slice(0, 120)))]
  return `${lines.length} ${what}${lines.length === 1 ? '' : 's'} (${distinct.slice(0, 2).join('; ')}${distinct.length > 2 ? '; …' : ''})`
}

/**
 * Links in pandoc's EPUB that still name a chapter file (`02.md#x`): pandoc keeps links between the
 * files it is given as written, so they lead nowhere in its EPUB; Octavo's resolve them.
 */
async function pandocFileLinks(epub: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(epub))
  let count = 0
  for (const file of Object.values(zip.files)) {
    if (!file.name.endsWith('.xhtml')) continue
    count += [...(await file.async('string')).matchAll(/href="(?![a-z][a-z0-9+.-]*:)[^"#]*\.md(?:#[^"]*)?"/gi)].length
  }
  return count
}

function run(tool: ToolId, book: Prepared): Measured {
  const out = path.join(work, book.key, tool)
  mkdirSync(out, { recursive: true })
  switch (tool) {
    case 'octavo-epub':
    case 'octavo-pdf': {
      const format = tool === 'octavo-epub' ? 'epub' : 'pdf'
      const edition = path.join(out, `${editionName(book.folder)}.${format}`)
      rmSync(edition, { force: true })
      const result = timedRun([process.execPath, path.join(root, 'bin/octavo.js'), 'build', book.folder, '--out', out, '--format', format, '--quiet', '--no-cache'], { env: octavoEnv })
      const ok = result.status === 0 && existsSync(edition)
      const warnings = result.stderr.split('\n').filter((line) => / warning: /.test(line))
      const note = ok ? summarise(warnings, 'warning') : `failed, exit ${result.status}: ${result.stderr.split('\n').slice(-2).join(' ')}`
      return { ok, seconds: result.seconds, cpuSeconds: result.cpuSeconds, peakMegabytes: result.peakMegabytes, loadBefore: result.loadBefore, pages: format === 'pdf' && ok ? pdfPages(edition) : Number.NaN, note }
    }
    case 'pandoc': {
      const edition = path.join(out, 'pandoc.epub')
      rmSync(edition, { force: true })
      const result = timedRun(['pandoc', '-f', 'gfm', '-t', 'epub3', '--metadata', `title=${book.title}`, '--metadata', `lang=${book.lang}`, '-o', edition, ...book.files], { cwd: book.folder })
      const ok = result.status === 0 && existsSync(edition)
      const lines = result.stderr.split('\n').filter((line) => line.trim() !== '')
      const note = ok ? summarise(lines.filter((line) => line.startsWith('[WARNING]')), 'warning') : `failed, exit ${result.status}: ${lines.slice(-2).join(' ')}`
      return { ok, seconds: result.seconds, cpuSeconds: result.cpuSeconds, peakMegabytes: result.peakMegabytes, loadBefore: result.loadBefore, pages: Number.NaN, note }
    }
    case 'typst': {
      const edition = path.join(out, 'typst.pdf')
      rmSync(edition, { force: true })
      const result = timedRun([process.execPath, path.join(root, 'lib/bench/typst-build.js'), book.typstFile, edition, '--theme-fonts'])
      let report: { pages: number; errors: number; warnings: number; messages: string[] } | undefined
      try {
        report = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as typeof report
      } catch {
        report = undefined
      }
      const ok = result.status === 0 && existsSync(edition) && report !== undefined
      const note =
        report === undefined
          ? `failed, exit ${result.status}: ${result.stderr.split('\n').slice(-2).join(' ')}`
          : [report.errors > 0 ? `${report.errors} errors` : '', report.warnings > 0 ? `${report.warnings} warnings` : '', report.messages.length > 0 ? `(${report.messages.slice(0, 2).join('; ')})` : '']
              .filter((part) => part !== '')
              .join(' ')
      return { ok, seconds: result.seconds, cpuSeconds: result.cpuSeconds, peakMegabytes: result.peakMegabytes, loadBefore: result.loadBefore, pages: report?.pages ?? Number.NaN, note }
    }
    case 'parse-floor': {
      // The floor under Octavo's EPUB: remark-parse and remark-gfm alone parsing the same files (see `parse-floor.ts`).
      const result = timedRun([process.execPath, path.join(root, 'lib/bench/parse-floor.js'), ...book.files], { cwd: book.folder })
      const ok = result.status === 0
      return { ok, seconds: result.seconds, cpuSeconds: result.cpuSeconds, peakMegabytes: result.peakMegabytes, loadBefore: result.loadBefore, pages: Number.NaN, note: ok ? '' : `failed, exit ${result.status}: ${result.stderr.split('\n').slice(-2).join(' ')}` }
    }
    default: {
      const never: never = tool
      throw new Error(`unknown tool ${String(never)}`)
    }
  }
}

interface Summary {
  ok: boolean
  mean: number
  cpuMean: number
  spread: number
  peakMegabytes: number
  pages: number
  loads: number[]
  notes: string[]
}

function summary(measured: Measured[]): Summary {
  const ok = measured.length > 0 && measured.every((m) => m.ok)
  const seconds = measured.map((m) => m.seconds)
  return {
    ok,
    mean: seconds.reduce((a, b) => a + b, 0) / seconds.length,
    cpuMean: measured.reduce((sum, m) => sum + m.cpuSeconds, 0) / measured.length,
    spread: Math.max(...seconds) - Math.min(...seconds),
    peakMegabytes: Math.max(...measured.map((m) => m.peakMegabytes)),
    pages: measured.find((m) => !Number.isNaN(m.pages))?.pages ?? Number.NaN,
    loads: measured.map((m) => m.loadBefore),
    notes: [...new Set(measured.map((m) => m.note).filter((note) => note !== ''))],
  }
}

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '–')
const verdict = (met: boolean): string => (met ? 'met' : 'NOT met')

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== ''
    return `${head}${dirty ? ' with uncommitted changes' : ''}`
  } catch {
    return 'unknown'
  }
}

const pandocVersion = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? 'pandoc: not found'
console.log(`Octavo against pandoc and Typst: checkout ${commit()}, ${runs} run${runs === 1 ? '' : 's'} of each build`)
console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; Node ${process.version}; ${pandocVersion}`)
console.log(
  `targets: Octavo's EPUB-only build ≤ ${targets.epubVsPandoc}× pandoc's EPUB; PDF-only build ≤ ${targets.pdfVsTypst}× Typst's; ` +
    `peak memory ≤ ${targets.peakMegabytes} MB and below Typst's; twice the words in ≤ ${targets.doubling}× the time`,
)

console.log(
  `compared: pandoc reads the same chapter files (-f gfm -t epub3, the book's title and language) and embeds no fonts, where Octavo's EPUB embeds subset faces; ` +
    `Typst sets the book converted from Octavo's Book model on the same A5 page, margins, faces (the theme's font files), sizes and leading, with contents, running heads and folios`,
)

const results = new Map<string, { book: Prepared; summaries: Map<ToolId, Summary> }>()
for (const spec of books.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
  const book = await prepare(spec)
  if (typeof book === 'string') {
    console.log(`\n${book}`)
    continue
  }
  const measured = new Map<ToolId, Measured[]>(tools.map((tool) => [tool, []]))
  // Runs interleaved, tool after tool, so that a busy spell on the machine falls on all of them.
  for (let r = 1; r <= runs; r++) {
    for (const tool of tools) {
      const m = run(tool, book)
      if (tool === 'pandoc' && r === 1 && m.ok) {
        const links = await pandocFileLinks(path.join(work, book.key, tool, 'pandoc.epub'))
        if (links > 0) m.note = [m.note, `its EPUB keeps ${links} links to .md files, which lead nowhere`].filter((n) => n !== '').join('; ')
      }
      measured.get(tool)!.push(m)
      console.log(
        `  run ${r} ${toolLabels[tool].padEnd(12)} load before ${m.loadBefore.toFixed(2).padStart(5)}  ` +
          `${m.ok ? `${fixed(m.seconds).padStart(6)} s (cpu ${fixed(m.cpuSeconds).padStart(5)} s) ${fixed(m.peakMegabytes, 0).padStart(5)} MB` : m.note}`,
      )
    }
  }
  const summaries = new Map<ToolId, Summary>([...measured].map(([tool, list]) => [tool, summary(list)]))
  results.set(book.key, { book, summaries })
  console.log(`\n  ${''.padEnd(12)} ${'mean s'.padStart(7)} ${'spread s'.padStart(9)} ${'cpu s'.padStart(7)} ${'peak MB'.padStart(8)} ${'pages'.padStart(6)}  load before each run   notes`)
  for (const [tool, s] of summaries) {
    console.log(
      `  ${toolLabels[tool].padEnd(12)} ${(s.ok ? fixed(s.mean, 2) : 'failed').padStart(7)} ${fixed(s.spread, 2).padStart(9)} ${fixed(s.cpuMean, 1).padStart(7)} ${fixed(s.peakMegabytes, 0).padStart(8)} ` +
        `${fixed(s.pages, 0).padStart(6)}  ${s.loads.map((l) => l.toFixed(2)).join(' ').padEnd(20)}  ${s.notes.join(' | ')}`,
    )
  }
  const busy = [...summaries.values()].flatMap((s) => s.loads).filter((load) => load > os.cpus().length).length
  if (busy > 0) console.log(`  busy: the load average was above the machine's ${os.cpus().length} cores before ${busy} of the runs; wall-clock figures run long, processor seconds less so: repeat on a quieter machine`)
  const epub = summaries.get('octavo-epub')
  const pdf = summaries.get('octavo-pdf')
  const pandoc = summaries.get('pandoc')
  const typst = summaries.get('typst')
  if (epub?.ok && pandoc?.ok) {
    const ratio = epub.mean / pandoc.mean
    console.log(
      `  EPUB: Octavo ${fixed(epub.mean, 2)} s / pandoc ${fixed(pandoc.mean, 2)} s = ${ratio.toFixed(2)}× (target ≤ ${targets.epubVsPandoc}×): ${verdict(ratio <= targets.epubVsPandoc)}` +
        `; in processor seconds ${(epub.cpuMean / pandoc.cpuMean).toFixed(2)}×`,
    )
  }
  const floor = summaries.get('parse-floor')
  if (floor?.ok && pandoc?.ok) {
    console.log(
      `  floor: remark-parse and remark-gfm alone parse the chapter files in ${fixed(floor.mean, 2)} s = ${(floor.mean / pandoc.mean).toFixed(2)}× pandoc's whole EPUB` +
        `${epub?.ok ? `, ${((100 * floor.mean) / epub.mean).toFixed(0)}% of Octavo's` : ''}`,
    )
  }
  if (pdf?.ok && typst?.ok) {
    const ratio = pdf.mean / typst.mean
    console.log(
      `  PDF:  Octavo ${fixed(pdf.mean, 2)} s / Typst ${fixed(typst.mean, 2)} s = ${ratio.toFixed(2)}× (target ≤ ${targets.pdfVsTypst}×): ${verdict(ratio <= targets.pdfVsTypst)}` +
        `; in processor seconds ${(pdf.cpuMean / typst.cpuMean).toFixed(2)}×; pages: Octavo ${fixed(pdf.pages, 0)}, Typst ${fixed(typst.pages, 0)}`,
    )
  }
  const octavoPeak = Math.max(...[epub, pdf].filter((s) => s?.ok).map((s) => s!.peakMegabytes))
  if (Number.isFinite(octavoPeak)) {
    const belowTypst = typst?.ok ? octavoPeak < typst.peakMegabytes : undefined
    console.log(
      `  memory: Octavo's peak ${fixed(octavoPeak, 0)} MB (target ≤ ${targets.peakMegabytes} MB: ${verdict(octavoPeak <= targets.peakMegabytes)}` +
        `${belowTypst === undefined ? '' : `; below Typst's ${fixed(typst!.peakMegabytes, 0)} MB: ${verdict(belowTypst)}`})`,
    )
  }
}

// How time grows with the words: the shortest generated book against each longer one.
const generated = [...results.values()].filter((r) => r.book.key.startsWith('generated-')).sort((a, b) => a.book.words - b.book.words)
if (generated.length >= 2) {
  console.log('')
  const base = generated[0]!
  for (const longer of generated.slice(1)) {
    const words = longer.book.words / base.book.words
    for (const tool of tools) {
      const a = base.summaries.get(tool)
      const b = longer.summaries.get(tool)
      if (!a?.ok || !b?.ok) continue
      const ratio = b.mean / a.mean
      const octavo = tool.startsWith('octavo')
      console.log(
        `linear: ${toolLabels[tool].padEnd(12)} ${fixed(b.mean, 2)} s / ${fixed(a.mean, 2)} s = ${ratio.toFixed(2)}× for ${words.toFixed(2)}× the words (processor seconds ${(b.cpuMean / a.cpuMean).toFixed(2)}×)` +
          `${octavo ? ` (target ≤ ${targets.doubling}× for twice the words, ${(targets.doubling * (words / 2)).toFixed(2)}× for these: ${verdict(ratio <= targets.doubling * (words / 2))})` : ''}`,
      )
    }
  }
} else {
  console.log('\nlinear: not measured (give --books two lengths of the generated book, e.g. 400k,800k)')
}
console.log(`incremental: measured by node lib/bench/incremental.js (--watch: one paragraph changed in one chapter of the ${chapters}-chapter book, both editions rewritten; target < ${targets.incremental} s)`)
console.log(`(machine at the end: load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; books and editions in ${work})`)

