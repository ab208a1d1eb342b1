import type { Diagnostics } from '../diagnostics.js'
import type { Block, Book, CaptionNumber, Chapter, CrossRef, Heading, Inline, Place } from '../model/book.js'
import type { SectionNumbers } from '../model/section-numbers.js'
import { inlineText } from '../model/text.js'
import { blockInlines, chapterIds, forEachBlock, visitInlines } from '../model/walk.js'
import { capitalised, crossReferenceWords, type CrossReferenceWords, type TargetKind } from './cross-reference-words.js'

/** A numbered thing a reference may name: where it is, and what a reference prints for it. */
export interface CrossTarget {
  kind: TargetKind
  label: string
  chapter: string
  /** The link target in its chapter: the label itself, or a heading's id. */
  id: string
  /** What a reference prints after the kind's word: `2.3`, `(2.1)`, a section's number or its title in quotes. */
  text: string
  /** For the lists of figures and tables: the caption's words. */
  caption?: Inline[]
}

/** The prefix of each kind's labels, as pandoc-crossref names them. */
const KIND_OF_PREFIX: Record<string, TargetKind> = { fig: 'figure', tbl: 'table', eq: 'equation', sec: 'section' }

/**
 * Number the book's labelled figures, tables and equations, and resolve the
 * references to them and to labelled sections, in the model, so that both
 * editions print the same words:
 *
 * - in a book of several chapter files, per chapter (`Figure 2.3`, equation
 *   `(2.1)`); in a single-file manuscript, through the book (`Figure 3`);
 * - a figure's or table's caption leads with its number (`CaptionNumber`);
 *   a formula's number stands at the right of its line (`MathBlock.number`);
 * - a reference (`@fig:a`, `[@fig:a; @fig:b]`) becomes the words of the
 *   book's language, each number a link to its target; a section is named by
 *   its number when the theme numbers sections (`numbers`), else its title;
 * - a label used twice is a warning at its second place (the first keeps
 *   it); a reference to a missing label, one at the reference, which prints
 *   the label in bold.
 *
 * Returns the targets, in book order, for the lists of figures and tables.
 */
export function resolveCrossReferences(book: Book, numbers: SectionNumbers, diag: Diagnostics): CrossTarget[] {
  const lang = book.metadata.lang
  const words = crossReferenceWords(lang)
  const targets = numberTargets(book, numbers, words, diag)
  const byLabel = new Map(targets.map((target) => [target.label, target]))
  const taken = new Set(book.chapters.flatMap((chapter) => chapterIds(chapter)))
  let count = 0
  for (const chapter of book.chapters) {
    for (const reference of chapterReferences(chapter)) {
      resolveReference(reference, byLabel, words, lang, diag)
      do count += 1
      while (taken.has(`xref-${count}`))
      reference.id = `xref-${count}`
    }
  }
  return targets
}

/** The chapter's blocks that carry a label of a numbered kind, in document order. */
function labelledBlocks(chapter: Chapter): Array<{ block: Block; label: string }> {
  const found: Array<{ block: Block; label: string }> = []
  forEachBlock(chapter.blocks, (block) => {
    const label = block.type === 'figure' || block.type === 'table' || block.type === 'math' ? block.id : block.type === 'heading' && block.explicitId ? block.id : undefined
    if (label !== undefined && kindOf(label, block) !== undefined) found.push({ block, label })
  })
  return found
}

/** The kind a label names on a block of this type, or undefined when the label is not a cross-reference label. */
function kindOf(label: string, block: Block): TargetKind | undefined {
  const kind = KIND_OF_PREFIX[label.slice(0, label.indexOf(':'))]
  const fits = { figure: 'figure', table: 'table', equation: 'math', section: 'heading' } as const
  return kind !== undefined && fits[kind] === block.type ? kind : undefined
}

/** Number the labelled blocks and note every label's target. */
function numberTargets(book: Book, numbers: SectionNumbers, words: CrossReferenceWords, diag: Diagnostics): CrossTarget[] {
  const lang = book.metadata.lang
  const prefixes = chapterPrefixes(book, numbers)
  const targets: CrossTarget[] = []
  const seen = new Map<string, Place | undefined>()
  const counters = new Map<string, number>()
  book.chapters.forEach((chapter, index) => {
    const prefix = prefixes[index]
    for (const { block, label } of labelledBlocks(chapter)) {
      if (seen.has(label)) {
        diag.warn(`label \`${label}\` is used twice: references lead to its first place`, block.place ?? chapter.source, 'cross-reference')
        continue
      }
      seen.set(label, block.place)
      const kind = kindOf(label, block)!
      const target: CrossTarget = { kind, label, chapter: chapter.id, id: label, text: '' }
      if (block.type === 'heading') {
        target.id = block.id
        target.text = sectionText(book, numbers, index, block, words)
      } else {
        const key = `${kind} ${prefix ?? ''}`
        const count = (counters.get(key) ?? 0) + 1
        counters.set(key, count)
        const number = prefix === undefined ? String(count) : `${prefix}.${count}`
        if (!(block.anchors ?? []).includes(label)) block.anchors = [...(block.anchors ?? []), label]
        if (block.type === 'math') {
          block.number = `(${number})`
          target.text = block.number
        } else if (block.type === 'figure' || block.type === 'table') {
          const caption: CaptionNumber = { number, lead: `${capitalised(words.names[kind][0], lang)} ${number}${block.caption && block.caption.length > 0 ? words.captionSeparator : ''}` }
          block.number = caption
          target.text = number
          target.caption = block.caption ?? []
        }
      }
      targets.push(target)
    }
  })
  return targets
}

