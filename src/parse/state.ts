import type { Definition, Nodes, Parents, Root, RootContent } from 'mdast'
import type { Diagnostics } from '../diagnostics.js'
import type { Block, Inline, Place } from '../model/book.js'
import { hoistAnchors } from './anchors.js'
import { blockHandlers, inlineHandlers } from './handlers/index.js'
import { htmlBlocks, htmlInlines } from './handlers/html.js'
import type { BlockHandler, InlineHandler } from './handlers/index.js'
import type { RawHtml } from './html/types.js'
import { withPlace } from './with-place.js'
import type { FootnoteDraft, ImageSource } from './types.js'

/**
 * What every mdast handler shares while one file is converted: where the
 * file is, how to report, link definitions and footnotes of the file, and
 * the image resolver. Handlers call `blocks` and `inlines` for their children,
 * which dispatch through the handler registries.
 */
export class State {
  readonly file: string
  readonly diag: Diagnostics
  readonly images: ImageSource
  /** Link and image reference definitions of the file, by normalised identifier. */
  readonly definitions = new Map<string, Definition>()
  /** Footnote labels defined anywhere in the file. */
  readonly footnoteLabels = new Set<string>()
  /** Footnote content, filled in as definitions are met. */
  readonly footnotes = new Map<string, FootnoteDraft>()
  private readonly warnedTypes = new Set<string>()
  /** The raw HTML converter, loaded by the caller when the file holds raw HTML (see `lazy.ts`). */
  private readonly html: RawHtml | undefined

  constructor(tree: Root, file: string, diag: Diagnostics, images: ImageSource, html?: RawHtml) {
    this.file = file
    this.diag = diag
    this.images = images
    this.html = html
    this.collectDefinitions(tree)
  }

  /** The raw HTML converter; only a file that holds raw HTML asks for it, and then it was loaded. */
  rawHtml(): RawHtml {
    if (this.html === undefined) throw new Error('raw HTML met in a file the HTML converter was not loaded for')
    return this.html
  }

  place(node: Nodes): Place | undefined {
    const start = node.position?.start
    return start ? { file: this.file, line: start.line, column: start.column } : undefined
  }

  /** A place for messages, falling back to the file's first line. */
  placeOrFile(node: Nodes): Place {
    return this.place(node) ?? { file: this.file, line: 1, column: 1 }
  }

  /**
   * The block children of `parent` as model blocks. Children that include
   * raw HTML are parsed as HTML together (see `handlers/html.ts`).
   */
  blocks(parent: Parents): Block[] {
    const children = parent.children as RootContent[]
    if (children.some((child) => child.type === 'html')) return hoistAnchors(htmlBlocks(this, parent))
    const result: Block[] = []
    for (const child of children) result.push(...this.block(child, parent))
    // A paragraph of nothing but raw `<a id>` anchors leads to the block after it.
    return hoistAnchors(result)
  }

  /** One block node of `parent`, through its handler. */
  block(node: RootContent, parent: Parents): Block[] {
    const handler = blockHandlers[node.type] as BlockHandler | undefined
    return handler ? handler(this, node, parent) : this.unknownBlock(node)
  }

  /** The phrasing children of `parent` as model inlines; with raw HTML among them, parsed as HTML together. */
  inlines(parent: Parents): Inline[] {
    const children = parent.children as RootContent[]
    if (children.some((child) => child.type === 'html')) return htmlInlines(this, parent)
    const result: Inline[] = []
    for (const child of children) result.push(...this.inline(child, parent))
    return result
  }

  /** One phrasing node of `parent`, through its handler. */
  inline(node: RootContent, parent: Parents): Inline[] {
    const handler = inlineHandlers[node.type] as InlineHandler | undefined
    return handler ? handler(this, node, parent) : this.unknownInline(node)
  }

  /** A node no handler knows: keep its text, say so once per type. */
  private unknownBlock(node: RootContent): Block[] {
    this.warnUnknown(node)
    if ('children' in node) return this.blocks(node)
    if ('value' in node && node.value.trim() !== '') {
      return [withPlace({ type: 'paragraph', children: [{ type: 'text', value: node.value }] }, this.place(node))]
    }
    return []
  }

  private unknownInline(node: RootContent): Inline[] {
    this.warnUnknown(node)
    if ('children' in node) return this.inlines(node)
    if ('value' in node) return [{ type: 'text', value: node.value }]
    return []
  }

  private warnUnknown(node: RootContent): void {
    if (this.warnedTypes.has(node.type)) return
    this.warnedTypes.add(node.type)
    this.diag.warn(`unsupported Markdown construct \`${node.type}\`: only its text is kept`, this.placeOrFile(node), 'unsupported')
  }

  /** Definitions may come after their use, and inside block quotes or lists: collect them all first. */
  private collectDefinitions(tree: Root): void {
    const stack: Nodes[] = [tree]
    while (stack.length > 0) {
      const node = stack.pop()!
      if (node.type === 'definition') {
        // The first definition of a label wins, as in CommonMark.
        if (!this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node)
      } else if (node.type === 'footnoteDefinition') {
        this.footnoteLabels.add(node.identifier)
      }
      if ('children' in node) {
        for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!)
      }
    }
  }
}
