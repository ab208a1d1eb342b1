/**
 * A PDF read back as a viewer reads it, with pdf.js: its link annotations
 * (where each leads: a web address, or a named destination and the page and
 * height it names), and its lines of text with their positions.
 */
import { readFile } from 'node:fs/promises'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfLine {
  /** 1-based page number. */
  page: number
  text: string
  /** Top of the line (baseline plus font size), in PDF units from the page's foot. */
  top: number
  baseline: number
  /** The pieces of text drawn on the line, with where they start and how wide they are. */
  items: Array<{ text: string; x: number; width: number }>
}

export interface PdfLink {
  page: number
  /** x1, y1, x2, y2 in PDF units from the page's foot. */
  rect: [number, number, number, number]
  url?: string
  /** Named destination. */
  dest?: string
  /** Where the destination leads: page and top, when it exists. */
  lands?: { page: number; top: number }
}

export interface PdfReading {
  pages: number
  lines: PdfLine[]
  links: PdfLink[]
}

interface TextItem {
  str: string
  transform: number[]
  width: number
}

/**
 * `pieces`: text is read in the pieces it was tagged in (the marked content
 * of its structure elements), not merged across them: lines set side by side
 * in columns then stay apart.
 */
export async function readPdf(file: string, options: { pieces?: boolean } = {}): Promise<PdfReading> {
  const data = new Uint8Array(await readFile(file))
  const document = await getDocument({ data, verbosity: 0, disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise
  const lines: PdfLine[] = []
  const links: PdfLink[] = []
  const destinations = new Map<string, { page: number; top: number } | undefined>()
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number)
    const content = await page.getTextContent({ includeMarkedContent: options.pieces === true })
    // Items on one baseline make a line, in the order drawn.
    const byBaseline = new Map<number, { size: number; items: PdfLine['items'] }>()
    for (const item of content.items as TextItem[]) {
      if (!('str' in item) || item.str === '') continue
      const baseline = Math.round(item.transform[5]! * 10) / 10
      const size = Math.abs(item.transform[3]!)
      const line = byBaseline.get(baseline) ?? { size, items: [] }
      line.items.push({ text: item.str, x: item.transform[4]!, width: item.width })
      line.size = Math.max(line.size, size)
      byBaseline.set(baseline, line)
    }
    for (const [baseline, line] of [...byBaseline].sort((a, b) => b[0] - a[0])) {
      line.items.sort((a, b) => a.x - b.x)
      const text = line.items.map((item) => item.text).join('').replace(/\s+/g, ' ').trim()
      lines.push({ page: number, text, top: baseline + line.size, baseline, items: line.items })
    }
    for (const annotation of (await page.getAnnotations()) as Array<{ subtype: string; rect: number[]; url?: string; dest?: unknown }>) {
      if (annotation.subtype !== 'Link') continue
      const link: PdfLink = { page: number, rect: annotation.rect as PdfLink['rect'] }
      if (annotation.url) link.url = annotation.url
      if (typeof annotation.dest === 'string') {
        link.dest = annotation.dest
        if (!destinations.has(annotation.dest)) destinations.set(annotation.dest, await destination(document, annotation.dest))
        const lands = destinations.get(annotation.dest)
        if (lands) link.lands = lands
      }
      links.push(link)
    }
  }
  const pages = document.numPages
  await document.destroy()
  return { pages, lines, links }
}

async function destination(document: Awaited<ReturnType<typeof getDocument>['promise']>, name: string): Promise<{ page: number; top: number } | undefined> {
  const explicit = (await document.getDestination(name)) as [unknown, { name: string }, number | null, number | null, number | null] | null
  if (!explicit) return undefined
  const page = (await document.getPageIndex(explicit[0] as Parameters<typeof document.getPageIndex>[0])) + 1
  return { page, top: explicit[3] ?? Number.POSITIVE_INFINITY }
}

/**
 * The first line of text a reader sees at a destination: the highest line on
 * its page whose top is at or below the destination's top (a point's
 * tolerance for rounding).
 */
export function lineAt(reading: PdfReading, lands: { page: number; top: number }): PdfLine | undefined {
  return reading.lines.filter((line) => line.page === lands.page && line.top <= lands.top + 1).sort((a, b) => b.top - a.top)[0]
}

/** Where the word `word` is drawn (the first time), and the link annotations over it. */
export function linksAtWord(reading: PdfReading, word: string): { line: PdfLine; links: PdfLink[] } | undefined {
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${word}($|[^\\p{L}\\p{N}])`, 'u')
  for (const line of reading.lines) {
    const item = line.items.find((candidate) => pattern.test(candidate.text))
    if (!item) continue
    const x = item.x + item.width / 2
    const y = line.baseline + 1
    const links = reading.links.filter((link) => link.page === line.page && link.rect[0] <= x && x <= link.rect[2] && link.rect[1] <= y && y <= link.rect[3])
    return { line, links }
  }
  return undefined
}

/**
 * The lines of pages set in columns (read with `pieces`), read as a reader reads them: on each
 * page, the first column's lines from the top, then the next column's. A
 * line drawn across the columns (a title) stays whole, before them. `columns`
 * columns share the width the pages' text spans.
 */
export function columnLines(lines: readonly PdfLine[], columns: number): Array<PdfLine & { column: number }> {
  const left = Math.min(...lines.flatMap((line) => line.items.map((item) => item.x)))
  const right = Math.max(...lines.flatMap((line) => line.items.map((item) => item.x + item.width)))
  const share = (right - left) / columns
  const result: Array<PdfLine & { column: number }> = []
  for (const page of [...new Set(lines.map((line) => line.page))]) {
    const onPage = lines.filter((line) => line.page === page)
    // White read as a piece of its own may span the gap between columns: only pieces with text count.
    const across = onPage.filter((line) => line.items.some((item) => item.text.trim() !== '' && item.x + item.width > left + share + 1 && item.x < left + share))
    result.push(...across.map((line) => ({ ...line, column: -1 })))
    for (let column = 0; column < columns; column++) {
      for (const line of onPage) {
        if (across.includes(line)) continue
        const items = line.items.filter((item) => item.text.trim() !== '' && Math.min(columns - 1, Math.floor((item.x - left + 1) / share)) === column)
        if (items.length === 0) continue
        // Pieces read apart are joined with a space where white stands between them.
        const text = items.map((item, at) => (at > 0 && item.x - (items[at - 1]!.x + items[at - 1]!.width) > 1 ? ` ${item.text}` : item.text)).join('').replace(/\s+/g, ' ').trim()
        if (text !== '') result.push({ ...line, text, items, column })
      }
    }
  }
  return result
}
