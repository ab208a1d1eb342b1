/**
 * What a book can do better that neither edition refuses: headings that skip
 * a level (a screen reader's outline then has a hole), and text in another
 * script whose language the manuscript does not say (the languages pass could
 * tell only the script: `und-Cyrl`, `und-Latn`…, and a screen reader then
 * guesses the voice).
 */
import type { Diagnostics } from '../diagnostics.js'
import type { Book, Place } from '../model/book.js'
import { blockInlines, forEachBlock, visitInlines } from '../model/walk.js'

/** Told once per heading that is more than one level below the heading before it in its file. */
export function checkHeadingLevels(book: Book, diag: Diagnostics): void {
  let previous: { source: string; depth: number } | undefined
  for (const chapter of book.chapters) {
    forEachBlock(chapter.blocks, (block) => {
      if (block.type !== 'heading') return
      if (previous && previous.source === chapter.source && block.depth > previous.depth + 1) {
        const hashes = (depth: number): string => '#'.repeat(depth)
        diag.warn(
          `heading level skipped: a level-${block.depth} heading (${hashes(block.depth)}) follows a level-${previous.depth} one (${hashes(previous.depth)}); make it ${hashes(previous.depth + 1)} so the contents and screen readers see no gap`,
          block.place ?? chapter.source,
          'heading-levels',
        )
      }
      previous = { source: chapter.source, depth: block.depth }
    })
  }
}

const scriptNames: Readonly<Record<string, string>> = { Cyrl: 'Cyrillic', Latn: 'Latin', Deva: 'Devanagari', Arab: 'Arabic', Beng: 'Bengali', Grek: 'Greek', Hans: 'Chinese', Hant: 'Chinese' }

/** Told once per block holding text the book tagged with an undetermined language: its script is known, its language is not. */
export function checkUndeterminedLanguages(book: Book, diag: Diagnostics): void {
  for (const chapter of book.chapters) {
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      forEachBlock(blocks, (block) => {
        const found = new Map<string, string>()
        for (const list of blockInlines(block)) {
          visitInlines(list, (inline) => {
            if (inline.type === 'text' && inline.lang?.startsWith('und-') && !found.has(inline.lang)) found.set(inline.lang, inline.value.trim())
          })
        }
        for (const [lang, sample] of found) {
          const code = lang.slice('und-'.length)
          const script = scriptNames[code] ?? code
          const where: Place | string = block.place ?? chapter.source
          diag.warn(
            `text in the ${script} script (“${sample.slice(0, 30)}”) has no language: many languages share the script, so screen readers guess its voice; say which with <span lang="…">`,
            where,
            'language',
          )
        }
      })
    }
  }
}
