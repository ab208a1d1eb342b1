/**
 * The first page of the article in each built-in theme, both editions, as
 * pictures for the README: the PDF's first page rendered by poppler
 * (`pdftoppm`), the EPUB's first chapter rendered by Chromium (headless, as
 * a reading system with a page's margins would show it). Writes
 * `docs/themes/NAME-pdf.png` and `docs/themes/NAME-epub.png`.
 *
 *   node lib/bench/theme-pages.js [input] [out folder]
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import JSZip from 'jszip'
import { Diagnostics } from '../src/diagnostics.js'
import { build } from '../src/pipeline.js'
import { themes } from '../src/theme/index.js'

const input = path.resolve(process.argv[2] ?? 'content/article.md')
const out = path.resolve(process.argv[3] ?? 'docs/themes')
/** Pixels per inch of the PDF's picture, and the size of the EPUB's window (a reader's page, about A5's shape). */
const resolution = 60
const window = { width: 560, height: 800 }
/** The margins a reading system gives the page (the EPUB sets none of its own, so that the reader's apply). */
const readerMargin = '28px 32px'

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 })
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr}`)
}

/** The EPUB's files under a folder, and the path of its first chapter's document, shown with a reader's margins. */
async function firstChapter(epub: string, folder: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(epub))
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue
    const target = path.join(folder, name)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, await entry.async('nodebuffer'))
  }
  const chapter = Object.keys(zip.files).find((name) => /chapter-1\.xhtml$/.test(name))
  if (!chapter) throw new Error(`${epub} has no first chapter`)
  const file = path.join(folder, chapter)
  const shown = readFileSync(file, 'utf8').replace('</head>', `<style>body { margin: ${readerMargin}; }</style></head>`)
  const page = file.replace(/\.xhtml$/, '.shown.xhtml')
  writeFileSync(page, shown)
  return page
}

mkdirSync(out, { recursive: true })
const work = mkdtempSync(path.join(os.tmpdir(), 'octavo-theme-pages-'))
try {
  for (const [name, theme] of Object.entries(themes)) {
    const outDir = path.join(work, name)
    const diag = new Diagnostics()
    const result = await build(input, { outDir, formats: ['pdf', 'epub'], theme, page: 'a5', sourceDateEpoch: '1700000000', threads: 1 }, diag)
    const pdf = result.outputs.find((file) => file.endsWith('.pdf'))!
    const epub = result.outputs.find((file) => file.endsWith('.epub'))!

    const pdfPicture = path.join(out, `${name}-pdf`)
    run('pdftoppm', ['-png', '-r', String(resolution), '-f', '1', '-l', '1', '-singlefile', pdf, pdfPicture])

    const page = await firstChapter(epub, path.join(outDir, 'epub'))
    const epubPicture = path.join(outDir, 'epub.png')
    run('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=${window.width},${window.height}`, `--screenshot=${epubPicture}`, pathToFileURL(page).href])
    renameSync(epubPicture, path.join(out, `${name}-epub.png`))

    const { report } = result
    console.log(`${name}: ${report.pages} pages, ${report.overfullLines} overfull, ${report.widows} widows, ${report.orphans} orphans → ${path.relative(process.cwd(), out)}/${name}-{pdf,epub}.png`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
