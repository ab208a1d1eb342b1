/** Shared by the PDF tests: set a book, write it where poppler can read it, read its text back. */
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { Diagnostics } from '../../src/diagnostics.js'
import type { Book } from '../../src/model/book.js'
import { writePdf } from '../../src/pdf/index.js'
import type { PdfOptions, PdfResult } from '../../src/pdf/index.js'
import { defaultTheme, pageGeometry, resolveStyle } from '../../src/theme/index.js'
import type { PagePreset } from '../../src/theme/index.js'
import { tempDir } from '../support/tools.js'

const run = promisify(execFile)

export interface Written extends PdfResult {
  file: string
  diag: Diagnostics
}

export async function setBook(book: Book, options: PdfOptions = { page: 'a5' }, name = 'book'): Promise<Written> {
  const diag = new Diagnostics()
  const result = await writePdf(book, defaultTheme, options, diag)
  const file = path.join(await tempDir('octavo-pdf-'), `${name}.pdf`)
  await writeFile(file, result.bytes)
  return { ...result, file, diag }
}

/**
 * The text of the text block only, page by page: running heads and folios
 * stand outside it (pdftotext's crop box), so a count of words compares with
 * the manuscript's. pdftotext joins a word hyphenated at a line's end by itself;
 * `-raw` keeps the lines as drawn.
 */
export async function textBlockText(file: string, preset: PagePreset = 'a5', mode: string[] = []): Promise<string> {
  const geometry = pageGeometry(defaultTheme, preset)
  const body = resolveStyle(defaultTheme, 'body')
  const top = geometry.margins.top - body.size
  const height = geometry.depth + 2 * body.size
  const args = [...mode, '-enc', 'UTF-8', '-x', '0', '-y', String(Math.floor(top)), '-W', String(Math.ceil(geometry.width)), '-H', String(Math.ceil(height)), file, '-']
  const { stdout } = await run('pdftotext', args, { maxBuffer: 256 * 1024 * 1024 })
  return stdout
}

/** `pdfinfo -box`: the page boxes of the first page, as numbers. */
export async function pageBoxes(file: string): Promise<Record<string, number[]>> {
  const { stdout } = await run('pdfinfo', ['-box', file])
  const boxes: Record<string, number[]> = {}
  for (const line of stdout.split('\n')) {
    const match = /^(\w+Box):\s+(.*)$/.exec(line)
    if (match) boxes[match[1]!] = match[2]!.trim().split(/\s+/).map(Number)
  }
  return boxes
}

/** The uncompressed PDF, for looking at its objects (qpdf's QDF form). */
export async function uncompressed(file: string): Promise<string> {
  const { stdout } = await run('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 256 * 1024 * 1024, encoding: 'latin1' })
  return stdout
}
