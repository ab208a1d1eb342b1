/**
 * SmartyPants over an mdast tree, as remark-smartypants 3 does it: all the
 * text of the tree is joined into one string (inline code as as many `A`s,
 * a space at the start of each paragraph, heading and table cell) and its
 * straight quotes made curly by retext, so that quotes pair across emphasis
 * and links; then each text node has its dashes, ellipses and double
 * backticks made, one node at a time (they change the text's length).
 *
 * Done here rather than through remark-smartypants so that the second pass
 * skips the text nodes it cannot change: most of a book's nodes hold no dot,
 * hyphen, backtick or apostrophe, and retext's parse of each costs more than
 * the rest of the transform.
 */
import type { Nodes, Root } from 'mdast'
import { retext } from 'retext'
import smartypants from 'retext-smartypants'
import type { Options } from 'retext-smartypants'

type Transform = (tree: Root) => void

/** Nodes whose text the first pass reads, or that start a fresh run of text. */
const visitedTypes = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell'])
/** Nodes whose text starts fresh: a quote at their start always opens. */
const blockTypes = new Set(['paragraph', 'heading', 'tableCell'])
const ignoredHtmlElements = new Set(['style', 'script'])

/**
 * What the second pass can change, as retext-smartypants finds it: two dots
 * with at most white space between (the start of an ellipsis, `...` or
 * `. . .`), a double or triple hyphen, an en dash before a hyphen (`–-`),
 * two backticks or two apostrophes. A text with none of these comes out of
 * the pass as it went in: most sentences end in a dot, and would otherwise
 * each be parsed by retext for nothing.
 */
const secondPassPatterns = /\.\s*\.|--|–-|``|''/

export function smartypantsTransform(options: Options): Transform {
  const quotes = retext().use(smartypants, { ...options, ellipses: false, dashes: false, backticks: false })
  const rest = retext().use(smartypants, { ...options, quotes: false })
  return (tree) => {
    const nodes = visitedNodes(tree)
    let allText = ''
    for (const node of nodes) {
      if ('value' in node && typeof node.value === 'string') allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length)
      else allText += ' '
    }
    allText = quotes.processSync(allText).toString()
    let start = 0
    for (const node of nodes) {
      if ('value' in node && typeof node.value === 'string') {
        const end = start + node.value.length
        if (node.type === 'text') {
          const text = allText.slice(start, end)
          node.value = secondPassPatterns.test(text) ? rest.processSync(text).toString() : text
        }
        start = end
      } else start += 1
    }
  }
}

/** The nodes the passes read, in document order (a node before its children), as unist-util-visit finds them. */
function visitedNodes(tree: Root): Nodes[] {
  const found: Nodes[] = []
  const walk = (parent: Nodes): void => {
    if (!('children' in parent)) return
    for (const node of parent.children as Nodes[]) {
      if (read(node, parent)) found.push(node)
      walk(node)
    }
  }
  walk(tree)
  return found
}

function read(node: Nodes, parent: Nodes): boolean {
  const parentName = (parent as { name?: unknown }).name
  if ((parent.type as string) === 'mdxJsxTextElement' && !(typeof parentName === 'string' && !ignoredHtmlElements.has(parentName))) return false
  if (!visitedTypes.has(node.type)) return false
  return ('value' in node && typeof node.value === 'string') || blockTypes.has(node.type)
}
