/**
 * Reading the editions back: the text a reader of each edition gets, for the
 * "no word lost" comparisons.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'
import { Diagnostics } from '../../src/diagnostics.js'
import { writeEpub } from '../../src/epub/index.js'
import type { Book } from '../../src/model/book.js'
import type { PageStart } from '../../src/model/page-map.js'
import { writePdf } from '../../src/pdf/index.js'
import { defaultTheme } from '../../src/theme/index.js'
import { decodeXml, pdfText, tempDir } from './tools.js'

export interface EpubDocument {
  href: string
  xhtml: string
}

/** The EPUB's spine documents, in reading order. */
export async function epubSpine(file: string): Promise<EpubDocument[]> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const container = await zip.file('META-INF/container.xml')!.async('string')
  const opfPath = /full-path="([^"]+)"/.exec(container)![1]!
  const opf = await zip.file(opfPath)!.async('string')
  const base = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/') + 1) : ''
  const hrefs = new Map<string, string>()
  for (const [, tag] of opf.matchAll(/<item\s([^>]*)>/g)) {
    const id = /\bid="([^"]+)"/.exec(tag!)?.[1]
    const href = /\bhref="([^"]+)"/.exec(tag!)?.[1]
    if (id && href) hrefs.set(id, href)
  }
  const documents: EpubDocument[] = []
  for (const [, idref] of opf.matchAll(/<itemref\s[^>]*idref="([^"]+)"/g)) {
    const href = hrefs.get(idref!)!
    documents.push({ href, xhtml: await zip.file(base + href)!.async('string') })
  }
  return documents
}

/** Text content of an XHTML fragment: tags dropped, character references decoded. */
export function xhtmlText(xhtml: string): string {
  return decodeXml(xhtml.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' '))
}

/**
 * The body matter of an EPUB as text: the chapters a reader reads, without the
 * cover, title page, contents or colophon, and without each chapter's title block.
 */
export async function epubBodyText(file: string): Promise<string> {
  const chapters = (await epubSpine(file)).filter((document) => /<body[^>]*epub:type="bodymatter"/.test(document.xhtml))
  return chapters.map((chapter) => xhtmlText(chapter.xhtml.replace(/<header class="title-block">[\s\S]*?<\/header>/, '').replace(/<head>[\s\S]*?<\/head>/, ''))).join('\n')
}

/**
 * The running text of a PDF: each page's text without its running head (a
 * line that repeats a title, whole or cut short with an ellipsis) and its folio
 * (a line that is only a number), looked for among a page's first and last two
 * lines, since the order they are drawn in is the renderer's choice.
 */
export async function pdfBodyText(file: string, titles: readonly string[]): Promise<string> {
  const isHead = (line: string): boolean =>
    titles.some((title) => title === line || (line.endsWith('…') && title.startsWith(line.slice(0, -1))))
  const isFurniture = (line: string): boolean => isHead(line) || /^(\d+|[ivxlcdm]+)$/i.test(line)
  const pages = await pdfText(file)
  return pages
    .map((page) => {
      const lines = page.split('\n').map((line) => line.trim()).filter((line) => line !== '')
      const edges = new Set([0, 1, lines.length - 2, lines.length - 1])
      return lines.filter((line, index) => !(edges.has(index) && isFurniture(line))).join('\n')
    })
    .join('\n')
}

/** Words as the page-list checks compare them: runs of letters, digits and marks. */
export function wordTokens(text: string): string[] {
  return [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map(([word]) => word)
}

export interface BothEditions {
  /** Where the print edition's pages start, as its typesetter recorded them. */
  starts: PageStart[]
  /** The PDF's text, page by page (see `pdfText`). */
  pdfPages: string[]
  /** The EPUB's spine documents. */
  documents: EpubDocument[]
  /** The EPUB's text after each page-break marker, to the end of its document, by page number. */
  markers: Map<number, string>
  epubFile: string
  pdfFile: string
}

/**
 * Both editions of a book made in this process as the pipeline makes them (the
 * PDF first, its page starts given to the EPUB), written to files and read
 * back: what the page-list tests compare, word for word.
 */
export async function bothEditions(book: Book, name = 'book'): Promise<BothEditions> {
  const diag = new Diagnostics()
  const pdf = await writePdf(book, defaultTheme, { page: 'a5' }, diag)
  const epub = await writeEpub(book, defaultTheme, diag, pdf.pageStarts)
  const dir = await tempDir()
  const pdfFile = path.join(dir, `${name}.pdf`)
  const epubFile = path.join(dir, `${name}.epub`)
  await writeFile(pdfFile, pdf.bytes)
  await writeFile(epubFile, epub)
  const documents = await epubSpine(epubFile)
  const markers = new Map<number, string>()
  for (const document of documents) {
    for (const match of document.xhtml.matchAll(/<span [^>]*epub:type="pagebreak"[^>]*title="(\d+)"[^>]*\/>/g)) {
      markers.set(Number(match[1]), xhtmlText(document.xhtml.slice(match.index + match[0].length)))
    }
  }
  return { starts: pdf.pageStarts, pdfPages: await pdfText(pdfFile), documents, markers, epubFile, pdfFile }
}
