/**
 * The floor under a rebuild's PDF: how long pdfkit takes to write a tagged document of `pages` pages
 * whose content is ready (the same short text object, twice per paragraph, `paragraphs` structure
 * elements a page), compressed as Octavo's are. No measuring, no line breaking, no shaping: what is
 * left when every page is kept from the build before, as a rebuild under `--watch` would need. The
 * Node.js API docs are 2,451 pages of some 40 paragraphs.
 *
 *   node lib/bench/pdf-floor.js [pages] [paragraphs]
 */
import PDFDocument from 'pdfkit'

const pages = Number(process.argv[2] ?? 2451)
const paragraphs = Number(process.argv[3] ?? 40)
const line = 'BT /F1 10 Tf 1 0 0 -1 56.69 120.5 Tm [<002a003b004c0051> -250 <005b00470052> 12.5 <0051004b0048>] TJ ET\n'

const started = performance.now()
const doc = new PDFDocument({ autoFirstPage: false, tagged: true })
let bytes = 0
doc.on('data', (chunk: Buffer) => void (bytes += chunk.length))
const ended = new Promise((resolve) => doc.on('end', resolve))
const root = doc.struct('Document')
doc.addStructure(root)
for (let page = 0; page < pages; page++) {
  doc.addPage({ size: 'A5', margin: 0 })
  const section = doc.struct('Sect')
  root.add(section)
  for (let index = 0; index < paragraphs; index++) {
    const content = doc.markStructureContent('P')
    doc.addContent(line.repeat(2))
    doc.endMarkedContent()
    const element = doc.struct('P')
    element.add(content)
    section.add(element)
    element.end()
  }
  section.end()
}
root.end()
doc.end()
await ended
const seconds = (performance.now() - started) / 1000
console.log(`pdfkit, ${pages} tagged pages of ${paragraphs} paragraphs from ready content: ${seconds.toFixed(2)} s, ${(bytes / 1e6).toFixed(1)} MB`)
