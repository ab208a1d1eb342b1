import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostics } from '../diagnostics.js'
import { describeError } from './read-source.js'

/** A file of the manuscript: where it is on disk, and how messages name it. */
export interface SourceFile {
  /** Absolute path. */
  path: string
  /** The path as the writer would recognise it: as given, or joined to the folder as given. */
  display: string
  /** The file's text, when it was given in memory (the library's `markdown`): no file is read. */
  text?: string
}

export type Manuscript =
  | {
      kind: 'file'
      /** The folder images must stay inside. */
      root: string
      /** Base name, without `.md`: the edition's file name and the last-resort title. */
      name: string
      file: SourceFile
    }
  | {
      kind: 'folder'
      root: string
      name: string
      /** The folder as given. */
      display: string
      bookYaml?: SourceFile
      /** mdBook's configuration: the chapters are then in its source folder (`[book] src`). */
      bookToml?: SourceFile
    }

export const BOOK_YAML = 'book.yaml'
export const BOOK_TOML = 'book.toml'

/** What the input path is: a `.md` file, or a book folder. Anything else fails, naming the path. */
export async function locateManuscript(input: string, diag: Diagnostics): Promise<Manuscript> {
  const absolute = path.resolve(input)
  let stats
  try {
    stats = await stat(absolute)
  } catch (error) {
    diag.fail(describeError(error) === 'no such file' ? 'no such file or folder' : describeError(error), input, 'input')
  }
  const name = path.basename(absolute).replace(/\.md$/i, '')

  if (stats.isFile()) {
    if (!/\.md$/i.test(absolute)) diag.fail('not a .md file or a folder', input, 'input')
    return { kind: 'file', root: path.dirname(absolute), name, file: { path: absolute, display: input } }
  }
  if (!stats.isDirectory()) diag.fail('not a .md file or a folder', input, 'input')

  let entries
  try {
    entries = await readdir(absolute, { withFileTypes: true })
  } catch (error) {
    diag.fail(`cannot read the folder (${describeError(error)})`, input, 'input')
  }
  const manuscript: Manuscript = { kind: 'folder', root: absolute, name, display: input }
  if (entries.some((entry) => entry.isFile() && entry.name === BOOK_YAML)) {
    manuscript.bookYaml = { path: path.join(absolute, BOOK_YAML), display: path.join(input, BOOK_YAML) }
  }
  if (entries.some((entry) => entry.isFile() && entry.name === BOOK_TOML)) {
    manuscript.bookToml = { path: path.join(absolute, BOOK_TOML), display: path.join(input, BOOK_TOML) }
  }
  return manuscript
}

/**
 * A one-file manuscript given as text, reported under `input` (which names
 * no file on disk): images and theme files are looked for beside where it
 * would stand, or in the working folder when that folder does not exist.
 */
export function textManuscript(input: string, text: string): Manuscript {
  const absolute = path.resolve(input)
  const folder = path.dirname(absolute)
  return { kind: 'file', root: existsSync(folder) ? folder : process.cwd(), name: path.basename(absolute).replace(/\.md$/i, ''), file: { path: absolute, display: input, text } }
}

/**
 * Name order as a reader expects it: runs of digits compare as numbers, so
 * `2-…` comes before `10-…`; otherwise by code point, never by locale, so
 * the order is the same on every machine.
 */
export function compareNames(a: string, b: string): number {
  const partsA = a.match(/\d+|\D+/g) ?? []
  const partsB = b.match(/\d+|\D+/g) ?? []
  for (let index = 0; index < Math.min(partsA.length, partsB.length); index++) {
    const partA = partsA[index]!
    const partB = partsB[index]!
    if (partA === partB) continue
    const bothNumbers = /^\d/.test(partA) && /^\d/.test(partB)
    if (bothNumbers) {
      const difference = compareNumbers(partA, partB)
      if (difference !== 0) return difference
    }
    return partA < partB ? -1 : 1
  }
  if (partsA.length !== partsB.length) return partsA.length - partsB.length
  return a < b ? -1 : a > b ? 1 : 0
}

/** Digit strings of any length, by value (`02` and `2` are equal here). */
function compareNumbers(a: string, b: string): number {
  const trimmedA = a.replace(/^0+(?=\d)/, '')
  const trimmedB = b.replace(/^0+(?=\d)/, '')
  if (trimmedA.length !== trimmedB.length) return trimmedA.length - trimmedB.length
  return trimmedA < trimmedB ? -1 : trimmedA > trimmedB ? 1 : 0
}
