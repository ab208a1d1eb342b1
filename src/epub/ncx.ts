import type { Element } from 'xast'
import { x } from 'xastscript'
import type { Context } from './context.js'
import type { PageMarker } from './hast/state.js'
import { xmlDocument } from './hast/serialize.js'
import { entryHref, tocDepth, type TocEntry } from './toc.js'

/** Reading order of the package: files in spine order, and the ids inside each file in document order. */
export interface ReadingOrder {
  files: readonly string[]
  anchors: ReadonlyMap<string, readonly string[]>
}

/**
 * Play order of every target of the NCX: its place in the reading order,
 * counted from 1, the same number for the same target.
 */
function playOrders(order: ReadingOrder, hrefs: readonly string[]): Map<string, number> {
  const key = (href: string): [number, number] => {
    const [file = '', id] = href.split('#')
    const anchors = order.anchors.get(file) ?? []
    return [order.files.indexOf(file), id === undefined ? -1 : anchors.indexOf(id)]
  }
  const sorted = [...new Set(hrefs)].sort((a, b) => {
    const [fa, ia] = key(a)
    const [fb, ib] = key(b)
    return fa - fb || ia - ib
  })
  return new Map(sorted.map((href, index) => [href, index + 1]))
}

function collectHrefs(entries: readonly TocEntry[]): string[] {
  return entries.flatMap((entry) => [entryHref(entry), ...collectHrefs(entry.children)])
}

/** The NCX, for readers that predate EPUB 3: the same table of contents and page list as the navigation document. */
export function ncxDocument(context: Context, toc: readonly TocEntry[], pages: readonly PageMarker[], order: ReadingOrder): string {
  const pageHref = (page: PageMarker): string => `${page.file}#${page.id}`
  const plays = playOrders(order, [...collectHrefs(toc), ...pages.map(pageHref)])
  let pointCount = 0
  const navPoint = (entry: TocEntry): Element => {
    pointCount += 1
    // A part has no document of its own: its point leads where its first chapter starts.
    const href = entryHref(entry)
    return x('navPoint', { id: `navpoint-${pointCount}`, playOrder: String(plays.get(href)) }, [
      x('navLabel', [x('text', entry.number === undefined ? entry.label : `${entry.number} ${entry.label}`)]),
      x('content', { src: href }),
      ...entry.children.map(navPoint),
    ])
  }
  const { metadata } = context.book
  const maxPage = pages.reduce((max, page) => Math.max(max, page.page), 0)
  const children: Element[] = [
    x('head', [
      x('meta', { name: 'dtb:uid', content: context.identifier }),
      x('meta', { name: 'dtb:depth', content: String(Math.max(1, tocDepth(toc))) }),
      x('meta', { name: 'dtb:totalPageCount', content: String(pages.length) }),
      x('meta', { name: 'dtb:maxPageNumber', content: String(maxPage) }),
    ]),
    x('docTitle', [x('text', metadata.title)]),
    ...metadata.authors.map((author) => x('docAuthor', [x('text', author)])),
    x('navMap', toc.map(navPoint)),
  ]
  if (pages.length > 0) {
    children.push(
      x('pageList', [
        x('navLabel', [x('text', context.labels.pages)]),
        ...pages.map((page, index) =>
          x('pageTarget', { id: `pagetarget-${index + 1}`, type: 'normal', value: String(page.page), playOrder: String(plays.get(pageHref(page))) }, [
            x('navLabel', [x('text', String(page.page))]),
            x('content', { src: pageHref(page) }),
          ]),
        ),
      ]),
    )
  }
  return xmlDocument({
    type: 'root',
    children: [x('ncx', { xmlns: 'http://www.daisy.org/z3986/2005/ncx/', version: '2005-1', 'xml:lang': context.lang }, children)],
  })
}
