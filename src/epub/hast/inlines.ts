import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Anchor, IndexMark, Break, Citation, CrossRef, Delete, Emphasis, ImageLength, Inline, InlineCode, InlineImage, InlineMath, Link, LinkTarget, NoteRef, Strong, Styled, Text } from '../../model/book.js'

import { pageMarkers } from './page-marker.js'
import { claimId, type State } from './state.js'

type Handler<T extends Inline> = (state: State, node: T) => ElementContent[]

/** One handler per inline type of the model. */
const handlers: { [K in Inline['type']]: Handler<Extract<Inline, { type: K }>> } = {
  text,
  emphasis,
  strong,
  delete: strikethrough,
  inlineCode,
  link,
  break: hardBreak,
  noteRef,
  image,
  styled,
  anchor,
  inlineMath,
  citation,
  indexMark,
  crossRef,
}

export function inlines(state: State, nodes: readonly Inline[]): ElementContent[] {
  const result: ElementContent[] = []
  for (const node of nodes) {
    const handler = handlers[node.type] as Handler<Inline>
    result.push(...handler(state, node))
  }
  return result
}

/** Text, split where print pages begin when a page list is made. */
export function textWithMarkers(state: State, value: string): ElementContent[] {
  if (!state.words) return value === '' ? [] : [{ type: 'text', value }]
  const result: ElementContent[] = []
  for (const piece of state.words.split(value)) {
    result.push(...pageMarkers(state, piece.pages))
    if (piece.text !== '') result.push({ type: 'text', value: piece.text })
  }
  return result
}

/** Text; in a language not the book's, in a span that says which (for a screen reader's voice, a reader's hyphenation). */
function text(state: State, node: Text): ElementContent[] {
  const content = textWithMarkers(state, node.value)
  if (node.lang === undefined || content.length === 0) return content
  return [h('span', { lang: node.lang, 'xml:lang': node.lang }, content)]
}

function emphasis(state: State, node: Emphasis): ElementContent[] {
  return [h('em', inlines(state, node.children))]
}

function strong(state: State, node: Strong): ElementContent[] {
  return [h('strong', inlines(state, node.children))]
}

function strikethrough(state: State, node: Delete): ElementContent[] {
  return [h('del', inlines(state, node.children))]
}

/** The HTML element of each style kept from raw HTML. */
const styledElements: Record<Styled['style'], string> = {
  superscript: 'sup',
  subscript: 'sub',
  underline: 'u',
  keyboard: 'kbd',
  mark: 'mark',
  small: 'small',
}

function styled(state: State, node: Styled): ElementContent[] {
  return [h(styledElements[node.style], inlines(state, node.children))]
}

/** A citation: its text as the book's style formats it, each work a link to its entry in the reference list. */
function citation(state: State, node: Citation): ElementContent[] {
  return [h('span', { className: ['citation'] }, inlines(state, node.children))]
}

/** A cross-reference: its words, each number a link to what it refers to (see `transform/cross-references.ts`), between the words written around it. */
function crossRef(state: State, node: CrossRef): ElementContent[] {
  return inlines(state, [...(node.prefix !== undefined ? [{ type: 'text' as const, value: node.prefix }] : []), ...node.children, ...(node.suffix !== undefined ? [{ type: 'text' as const, value: node.suffix }] : [])])
}

function inlineCode(state: State, node: InlineCode): ElementContent[] {
  return [h('code', textWithMarkers(state, node.value))]
}

/**
 * A link, to where the links pass resolved it (one it could not resolve is
 * no link any more). A link inside a link is set as its text (XHTML cannot
 * nest them). A footnote call in the link's text is a link itself: the link
 * is cut around it, so the call stays a pop-up and the text stays a link.
 */
function link(state: State, node: Link): ElementContent[] {
  if (state.inLink || !node.target) return inlines(state, node.children)
  const target = node.target
  const result: ElementContent[] = []
  let run: Inline[] = []
  const flush = (): void => {
    if (run.length === 0) return
    state.inLink = true
    const children = inlines(state, run)
    state.inLink = false
    result.push(target.kind === 'web' ? h('a', { href: target.url, title: node.title }, children) : internalLink(state, target, h('a', { href: '', title: node.title }, children)))
    run = []
  }
  for (const child of node.children) {
    if (child.type === 'noteRef') {
      flush()
      result.push(...inlines(state, [child]))
    } else {
      run.push(child)
    }
  }
  flush()
  return result
}

