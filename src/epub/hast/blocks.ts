import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import type { Alert, Block, BlockAlign, BlockQuote, CodeBlock, DefinitionList, Details, Figure, Heading, List, ListItem, MathBlock, Paragraph, Table, ThematicBreak } from '../../model/book.js'
import { tableGrid } from '../../model/table-grid.js'
import { hasWords } from '../../model/text.js'
import { formulaElement, imageElement, inlines, textWithMarkers } from './inlines.js'
import { applyLeadIn, leadInWords } from './lead-in.js'
import { isPageMarker, pageMarkers } from './page-marker.js'
import { claimId, type State } from './state.js'
import { numberSeparator } from '../../theme/index.js'

/** The class of a section number (see `Theme.numbering`). */
export const sectionNumberClass = 'section-number'
import { WordCursor } from './words.js'

/** Where a block stands in its chapter (see `PageStart.block`); undefined inside notes. */
type Path = number[] | undefined

type Handler<T extends Block> = (state: State, node: T, path: Path) => ElementContent[]

/** One handler per block type of the model. */
const handlers: { [K in Block['type']]: Handler<Extract<Block, { type: K }>> } = {
  heading,
  paragraph,
  blockquote,
  list,
  code,
  thematicBreak,
  table,
  figure,
  definitionList,
  details,
  alert,
  math: displayMath,
}

const newline: ElementContent = { type: 'text', value: '\n' }

/**
 * Convert blocks, with the print edition's page markers: before a block when
 * a page starts at its first word (or at a block without words), inside it
 * when a page starts at a later word.
 */
export function blocks(state: State, nodes: readonly Block[], basePath?: number[], from = 0): ElementContent[] {
  const result: ElementContent[] = []
  nodes.forEach((node, index) => {
    if (index < from) return
    const path = basePath === undefined ? undefined : [...basePath, index]
    const outer = { words: state.words, place: state.place }
    state.place = node.place ?? state.place
    state.words = undefined

    if (path !== undefined && state.pages) {
      result.push(...pageMarkers(state, state.pages.take(path, hasWords(node) ? 0 : Infinity).map((start) => start.page)))
      const inside = state.pages.take(path)
      if (inside.length > 0) state.words = new WordCursor(inside)
    }

    const converted = handlers[node.type](state, node as never, path)
    placeAnchors(state, node.anchors ?? [], converted)
    const late = state.words?.rest() ?? []
    if (late.length > 0) {
      const last = converted.at(-1)
      // A definition list holds only terms and details: the markers go in its last details.
      const into = last?.type === 'element' && last.tagName === 'dl' ? last.children.findLast((child): child is Element => child.type === 'element' && child.tagName === 'dd') : last
      if (into?.type === 'element') into.children.push(...pageMarkers(state, late))
      else converted.push(...pageMarkers(state, late))
    }

    state.words = outer.words
    state.place = outer.place
    result.push(...converted, newline)
  })
  return result
}

/**
 * The ids written just before a block (raw `<a id>` on their own): the first
 * goes on the block's element when it has none, the others on empty anchors
 * before it.
 */
function placeAnchors(state: State, anchors: readonly string[], converted: ElementContent[]): void {
  const ids = anchors.map((id) => state.xmlIds.get(id)).filter((id) => id !== undefined)
  const first = converted[0]
  if (ids.length > 0 && first?.type === 'element' && first.properties.id === undefined) first.properties.id = ids.shift()
  converted.unshift(...ids.map((id) => h('a', { id })))
}

function heading(state: State, node: Heading): ElementContent[] {
  const id = state.xmlIds.get(node.id) ?? claimId(state, 'section')
  state.anchors.push(id)
  const content = inlines(state, node.children)
  const number = state.headingNumbers.get(node)
  return [h(`h${node.depth}`, { id, className: alignClassOf(node.align), dir: node.dir }, number === undefined ? content : [sectionNumber(number), ...content])]
}

/** A section number before a heading's words (or a contents entry's), in a span of its own as print sets it. */
export function sectionNumber(number: string): ElementContent {
  return h('span', { className: [sectionNumberClass] }, `${number}${numberSeparator}`)
}

