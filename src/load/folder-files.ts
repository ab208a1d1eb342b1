import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostics } from '../diagnostics.js'
import { compareNames, type SourceFile } from './manuscript.js'
import { describeError } from './read-source.js'

/** A chapter file found in a book folder, with how deep it nests in the contents. */
export interface FolderFile extends SourceFile {
  /** 1 for a file of the folder itself; a sub-folder's files nest under its `README.md` or `index.md`, when it has one. */
  level: number
}

/** Folders a book never holds chapters in: tools' (`node_modules`) and hidden ones (`.git`, `.github`). */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules'
}

/** A folder's own introduction, which GitHub shows for the folder: first in it, and the parent of the rest. */
const INDEX_NAMES = ['readme.md', 'index.md']

/**
 * The `.md` files of a folder and its sub-folders, in reading order: at each
 * level, the folder's `README.md` (then `index.md`) first, then files and
 * sub-folders together in name order, numbers compared as numbers (see
 * `compareNames`). Hidden files and folders, `node_modules` and symbolic
 * links are passed over.
 *
 * A sub-folder's files nest one level under its `README.md` or `index.md`,
 * which stands for the folder in the contents; a sub-folder without one adds
 * no level. The top folder's own files all stand at level 1: its `README.md`
 * opens the book rather than holding it.
 *
 * `display` is how messages name `folder`.
 */
export async function folderFiles(folder: string, display: string, diag: Diagnostics): Promise<FolderFile[]> {
  const files: FolderFile[] = []
  await walk(folder, display, 1, true)
  return files

  async function walk(dir: string, dirDisplay: string, level: number, top: boolean): Promise<void> {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      diag.fail(`cannot read the folder (${describeError(error)})`, dirDisplay, 'input')
    }
    const markdown = entries.filter((entry) => entry.isFile() && /\.md$/i.test(entry.name) && !entry.name.startsWith('.')).map((entry) => entry.name)
    const folders = entries.filter((entry) => entry.isDirectory() && !skipped(entry.name)).map((entry) => entry.name)
    const index = INDEX_NAMES.flatMap((wanted) => markdown.filter((name) => name.toLowerCase() === wanted).sort(compareNames))
    const rest = [...markdown.filter((name) => !index.includes(name)), ...folders].sort(compareNames)
    const inner = top || index.length === 0 ? level : level + 1
    for (const name of index) files.push({ path: path.join(dir, name), display: path.join(dirDisplay, name), level })
    for (const name of rest) {
      if (folders.includes(name) && !markdown.includes(name)) await walk(path.join(dir, name), path.join(dirDisplay, name), inner, false)
      else files.push({ path: path.join(dir, name), display: path.join(dirDisplay, name), level: inner })
    }
  }
}
