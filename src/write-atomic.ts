import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Write a file so that readers never see half of it: the bytes go to a
 * temporary file beside the target, which is then renamed over it (rename is
 * atomic within one file system). A failed write leaves the old file as it was.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true })
  // The suffix only names a scratch file; it never reaches the output.
  const scratch = `${target}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(scratch, bytes)
    await rename(scratch, target)
  } catch (error) {
    await rm(scratch, { force: true })
    throw error
  }
}
