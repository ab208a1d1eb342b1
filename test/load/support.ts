/**
 * Helpers for the loader's tests: a throw-away manuscript folder, and
 * `loadBook` run to the end whatever happens, with its messages.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Diagnostics, formatMessage, ManuscriptError } from '../../src/diagnostics.js'
import { loadBook } from '../../src/load/index.js'
import type { LoadOptions } from '../../src/load/index.js'
import type { Book } from '../../src/model/book.js'

/** The repository's root, from lib/test/load/ where this file runs compiled. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const fixtures = path.join(root, 'test/fixtures')

/** Write files (paths relative to a fresh temporary folder) and return the folder. */
export async function manuscriptFolder(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'octavo-load-'))
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
  return folder
}

export interface LoadResult {
  book: Book | undefined
  /** The failure, if the load failed. */
  error: ManuscriptError | undefined
  /** Every message as the CLI prints it: `file:line:column: error|warning: text`. */
  messages: string[]
  warnings: string[]
}

/** Run `loadBook`, catching only a manuscript's failure (anything else is a bug and throws). */
export async function load(input: string, options: LoadOptions = {}): Promise<LoadResult> {
  const diag = new Diagnostics()
  let book: Book | undefined
  let error: ManuscriptError | undefined
  try {
    book = await loadBook(input, diag, options)
  } catch (caught) {
    if (!(caught instanceof ManuscriptError)) throw caught
    error = caught
  }
  return {
    book,
    error,
    messages: diag.messages.map(formatMessage),
    warnings: diag.warnings.map(formatMessage),
  }
}

/** Load a single-file manuscript written from `text`, named `name` in a fresh folder. */
export async function loadText(text: string | Uint8Array, options: LoadOptions = {}, name = 'book.md'): Promise<LoadResult & { file: string }> {
  const folder = await manuscriptFolder({ [name]: text })
  const file = path.join(folder, name)
  return { ...(await load(file, options)), file }
}

/** The failure's message as printed, or a failed assertion if the load succeeded. */
export function failure(result: LoadResult): string {
  if (!result.error) throw new Error(`expected the load to fail; messages: ${result.messages.join(' | ')}`)
  return formatMessage(result.error.diagnostic)
}

/** The book, or a failed assertion naming the failure. */
export function bookOf(result: LoadResult): Book {
  if (!result.book) throw new Error(`expected a book; messages: ${result.messages.join(' | ')}`)
  return result.book
}
