import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import type { Context } from '../context.js'
import { xhtmlDocument } from '../hast/document.js'
import type { PageMarker } from '../hast/state.js'
import type { TocEntry } from '../toc.js'

export interface Landmark {
  type: 'cover' | 'titlepage' | 'toc' | 'lof' | 'lot' | 'bodymatter' | 'colophon' | 'index'
  href: string
  label: string
}

/** A list of figures (`lof`) or of tables (`lot`): its title, and a link to each. */
export interface TargetList {
  type: 'lof' | 'lot'
  title: string
  entries: Array<{ label: string; href: string }>
}

/**
 * The entries as nested lists. A chapter's number stands before its title in
 * the link; a part, which has no link, is a `span` heading, which EPUB 3
 * allows only followed by the list of what it holds (a part always holds a chapter).
 */
function entryList(entries: readonly TocEntry[]): Element {
  return h(
    'ol',
    entries.map((entry) => {
      const label: ElementContent[] = entry.number === undefined ? [{ type: 'text', value: entry.label }] : [h('span', { className: ['toc-number'] }, entry.number), { type: 'text', value: ` ${entry.label}` }]
      const heading = entry.href === undefined ? h('span', { className: ['toc-part'] }, label) : h('a', { href: entry.href }, label)
      return h('li', [heading, ...(entry.children.length > 0 ? [entryList(entry.children)] : [])])
    }),
  )
}

/**
 * The navigation document: the nested table of contents, the landmarks and,
 * when the print edition's pages are known, the page list. Only the table of
 * contents shows when the document is read in the flow of the book.
 */
export function navDocument(context: Context, toc: readonly TocEntry[], landmarks: readonly Landmark[], pages: readonly PageMarker[], lists: readonly TargetList[] = []): Root {
  const { labels } = context
  const navs: Element[] = [h('nav', { id: 'toc', 'epub:type': 'toc', role: 'doc-toc' }, [h('h1', labels.contents), entryList(toc)])]
  // The lists of figures and tables follow the contents, shown as they are.
  for (const list of lists) {
    navs.push(h('nav', { id: list.type, 'epub:type': list.type }, [h('h1', list.title), h('ol', list.entries.map((entry) => h('li', h('a', { href: entry.href }, entry.label))))]))
  }
  navs.push(
    h('nav', { id: 'landmarks', 'epub:type': 'landmarks', hidden: true }, [
      h('h2', labels.landmarks),
      h('ol', landmarks.map((landmark) => h('li', h('a', { href: landmark.href, 'epub:type': landmark.type }, landmark.label)))),
    ]),
  )
  if (pages.length > 0) {
    navs.push(
      h('nav', { id: 'page-list', 'epub:type': 'page-list', role: 'doc-pagelist', hidden: true }, [
        h('h2', labels.pages),
        h('ol', pages.map((page) => h('li', h('a', { href: `${page.file}#${page.id}` }, String(page.page))))),
      ]),
    )
  }
  return xhtmlDocument({
    lang: context.lang,
    title: labels.contents,
    body: navs.flatMap((nav) => [nav, { type: 'text' as const, value: '\n' }]),
    bodyProperties: { 'epub:type': 'frontmatter' },
  })
}
