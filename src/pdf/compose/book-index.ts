import type { Inline } from '../../model/book.js'
import { indexWordsFor, termText, type BookIndex, type IndexEntry, type IndexLocator } from '../../model/index-entries.js'
import { paragraphIndent } from '../../theme/index.js'
import { destName } from '../dests.js'
import type { Composer, Region } from './context.js'

/**
 * Where each destination of the parts set so far landed: the index is set
 * after the chapters, so the pages its marks fell on are known.
 */
export type DestPages = ReadonlyMap<string, number>

/**
 * The back-of-book index: its title, then a group per letter (symbols and
 * digits first), each entry a line of its own with the pages its marks fell
 * on, merged into ranges (`12–14`), each number a link to the first mark on
 * its page; subentries indented under their entry; `see` and `see also` in
 * italic. Set in one column. Returns its structure node.
 */
export function bookIndex(c: Composer, index: BookIndex, pages: DestPages, region: Region): number {
  const words = indexWordsFor(c.book.metadata.lang)
  const indexStruct = c.struct('Index', 0)
  const titleStyle = c.style('h1')
  const titleLines = c.setText([{ type: 'text', value: words.title }], c.runStyle('h1'), 'left', region.width, { hyphenate: false })
  c.space(titleStyle.spaceBefore)
  c.lineBoxes(titleLines, titleStyle, region, c.struct('H1', indexStruct), null, false).forEach((box) => {
    box.anchors.push(INDEX_DEST)
    box.heading = { depth: 1, title: words.title, id: INDEX_DEST }
    c.box(box)
  })
  c.space(titleStyle.spaceAfter)
  const letterStyle = c.style('h2')
  for (const group of index.groups) {
    const label = group.symbols ? words.symbols : group.letter
    c.space(letterStyle.spaceBefore)
    const lines = c.setText([{ type: 'text', value: label }], c.runStyle('h2'), 'left', region.width, { hyphenate: false })
    c.lineBoxes(lines, letterStyle, region, c.struct('H2', indexStruct), null, false).forEach((box, position) => {
      box.keepWithPrevious = position > 0
      c.box(box)
    })
    c.space(letterStyle.spaceAfter)
    // The group's first line keeps with its letter.
    c.pendingKeep = 1
    for (const entry of group.entries) setEntry(c, entry, 0, pages, region, indexStruct, words)
  }
  return indexStruct
}

/** The destination of the index's title: the contents and outline lead to it. */
export const INDEX_DEST = 'book-index'

function setEntry(c: Composer, entry: IndexEntry, depth: number, pages: DestPages, region: Region, struct: number, words: ReturnType<typeof indexWordsFor>): void {
  const body = c.style('body')
  const indent = depth * paragraphIndent(c.theme)
  const entryRegion = { x: region.x + indent, width: region.width - indent }
  const inlines: Inline[] = [{ type: 'text', value: entry.term }]
  const numbers = pageList(entry.locators, pages)
  numbers.forEach((number, position) => {
    inlines.push({ type: 'text', value: position === 0 ? ' ' : ', ' }, { type: 'link', url: `#${number.dest}`, children: [{ type: 'text', value: number.label }] })
  })
  for (const [kind, targets] of [['see', entry.see], ['seeAlso', entry.seeAlso]] as const) {
    targets.forEach((target, position) => {
      if (position === 0) inlines.push({ type: 'text', value: inlines.length > 1 ? '; ' : ' ' }, { type: 'emphasis', children: [{ type: 'text', value: words[kind] }] }, { type: 'text', value: ' ' })
      else inlines.push({ type: 'text', value: '; ' })
      inlines.push({ type: 'text', value: termText(target) })
    })
  }
  const lines = c.setText(inlines, c.runStyle('body'), 'left', entryRegion.width, { hyphenate: false })
  c.lineBoxes(lines, body, entryRegion, c.struct('P', struct), null, false).forEach((box, position) => {
    box.keepWithPrevious = position > 0
    c.box(box)
  })
  for (const subentry of entry.subentries) setEntry(c, subentry, depth + 1, pages, region, struct, words)
}

/**
 * The pages of an entry's locators, in order, consecutive pages merged into
 * a range; a range mark covers the pages from its start to its end. Each is
 * linked to the first mark on its first page.
 */
export function pageList(locators: readonly IndexLocator[], pages: DestPages): Array<{ label: string; dest: string }> {
  const firstDest = new Map<number, string>()
  const covered = new Set<number>()
  for (const locator of locators) {
    const dest = destName(locator.chapter, locator.id)
    const start = pages.get(dest)
    if (start === undefined) continue
    const end = locator.end ? (pages.get(destName(locator.end.chapter, locator.end.id)) ?? start) : start
    if (!firstDest.has(start)) firstDest.set(start, dest)
    for (let page = start; page <= Math.max(start, end); page++) covered.add(page)
  }
  const sorted = [...covered].sort((a, b) => a - b)
  const result: Array<{ label: string; dest: string }> = []
  for (let at = 0; at < sorted.length; ) {
    let last = at
    while (last + 1 < sorted.length && sorted[last + 1] === sorted[last]! + 1) last++
    const from = sorted[at]!
    const to = sorted[last]!
    // A run's link leads to the first mark on its first page, or, inside a range, to the range's start.
    const dest = firstDest.get(from) ?? nearestBefore(firstDest, from)
    result.push({ label: from === to ? String(from) : `${from}–${to}`, dest })
    at = last + 1
  }
  return result
}

function nearestBefore(firstDest: ReadonlyMap<number, string>, page: number): string {
  let best: number | undefined
  for (const start of firstDest.keys()) if (start <= page && (best === undefined || start > best)) best = start
  return firstDest.get(best ?? [...firstDest.keys()][0]!) ?? ''
}
