/**
 * Compile one Typst file to PDF in its own process, so that its time and peak memory can be measured
 * apart: `node lib/bench/typst-build.js in.typ out.pdf [--theme-fonts]`. With `--theme-fonts` Typst is
 * given the default theme's font files (its faces and fallbacks, as Octavo sets them) rather than
 * Literata's four faces alone. Prints one line of JSON on stdout: pages, errors and warnings (their
 * count and the first few, one line each). Exit 1 when Typst reports an error.
 */
import { readFileSync, writeFileSync } from 'node:fs'

import { typstCompiler } from './common/typst.js'
import { themeFontFiles } from './common/typst-book.js'

const args = process.argv.slice(2)
const [input, output] = args.filter((arg) => !arg.startsWith('--'))
if (input === undefined || output === undefined) {
  console.error('usage: node lib/bench/typst-build.js in.typ out.pdf [--theme-fonts]')
  process.exit(2)
}
const compiler = typstCompiler(args.includes('--theme-fonts') ? themeFontFiles() : undefined)
const compiled = compiler.compile({ mainFileContent: readFileSync(input, 'utf8') })
const warnings = compiled.takeWarnings()?.shortDiagnostics ?? []
const first = (list: Array<{ message: string }>): string[] => [...new Set(list.map((d) => d.message))].slice(0, 5)
if (compiled.hasError() || compiled.result === null) {
  const errors = compiled.takeError()?.shortDiagnostics ?? []
  console.log(JSON.stringify({ pages: 0, errors: errors.length, warnings: warnings.length, messages: [...first(errors), ...first(warnings)] }))
  process.exit(1)
}
writeFileSync(output, compiler.pdf(compiled.result))
console.log(JSON.stringify({ pages: compiled.result.numOfPages, errors: 0, warnings: warnings.length, messages: first(warnings) }))
