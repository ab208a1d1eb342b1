/**
 * A warning for each language of the book that the print edition cannot
 * hyphenate for want of patterns (`lang: lb`): its text is set with breaks
 * only at the hyphens it has, which a writer should know rather than find
 * out from loose lines.
 */
import type { Diagnostics } from '../diagnostics.js'
import type { Book, Inline, Place } from '../model/book.js'
import { blockInlines, forEachBlock, inlineChildren } from '../model/walk.js'
import { hyphenationOf } from './hyphenate.js'

export function warnUnhyphenated(book: Book, diag: Diagnostics): void {
  const warned = new Set<string>()
  const warn = (lang: string, place: Place | undefined, whose: string): void => {
    // One warning a language, whatever its region (`lb`, `lb-LU`).
    const key = lang.toLowerCase().split('-')[0]!
    if (warned.has(key) || hyphenationOf(lang) !== 'missing') return
    warned.add(key)
    diag.warn(`no hyphenation patterns for ${whose} language \`${lang}\`: the print edition breaks its words only at their own hyphens`, place, 'hyphenation')
  }
  warn(book.metadata.lang, undefined, 'the book’s')
  for (const chapter of book.chapters) {
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      forEachBlock(blocks, (block) => {
        for (const list of blockInlines(block)) for (const lang of languagesIn(list)) warn(lang, block.place, 'the')
      })
    }
  }
}

/** The languages runs of the inlines declare. */
function languagesIn(list: readonly Inline[]): string[] {
  return list.flatMap((node) => (node.type === 'text' ? (node.lang === undefined ? [] : [node.lang]) : languagesIn(inlineChildren(node))))
}
