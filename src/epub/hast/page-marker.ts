import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { pageId } from '../page-list.js'
import { claimId, type State } from './state.js'

/** The invisible marker where a print page begins, with its number as the title. */
export function pageMarker(state: State, page: number): Element {
  const id = claimId(state, pageId(page))
  state.markers.push({ page, file: state.file, id })
  state.anchors.push(id)
  return h('span', { 'epub:type': 'pagebreak', role: 'doc-pagebreak', id, title: String(page) })
}

export function pageMarkers(state: State, pages: readonly number[]): Element[] {
  return pages.map((page) => pageMarker(state, page))
}

export function isPageMarker(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'span' && node.properties['epub:type'] === 'pagebreak'
}
