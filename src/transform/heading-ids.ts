import type { Chapter } from '../model/book.js'
import { inlineText } from '../model/text.js'
import { Slugger } from './slug.js'
import { forEachBlock } from '../model/walk.js'

/**
 * Give every heading (in chapters and in notes) an id unique within the
 * book: the slug of its text, `-2`, `-3`… on repeats, never one of the
 * chapter or note ids. Same manuscript, same ids.
 */
export function assignHeadingIds(chapters: readonly Chapter[]): void {
  const slugger = new Slugger()
  for (const chapter of chapters) {
    slugger.reserve(chapter.id)
    for (const note of chapter.notes) slugger.reserve(note.id)
  }
  for (const chapter of chapters) {
    const blockLists = [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]
    for (const blocks of blockLists) {
      forEachBlock(blocks, (block) => {
        if (block.type === 'heading') block.id = slugger.unique(inlineText(block.children))
      })
    }
  }
}
