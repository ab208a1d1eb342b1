import type { Chapter, NoteRef } from '../model/book.js'
import type { FootnoteDraft } from '../parse/types.js'
import { forEachInline } from '../model/walk.js'

/**
 * Number a chapter's footnotes 1, 2, 3… in the order of their first call,
 * and gather their content into `chapter.notes`. Each note's id is the
 * chapter's id plus its number, so ids are unique in the book. Calls made
 * inside notes are numbered after the chapter's own, in order.
 *
 * `footnotes` holds the content of the chapter's source file by label; calls
 * arrive with `note` set to the label (see `parse/types.ts`). Returns the
 * labels this chapter called.
 */
export function numberNotes(chapter: Chapter, footnotes: ReadonlyMap<string, FootnoteDraft>): Set<string> {
  const numbers = new Map<string, number>()
  const label = (ref: NoteRef): void => {
    let number = numbers.get(ref.note)
    const draft = footnotes.get(ref.note)
    if (number === undefined && draft) {
      number = chapter.notes.length + 1
      numbers.set(ref.note, number)
      const note: Chapter['notes'][number] = {
        id: `${chapter.id}-note-${number}`,
        number,
        // A copy: one file's note can be called from several chapters of a split file.
        blocks: structuredClone(draft.blocks),
      }
      if (draft.place) note.place = draft.place
      chapter.notes.push(note)
    }
    if (number === undefined) return
    ref.note = `${chapter.id}-note-${number}`
    ref.number = number
  }

  const visit = (inline: Parameters<Parameters<typeof forEachInline>[1]>[0]): void => {
    if (inline.type === 'noteRef' && inline.number === 0) label(inline)
  }
  forEachInline(chapter.blocks, visit)
  // The list grows while it is walked: notes called from notes come last.
  for (let index = 0; index < chapter.notes.length; index++) forEachInline(chapter.notes[index]!.blocks, visit)
  return new Set(numbers.keys())
}
