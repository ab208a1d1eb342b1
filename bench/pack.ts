/**
 * Octavo as a reader of its README gets it: a clean clone of the repository packed with `npm pack`, the
 * tarball installed into an empty folder from the npm registry, and the article built there twice — by
 * `npx octavo build` and by the library (`import { build } from 'octavo'`). Prints the tarball's size and
 * file count, the time of each step, and each edition's verdict: EPUBCheck's for the EPUBs, pdfinfo's
 * pages and dates for the PDFs, and whether the two ways gave the same bytes; then a new book made by
 * `npx octavo init` and built there, with its warnings counted.
 *
 *   node lib/bench/pack.js [REPO]        (default: this repository; only what is committed is packed)
 *
 * The clone takes its node_modules from REPO as hard links (`cp -al`), to compile without installing.
 * The install is `npm install --no-audit --no-fund TARBALL`: its time depends on npm's cache (a first
 * install downloads every dependency) and on the registry's answer.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(process.argv[2] ?? path.join(here, '../..'))
const work = mkdtempSync(path.join(os.tmpdir(), 'octavo-pack-'))
const clone = path.join(work, 'clone')
const project = path.join(work, 'project')
const article = path.join(clone, 'content/article.md')
// One "now" for both builds, so that the command's editions and the library's can be compared byte for byte.
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
const epubcheckJar = '/usr/share/java/epubcheck.jar'

/** Run a step, print its time, and stop the whole run (with its output) if it fails. */
function step(label: string, command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const started = performance.now()
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const seconds = (performance.now() - started) / 1000
  console.log(`${label.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s   exit ${result.status}`)
  if (result.status !== 0) {
    console.log(result.stdout, result.stderr)
    process.exit(1)
  }
  return result
}

function verdicts(folder: string, name: string): { epub: string; pdf: string } {
  const epub = spawnSync('java', ['-jar', epubcheckJar, path.join(folder, `${name}.epub`)], { encoding: 'utf8' })
  const counts = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(epub.stdout + epub.stderr)
  const pdf = spawnSync('pdfinfo', [path.join(folder, `${name}.pdf`)], { encoding: 'utf8' }).stdout
  const field = (key: string): string => new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(pdf)?.[1] ?? '?'
  return {
    epub: counts ? `EPUBCheck ${counts[1]} fatal, ${counts[2]} errors, ${counts[3]} warnings (exit ${epub.status})` : `EPUBCheck did not report (exit ${epub.status})`,
    pdf: `pdfinfo: ${field('Pages')} pages, ${field('Page size')}, tagged ${field('Tagged')}, created ${field('CreationDate')}`,
  }
}

function sameBytes(a: string, b: string): boolean {
  return spawnSync('cmp', ['-s', a, b]).status === 0
}

console.log(`repository: ${repo}`)
console.log(`work folder: ${work}`)
step('git clone', 'git', ['clone', '--quiet', repo, clone], work)
step('cp -al node_modules', 'cp', ['-al', path.join(repo, 'node_modules'), path.join(clone, 'node_modules')], work)
const packed = step('npm pack (prepack compiles)', 'npm', ['pack', '--json', '--pack-destination', work], clone)
const manifest = (JSON.parse(packed.stdout) as Array<{ filename: string; entryCount: number; unpackedSize: number }>)[0]!
const tarball = path.join(work, manifest.filename)
console.log(`tarball: ${manifest.filename}, ${(statSync(tarball).size / 1024).toFixed(1)} KiB (${(manifest.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${manifest.entryCount} files)`)

// The manuscript is kept; the clone (and its compiled code) is removed, so that only the installed package can answer.
cpSync(article, path.join(work, 'article.md'))
rmSync(clone, { recursive: true, force: true })
mkdirSync(project)
step('npm install TARBALL (into an empty folder)', 'npm', ['install', '--no-audit', '--no-fund', tarball], project)
const packages = readdirSync(path.join(project, 'node_modules')).filter((name) => !name.startsWith('.')).length
console.log(`node_modules: ${packages} top-level entries`)

const manuscript = path.join(work, 'article.md')
step('npx octavo build article.md', 'npx', ['octavo', 'build', manuscript, '--out', 'cli', '--quiet'], project)
writeFileSync(
  path.join(project, 'library.mjs'),
  `import { writeFile, mkdir } from 'node:fs/promises'
import { build } from 'octavo'
const result = await build({ input: ${JSON.stringify(manuscript)} })
await mkdir('library', { recursive: true })
await writeFile('library/article.epub', result.epub)
await writeFile('library/article.pdf', result.pdf)
console.log(JSON.stringify({ ok: result.ok, epub: result.epub.length, pdf: result.pdf.length, diagnostics: result.diagnostics.length, written: result.written.length, modified: result.metadata.modified }))
`,
)
const library = step("import { build } from 'octavo'", process.execPath, ['library.mjs'], project)
console.log(`library: ${library.stdout.trim()}`)

for (const [label, folder] of [['npx octavo build', 'cli'], ['build() from the library', 'library']] as const) {
  const { epub, pdf } = verdicts(path.join(project, folder), 'article')
  console.log(`${label}:\n  EPUB ${epub}\n  PDF  ${pdf}`)
}
for (const format of ['epub', 'pdf']) {
  const same = sameBytes(path.join(project, 'cli', `article.${format}`), path.join(project, 'library', `article.${format}`))
  console.log(`article.${format}: the command's and the library's are ${same ? 'the same bytes' : 'DIFFERENT'}`)
}
step('npx octavo init my-book', 'npx', ['octavo', 'init', 'my-book'], project)
const newBook = step('npx octavo build my-book', 'npx', ['octavo', 'build', 'my-book', '--out', 'my-book-out'], project)
const warnings = newBook.stderr.split('\n').filter((line) => /: warning: /.test(line)).length
const { epub, pdf } = verdicts(path.join(project, 'my-book-out'), 'my-book')
console.log(`octavo init's book: ${warnings} warnings\n  EPUB ${epub}\n  PDF  ${pdf}`)
console.log(`(the installed project is left in ${project})`)