/**
 * What figure, table and equation numbers start with in each chapter: the
 * chapter's number in a book of several files (the theme's when it numbers
 * chapters, else its number in `SUMMARY.md`, else the chapter's place among
 * the top-level chapters; a
 * chapter nested under another takes its parent's); none in a single-file
 * manuscript, numbered through.
 */
function chapterPrefixes(book: Book, numbers: SectionNumbers): Array<string | undefined> {
  const singleFile = new Set(book.chapters.map((chapter) => chapter.source)).size <= 1
  if (singleFile) return book.chapters.map(() => undefined)
  const prefixes: Array<string | undefined> = []
  let ordinal = 0
  let current: string | undefined
  book.chapters.forEach((chapter, index) => {
    if ((chapter.level ?? 1) <= 1 && chapter.role !== 'bibliography') {
      ordinal += 1
      current = (numbers.chapters[index] ?? chapter.number)?.split('.')[0] ?? String(ordinal)
    }
    prefixes.push(current)
  })
  return prefixes
}

/** A section's words: its number, when the theme numbers it, else its title between the language's quotes. */
function sectionText(book: Book, numbers: SectionNumbers, index: number, heading: Heading, words: CrossReferenceWords): string {
  const opens = book.chapters[index]!.blocks[0] === heading
  const number = opens ? numbers.chapters[index] : numbers.headings.get(heading)
  if (number !== undefined) return number
  return `${words.quotes[0]}${inlineText(heading.children).replace(/\s+/g, ' ').trim()}${words.quotes[1]}`
}

/** Every reference of a chapter, notes included. */
function chapterReferences(chapter: Chapter): CrossRef[] {
  const found: CrossRef[] = []
  for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
    forEachBlock(blocks, (block) => {
      for (const inlines of blockInlines(block)) visitInlines(inlines, (inline) => inline.type === 'crossRef' && found.push(inline))
    })
  }
  return found
}

/**
 * A reference's words: the targets grouped by kind in the order written,
 * each group its kind's word (plural for several) and its numbers joined as
 * the language joins a list, each number a link; the groups joined so too.
 * A label no target has is set in bold, as written, after a warning.
 */
function resolveReference(reference: CrossRef, byLabel: ReadonlyMap<string, CrossTarget>, words: CrossReferenceWords, lang: string, diag: Diagnostics): void {
  const groups: Array<{ kind: TargetKind; targets: CrossTarget[] }> = []
  const missing: string[] = []
  const found: CrossTarget[] = []
  for (const label of reference.labels) {
    const target = byLabel.get(label)
    if (target === undefined) {
      diag.warn(`cross-reference \`${label}\` leads nowhere: no ${KIND_OF_PREFIX[label.slice(0, label.indexOf(':'))] ?? 'target'} has this label`, reference.place, 'cross-reference')
      missing.push(label)
      continue
    }
    found.push(target)
    const group = groups.find((candidate) => candidate.kind === target.kind)
    if (group) group.targets.push(target)
    else groups.push({ kind: target.kind, targets: [target] })
  }
  const parts: Inline[][] = groups.map((group) => {
    const [one, many] = words.names[group.kind]
    const word = group.targets.length > 1 ? many : one
    const links = group.targets.map((target): Inline[] => [{ type: 'link', url: `#${target.id}`, target: { kind: 'internal', chapter: target.chapter, id: target.id }, children: [{ type: 'text', value: target.text }] }])
    const numbers = joinList(links, words.listLocale)
    return reference.bare ? numbers : [{ type: 'text', value: `${word}\u00a0` }, ...numbers]
  })
  for (const label of missing) parts.push([{ type: 'strong', children: [{ type: 'text', value: label }] }])
  const children = joinList(parts, words.listLocale)
  if (reference.capital) capitaliseFirst(children, lang)
  reference.children = mergeTexts(children)
  reference.targets = found.map((target) => ({ chapter: target.chapter, id: target.id }))
}

/**
 * Items joined as the locale joins a list (`A, B and C`, `A, B et C`):
 * `Intl.ListFormat` over placeholders, the items put back in their places.
 */
function joinList(items: ReadonlyArray<readonly Inline[]>, locale: string): Inline[] {
  if (items.length <= 1) return [...(items[0] ?? [])]
  const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).formatToParts(items.map((_, index) => String(index)))
  return parts.flatMap((part): Inline[] => (part.type === 'element' ? [...items[Number(part.value)]!] : [{ type: 'text', value: part.value }]))
}

/** The first letter of the words a capital (`@Fig:x` at a sentence's start). */
function capitaliseFirst(inlines: Inline[], lang: string): void {
  const first = inlines[0]
  if (first?.type === 'text') first.value = capitalised(first.value, lang)
}

/** Adjacent texts as one (what the parser makes of a run of text). */
function mergeTexts(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  for (const inline of inlines) {
    const last = out.at(-1)
    if (inline.type === 'text' && last?.type === 'text' && last.lang === undefined && inline.lang === undefined) last.value += inline.value
    else out.push(inline.type === 'text' ? { ...inline } : inline)
  }
  return out
}
