import { randomBytes } from 'node:crypto'
import { constants, type Stats } from 'node:fs'
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface OutputFile {
  target: string
  bytes: Uint8Array
}

/** An output that cannot be written (no fault of the manuscript's); `target` names the file or folder at issue. */
export class WriteError extends Error {
  constructor(
    readonly target: string,
    readonly reason: string,
  ) {
    super(`cannot write to ${target}: ${reason}`)
    this.name = 'WriteError'
  }
}

/**
 * Whether the files can be written where they are to go, asked before any
 * work is done on them: the folders on the way must be folders (or not yet
 * exist), the nearest one that exists must be writable, and no folder may
 * stand in a file's place. Throws a `WriteError` that says which and why.
 */
export async function checkWritable(targets: readonly string[]): Promise<void> {
  for (const target of targets) {
    const absolute = path.resolve(target)
    const existing = await nearestExisting(path.dirname(absolute))
    if (!existing.stats.isDirectory()) throw new WriteError(existing.path, 'it is a file, not a folder')
    try {
      await access(existing.path, constants.W_OK | constants.X_OK)
    } catch (error) {
      throw new WriteError(existing.path, describe(error, 'this user may not write in that folder'))
    }
    const there = await stat(absolute).catch(() => undefined)
    if (there?.isDirectory()) throw new WriteError(absolute, 'a folder of that name stands where the file is to be written')
  }
}

/** The folder itself, or its nearest ancestor that exists, and what it is. */
async function nearestExisting(folder: string): Promise<{ path: string; stats: Stats }> {
  let at = folder
  for (;;) {
    const stats = await stat(at).catch((error: NodeJS.ErrnoException) => {
      // Not there yet (made when written), or a file on the way: look one level up.
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
      throw new WriteError(at, describe(error, error.message))
    })
    if (stats) return { path: at, stats }
    const parent = path.dirname(at)
    if (parent === at) throw new WriteError(folder, 'no folder on its path exists')
    at = parent
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
    throw new WriteError(target, describe(error, (error as Error).message))
  }
}

/** A file system error in plain words; `otherwise` when its code is none of the usual ones. */
function describe(error: unknown, otherwise: string): string {
  const code = (error as NodeJS.ErrnoException).code
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'a folder stands in its place',
    ENOTDIR: 'a file stands where a folder should be',
    EEXIST: 'a file stands where a folder should be',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
  }
  return (code && reasons[code]) ?? otherwise
}
