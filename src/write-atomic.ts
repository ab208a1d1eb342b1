import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface OutputFile {
  target: string
  bytes: Uint8Array
}

/** An output that could not be written; `target` names it. */
export class WriteError extends Error {
  constructor(
    readonly target: string,
    readonly reason: string,
  ) {
    super(`cannot write ${target}: ${reason}`)
    this.name = 'WriteError'
  }
}

/**
 * Write files so that readers never see half of one and a failure changes
 * none: every file is first written in full to a scratch file beside its
 * target, and only when all are written are they renamed over their targets
 * (rename is atomic within one file system). A failed write removes the scratch
 * files and leaves every previous edition as it was.
 */
export async function writeFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  const staged: Array<{ scratch: string; target: string }> = []
  try {
    for (const { target, bytes } of files) {
      await attempt(target, () => mkdir(path.dirname(target), { recursive: true }))
      // The suffix only names a scratch file; it never reaches the output.
      const scratch = `${target}.${randomBytes(4).toString('hex')}.tmp`
      staged.push({ scratch, target })
      await attempt(target, () => writeFile(scratch, bytes))
    }
    // A folder in a target's place is the one thing that makes a rename fail
    // after the writes succeeded: find it before any edition is replaced.
    for (const { target } of staged) {
      if ((await stat(target).catch(() => undefined))?.isDirectory()) throw new WriteError(target, 'a folder stands in its place')
    }
    for (const { scratch, target } of staged) await attempt(target, () => rename(scratch, target))
  } finally {
    await Promise.all(staged.map(({ scratch }) => rm(scratch, { force: true })))
  }
}

async function attempt(target: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reasons: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EISDIR: 'a folder stands in its place',
      ENOTDIR: 'a file stands where a folder should be',
      ENOSPC: 'the disk is full',
      EROFS: 'the file system is read-only',
    }
    throw new WriteError(target, (code && reasons[code]) ?? (error as Error).message)
  }
}
