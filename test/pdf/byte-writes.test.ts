/**
 * A document whose writes go straight to bytes is the file pdfkit writes
 * through its own stream, byte for byte: its header, its objects, its pages'
 * content, an embedded face's subset and text no single byte holds.
 */
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { test } from 'node:test'
import PDFDocument from 'pdfkit'
import { writeBytesTo } from '../../src/pdf/byte-writes.js'

const face = createRequire(import.meta.url).resolve('@expo-google-fonts/literata/400Regular/Literata_400Regular.ttf')

/** A tagged two-page PDF with a Unicode title, text in a standard and an embedded face, a rule and a link; written directly with `direct`. */
function drawn(direct: boolean): Promise<Buffer> {
  const date = new Date(Date.UTC(2024, 4, 1))
  const doc = new PDFDocument({ autoFirstPage: false, tagged: true, lang: 'fr', displayTitle: true, info: { Title: 'Œuvres complètes — tome Ⅰ', CreationDate: date, ModDate: date } })
  const chunks: Buffer[] = []
  if (direct) writeBytesTo(doc, (bytes) => chunks.push(Buffer.from(bytes)))
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const section = doc.struct('Sect')
  doc.addStructure(section)
  for (const [index, text] of ['Première page : « déjà »', 'Seconde page, ſ et ﬁ, Ωμέγα'].entries()) {
    doc.addPage({ size: [300, 400], margin: 0 })
    const content = doc.markStructureContent('P')
    doc.font(index === 0 ? 'Helvetica' : face).fontSize(12).text(text, 20, 20)
    doc.endMarkedContent()
    const paragraph = doc.struct('P')
    paragraph.add(content)
    section.add(paragraph)
    doc.moveTo(20, 60).lineTo(200, 60).stroke()
    doc.link(20, 80, 100, 20, 'https://example.org/œ')
  }
  section.end()
  doc.end()
  return done
}

test('a document written straight to bytes is the one pdfkit streams', async () => {
  const streamed = await drawn(false)
  const direct = await drawn(true)
  assert.ok(streamed.length > 2000 && streamed.subarray(0, 8).toString('latin1') === '%PDF-1.3', 'a whole PDF was drawn')
  assert.ok(direct.equals(streamed), `direct: ${direct.length} bytes, streamed: ${streamed.length}`)
})
