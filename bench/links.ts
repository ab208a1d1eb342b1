/**
 * Every link of a documentation book written for GitHub, counted through both
 * editions: a generated docs book (see `test/support/docs-book.ts`, 64
 * modules by default) and, where Debian's `nodejs-doc` package has put them
 * in /usr/share/doc/nodejs/api, the Node.js API docs as a book folder.
 * (Do not install `nodejs-doc` for this: on a machine whose Node.js is not
 * Debian's, apt removes that Node.js to make room for its own.)
 *
 * Prints, for each book: chapters, the links written in it that lead into
 * the book and those that lead out, the links the loader dropped (with a
 * warning each), the live internal links of the EPUB (an `href` to a file
 * and id the EPUB holds) and of the PDF (GoTo actions to destinations that
 * exist), the dead ones of each (0 is the only right answer), the tables of
 * each edition, pages, seconds and EPUBCheck's verdict.
 *
 *   node lib/bench/links.js [modules]
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { Diagnostics } from '../src/diagnostics.js'
import type { Book } from '../src/model/book.js'
import { blockInlines, forEachBlock, visitInlines } from '../src/model/walk.js'
import { build } from '../src/pipeline.js'
import { defaultTheme } from '../src/theme/index.js'
import { writeDocsBook } from '../test/support/docs-book.js'
import { uncompressed } from '../test/pdf/helpers.js'
import { readPdf } from '../test/support/pdf-links.js'
import { tempDir } from '../test/support/tools.js'
import { debianNodeDocs, nodeDocsBook } from './common/node-docs.js'

const run = promisify(execFile)
const modules = Number(process.argv[2] ?? 64)

async function measure(label: string, input: string): Promise<void> {
  const out = await tempDir('octavo-bench-')
  const diag = new Diagnostics()
  const started = performance.now()
  const result = await build(input, { outDir: out, formats: ['epub', 'pdf'], theme: defaultTheme, page: 'a5', sourceDateEpoch: '1700000000' }, diag)
  const seconds = (performance.now() - started) / 1000
  const name = path.basename(input)
  const written = countLinks(result.book)
  const dropped = diag.warnings.filter((message) => message.ruleId === 'link').length
  const epub = await epubLinks(path.join(out, `${name}.epub`))
  const pdf = await readPdf(path.join(out, `${name}.pdf`))
  const goTo = pdf.links.filter((link) => link.dest !== undefined)
  const check = await run('java', ['-jar', '/usr/share/java/epubcheck.jar', path.join(out, `${name}.epub`)], { maxBuffer: 1 << 28 }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  )
  console.log(`\n${label}`)
  console.log(`  chapters ${result.book.chapters.length}, pages ${pdf.pages}, built in ${seconds.toFixed(1)} s (both editions, in process)`)
  console.log(`  links in the book after resolving: ${written.internal} into the book, ${written.web} out of it; dropped with a warning: ${dropped}`)
  console.log(`  EPUB: ${epub.live} live internal links, ${epub.dead} dead; ${epub.tables} tables; ${epub.files} XHTML files, largest ${(epub.largest / 1024).toFixed(0)} KB`)
  console.log(`  PDF: ${goTo.filter((link) => link.lands).length} live GoTo links, ${goTo.filter((link) => !link.lands).length} dead; ${pdf.links.filter((link) => link.url).length} web links; ${[...(await uncompressed(path.join(out, `${name}.pdf`))).matchAll(/\/S \/Table\b/g)].length} tables`)
  console.log(`  EPUBCheck: ${/Messages: .*/.exec(check)?.[0] ?? check.trim().split('\n').at(-1)}`)
  console.log(`  other warnings: ${diag.warnings.length - dropped}`)
}

function countLinks(book: Book): { internal: number; web: number } {
  let internal = 0
  let web = 0
  for (const chapter of book.chapters) {
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      forEachBlock(blocks, (block) => {
        for (const inlines of blockInlines(block)) {
          visitInlines(inlines, (inline) => {
            if (inline.type !== 'link') return
            if (inline.target?.kind === 'internal') internal++
            else if (inline.target?.kind === 'web') web++
          })
        }
      })
    }
  }
  return { internal, web }
}

/** Internal links of an EPUB whose file and id exist (live) or not (dead). */
async function epubLinks(file: string): Promise<{ live: number; dead: number; tables: number; files: number; largest: number }> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const documents = new Map<string, string>()
  for (const [name, entry] of Object.entries(zip.files)) if (name.endsWith('.xhtml')) documents.set(path.posix.basename(name), await entry.async('string'))
  const ids = new Map([...documents].map(([name, xhtml]) => [name, new Set([...xhtml.matchAll(/\sid="([^"]+)"/g)].map(([, id]) => id!))]))
  let live = 0
  let dead = 0
  let tables = 0
  let largest = 0
  for (const [name, xhtml] of documents) {
    largest = Math.max(largest, Buffer.byteLength(xhtml))
    if (name === 'toc.xhtml') continue
    tables += [...xhtml.matchAll(/<table[\s>]/g)].length
    for (const [, href] of xhtml.matchAll(/<a [^>]*href="([^"]+)"/g)) {
      if (/^[a-z]+:/i.test(href!)) continue
      const [target, id] = href!.split('#')
      const holder = target === '' ? name : target!
      if (ids.has(holder) && (id === undefined || ids.get(holder)!.has(id))) live++
      else dead++
    }
  }
  return { live, dead, tables, files: documents.size, largest }
}

console.log(`links through both editions (${os.cpus().length} cores, load ${os.loadavg().map((load) => load.toFixed(2)).join(' ')})`)
const generated = path.join(await tempDir('octavo-bench-'), 'streams')
const book = await writeDocsBook(generated, modules)
console.log(`generated: ${book.files.length} chapters, ${book.links.length} links written to resolve, ${book.dropped.length} written to lead nowhere, ${book.tables} tables`)
await measure(`a generated docs book (${modules} modules)`, generated)

const nodeBook = nodeDocsBook(path.join(await tempDir('octavo-bench-'), 'node-api'))
if (nodeBook !== undefined) await measure(`the Node.js API docs (${nodeBook})`, nodeBook)
else console.log(`\nthe Node.js API docs: not on this machine (${debianNodeDocs})`)
