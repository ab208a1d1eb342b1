import type { Book, Chapter, Heading } from '../../model/book.js'
import { chapterTree, type ChapterNode } from '../../model/chapter-tree.js'
import { inlineText } from '../../model/text.js'
import { destName } from '../dests.js'
import { contentsSpace, numberSeparator, paragraphIndent, type SectionNumbers } from '../../theme/index.js'
import type { FlowBox } from '../flow.js'
import { headingStep, type Composer, type Region } from './context.js'

export interface ContentsEntry {
  /** Indentation step, from 1: a chapter's level, plus a heading's depth below the chapter's opening one. */
  depth: number
  title: string
  dest: string
  /** A part's line, a chapter's, or a heading's inside a chapter. */
  kind: 'part' | 'chapter' | 'heading'
  /** The chapter's number (`2.`, `2.1.`), set before its title. */
  number?: string
}

/**
 * What the contents list, in book order: each part, then its chapters; each
 * chapter, by its opening heading (or its title, when it opens with none),
 * then its headings down to `maxDepth`, then the chapters nested under it,
 * one step further in.
 */
export function contentsEntries(book: Book, maxDepth: number, numbers?: SectionNumbers): ContentsEntry[] {
  const entries: ContentsEntry[] = []
  const chapterEntries = (node: ChapterNode, level: number): void => {
    const { chapter } = node
    const opening = openingHeading(chapter)
    const entry: ContentsEntry = opening
      ? { depth: level, title: inlineText(opening.children).trim(), dest: destName(chapter.id, opening.id), kind: 'chapter' }
      : { depth: level, title: chapter.title, dest: destName(chapter.id), kind: 'chapter' }
    const number = numbers?.chapters[node.index] ?? chapter.number
    if (number !== undefined) entry.number = number
    entries.push(entry)
    // The chapter's own headings, as the EPUB's contents list them (a heading quoted in a block quote is not one of its sections).
    for (const block of chapter.blocks) {
      if (block.type === 'heading' && block !== opening && block.depth <= maxDepth) {
        const entry: ContentsEntry = { depth: level + headingStep(block.depth, opening), title: inlineText(block.children).trim(), dest: destName(chapter.id, block.id), kind: 'heading' }
        const number = numbers?.headings.get(block)
        if (number !== undefined) entry.number = number
        entries.push(entry)
      }
    }
    for (const child of node.children) chapterEntries(child, level + 1)
  }
  for (const node of chapterTree(book)) {
    if (node.kind === 'chapter') chapterEntries(node, 1)
    else {
      entries.push({ depth: 1, title: node.part.title, dest: node.part.id, kind: 'part' })
      for (const child of node.children) chapterEntries(child, 1)
    }
  }
  return entries
}

/** The chapter's first block when it is a heading (the chapter then opens with it). */
export function openingHeading(chapter: Chapter): Heading | undefined {
  const first = chapter.blocks[0]
  return first?.type === 'heading' ? first : undefined
}

const contentsLabel: Record<string, string> = { en: 'Contents', fr: 'Table des matières', de: 'Inhalt', es: 'Índice', it: 'Indice', nl: 'Inhoud', pt: 'Sumário' }

export function contentsTitle(lang: string): string {
  return contentsLabel[lang.split('-')[0]!.toLowerCase()] ?? contentsLabel.en!
}

/**
 * A table of contents: one line per entry, indented by its depth, its page
 * number right-aligned and linked; a chapter's number before its title; a
 * part's line set apart, in its own role. Returns its structure node.
 */
export function contents(c: Composer, entries: readonly ContentsEntry[], region: Region): number {
  const title = contentsTitle(c.book.metadata.lang)
  return contentsList(c, title, 'contents', entries, region)
}

/**
 * A list set as the contents are: its title (a destination named `dest`, in
 * the outline), then its entries, each with its page number. The contents,
 * and the lists of figures and tables after them.
 */
export function contentsList(c: Composer, title: string, dest: string, entries: readonly ContentsEntry[], region: Region, parent = 0): number {
  const titleStyle = c.style('h1')
  const tocStruct = c.struct('TOC', parent)
  const lines = c.setText([{ type: 'text', value: title }], c.runStyle('h1'), 'left', region.width, { hyphenate: false })
  c.space(titleStyle.spaceBefore)
  c.lineBoxes(lines, titleStyle, region, c.struct('H1', tocStruct), null, false).forEach((box) => {
    box.anchors.push(dest)
    box.heading = { depth: 1, title, id: dest }
    c.box(box)
  })
  c.space(titleStyle.spaceAfter)
  const body = c.style('body')
  const numberColumn = c.measurer.width('0000', c.runStyle('body'))
  let previous: ContentsEntry | undefined
  for (const entry of entries) {
    const resolved = entry.kind === 'part' ? c.style('contentsPart') : body
    const style = c.runStyle(entry.kind === 'part' ? 'contentsPart' : 'body')
    const indent = (entry.depth - 1) * paragraphIndent(c.theme)
    const entryRegion = { x: region.x + indent, width: region.width - indent - numberColumn }
    const struct = c.struct('TOCI', tocStruct)
    // The number and its title stay together on a line: a no-break space between them.
    const words = entry.number === undefined ? entry.title : `${entry.number}${numberSeparator}${entry.title}`
    const link = { type: 'link' as const, url: `#${entry.dest}`, children: [{ type: 'text' as const, value: words }] }
    const set = c.setText([link], { ...style, colour: resolved.colour }, 'left', entryRegion.width, { hyphenate: false })
    const boxes: FlowBox[] = c.lineBoxes(set, resolved, entryRegion, struct, null, false)
    for (const drawing of boxes.flatMap((box) => box.drawings)) if (drawing.kind === 'text') drawing.run.style = { ...drawing.run.style, colour: resolved.colour }
    boxes.at(-1)?.drawings.push({ kind: 'pageRef', x: region.x + region.width, y: 0, dest: entry.dest, style, link: { dest: entry.dest }, struct })
    if (entry.kind === 'part') c.space(resolved.spaceBefore)
    else if (entry.depth === 1 && previous?.kind !== 'part') c.space(contentsSpace(c.theme))
    boxes.forEach((box, index) => {
      // A part's line keeps with its first chapter's.
      box.keepWithPrevious = index > 0 || previous?.kind === 'part'
      c.box(box)
    })
    if (entry.kind === 'part') c.space(resolved.spaceAfter)
    previous = entry
  }
  return tocStruct
}
