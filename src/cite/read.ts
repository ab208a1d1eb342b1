import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Diagnostics } from '../diagnostics.js'
import type { Place } from '../model/book.js'
import { yaml } from '../lazy.js'

const require = createRequire(import.meta.url)

/** A work as CSL-JSON describes it: what citeproc reads. */
export interface CslItem {
  id: string
  [field: string]: unknown
}

/** A bibliography file the manuscript names, found on disk. */
export interface BibliographyFile {
  /** Absolute path, inside the book's folder. */
  path: string
  /** As messages show it. */
  display: string
  /** Where the manuscript names it. */
  place: Place
}

/**
 * The works of one bibliography file, by its extension: BibTeX or BibLaTeX
 * (`.bib`, read by citation.js's BibTeX plugin), CSL-JSON (`.json`) or
 * CSL-YAML (`.yaml`, `.yml`: a list of works, or `references:` holding one).
 * A file that cannot be read or parsed is a manuscript error at its place.
 */
export async function readBibliography(file: BibliographyFile, diag: Diagnostics): Promise<CslItem[]> {
  const extension = path.extname(file.path).toLowerCase()
  if (!['.bib', '.json', '.yaml', '.yml'].includes(extension)) {
    diag.fail(`bibliography ${file.display}: not a .bib, .json or .yaml file`, file.place, 'bibliography')
  }
  let text: string
  try {
    text = await readFile(file.path, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    return diag.fail(`cannot read the bibliography ${file.display}: ${reason}`, file.place, 'bibliography')
  }
  const items = extension === '.bib' ? parseBibtex(text, file, diag) : extension === '.json' ? parseJson(text, file, diag) : parseYaml(text, file, diag)
  return items.map((item, index) => checkedItem(item, index, file, diag))
}

function parseBibtex(text: string, file: BibliographyFile, diag: Diagnostics): unknown[] {
  const { plugins } = require('@citation-js/core') as { plugins: { input: { chain(data: string, options: object): unknown[] } } }
  require('@citation-js/plugin-bibtex')
  try {
    return plugins.input.chain(text, { forceType: '@biblatex/text', generateGraphs: false })
  } catch (error) {
    const message = (error as Error).message
    const at = /at line (\d+) col (\d+)/.exec(message)
    const place: Place = at ? { file: file.display, line: Number(at[1]), column: Number(at[2]) } : { file: file.display, line: 1, column: 1 }
    return diag.fail(`bad BibTeX: ${message.split('\n')[0]!.replace(/ at line \d+ col \d+:?$/, '')}`, place, 'bibliography')
  }
}

function parseJson(text: string, file: BibliographyFile, diag: Diagnostics): unknown[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return diag.fail(`bad CSL-JSON: ${(error as Error).message}`, { file: file.display, line: 1, column: 1 }, 'bibliography')
  }
  if (!Array.isArray(value)) diag.fail('bad CSL-JSON: the file must hold a list of works', { file: file.display, line: 1, column: 1 }, 'bibliography')
  return value
}

function parseYaml(text: string, file: BibliographyFile, diag: Diagnostics): unknown[] {
  const { LineCounter, parseDocument } = yaml()
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter })
  const error = doc.errors[0]
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0])
    diag.fail(`bad CSL-YAML: ${error.message.split('\n')[0]}`, { file: file.display, line, column: col }, 'bibliography')
  }
  const value: unknown = doc.toJS()
  const list = Array.isArray(value) ? value : (value as { references?: unknown } | null)?.references
  if (!Array.isArray(list)) diag.fail('bad CSL-YAML: the file must hold a list of works, or `references:` with one', { file: file.display, line: 1, column: 1 }, 'bibliography')
  return list
}

function checkedItem(item: unknown, index: number, file: BibliographyFile, diag: Diagnostics): CslItem {
  if (typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string' && typeof (item as { id?: unknown }).id !== 'number') {
    return diag.fail(`bibliography ${file.display}: work ${index + 1} has no \`id\``, { file: file.display, line: 1, column: 1 }, 'bibliography')
  }
  const { _graph: _, ...fields } = item as CslItem & { _graph?: unknown }
  return { ...fields, id: String((item as { id: unknown }).id) }
}
