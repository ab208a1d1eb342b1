/**
 * The Node.js API documentation as a book folder, for benchmarks: `/tmp/nodebook` where it is,
 * otherwise the Markdown of Debian's `nodejs-doc` (/usr/share/doc/nodejs/api) copied into `folder`
 * with a book.yaml. (Never install `nodejs-doc` for this: where Node.js is not Debian's, apt removes
 * it to install its own.)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

export const debianNodeDocs = '/usr/share/doc/nodejs/api'

/** The book's folder, or undefined when neither source is on this machine. */
export function nodeDocsBook(folder: string): string | undefined {
  if (existsSync('/tmp/nodebook')) return '/tmp/nodebook'
  if (!existsSync(debianNodeDocs)) return undefined
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  // Some releases of the package ship the Markdown compressed, others as it is.
  for (const name of readdirSync(debianNodeDocs)) {
    const bytes = (): Buffer => readFileSync(path.join(debianNodeDocs, name))
    if (name.endsWith('.md.gz')) writeFileSync(path.join(folder, name.slice(0, -3)), gunzipSync(bytes()))
    else if (name.endsWith('.md')) writeFileSync(path.join(folder, name), bytes())
  }
  writeFileSync(path.join(folder, 'book.yaml'), 'title: Node.js API\nlang: en\n')
  return folder
}
