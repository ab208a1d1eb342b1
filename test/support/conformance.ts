/**
 * Checks shared by the conformance tests of hostile and unusual input: how a
 * run ended, where a PDF's words stand on the page, what an EPUB holds, and a
 * book folder written from a table of files.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Element, Nodes as HastNodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import JSZip from 'jszip'
import { epubSpine, xhtmlText } from './editions.js'
import type { EpubDocument } from './editions.js'
import { decodeXml } from './tools.js'
import type { CommandResult } from './tools.js'

const run = promisify(execFile)

/** A Node stack frame, an uncaught error's first line, or Octavo's own words for a fault of its own. */
const crashPattern = /^\s+at \S|^[A-Za-z]*Error: |internal error/m

/** Whether a run crashed: an exit code other than 0 (published) and 1 (refused), or a stack trace printed at all. */
export function isCrash(result: CommandResult): boolean {
  return (result.code !== 0 && result.code !== 1) || crashPattern.test(result.stderr)
}

/** Every message of a run is a one-line report: no stack trace, no internal error. */
export function assertNoCrash(result: CommandResult, label = 'the run'): void {
  assert.notEqual(result.code, 3, `${label} ended in an internal error:\n${result.stderr}`)
  assert.doesNotMatch(result.stderr, crashPattern, `${label} printed a stack trace or an internal error:\n${result.stderr}`)
}

/** The lines a run printed on stderr, blank ones left out. */
export function stderrLines(result: CommandResult): string[] {
  return result.stderr.split('\n').filter((line) => line.trim() !== '')
}

/** A message line in the vfile reporter's form, `file:line:column: error|warning: text`. */
export const messagePattern = /^(.+?):(\d+):(\d+): (error|warning): (.+)$/

export interface Message {
  file: string
  line: number
  column: number
  severity: 'error' | 'warning'
  text: string
}

/** The messages of a run that name a place, parsed. */
export function placedMessages(result: CommandResult): Message[] {
  const messages: Message[] = []
  for (const line of stderrLines(result)) {
    const match = messagePattern.exec(line)
    if (!match) continue
    messages.push({ file: match[1]!, line: Number(match[2]), column: Number(match[3]), severity: match[4] as Message['severity'], text: match[5]! })
  }
  return messages
}

/** Files written under `dir`: a name (with slashes for subfolders) to its text or bytes. */
export async function writeTree(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
}

export interface WordBox {
  /** 1-based page number. */
  page: number
  pageWidth: number
  pageHeight: number
  xMin: number
  yMin: number
  xMax: number
  yMax: number
  text: string
}

/** Every word poppler finds in a PDF with its box, in points from the page's top left corner. */
export async function pdfWordBoxes(file: string): Promise<WordBox[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 1024 * 1024 * 1024 })
  const boxes: WordBox[] = []
  let page = 0
  for (const [, pageTag, body] of stdout.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    page++
    const pageWidth = Number(/width="([\d.]+)"/.exec(pageTag!)![1])
    const pageHeight = Number(/height="([\d.]+)"/.exec(pageTag!)![1])
    for (const [, attributes, text] of body!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)) {
      const number = (name: string): number => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(attributes!)![1])
      boxes.push({ page, pageWidth, pageHeight, xMin: number('xMin'), yMin: number('yMin'), xMax: number('xMax'), yMax: number('yMax'), text: decodeXml(text!) })
    }
  }
  return boxes
}

/** The URIs of a PDF's link annotations, read from its objects uncompressed by qpdf. */
export async function pdfLinkUris(file: string): Promise<string[]> {
  const { stdout } = await run('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 1024 * 1024 * 1024 })
  return [...stdout.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)].map(([, uri]) => uri!.replace(/\\(.)/g, '$1'))
}

/** The number of overfull lines in the layout report `octavo build --report` prints. */
export function overfullLines(report: string): number {
  const match = /overfull lines\s+(\d+)/.exec(report)
  assert.ok(match, `the layout report names its overfull lines:\n${report}`)
  return Number(match[1])
}

/** The text entries of an EPUB (everything but fonts and images), by path in the zip. */
export async function epubTextEntries(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const entries = new Map<string, string>()
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || /\.(ttf|otf|woff2?|png|jpe?g|gif)$/i.test(entry.name)) continue
    entries.set(entry.name, await entry.async('string'))
  }
  return entries
}

/** The names of every entry in an EPUB's zip. */
export async function epubEntryNames(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(file))
  return Object.keys(zip.files)
}

/** The body-matter documents of an EPUB, in reading order: one per chapter. */
export async function epubChapters(file: string): Promise<EpubDocument[]> {
  return (await epubSpine(file)).filter((document) => /<body[^>]*epub:type="bodymatter"/.test(document.xhtml))
}

