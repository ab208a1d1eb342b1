import type { Book, Chapter, Heading } from '../../model/book.js'
import { destName } from '../dests.js'
import { inlineText } from '../../model/text.js'
import { paragraphIndent } from '../../theme/index.js'
import type { FlowBox } from '../flow.js'
import type { Composer, Region } from './context.js'

export interface ContentsEntry {
  depth: number
  title: string
  dest: string
}

/** Headings listed in the table of contents: a chapter's opening heading stands for the chapter. */
export function contentsEntries(book: Book, maxDepth: number): ContentsEntry[] {
  const entries: ContentsEntry[] = []
  for (const chapter of book.chapters) {
    const opening = openingHeading(chapter)
    if (!opening) entries.push({ depth: 1, title: chapter.title, dest: destName(chapter.id) })
    // The chapter's own headings, as the EPUB's contents list them (a heading quoted in a block quote is not one of its sections).
    for (const block of chapter.blocks) {
      if (block.type === 'heading' && block.depth <= maxDepth) entries.push({ depth: block.depth, title: inlineText(block.children).trim(), dest: destName(chapter.id, block.id) })
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

/** A table of contents: one entry per heading, indented by depth, its page number right-aligned and linked. Returns its structure node. */
export function contents(c: Composer, entries: readonly ContentsEntry[], region: Region): number {
  const titleStyle = c.style('h1')
  const tocStruct = c.struct('TOC', 0)
  const title = contentsTitle(c.book.metadata.lang)
  const lines = c.setText([{ type: 'text', value: title }], c.runStyle('h1'), 'left', region.width, { hyphenate: false })
  c.space(titleStyle.spaceBefore)
  c.lineBoxes(lines, titleStyle, region, c.struct('H1', tocStruct), null, false).forEach((box) => {
    box.anchors.push('contents')
    box.heading = { depth: 1, title, id: 'contents' }
    c.box(box)
  })
  c.space(titleStyle.spaceAfter)
  const resolved = c.style('body')
  const style = c.runStyle('body')
  const numberColumn = c.measurer.width('0000', style)
  for (const entry of entries) {
    const indent = (entry.depth - 1) * paragraphIndent(c.theme)
    const entryRegion = { x: region.x + indent, width: region.width - indent - numberColumn }
    const struct = c.struct('TOCI', tocStruct)
    const link = { type: 'link' as const, url: `#${entry.dest}`, children: [{ type: 'text' as const, value: entry.title }] }
    const set = c.setText([link], { ...style, colour: resolved.colour }, 'left', entryRegion.width, { hyphenate: false })
    const boxes: FlowBox[] = c.lineBoxes(set, resolved, entryRegion, struct, null, false)
    for (const drawing of boxes.flatMap((box) => box.drawings)) if (drawing.kind === 'text') drawing.run.style = { ...drawing.run.style, colour: resolved.colour }
    boxes.at(-1)?.drawings.push({ kind: 'pageRef', x: region.x + region.width, y: 0, dest: entry.dest, style, link: { dest: entry.dest }, struct })
    if (entry.depth === 1) c.space(resolved.leading / 2)
    boxes.forEach((box, index) => {
      box.keepWithPrevious = index > 0
      c.box(box)
    })
  }
  return tocStruct
}
