/**
 * A session of rebuilds (`--watch`, the preview) runs in a process of its
 * own, started with a young generation four times Node's default (16 MB a
 * semi-space). A rebuild of a long book makes garbage by the gigabyte, most
 * of it short-lived, while the session holds what it keeps for the next
 * build (layouts, compressed streams): with the default, collecting was a
 * quarter of a rebuild of the Node.js API docs, and the larger one took some
 * 13% off each rebuild. V8 reads the size only when a process starts, and a
 * one-off build, the article above all, should not pay for a second process.
 */
import { spawn } from 'node:child_process'
import os from 'node:os'

const youngGeneration = '--max-semi-space-size=64'

/** Whether this process was started with the session's heap (or another young generation someone chose). */
export function hasSessionHeap(): boolean {
  return process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size'))
}

/**
 * Run the command line `script argv` again in a process with the session's
 * heap, and resolve with its exit code. The child has a process group of its
 * own, so Ctrl-C at the terminal reaches this process alone, which hands it
 * on once, as it hands on SIGINT and SIGTERM however sent; the child stops
 * when this process is gone (see `stopWithParent`).
 */
export function runWithSessionHeap(script: string, argv: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, youngGeneration, script, ...argv], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], detached: true })
  const forward = (signal: NodeJS.Signals): void => void child.kill(signal)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0))
    })
  })
}

/** In a session's process started by `runWithSessionHeap`: stop as on Ctrl-C when the process that started it is gone. */
export function stopWithParent(): void {
  if (process.send === undefined) return
  process.once('disconnect', () => void process.emit('SIGINT'))
  // The channel must not keep the session's process alive once it has stopped.
  process.channel?.unref()
}