function paragraph(state: State, node: Paragraph): ElementContent[] {
  const content = inlines(state, node.children)
  // An entry of the reference list stands in an element of its own: set flush, as no paragraph follows it in the same parent.
  if (node.role === 'biblioentry') return [h('div', { className: ['biblioentry'], 'epub:type': 'biblioentry', role: 'doc-biblioentry' }, [h('p', content)])]
  const properties = { className: alignClassOf(node.align), dir: node.dir }
  if (node === state.leadIn) return [h('p', properties, applyLeadIn(content, leadInWords(state.theme)))]
  return [h('p', properties, content)]
}

/** The class that aligns a paragraph or heading as the manuscript asks (the CSS sets it from the theme's rules). */
function alignClassOf(align: BlockAlign | undefined): string[] | undefined {
  return align === undefined ? undefined : [`align-${align}`]
}

function blockquote(state: State, node: BlockQuote, path: Path): ElementContent[] {
  return [h('blockquote', [newline, ...blocks(state, node.children, path)])]
}

function list(state: State, node: List, path: Path): ElementContent[] {
  const tasks = node.items.some((item) => item.checked !== null)
  const className = [...(node.spread ? ['loose'] : []), ...(tasks ? ['tasks'] : [])]
  const properties = { className: className.length > 0 ? className : undefined, start: node.ordered && node.start !== 1 ? node.start : undefined, dir: node.dir }
  const items = node.items.flatMap((item, index) => [listItem(state, item, node.spread, path === undefined ? undefined : [...path, index]), newline])
  return [h(node.ordered ? 'ol' : 'ul', properties, [newline, ...items])]
}

/**
 * A list item. In a tight list, a paragraph that opens the item is set as the
 * item's own text, as browsers and print do.
 */
function listItem(state: State, item: ListItem, spread: boolean, path: Path): Element {
  const children = blocks(state, item.children, path)
  // The first block, after any page markers placed before it.
  const firstIndex = children.findIndex((child) => child.type === 'element' && !isPageMarker(child))
  const first = children[firstIndex]
  if (!spread && first?.type === 'element' && first.tagName === 'p') children.splice(firstIndex, 1, ...first.children)
  if (item.checked !== null) {
    const label = item.checked ? state.labels.done : state.labels.toDo
    const box = h('span', { className: ['task-box'], role: 'img', ariaLabel: label }, item.checked ? '\u2611' : '\u2610')
    // In a loose list the item's text is a paragraph: the box goes inside it, on the same line.
    const into = spread && first?.type === 'element' && first.tagName === 'p' ? first.children : children
    into.unshift(box, { type: 'text', value: ' ' })
  }
  while (children.at(-1) === newline) children.pop()
  return h('li', { className: item.checked === null ? undefined : [item.checked ? 'task-done' : 'task-open'], dir: item.dir }, children)
}

/** A code block; highlighted tokens become spans whose colours the CSS takes from the theme. */
function code(state: State, node: CodeBlock): ElementContent[] {
  const language = node.lang?.trim().split(/\s+/)[0]
  const tokens = node.tokens ?? [{ text: node.value }]
  const content = tokens.flatMap((token): ElementContent[] => {
    const text = textWithMarkers(state, token.text)
    return token.kind ? [h('span', { className: [`tok-${token.kind}`] }, text)] : text
  })
  return [h('pre', h('code', { className: language ? [`language-${language}`] : undefined }, content))]
}

/** A thematic break: the theme's section-break sign, centred. */
function thematicBreak(state: State, _node: ThematicBreak): ElementContent[] {
  return [h('div', { className: ['section-break'], role: 'separator' }, state.theme.sectionBreak)]
}

const alignClass = { left: 'align-left', center: 'align-center', right: 'align-right' } as const

/**
 * A table: its header rows in `thead`, spans as written; alignment through
 * classes the CSS sets (epub-gen-memory would drop `align`). It stands in a
 * block that scrolls sideways (`.table` in the CSS), so that a table wider
 * than the reader's screen does not run off it or squeeze its columns to
 * nothing: the print edition turns such a table; a screen scrolls it.
 */
