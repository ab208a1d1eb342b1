/**
 * The characters no face has, gathered over the book's parts: one warning
 * for the book lists them (they print as empty boxes), at the place the
 * first was met.
 */
import { readFileSync } from 'node:fs'
import type { Diagnostics } from '../diagnostics.js'
import type { Place } from '../model/book.js'
import type { Theme } from '../theme/index.js'
import { describeCharacters } from './faces.js'

export class MissingCharacters {
  private readonly characters = new Set<string>()
  private place: Place | undefined
  /** The characters of the part the place was found in. */
  private placeCharacters: readonly string[] = []

  /**
   * A part's characters, in the order it met them, and the block where it
   * met the first (see `Composer.noteMissingPlace`): the warning's place is
   * that of the first part that met one in a block with a place (a title in
   * the contents has none; met again in its chapter, it has).
   */
  add(part: { missing: readonly string[]; missingPlace?: Place; firstPlace?: Place }): void {
    if (this.place === undefined && part.missingPlace !== undefined) {
      this.place = part.missingPlace
      this.placeCharacters = part.missing
    }
    for (const character of part.missing) this.characters.add(character)
  }

  report(theme: Theme, diag: Diagnostics): void {
    const missing = this.characters
    if (missing.size === 0) return
    const faces = [theme.fonts.text.family, ...new Set(theme.fallbacks.filter((file) => file.math !== true).map((file) => file.family))].join(', ')
    diag.warn(
      `${missing.size === 1 ? 'a character is' : `${missing.size} characters are`} in none of the fonts (${faces}): ${describeCharacters(missing)}; the PDF prints each as an empty box and keeps it in its text`,
      this.place === undefined ? undefined : characterPlace(this.place, this.placeCharacters),
      'pdf-glyph',
    )
  }
}

/**
 * The place of the first of `characters` in the source file at or after
 * `block` (the start of the block they were met in): the line and column a
 * writer looks for. The block's place when the file cannot be read or does
 * not hold them there (text an include brought in, whose place is the
 * include's).
 */
export function characterPlace(block: Place, characters: readonly string[]): Place {
  let text: string
  try {
    text = readFileSync(block.file, 'utf8')
  } catch {
    return block
  }
  const lines = text.split('\n')
  let offset = 0
  for (let line = 1; line < block.line && line <= lines.length; line++) offset += lines[line - 1]!.length + 1
  offset += block.column - 1
  let found = -1
  for (const character of characters) {
    const at = text.indexOf(character, offset)
    if (at >= 0 && (found < 0 || at < found)) found = at
  }
  if (found < 0) return block
  const before = text.slice(0, found)
  const line = before.split('\n').length
  return { file: block.file, line, column: found - before.lastIndexOf('\n') }
}
