import type { Book, Chapter, IndexMark } from './book.js'
import { forEachInline } from './walk.js'

/**
 * The back-of-book index, made from the book's index marks: entries sorted
 * by the book's language, grouped under their first letter. Both editions
 * set it from this; each finds its locators' places its own way (the EPUB
 * links to the marks, the PDF looks up the pages they fell on).
 */
export interface BookIndex {
  groups: IndexGroup[]
}

export interface IndexGroup {
  /**
   * Terms starting with a sign, with a digit, or with a letter: `letter`
   * groups are a letter of the alphabet each, a letter's accented and joined
   * forms (É, Œ, Æ, Ä) under the letter they are sorted with.
   */
  kind: 'symbols' | 'numbers' | 'letter'
  /** The group's heading, in the book's language: the letter, upper-cased, or the word for symbols or numbers. */
  label: string
  entries: IndexEntry[]
}

export interface IndexEntry {
  term: string
  /** The places the term is discussed, in book order. */
  locators: IndexLocator[]
  /** Terms to look under instead (`see`) or as well (`see also`), each a path of steps. */
  see: string[][]
  seeAlso: string[][]
  subentries: IndexEntry[]
}

/** A mark, or a range from a start mark to its end mark, in one chapter or across several. */
export interface IndexLocator {
  chapter: string
  id: string
  /** The range's end mark, for a range. */
  end?: { chapter: string; id: string }
}

/** The words an index is set with, by language: English and the languages the editions know. */
export interface IndexWords {
  title: string
  see: string
  seeAlso: string
  symbols: string
  numbers: string
}

const indexWords: Record<string, IndexWords> = {
  en: { title: 'Index', see: 'see', seeAlso: 'see also', symbols: 'Symbols', numbers: 'Numbers' },
  fr: { title: 'Index', see: 'voir', seeAlso: 'voir aussi', symbols: 'Symboles', numbers: 'Nombres' },
  de: { title: 'Register', see: 'siehe', seeAlso: 'siehe auch', symbols: 'Symbole', numbers: 'Zahlen' },
  es: { title: 'Índice alfabético', see: 'véase', seeAlso: 'véase también', symbols: 'Símbolos', numbers: 'Números' },
}

export function indexWordsFor(lang: string): IndexWords {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en'
  return indexWords[primary] ?? indexWords.en!
}

/** Every index mark of a chapter (its text, then its notes), in document order. */
export function chapterIndexMarks(chapter: Chapter): IndexMark[] {
  const marks: IndexMark[] = []
  for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
    forEachInline(blocks, (inline) => {
      if (inline.type === 'indexMark') marks.push(inline)
    })
  }
  return marks
}

/** Whether the book has any index mark: only then does it get an index. */
export function hasIndexMarks(book: Book): boolean {
  return book.chapters.some((chapter) => chapterIndexMarks(chapter).length > 0)
}

interface Draft {
  term: string
  locators: IndexLocator[]
  see: string[][]
  seeAlso: string[][]
  children: Map<string, Draft>
}

/**
 * The index of a book. A range's start is matched with the next end mark of
 * the same term; a start without an end is a locator of its own place (the
 * index-marks pass has warned of it), and an end without a start is ignored.
 */
export function buildIndex(book: Book): BookIndex {
  const root = new Map<string, Draft>()
  const open = new Map<string, IndexLocator[]>()
  for (const chapter of book.chapters) {
    for (const mark of chapterIndexMarks(chapter)) {
      const draft = draftAt(root, mark.term)
      const key = mark.term.join('\u0000')
      switch (mark.kind) {
        case 'entry':
          draft.locators.push({ chapter: chapter.id, id: mark.id })
          break
        case 'see':
        case 'seealso': {
          const list = mark.kind === 'see' ? draft.see : draft.seeAlso
          if (mark.target && !list.some((target) => target.join('\u0000') === mark.target!.join('\u0000'))) list.push(mark.target)
          break
        }
        case 'rangeStart': {
          const locator: IndexLocator = { chapter: chapter.id, id: mark.id }
          draft.locators.push(locator)
          open.set(key, [...(open.get(key) ?? []), locator])
          break
        }
        case 'rangeEnd': {
          const starts = open.get(key)
          const start = starts?.shift()
          if (start) start.end = { chapter: chapter.id, id: mark.id }
          break
        }
      }
    }
  }
  const collator = new Intl.Collator(book.metadata.lang, { sensitivity: 'base', numeric: true })
  const entries = finish(root, collator)
  const words = indexWordsFor(book.metadata.lang)
  const groups = new Map<string, IndexGroup>()
  for (const entry of entries) {
    const kind = kindOf(entry.term)
    const label = kind === 'symbols' ? words.symbols : kind === 'numbers' ? words.numbers : letterOf(entry.term, collator, book.metadata.lang)
    const group = groups.get(`${kind}:${label}`) ?? { kind, label, entries: [] }
    group.entries.push(entry)
    groups.set(`${kind}:${label}`, group)
  }
  // Symbols, then numbers, then the letters in the language's order (the entries are already in it).
  const order = { symbols: 0, numbers: 1, letter: 2 } as const
  return { groups: [...groups.values()].sort((a, b) => order[a.kind] - order[b.kind]) }
}

function draftAt(root: Map<string, Draft>, term: readonly string[]): Draft {
  let level = root
  let draft: Draft | undefined
  for (const step of term) {
    draft = level.get(step)
    if (!draft) {
      draft = { term: step, locators: [], see: [], seeAlso: [], children: new Map() }
      level.set(step, draft)
    }
    level = draft.children
  }
  return draft!
}

function finish(level: Map<string, Draft>, collator: Intl.Collator): IndexEntry[] {
  return [...level.values()]
    .sort((a, b) => collator.compare(a.term, b.term) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .map((draft) => ({ term: draft.term, locators: draft.locators, see: draft.see, seeAlso: draft.seeAlso, subentries: finish(draft.children, collator) }))
}

/** Whether a term starts with a letter, a digit or a sign. */
function kindOf(term: string): IndexGroup['kind'] {
  const first = [...term][0] ?? ''
  if (/\p{L}/u.test(first)) return 'letter'
  return /\p{N}/u.test(first) ? 'numbers' : 'symbols'
}

const latinLetters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']

/**
 * The letter a term is listed under. A Latin term goes under the last letter
 * of the alphabet the book's language sorts at or before it, so that
 * `Émile` stands under E, `Œuvre` under O, `Æsop` under A and, in German,
 * `Ärger` under A: the collator, not the term's code points, decides. A
 * term in another script goes under its first letter without accents.
 */
function letterOf(term: string, collator: Intl.Collator, lang: string): string {
  const first = [...term][0] ?? ''
  if (/\p{Script=Latin}/u.test(first)) {
    let letter = latinLetters[0]!
    for (const candidate of latinLetters) if (collator.compare(candidate, term) <= 0) letter = candidate
    return letter
  }
  return first.normalize('NFD').replace(/\p{M}/gu, '').toLocaleUpperCase(lang)
}

/** A path of steps as a reader reads it: `line breaking, Knuth–Plass`. */
export function termText(path: readonly string[]): string {
  return path.join(', ')
}