function table(state: State, node: Table): ElementContent[] {
  const grid = tableGrid(node)
  if (grid.cells.length === 0) return []
  const rows: Element[][] = node.rows.map(() => [])
  for (const placed of grid.cells) {
    const tag = placed.header ? 'th' : 'td'
    // Cells are counted in order, row by row: a page that starts inside a table starts in a cell.
    state.words?.space()
    rows[placed.row]!.push(
      h(
        tag,
        {
          scope: placed.header ? (placed.colspan > 1 ? 'colgroup' : 'col') : undefined,
          colspan: placed.colspan > 1 ? placed.colspan : undefined,
          rowspan: placed.rowspan > 1 ? placed.rowspan : undefined,
          className: placed.align ? [alignClass[placed.align]] : undefined,
        },
        inlines(state, placed.cell.children),
      ),
    )
  }
  const tr = (cells: Element[]): Element => h('tr', cells)
  const children: Element[] = []
  const head = rows.slice(0, node.headerRows).map(tr)
  const body = rows.slice(node.headerRows).map(tr)
  // The print edition counts a table's words from its cells (its caption is set apart): so does the page list here.
  const cursor = state.words
  state.words = undefined
  const caption = captionContent(state, node)
  state.words = cursor
  if (caption.length > 0) children.push(h('caption', caption))
  if (head.length > 0) children.push(h('thead', head))
  if (body.length > 0) children.push(h('tbody', body))
  return [h('div', { className: ['table'] }, [h('table', children)])]
}

/**
 * A displayed formula: a block `<math>`, its TeX as its alt text. A numbered
 * one stands in a row with its number at the right (a flex box the CSS sets,
 * as print sets the number flush right on the formula's line).
 */
function displayMath(state: State, node: MathBlock): ElementContent[] {
  const formula = formulaElement(state, node.tex, true)
  if (node.number === undefined) return [formula]
  return [h('div', { className: ['equation'] }, [formula, h('span', { className: ['equation-number'] }, node.number)])]
}

/** A caption's content, led by the figure's or table's number when it has one (`Figure 2.3: `). */
function captionContent(state: State, node: Figure | Table): ElementContent[] {
  const lead = node.number === undefined ? [] : [h('span', { className: ['caption-number'] }, textWithMarkers(state, node.number.lead))]
  return [...lead, ...(node.caption ? inlines(state, node.caption) : [])]
}

function figure(state: State, node: Figure): ElementContent[] {
  const image = imageElement(state, node.asset, node.alt, 'figure-image', node)
  const content = captionContent(state, node)
  const caption = content.length > 0 ? h('figcaption', content) : undefined
  if (!image && !caption) return []
  return [h('figure', [image, caption].filter((child) => child !== undefined))]
}

/**
 * A definition list: each item's terms (`dt`), then its details (`dd`), a
 * page that starts in a term counted in the list's own words. HTML wants at
 * least one of each in a group: an item without either gets an empty one.
 */
function definitionList(state: State, node: DefinitionList, path: Path): ElementContent[] {
  const children: ElementContent[] = [newline]
  node.items.forEach((item, index) => {
    const terms = item.terms.length > 0 ? item.terms : [[]]
    for (const term of terms) {
      // Terms stand apart, like table cells: the last word of one and the first of the next are two words.
      state.words?.space()
      children.push(h('dt', inlines(state, term)), newline)
    }
    const details = item.details.length > 0 ? item.details : [[]]
    details.forEach((detail, at) => {
      const content = blocks(state, detail, path === undefined ? undefined : [...path, index, at])
      children.push(h('dd', content.length > 0 ? [newline, ...content] : []), newline)
    })
  })
  return [h('dl', children)]
}

/**
 * A disclosure, open: the summary heads it (a reader may fold it where the
 * reading system can), the body follows. Without a summary, a reading system
 * would write one of its own words: the body stands in a `div` instead.
 */
function details(state: State, node: Details, path: Path): ElementContent[] {
  if (node.summary.length === 0) return [h('div', { className: ['details'] }, [newline, ...blocks(state, node.children, path)])]
  return [h('details', { open: true }, [newline, h('summary', inlines(state, node.summary)), newline, ...blocks(state, node.children, path)])]
}

/**
 * One of GitHub's alerts: its label, then its blocks, in a `div` the CSS
 * marks with the kind's rule and colour; announced as a note.
 */
function alert(state: State, node: Alert, path: Path): ElementContent[] {
  const label = h('p', { className: ['alert-label'] }, textWithMarkers(state, node.label))
  return [h('div', { className: ['alert', `alert-${node.kind}`], role: 'note' }, [newline, label, newline, ...blocks(state, node.children, path)])]
}
