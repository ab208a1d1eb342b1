import type { Root as HastRoot, RootContent as HastContent } from 'hast'
import { raw } from 'hast-util-raw'
import type { RootContent } from 'mdast'
import { parseFragment } from 'parse5'
import type { Position } from 'unist'
import { VFile } from 'vfile'
import { PHRASING_ELEMENTS, STRIPPED_ELEMENTS } from './schema.js'

/**
 * Deepest element nesting of raw HTML that is parsed into elements. The
 * HTML-to-tree libraries recurse once per level and run out of stack some
 * way past a thousand; a run nested deeper keeps only its text.
 */
export const MAX_HTML_DEPTH = 500

/** The node type that carries a Markdown node through the HTML parser. */
export const SLOT_TYPE = 'octavoSlot'

/** A Markdown node among raw HTML: `index` is its place among the run's siblings. */
export interface SlotNode {
  type: typeof SLOT_TYPE
  index: number
  position?: Position
}

/**
 * Parse a run of mdast siblings that holds raw HTML as one piece of HTML, so
 * that an element opened in one `html` node and closed in another wraps what
 * stands between (`a <sup>2</sup> b` reaches mdast as four nodes).
 *
 * Raw HTML goes in as hast `raw` nodes, Markdown text as text (never
 * re-read as markup), and every other Markdown node as an opaque slot that
 * `hast-util-raw` places where the HTML puts it and passes through untouched.
 * The result has positions in the manuscript. `undefined` when the HTML is
 * nested deeper than `MAX_HTML_DEPTH`.
 */
export function parseRun(children: readonly RootContent[]): HastRoot | undefined {
  if (nestedTooDeep(children)) return undefined
  const content = children.map((child, index): HastContent => {
    const position = child.position ? { position: child.position } : {}
    if (child.type === 'html') return { type: 'raw', value: child.value, ...position } as unknown as HastContent
    if (child.type === 'text') return { type: 'text', value: child.value, ...position }
    const slot: SlotNode = { type: SLOT_TYPE, index, ...position }
    return slot as unknown as HastContent
  })
  // A file is what makes the parser record positions; its content is not needed.
  return raw({ type: 'root', children: content }, { passThrough: [SLOT_TYPE], file: new VFile() }) as HastRoot
}

/**
 * Whether the run's HTML nests deeper than the limit. Counting tags bounds the
 * depth cheaply; only a run with more tags than the limit is parsed (by parse5,
 * which builds its tree without recursing) and measured.
 */
function nestedTooDeep(children: readonly RootContent[]): boolean {
  let tags = 0
  for (const child of children) {
    if (child.type !== 'html') continue
    for (let index = child.value.indexOf('<'); index !== -1; index = child.value.indexOf('<', index + 1)) tags++
  }
  if (tags <= MAX_HTML_DEPTH) return false
  const html = children.map((child) => (child.type === 'html' ? child.value : child.type === 'text' ? 'x' : '')).join('')
  return depthOf(parseFragment(html) as unknown as Parse5Node) > MAX_HTML_DEPTH
}

interface Parse5Node {
  childNodes?: Parse5Node[]
  content?: Parse5Node
}

function depthOf(root: Parse5Node): number {
  let deepest = 0
  const stack: Array<[Parse5Node, number]> = [[root, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > deepest) deepest = depth
    for (const child of node.childNodes ?? []) stack.push([child, depth + 1])
    if (node.content) stack.push([node.content, depth + 1])
  }
  return deepest
}

/**
 * The text of raw HTML, for a run nested too deep to be parsed into elements:
 * parse5's tree walked without recursion, stripped elements left out, block
 * elements a space apart.
 */
export function flatHtmlText(html: string): string {
  type Item = (Parse5Node & { nodeName?: string; value?: string }) | ' '
  let text = ''
  const stack: Item[] = [parseFragment(html) as never]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node === ' ') {
      text += ' '
      continue
    }
    const name = node.nodeName ?? ''
    if (name === '#text') text += node.value ?? ''
    if (STRIPPED_ELEMENTS.has(name)) continue
    const separates = !name.startsWith('#') && !PHRASING_ELEMENTS.has(name)
    if (separates) {
      text += ' '
      stack.push(' ')
    }
    const children = node.childNodes ?? []
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
  }
  return text.replace(/\s+/g, ' ').trim()
}
