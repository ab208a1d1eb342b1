/**
 * Compile one Typst file to PDF in its own process, so that its time and peak memory can be measured
 * apart: `node lib/bench/typst-build.js in.typ out.pdf`.
 */
import { readFileSync, writeFileSync } from 'node:fs'

import { typstCompiler } from './common/typst.js'

const [input, output] = process.argv.slice(2)
if (input === undefined || output === undefined) {
  console.error('usage: node lib/bench/typst-build.js in.typ out.pdf')
  process.exit(2)
}
writeFileSync(output, typstCompiler().pdf({ mainFileContent: readFileSync(input, 'utf8') }))
