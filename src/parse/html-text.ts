import type { Nodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'

/** Elements whose content is not text for a reader. */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math'])

/** Elements that sit inside a line; any other element separates words. */
const INLINE_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
])

/**
 * The text a reader would see in a piece of raw HTML, parsed as HTML
 * (never by pattern), with whitespace collapsed. Script, style and other
 * non-text content is dropped entirely.
 */
export function htmlText(html: string): string {
  const tree = fromHtml(html, { fragment: true })
  let text = ''
  const stack: Array<Nodes | ' '> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node === ' ') {
      text += ' '
      continue
    }
    if (node.type === 'text') {
      text += node.value
    } else if (node.type === 'element') {
      if (DROPPED_ELEMENTS.has(node.tagName)) continue
      const separates = !INLINE_ELEMENTS.has(node.tagName)
      if (separates) text += ' '
      if (separates) stack.push(' ')
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!)
    } else if (node.type === 'root') {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!)
    }
  }
  return text.replace(/\s+/g, ' ').trim()
}

/** The element a fragment of HTML opens, lower-cased (`<script src=x>` → `script`), if it is an opening tag. */
export function openedElement(html: string): string | undefined {
  return /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.trim())?.[1]?.toLowerCase()
}
