#!/usr/bin/env node
// Entry point: runs the compiled command line (see `run` in src/cli.ts) and exits as it says.
try {
  const { run } = await import('../lib/src/cli.js')
  process.exitCode = await run(process.argv.slice(2))
} catch (error) {
  // Only when the program itself cannot be loaded (not compiled, a file missing).
  process.stderr.write(`octavo: internal error: ${error instanceof Error ? error.message : String(error)}\nRun \`make\` (or \`npx tsc -p .\`) to compile Octavo.\n`)
  process.exitCode = 3
}
