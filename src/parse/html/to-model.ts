import type { Element, ElementContent } from 'hast'
import type { Parents, RootContent } from 'mdast'
import type { Position } from 'unist'
import type { Block, CodeBlock, Inline, ListItem, Place, Text } from '../../model/book.js'
import { MAX_NESTING } from '../limit-nesting.js'
import { smartPunctuationAcross } from '../smart-punctuation.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'
import { BLOCK_ELEMENTS, INLINE_ELEMENTS, SLOT_TAG } from './schema.js'

/** Where a block element would cut a line of text: a space, unless one is there already. */
const SEPARATOR = Symbol('separator')
type Piece = Inline | typeof SEPARATOR

/** Quotation marks of `q`, outer and nested. */
const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['\u201c', '\u201d'],
  ['\u2018', '\u2019'],
]

export interface ConvertOptions {
  /**
   * `block`: the text is raw HTML's own, and white space collapses as in a
   * browser. `inline`: the text is Markdown's, whose line endings read as spaces.
   */
  mode: 'block' | 'inline'
  /** Told before each Markdown node among the HTML is converted. */
  beforeSlot?: (node: RootContent) => void
}

/**
 * Sanitised hast to model blocks and inlines. Only the kept elements (see
 * `schema.ts`) and slots reach it; each slot is converted by the ordinary
 * mdast handlers, so Markdown inside raw HTML (`<div>` … `*text*` … `</div>`)
 * is treated as it would be anywhere else. Block quotes, lists and inline
 * formatting nested deeper than the Markdown limit are flattened into
 * their content, as Markdown's are.
 */
export class HtmlToModel {
  /** Whether nesting was flattened, for one warning per run. */
  flattened = false
  private blockDepth = 0
  private inlineDepth = 0
  /** Inside a link, where another link cannot be: a Markdown link's text, or a raw `a`'s. */
  private insideLink: boolean
  private readonly holding = new WeakMap<Element, boolean>()

  constructor(
    private readonly state: State,
    private readonly parent: Parents,
    private readonly run: readonly RootContent[],
    private readonly options: ConvertOptions,
  ) {
    this.insideLink = parent.type === 'link' || parent.type === 'linkReference'
  }

  /** Content in block position: text and inline elements between blocks are gathered into paragraphs. */
  blocks(nodes: readonly ElementContent[]): Block[] {
    const result: Block[] = []
    let pending: Piece[] = []
    let pendingPlace: Place | undefined
    const flush = (): void => {
      const children = this.paragraphInlines(pending)
      if (children.length > 0) result.push(withPlace({ type: 'paragraph', children }, pendingPlace))
      pending = []
      pendingPlace = undefined
    }
    for (const node of nodes) {
      if (node.type === 'text') {
        if (pending.length === 0 && node.value.trim() === '') continue
        pendingPlace ??= this.place(node.position)
        pending.push(...this.pieces([node], 0))
      } else if (node.type === 'element') {
        if (node.tagName === SLOT_TAG) {
          flush()
          const slot = this.slot(node)
          this.options.beforeSlot?.(slot)
          result.push(...this.state.block(slot, this.parent))
        } else if (BLOCK_ELEMENTS.has(node.tagName) || this.holdsBlocks(node)) {
          flush()
          result.push(...this.block(node))
        } else {
          pendingPlace ??= this.place(node.position)
          pending.push(...this.pieces([node], 0))
        }
      }
    }
    flush()
    return result
  }

  /** Content in a line of text. */
  inlines(nodes: readonly ElementContent[]): Inline[] {
    return finish(this.pieces(nodes, 0))
  }

  /**
   * The inlines of a paragraph made from raw HTML's own text, with the smart
   * punctuation Markdown's text has (HTML inside a line of Markdown has its
   * text from Markdown, smartened already).
   */
  private paragraphInlines(pieces: readonly Piece[]): Inline[] {
    const inlines = finish(pieces)
    if (this.options.mode === 'block') smartPunctuationAcross(textsOf(inlines))
    return inlines
  }

  private block(node: Element): Block[] {
    const place = this.place(node.position)
    switch (node.tagName) {
      case 'p': {
        if (this.holdsBlocks(node)) return this.blocks(node.children)
        const children = this.paragraphInlines(this.pieces(node.children, 0))
        return children.length > 0 ? [withPlace({ type: 'paragraph', children }, place)] : []
      }
      case 'summary': {
        // The heading of a `details` element, which an e-book cannot fold: a paragraph in bold.
        if (this.holdsBlocks(node)) return this.blocks(node.children)
        const children = this.paragraphInlines(this.pieces(node.children, 0))
        return children.length > 0 ? [withPlace({ type: 'paragraph', children: [{ type: 'strong', children }] }, place)] : []
      }
      case 'blockquote':
        return this.nested(() => [withPlace({ type: 'blockquote', children: this.blocks(node.children) }, place)], () => this.blocks(node.children))
      case 'ul':
      case 'ol':
        return this.nested(() => [withPlace(this.list(node), place)], () => this.blocks(node.children))
      case 'pre':
        return [withPlace(codeBlock(node, this), place)]
      default:
        // `div`, `details`, a `li` outside a list, an inline element wrapped around blocks: their content.
        return this.blocks(node.children)
    }
  }

