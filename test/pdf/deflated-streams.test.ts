/**
 * A page's content stream deflated once in a process: drawn again with the
 * same bytes, it is taken as kept, and the PDF is the one pdfkit writes when
 * it deflates every stream itself.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { deflateSync } from 'node:zlib'
import PDFDocument from 'pdfkit'
import { deflatedOnce, deflateKept } from '../../src/pdf/deflated-streams.js'

test('bytes deflated once are deflated as zlib deflates them, and kept', () => {
  const bytes = new TextEncoder().encode('BT /F1 12 Tf 72 712 Td <0001000200030004> Tj ET\n'.repeat(50))
  const first = deflatedOnce(bytes)
  assert.ok(first.equals(deflateSync(bytes)))
  assert.equal(deflatedOnce(Uint8Array.from(bytes)), first, 'the same bytes again: the kept stream')
})

/** A two-page PDF; with `kept`, each page's content goes through `deflateKept`. */
function twoPages(kept: boolean): Promise<Buffer> {
  const date = new Date(Date.UTC(2024, 4, 1))
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: date, ModDate: date } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  for (const text of ['The first page.', 'The second page, drawn the same way.']) {
    doc.addPage({ size: [300, 400], margin: 0 })
    if (kept) deflateKept((doc.page as unknown as { content: unknown }).content)
    doc.fontSize(12).text(text, 20, 20).rect(20, 60, 100, 40).fill()
  }
  doc.end()
  return done
}

test('a PDF whose pages are deflated through the kept streams is the PDF pdfkit writes alone, the first time and the next', async () => {
  const alone = await twoPages(false)
  assert.ok((await twoPages(true)).equals(alone), 'first time: every stream deflated now')
  assert.ok((await twoPages(true)).equals(alone), 'next time: every stream as kept')
})
