import { isWordSeparator } from '../../model/text.js'

/**
 * Walks the text of one block word by word, as `blockWords` counts them, and
 * says where the pages that start inside the block begin.
 */
export class WordCursor {
  private word = 0
  private atSpace = true
  private next = 0

  /** `starts`: the pages starting in this block, by word index, sorted. */
  constructor(private readonly starts: ReadonlyArray<{ word: number; page: number }>) {}

  /**
   * Split a run of text at the starts of pages: the text in pieces, with the
   * pages that start before each piece (the first piece may be empty).
   */
  split(text: string): Array<{ pages: number[]; text: string }> {
    const pieces: Array<{ pages: number[]; text: string }> = [{ pages: [], text: '' }]
    for (const char of text) {
      const pages = this.step(char)
      if (pages.length > 0) pieces.push({ pages, text: '' })
      pieces[pieces.length - 1]!.text += char
    }
    return pieces
  }

  /**
   * Count an unbreakable piece (an image's alt text, a note number): pages
   * that start inside it are placed before it.
   */
  atom(text: string): number[] {
    const pages: number[] = []
    for (const char of text) pages.push(...this.step(char))
    return pages
  }

  /** A hard line break, or the edge of a table cell, separates words like a space. */
  space(): void {
    this.atSpace = true
  }

  /** Pages not yet placed: they start past the block's last word. */
  rest(): number[] {
    const pages = this.starts.slice(this.next).map((start) => start.page)
    this.next = this.starts.length
    return pages
  }

  private step(char: string): number[] {
    if (isWordSeparator(char)) {
      this.atSpace = true
      return []
    }
    const pages: number[] = []
    if (this.atSpace) {
      while (this.next < this.starts.length && this.starts[this.next]!.word <= this.word) {
        pages.push(this.starts[this.next]!.page)
        this.next += 1
      }
      this.word += 1
      this.atSpace = false
    }
    return pages
  }
}
