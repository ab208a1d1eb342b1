/**
 * A generated book of prose, built as a Book model by hand: chapters of
 * paragraphs of varied length, section headings, footnotes. The words come
 * from a fixed list through a fixed sequence, so every run sets the same book.
 */
import type { Block, Book, Chapter, Inline, Note } from '../../src/model/book.js'

export const vocabulary = (
  'the of and a to in is was that for it with as his on be at by had not are but from or have an they which one you were her all she ' +
  'there would their we him been has when who will more no if out so said what up its about into than them can only other new some could ' +
  'time these two may then do first any my now such like our over man me even most made after also did many before must through back years ' +
  'where much your way well down should because each just those people how too little state good very make world still own see men work long ' +
  'government between understanding remarkable conversation administration particularly responsibility development international ' +
  'information experience relationship organisation considerable everything nevertheless independent circumstances correspondence ' +
  'afternoon harbour lighthouse weather morning evening distance mountain river village window garden kitchen station letter journey'
).split(' ')

/** A small linear congruential generator: deterministic, which is all a test book needs. */
export function sequence(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function sentence(next: () => number): string {
  const length = 6 + Math.floor(next() * 18)
  const words: string[] = []
  for (let index = 0; index < length; index++) words.push(vocabulary[Math.floor(next() * vocabulary.length)]!)
  if (length > 12) words[Math.floor(length / 2)] += ','
  const text = words.join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

function paragraphText(next: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(next)).join(' ')
}

export interface ProseOptions {
  chapters: number
  paragraphsPerChapter: number
  seed?: number
}

export function proseBook(options: ProseOptions): Book {
  const next = sequence(options.seed ?? 1)
  const chapters: Chapter[] = []
  let noteCount = 0
  for (let chapterIndex = 0; chapterIndex < options.chapters; chapterIndex++) {
    const id = `chapter-${chapterIndex + 1}`
    const title = `Chapter ${chapterIndex + 1}: ${sentence(next).slice(0, -1).split(' ').slice(0, 4).join(' ')}`
    const blocks: Block[] = [{ type: 'heading', depth: 1, id: `${id}-title`, children: [{ type: 'text', value: title }] }]
    const notes: Note[] = []
    for (let index = 0; index < options.paragraphsPerChapter; index++) {
      if (index > 0 && index % 9 === 0) {
        blocks.push({ type: 'heading', depth: 2, id: `${id}-section-${index}`, children: [{ type: 'text', value: sentence(next).slice(0, -1).split(' ').slice(0, 5).join(' ') }] })
      }
      // Paragraphs of one to eight sentences: short ones test widows and orphans hardest.
      const children: Inline[] = [{ type: 'text', value: paragraphText(next, 1 + Math.floor(next() * 8)) }]
      if (index % 7 === 3) {
        const noteId = `${id}-note-${notes.length + 1}`
        notes.push({ id: noteId, number: notes.length + 1, blocks: [{ type: 'paragraph', children: [{ type: 'text', value: paragraphText(next, 1 + Math.floor(next() * 3)) }] }] })
        children.push({ type: 'noteRef', note: noteId, number: notes.length }, { type: 'text', value: ` ${paragraphText(next, 1)}` })
        noteCount++
      }
      if (index % 11 === 5) children.push({ type: 'text', value: ' Some ' }, { type: 'emphasis', children: [{ type: 'text', value: 'emphasised words' }] }, { type: 'text', value: ' and ' }, { type: 'strong', children: [{ type: 'text', value: 'strong ones' }] }, { type: 'text', value: '.' })
      blocks.push({ type: 'paragraph', children })
    }
    chapters.push({ id, title, source: `${id}.md`, blocks, notes })
  }
  void noteCount
  return {
    metadata: { title: 'A Generated Book of Prose', authors: ['A. Writer'], lang: 'en', subjects: ['Testing'], description: 'Prose generated to exercise the typesetter.', modified: '2024-01-01T00:00:00.000Z' },
    chapters,
    assets: [],
  }
}
