import type { Block, Chapter, ListItem } from '../model/book.js'
import { inlineText } from '../model/text.js'
import { forEachBlock } from '../model/walk.js'

/** Letters of the scripts written from right to left (the Unicode bidirectional classes R and AL). */
const rightToLeftLetter = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u
const letter = /\p{L}/u

/**
 * The direction of a paragraph's text as the Unicode bidirectional algorithm
 * finds its paragraph level (rules P2 and P3): that of its first letter, a
 * letter of a script written from right to left making it right to left;
 * left to right when it has no letter at all.
 */
export function textDirection(text: string): 'rtl' | 'ltr' {
  for (const char of text) {
    if (!letter.test(char)) continue
    return rightToLeftLetter.test(char) ? 'rtl' : 'ltr'
  }
  return 'ltr'
}

/**
 * Mark the paragraphs and headings whose text is right to left (Hebrew,
 * Arabic…), and the list items whose first paragraph is: both editions set
 * them right to left, as paragraphs (alignment, first-line indent, list
 * labels on the right). A list whose every item is right to left is marked
 * as a whole.
 */
export function markDirections(chapters: readonly Chapter[]): void {
  for (const chapter of chapters) {
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      forEachBlock(blocks, (block) => {
        if (block.type === 'paragraph' || block.type === 'heading') {
          if (textDirection(inlineText(block.children)) === 'rtl') block.dir = 'rtl'
        } else if (block.type === 'list') {
          const rtl = block.items.map((item) => itemDirection(item) === 'rtl')
          if (rtl.length > 0 && rtl.every(Boolean)) block.dir = 'rtl'
          else block.items.forEach((item, index) => {
            if (rtl[index]) item.dir = 'rtl'
          })
        }
      })
    }
  }
}

/** A list item's direction: its first paragraph's or heading's. */
function itemDirection(item: ListItem): 'rtl' | 'ltr' {
  const first = item.children.find((block): block is Extract<Block, { type: 'paragraph' | 'heading' }> => block.type === 'paragraph' || block.type === 'heading')
  return first === undefined ? 'ltr' : textDirection(inlineText(first.children))
}
