import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { indexWordsFor, termText, type BookIndex, type IndexEntry, type IndexLocator } from '../../model/index-entries.js'
import type { Context } from '../context.js'
import { xhtmlDocument } from '../hast/document.js'
import type { Locations } from '../locations.js'
import { frontAndBackFiles } from '../plan.js'

/** The file the index is written to; no chapter file takes this name (see `plan.ts`). */
export const INDEX_FILE = frontAndBackFiles.index

/**
 * The back-of-book index as the EPUB Indexes specification shapes it: a
 * section of `index-group`s under their letters, each entry an `index-entry`
 * with its `index-term` and `index-locator` links to the marks in the text
 * (labelled with their chapters' titles: an e-reader has no fixed pages),
 * subentries in an `index-entry-list`, and cross-references as
 * `index-xref-preferred` / `index-xref-related`.
 */
export function indexDocument(context: Context, index: BookIndex, locations: Locations): Root {
  const words = indexWordsFor(context.lang)
  const titles = new Map(context.book.chapters.map((chapter) => [chapter.id, chapter.title]))
  const groups = index.groups.map((group) =>
    h('section', { 'epub:type': 'index-group', ariaLabel: group.label }, [
      h('h2', group.label),
      entryList(group.entries, context, titles, locations, words),
    ]),
  )
  return xhtmlDocument({
    lang: context.lang,
    title: words.title,
    body: [h('section', { className: ['book-index'], 'epub:type': 'index', role: 'doc-index', ariaLabelledby: 'book-index-title' }, [h('h1', { id: 'book-index-title' }, words.title), ...groups]), { type: 'text', value: '\n' }],
    bodyProperties: { 'epub:type': 'backmatter' },
  })
}

function entryList(entries: readonly IndexEntry[], context: Context, titles: Map<string, string>, locations: Locations, words: ReturnType<typeof indexWordsFor>): Element {
  return h(
    'ul',
    { 'epub:type': 'index-entry-list' },
    entries.map((entry) => {
      const children: ElementContent[] = [h('span', { 'epub:type': 'index-term' }, entry.term)]
      entry.locators.forEach((locator, position) => {
        const label = locatorLabel(locator, entry.locators.slice(0, position), titles)
        const id = context.plan.ids.get(locator.chapter)?.get(locator.id)
        const href = id === undefined ? undefined : locations.href(INDEX_FILE, locator.chapter, id)
        if (href === undefined) return
        children.push({ type: 'text', value: position === 0 ? ', ' : '; ' }, h('a', { 'epub:type': 'index-locator', href }, label))
      })
      for (const [kind, targets] of [['see', entry.see], ['seeAlso', entry.seeAlso]] as const) {
        targets.forEach((target, position) => {
          const lead = position === 0 ? `${children.length > 1 || kind === 'seeAlso' ? '. ' : ', '}` : '; '
          children.push({ type: 'text', value: lead }, ...(position === 0 ? [h('i', words[kind])] : []), { type: 'text', value: position === 0 ? ' ' : '' })
          children.push(h('span', { 'epub:type': kind === 'see' ? 'index-xref-preferred' : 'index-xref-related' }, termText(target)))
        })
      }
      if (entry.subentries.length > 0) children.push(entryList(entry.subentries, context, titles, locations, words))
      return h('li', { 'epub:type': 'index-entry' }, children)
    }),
  )
}

/** A locator's words: its chapter's title (to its end's, for a range across chapters), numbered when the chapter has several. */
function locatorLabel(locator: IndexLocator, earlier: readonly IndexLocator[], titles: Map<string, string>): string {
  const title = titles.get(locator.chapter) || '…'
  const end = locator.end && locator.end.chapter !== locator.chapter ? `–${titles.get(locator.end.chapter) || '…'}` : ''
  const count = earlier.filter((other) => other.chapter === locator.chapter).length
  return count === 0 ? `${title}${end}` : `${title} (${count + 1})${end}`
}
