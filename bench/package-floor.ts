/**
 * The least any pipeline built on the packages Octavo is held to can do for a manuscript: load
 * unified with remark-parse and remark-gfm, pdfkit and epub-gen-memory; parse the text; set it with
 * pdfkit's own `text()` (first-fit lines, no hyphenation, no pagination rules) in the theme's body
 * face, embedded; and write it as one EPUB document through epub-gen-memory, with no font. What
 * Octavo does besides (Knuth–Plass lines, hyphenation, widows and orphans, a second face, a tagged
 * PDF, an EPUB that passes EPUBCheck) costs more: this is the floor its time stands on, measured in a
 * process of its own as `startup.js` measures Octavo and Typst.
 *
 *   node lib/bench/package-floor.js MANUSCRIPT.md OUT-FOLDER
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const [manuscript, out] = process.argv.slice(2)
if (manuscript === undefined || out === undefined) {
  console.error('usage: node lib/bench/package-floor.js MANUSCRIPT.md OUT-FOLDER')
  process.exit(2)
}

const [{ unified }, { default: remarkParse }, { default: remarkGfm }, { default: PDFDocument }, { EPub }, { toString }, { defaultTheme, fontPath }] = await Promise.all([
  import('unified'),
  import('remark-parse'),
  import('remark-gfm'),
  import('pdfkit'),
  import('epub-gen-memory'),
  import('mdast-util-to-string'),
  import('../src/theme/index.js'),
])

const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(manuscript, 'utf8'))
const paragraphs = tree.children.map((node) => toString(node)).filter((text) => text !== '')

const doc = new PDFDocument({ size: 'A5', info: { Title: path.basename(manuscript) } })
const chunks: Buffer[] = []
doc.on('data', (chunk: Buffer) => chunks.push(chunk))
const ended = new Promise((resolve) => doc.on('end', resolve))
doc.font(fontPath(defaultTheme.fonts.text)).fontSize(10)
for (const paragraph of paragraphs) doc.text(paragraph, { align: 'justify', paragraphGap: 4 })
doc.end()
await ended

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const epub = await new EPub({ title: path.basename(manuscript), lang: 'en', verbose: false }, [{ title: 'Text', content: paragraphs.map((text) => `<p>${escape(text)}</p>`).join('\n') }]).genEpub()

mkdirSync(out, { recursive: true })
writeFileSync(path.join(out, 'floor.pdf'), Buffer.concat(chunks))
writeFileSync(path.join(out, 'floor.epub'), epub)
