/**
 * Reading the editions back: the text a reader of each edition gets, for the
 * "no word lost" comparisons.
 */
import { readFile } from 'node:fs/promises'
import JSZip from 'jszip'
import { decodeXml, pdfText } from './tools.js'

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
