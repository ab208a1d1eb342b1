#!/usr/bin/env node
// Entry point: runs the compiled command line (see `run` in src/cli.ts) and exits as it says. A session of
// rebuilds (--watch, the preview) runs in a process of its own, with a larger heap (see src/session-process.ts).
try {
  const argv = process.argv.slice(2)
  const { run, startsSession } = await import('../lib/src/cli.js')
  const session = startsSession(argv) ? await import('../lib/src/session-process.js') : undefined
  if (session && !session.hasSessionHeap()) {
    process.exitCode = await session.runWithSessionHeap(process.argv[1], argv)
  } else {
    session?.stopWithParent()
    process.exitCode = await run(argv)
  }
} catch (error) {
  // Only when the program itself cannot be loaded (not compiled, a file missing).
  process.stderr.write(`octavo: internal error: ${error instanceof Error ? error.message : String(error)}\nRun \`make\` (or \`npx tsc -p .\`) to compile Octavo.\n`)
  process.exitCode = 3
}
