/**
 * The characters no face has, gathered over the book's parts: one warning
 * for the book lists them (they print as empty boxes), at the place the
 * first was met.
 */
import type { Diagnostics } from '../diagnostics.js'
import type { Place } from '../model/book.js'
import type { Theme } from '../theme/index.js'
import { describeCharacters } from './faces.js'

export class MissingCharacters {
  private readonly characters = new Set<string>()
  private place: Place | undefined

  /**
   * A part's characters, in the order it met them, where it met the first and
   * the first place it set text at: the place of the warning is the first
   * place met once a character is missing, in whichever part that is.
   */
  add(part: { missing: readonly string[]; missingPlace?: Place; firstPlace?: Place }): void {
    if (this.place === undefined) this.place = this.characters.size > 0 ? part.firstPlace : part.missingPlace
    for (const character of part.missing) this.characters.add(character)
  }

  report(theme: Theme, diag: Diagnostics): void {
    const missing = this.characters
    if (missing.size === 0) return
    const faces = [theme.fonts.text.family, ...new Set(theme.fallbacks.map((file) => file.family))].join(', ')
    diag.warn(
      `${missing.size === 1 ? 'a character is' : `${missing.size} characters are`} in none of the fonts (${faces}): ${describeCharacters(missing)}; the PDF prints each as an empty box and keeps it in its text`,
      this.place,
      'pdf-glyph',
    )
  }
}
