#!/usr/bin/env node
// Entry point: runs the compiled CLI and turns anything unexpected into one line, not a stack trace.
const internalError = 3

function fail(error) {
  const detail = error instanceof Error ? error.message : String(error)
  process.stderr.write(
    `octavo: internal error: ${detail}\n` +
      'This is a fault in Octavo, not in the manuscript: please report it with the input that caused it (OCTAVO_DEBUG=1 shows where it happened).\n',
  )
  if (process.env.OCTAVO_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`)
  process.exitCode = internalError
}

try {
  const { main } = await import('../lib/src/cli.js')
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  fail(error)
}