/** A link target written in the text (raw `<a id>`): an empty element with the id. */
function anchor(state: State, node: Anchor): ElementContent[] {
  const id = state.xmlIds.get(node.id)
  return id === undefined ? [] : [h('a', { id })]
}

/** An index mark: an empty `span` the index's locators lead to (a `span`, since a mark may stand inside a link's text). */
function indexMark(state: State, node: IndexMark): ElementContent[] {
  const id = state.xmlIds.get(node.id)
  return id === undefined ? [] : [h('span', { id })]
}

/** `element` as a link to a place in the book, its `href` set once the files of long chapters are known. */
function internalLink(state: State, target: Extract<LinkTarget, { kind: 'internal' }>, element: Element): Element {
  const id = target.id === undefined ? undefined : state.plan.ids.get(target.chapter)?.get(target.id)
  state.links.push(id === undefined ? { element, chapter: target.chapter } : { element, chapter: target.chapter, id })
  return element
}

function hardBreak(state: State, _node: Break): ElementContent[] {
  state.words?.space()
  return [h('br'), { type: 'text', value: '\n' }]
}

/** A footnote call: a pop-up link on e-readers that support them (a plain number deep inside a link's text, which cannot hold another). */
function noteRef(state: State, node: NoteRef): ElementContent[] {
  const label = String(node.number)
  const before = pageMarkers(state, state.words?.atom(label) ?? [])
  if (state.inLink) return [...before, h('sup', label)]
  const noteId = state.noteIds.get(node.note)
  if (noteId === undefined || state.chapter === undefined) {
    state.diag.warn(`footnote call ${label} has no note: set as plain text`, state.place, 'footnote')
    return [...before, h('sup', label)]
  }
  const calls = state.noteCalls.get(node.note)
  const count = (calls?.count ?? 0) + 1
  const id = claimId(state, count === 1 ? `noteref-${node.note}` : `noteref-${node.note}-${count}`)
  state.noteCalls.set(node.note, { count, firstId: calls?.firstId ?? id })
  const call = h('a', { id, className: ['noteref'], href: '', 'epub:type': 'noteref', role: 'doc-noteref' }, label)
  state.links.push({ element: call, chapter: state.chapter, id: noteId })
  return [...before, h('sup', call)]
}

/** A formula in the line, as MathML or SVG; a page that starts inside its TeX starts before it. */
function inlineMath(state: State, node: InlineMath): ElementContent[] {
  const before = pageMarkers(state, state.words?.atom(node.tex) ?? [])
  return [...before, formulaElement(state, node.tex, false)]
}

/**
 * A formula as MathML (or SVG, as the book asks). Every formula reaching the EPUB was read once already
 * (see `transform/check-math.ts`); should one still fail, or the converter be
 * missing, its TeX is set as code rather than lost.
 */
export function formulaElement(state: State, tex: string, display: boolean): Element {
  if (state.formula) {
    try {
      return state.formula(tex, display)
    } catch {
      // Set as code below.
    }
  }
  return display ? h('pre', [h('code', tex)]) : h('code', tex)
}

function image(state: State, node: InlineImage): ElementContent[] {
  const before = pageMarkers(state, state.words?.atom(node.alt) ?? [])
  const img = imageElement(state, node.asset, node.alt, 'inline', node)
  return img ? [...before, img] : before
}

/**
 * The size the manuscript asks of an image (raw HTML's `width` or `height`),
 * as CSS; the style sheet keeps every image within the measure.
 */
function sizeStyle(size: { width?: ImageLength; height?: number }): string | undefined {
  if (size.width) return `width: ${size.width.value}${size.width.unit}`
  if (size.height !== undefined) return `height: ${size.height}px`
  return undefined
}

/** An `img` for an asset of the book, or nothing (with a warning) when the asset is unknown. */
export function imageElement(state: State, assetId: string, alt: string, className: string, size: { width?: ImageLength; height?: number } = {}): ElementContent | undefined {
  const asset = state.book.assets.find((candidate) => candidate.id === assetId)
  const src = state.plan.assetHrefs.get(assetId)
  if (!asset || src === undefined) {
    state.diag.warn(`image \`${assetId}\` is not among the book's files: left out`, state.place, 'image')
    return undefined
  }
  // An image without alt text is reported by the parser, which knows its line; the alt is set as written.
  state.images.push({ asset, alt })
  return h('img', { className: [className], src, alt, style: sizeStyle(size) })
}
