import path from 'node:path'

/** The editions a build can make. */
export type Format = 'epub' | 'pdf'
export const formats: readonly Format[] = ['epub', 'pdf']

/** The name of an edition: the manuscript file's or folder's base name. */
export function editionName(input: string): string {
  return path.basename(path.resolve(input), '.md')
}

/**
 * Inputs that would write the same editions, as pairs of the first input
 * with that name and the one that clashes with it. Names are compared
 * without case: on the file systems of most writers' machines `Notes.epub`
 * and `notes.epub` are one file.
 */
export function editionClashes(inputs: readonly string[]): Array<[string, string]> {
  const seen = new Map<string, string>()
  const clashes: Array<[string, string]> = []
  for (const input of inputs) {
    const key = editionName(input).toLowerCase()
    const first = seen.get(key)
    if (first === undefined) seen.set(key, input)
    else clashes.push([first, input])
  }
  return clashes
}