/** What a reader reads of a chapter document: its text without the head and the chapter's title block. */
export function chapterText(xhtml: string): string {
  return xhtmlText(xhtml.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<header class="title-block">[\s\S]*?<\/header>/, ''))
}

/** The alternative texts of a document's images, decoded. */
export function altTexts(xhtml: string): string[] {
  return [...xhtml.matchAll(/<img\s[^>]*\balt="([^"]*)"/g)].map(([, alt]) => decodeXml(alt!))
}

/**
 * EPUBCheck's problems about one document of the book: its messages name
 * the file as `…/OEBPS/chapter-3.xhtml(line,column)`. A message that names no
 * chapter document (the package, the navigation) concerns every chapter.
 */
export function problemsAbout(problems: readonly string[], href: string): string[] {
  const escaped = href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const names = (problem: string, pattern: string): boolean => new RegExp(`[/\\\\]${pattern}(\\(|:|\\s|$)`).test(problem)
  return problems.filter((problem) => names(problem, escaped) || !names(problem, 'chapter-\\d+\\.xhtml'))
}

/** Elements whose content a browser does not show. */
const unseen = new Set(['head', 'script', 'style', 'template', 'title'])

/** Elements that stand apart from the text around them: a word never runs across their edge. */
const blocks = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'textarea', 'tfoot', 'th', 'thead', 'tr', 'ul',
])

/**
 * The text a reader sees in HTML or XHTML, as a browser lays it out: tags
 * dropped, references decoded, scripts and styles left out; inline elements
 * join their neighbours (`<a>foo</a><a>bar</a>` reads `foobar`), blocks and
 * line breaks stand apart.
 */
export function readerText(html: string): string {
  const parts: string[] = []
  const visit = (node: HastNodes): void => {
    if (node.type === 'text') parts.push(node.value)
    if (node.type !== 'element' && node.type !== 'root') return
    const tag = node.type === 'element' ? (node as Element).tagName : ''
    if (unseen.has(tag)) return
    const apart = blocks.has(tag)
    if (apart) parts.push(' ')
    for (const child of node.children) visit(child as HastNodes)
    if (apart) parts.push(' ')
  }
  visit(fromHtml(html, { fragment: !/^\s*<(\?xml|!DOCTYPE|html)/i.test(html) }))
  return parts.join('')
}

/** What a reader reads of a chapter document, as `readerText` sees it, without the chapter's title block. */
export function chapterReaderText(xhtml: string): string {
  return readerText(xhtml.replace(/<header class="title-block">[\s\S]*?<\/header>/, ''))
}

/**
 * The PDF's text page by page, a line of text per line set, as a reader sees
 * it: words in lines by their place on the page, left to right, and words
 * that touch (no space between them, as where a code span meets the text or
 * a link its punctuation) as one word, though poppler reports a word per
 * font. Poppler's own reading order is not used: it takes runs of spaces in a
 * code line for the gap between columns.
 *
 * Given the page's top and bottom margins, only the text block's words are
 * read: running heads stand above it and folios below, whatever their words.
 */
export async function pdfReaderPages(file: string, margins?: { top: number; bottom: number }): Promise<string[]> {
  const inBlock = (word: WordBox): boolean => margins === undefined || (word.yMax > margins.top && word.yMin < word.pageHeight - margins.bottom)
  const words = (await pdfWordBoxes(file)).filter(inBlock)
  const pageCount = words.reduce((count, word) => Math.max(count, word.page), 0)
  // Pages past the last with a word in the text block read as empty.
  const pages: string[] = Array.from({ length: pageCount }, () => '')
  for (let page = 1; page <= pageCount; page++) {
    const centre = (word: WordBox): number => (word.yMin + word.yMax) / 2
    const lines: WordBox[][] = []
    for (const word of words.filter((candidate) => candidate.page === page).sort((a, b) => centre(a) - centre(b))) {
      const line = lines.at(-1)
      const height = Math.max(word.yMax - word.yMin, line ? line[0]!.yMax - line[0]!.yMin : 0)
      if (line && Math.abs(centre(word) - centre(line[0]!)) < 0.35 * height) line.push(word)
      else lines.push([word])
    }
    pages[page - 1] = lines
      .map((line) => {
        let text = ''
        let end = Number.NEGATIVE_INFINITY
        for (const word of line.sort((a, b) => a.xMin - b.xMin)) {
          text += (text === '' || word.xMin - end < 0.3 ? '' : ' ') + word.text
          // A combining mark is a word of no width over its letter: the line goes on from the letter's end.
          end = Math.max(end, word.xMax)
        }
        return text
      })
      .join('\n')
      // Letters with their marks composed, as the words they are compared with are counted.
      .normalize('NFC')
  }
  return pages
}