  private list(node: Element): Block {
    const items: ListItem[] = []
    let spread = false
    for (const child of node.children) {
      if (child.type === 'element' && child.tagName === 'li') {
        if (child.children.some((grandchild) => grandchild.type === 'element' && grandchild.tagName === 'p')) spread = true
        items.push({ checked: null, children: this.blocks(child.children) })
      } else if (child.type !== 'text' || child.value.trim() !== '') {
        // Content between items belongs to the item before it, or to an item of its own.
        const blocks = this.blocks([child])
        const last = items.at(-1)
        if (last) last.children.push(...blocks)
        else if (blocks.length > 0) items.push({ checked: null, children: blocks })
      }
    }
    const ordered = node.tagName === 'ol'
    const start = Number(node.properties.start)
    return { type: 'list', ordered, start: ordered && Number.isSafeInteger(start) && start >= 0 ? start : 1, spread, items }
  }

  /** Inline content as pieces: inlines, and separators where a block element stood in the line. */
  private pieces(nodes: readonly ElementContent[], quoteDepth: number): Piece[] {
    const result: Piece[] = []
    for (const node of nodes) {
      if (node.type === 'text') {
        const value = this.options.mode === 'block' ? node.value.replace(/[ \t\n\r\f]+/g, ' ') : node.value.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ')
        if (value !== '') result.push({ type: 'text', value })
      } else if (node.type === 'element') {
        result.push(...this.elementPieces(node, quoteDepth))
      }
    }
    return result
  }

  private elementPieces(node: Element, quoteDepth: number): Piece[] {
    if (node.tagName === SLOT_TAG) {
      const slot = this.slot(node)
      this.options.beforeSlot?.(slot)
      return this.state.inline(slot, this.parent)
    }
    const kind = INLINE_ELEMENTS.get(node.tagName)
    if (kind === undefined) {
      // A block element inside a line of text: its content, set apart from its neighbours.
      if (node.tagName === 'pre') return [SEPARATOR, ...inlineCode(textContent(node, this)), SEPARATOR]
      return [SEPARATOR, ...this.pieces(node.children, quoteDepth), SEPARATOR]
    }
    switch (kind.kind) {
      case 'break':
        return [{ type: 'break' }]
      case 'inlineCode':
        return inlineCode(textContent(node, this).replace(/\s+/g, ' '))
      case 'transparent':
        return this.pieces(node.children, quoteDepth)
      case 'quote': {
        const [open, close] = QUOTES[quoteDepth % 2]!
        return [{ type: 'text', value: open }, ...this.pieces(node.children, quoteDepth + 1), { type: 'text', value: close }]
      }
      default:
        break
    }
    // A link inside a link is its text: an edition cannot nest them.
    if (kind.kind === 'link' && this.insideLink) return this.pieces(node.children, quoteDepth)
    if (this.inlineDepth >= MAX_NESTING) {
      this.flattened = true
      return this.pieces(node.children, quoteDepth)
    }
    this.inlineDepth++
    const outsideLink = !this.insideLink
    if (kind.kind === 'link') this.insideLink = true
    let children = finish(this.pieces(node.children, quoteDepth), false)
    if (kind.kind === 'link' && outsideLink) {
      this.insideLink = false
      // Markdown inside the `a` may have made links of its own (an autolinked address): their text stays.
      children = withoutLinks(children)
    }
    this.inlineDepth--
    if (children.length === 0) return []
    switch (kind.kind) {
      case 'strong':
      case 'emphasis':
      case 'delete':
        return [{ type: kind.kind, children }]
      case 'styled':
        return [{ type: 'styled', style: kind.style, children }]
      case 'link': {
        const href = node.properties.href
        if (typeof href !== 'string' || href === '') return children
        const title = node.properties.title
        return [{ type: 'link', url: href, children, ...(typeof title === 'string' && title !== '' ? { title } : {}) }]
      }
    }
  }

