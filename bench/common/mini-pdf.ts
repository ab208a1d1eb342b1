/**
 * The benchmarks' own small typesetter: paragraphs already broken into lines, drawn word by word with
 * pdfkit at the positions the line's ratio gives, one column on A5 pages. Lets total-fit and first-fit
 * be measured from a PDF exactly like Typst and Octavo's own build.
 */
import { createWriteStream } from 'node:fs'

import PDFDocument from 'pdfkit'

import type { Item, Line } from '../../src/pdf/linebreak/index.js'
import { LITERATA } from './font.js'
import { page, type } from './setting.js'

export async function renderPdf(file: string, paragraphs: readonly Item<string>[][], broken: readonly Line[][]): Promise<void> {
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margin: 0,
    autoFirstPage: false,
    info: { CreationDate: new Date(0), ModDate: new Date(0) },
  })
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file)
    out.on('finish', resolve)
    out.on('error', reject)
    doc.pipe(out)
  })
  doc.registerFont('body', LITERATA)
  const baselineSkip = type.size * type.leading
  let pageNumber = 0
  let y = Infinity
  const newPage = (): void => {
    doc.addPage({ size: [page.width, page.height], margin: 0 })
    pageNumber++
    y = page.margins.top
  }
  doc.font('body').fontSize(type.size)
  for (const [p, items] of paragraphs.entries()) {
    for (const line of broken[p]!) {
      if (y + baselineSkip > page.height - page.margins.bottom) newPage()
      // Right-hand pages (odd) have the inner margin on the left.
      const left = pageNumber % 2 === 1 ? page.margins.inner : page.margins.outer
      let x = left
      for (let i = line.start; i < line.end; i++) {
        const item = items[i]!
        if (item.type === 'box') {
          if (item.content !== '') doc.text(item.content, x, y, { lineBreak: false })
          x += item.width
        } else if (item.type === 'glue') {
          x += item.width + (line.ratio >= 0 ? line.ratio * item.stretch : line.ratio * item.shrink)
        }
      }
      const end = items[line.end]
      if (end?.type === 'penalty' && end.width > 0) doc.text('-', x, y, { lineBreak: false })
      y += baselineSkip
    }
  }
  doc.end()
  await done
}
