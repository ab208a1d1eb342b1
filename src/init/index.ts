/**
 * `octavo init [dir]`: a new book folder (see `files.ts`), written only into
 * a folder that is new or empty, so that nothing of a writer's is ever
 * overwritten.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { bookYaml, chapterFiles, firstChapter, gitignore, pictureFile, secondChapter, themeFileName, themeYaml } from './files.js'
import { picturePng } from './picture.js'

/** Why a folder was not made: it holds something already, or is not a folder. The command line's fault (exit 2). */
export class InitRefusal extends Error {
  override name = 'InitRefusal'
}

export interface InitOptions {
  /** The publication date written into `book.yaml`, `YYYY-MM-DD`; today's (the writer's calendar) without it. */
  date?: string | undefined
}

/** Write a new book into `folder` (made when missing); resolves to the files written, relative to it. */
export async function initBook(folder: string, options: InitOptions = {}): Promise<string[]> {
  await refuseUnlessEmpty(folder)
  const files: Array<[string, string | Uint8Array]> = [
    ['book.yaml', bookYaml({ title: titleOf(folder), author: 'Your Name', date: options.date ?? today() })],
    [chapterFiles[0], firstChapter],
    [chapterFiles[1], secondChapter],
    [pictureFile, picturePng()],
    [themeFileName, themeYaml],
    ['.gitignore', gitignore],
  ]
  for (const [name, content] of files) {
    const target = path.join(folder, name)
    await mkdir(path.dirname(target), { recursive: true })
    // `wx`: a file that appeared meanwhile is not overwritten either.
    await writeFile(target, content, { flag: 'wx' })
  }
  return files.map(([name]) => name)
}

async function refuseUnlessEmpty(folder: string): Promise<void> {
  const stats = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (stats === undefined) return
  if (!stats.isDirectory()) throw new InitRefusal(`${folder} is a file, not a folder: name a new or empty folder for the book`)
  if ((await readdir(folder)).length > 0) throw new InitRefusal(`${folder} is not empty: octavo init writes a new book only into a new or empty folder, and overwrites nothing`)
}

/** A title from the folder's name: `my-first-book` gives "My First Book". */
export function titleOf(folder: string): string {
  const words = path.basename(path.resolve(folder)).split(/[\s_-]+/u).filter((word) => /\p{L}|\p{N}/u.test(word))
  if (words.length === 0) return 'My Book'
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ')
}

/** Today in the writer's calendar (the machine's time zone), `YYYY-MM-DD`. */
function today(): string {
  const now = new Date()
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`
}