  /** Run `make` one block level deeper, or `flat` past the nesting limit. */
  private nested(make: () => Block[], flat: () => Block[]): Block[] {
    if (this.blockDepth >= MAX_NESTING) {
      this.flattened = true
      return flat()
    }
    this.blockDepth++
    try {
      return make()
    } finally {
      this.blockDepth--
    }
  }

  /** Whether an element holds a block (a block element, or a Markdown block in block position). */
  private holdsBlocks(node: Element): boolean {
    let known = this.holding.get(node)
    if (known === undefined) {
      known = node.children.some(
        (child) =>
          child.type === 'element' &&
          ((child.tagName === SLOT_TAG && this.options.mode === 'block') || BLOCK_ELEMENTS.has(child.tagName) || this.holdsBlocks(child)),
      )
      this.holding.set(node, known)
    }
    return known
  }

  /** The mdast node a slot stands for. */
  slot(node: Element): RootContent {
    return this.run[Number(node.properties.dataSlot)]!
  }

  private place(position: Position | undefined): Place | undefined {
    const start = position?.start
    return start ? { file: this.state.file, line: start.line, column: start.column } : undefined
  }
}

/** A `pre` element as a code block; a `code` inside it may name the language (`class="language-js"`). */
function codeBlock(node: Element, converter: HtmlToModel): CodeBlock {
  const block: CodeBlock = { type: 'code', value: textContent(node, converter).replace(/\r\n?/g, '\n').replace(/\n$/, '') }
  const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code')
  const className = code?.properties.className
  const language = Array.isArray(className) ? className.map(String).find((name) => name.startsWith('language-')) : undefined
  if (language) block.lang = language.slice('language-'.length)
  return block
}

/** Inlines with every link replaced by its content. */
function withoutLinks(inlines: readonly Inline[]): Inline[] {
  const result: Inline[] = []
  for (const inline of inlines) {
    const replaced: Inline[] = inline.type === 'link' ? withoutLinks(inline.children) : 'children' in inline ? [{ ...inline, children: withoutLinks(inline.children) }] : [inline]
    for (const piece of replaced) {
      const last = result.at(-1)
      if (piece.type === 'text' && last?.type === 'text') result[result.length - 1] = { type: 'text', value: last.value + piece.value }
      else result.push(piece)
    }
  }
  return result
}

/** The text inlines of a paragraph, in order, code left out. */
function textsOf(inlines: readonly Inline[], into: Text[] = []): Text[] {
  for (const inline of inlines) {
    if (inline.type === 'text') into.push(inline)
    else if ('children' in inline) textsOf(inline.children, into)
  }
  return into
}

function inlineCode(value: string): Inline[] {
  return value === '' ? [] : [{ type: 'inlineCode', value }]
}

/** The text of an element as written, Markdown inside it included. */
function textContent(node: Element, converter: HtmlToModel): string {
  let text = ''
  for (const child of node.children) {
    if (child.type === 'text') text += child.value
    else if (child.type === 'element') text += child.tagName === SLOT_TAG ? mdastText(converter.slot(child)) : textContent(child, converter)
  }
  return text
}

function mdastText(node: RootContent): string {
  if ('value' in node) return node.value
  if ('children' in node) return (node.children as RootContent[]).map(mdastText).join('')
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? ''
  return ''
}

/**
 * Pieces to inlines: adjacent text merged, a separator made a space only
 * between words, runs of spaces collapsed, white space around hard breaks
 * and (at the top of a run) at its ends removed.
 */
function finish(pieces: readonly Piece[], trimEnds = true): Inline[] {
  const result: Inline[] = []
  let pendingSpace = false
  for (const piece of pieces) {
    if (piece === SEPARATOR) {
      pendingSpace = true
      continue
    }
    const last = result.at(-1)
    if (pendingSpace && last !== undefined && last.type !== 'break') {
      if (last.type === 'text') last.value = last.value.replace(/\s*$/, ' ')
      else result.push({ type: 'text', value: ' ' })
    }
    pendingSpace = false
    const previous = result.at(-1)
    if (piece.type === 'text' && previous?.type === 'text') previous.value += piece.value
    else result.push(piece.type === 'text' ? { ...piece } : piece)
  }
  for (let index = 0; index < result.length; index++) {
    const node = result[index]!
    if (node.type !== 'text') continue
    // Where an element was dropped, the spaces either side of it meet: one is enough (HTML shows one).
    node.value = node.value.replace(/ {2,}/g, ' ')
    if (result[index - 1]?.type === 'break' || (trimEnds && index === 0)) node.value = node.value.replace(/^\s+/, '')
    if (result[index + 1]?.type === 'break' || (trimEnds && index === result.length - 1)) node.value = node.value.replace(/\s+$/, '')
  }
  return result.filter((node) => node.type !== 'text' || node.value !== '')
}
