/**
 * How long remark-parse with remark-gfm, alone, takes to parse a book's chapter files into mdast, in
 * a process of its own: the floor under Octavo's time for a book (its loader adds front matter,
 * directives, mathematics, smart punctuation and the model; then the print layout the page list needs,
 * and the EPUB). Prints one line of JSON: files, characters, and seconds from start to finish.
 *
 *   node lib/bench/parse-floor.js FILE...
 */
import { readFileSync } from 'node:fs'

const started = performance.now()
const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([import('unified'), import('remark-parse'), import('remark-gfm')])
const parser = unified().use(remarkParse).use(remarkGfm)
let characters = 0
const files = process.argv.slice(2)
for (const file of files) {
  const text = readFileSync(file, 'utf8')
  characters += text.length
  parser.parse(text)
}
console.log(JSON.stringify({ files: files.length, characters, seconds: (performance.now() - started) / 1000 }))
