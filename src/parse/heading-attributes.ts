import type { Heading, Nodes, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'

/** What this pass leaves on a heading's `data` for the model. */
export interface HeadingData {
  /** The id written after the heading (`{#id}`), if any. */
  explicitId?: string
  /** The heading's text as GitHub slugs it: its words as written, before smart punctuation. */
  slugText: string
}

/**
 * `{#id}` at the end of a heading, as pandoc, kramdown and most static-site
 * generators accept it (other attributes in the braces, `.class` or
 * `key=value`, are allowed and ignored).
 */
const attributes = /[ \t]*\{[ \t]*#([^\s{}#]+)(?:[ \t]+[^{}]*)?\}[ \t]*$/

/**
 * Before smart punctuation changes the text (GitHub makes its ids from the
 * text as written: `a -- b` is `a----b`, not `a--b`), note each heading's
 * text for its id, and take off an explicit `{#id}`.
 */
export function remarkHeadingAttributes(): (tree: Root) => void {
  return (tree) => {
    const stack: Nodes[] = [tree]
    while (stack.length > 0) {
      const node = stack.pop()!
      if ('children' in node && node.type !== 'heading') stack.push(...(node.children as Nodes[]))
      if (node.type !== 'heading') continue
      const data: HeadingData = { slugText: '' }
      const last = node.children.at(-1)
      if (last?.type === 'text') {
        const match = attributes.exec(last.value)
        if (match) {
          data.explicitId = match[1]!
          last.value = last.value.slice(0, match.index)
          if (last.value === '') node.children.pop()
        }
      }
      // GitHub slugs the rendered text: raw HTML tags count for nothing, the text between them does.
      data.slugText = toString(node, { includeHtml: false, includeImageAlt: false })
      node.data = { ...node.data, ...({ octavoHeading: data } as object) }
    }
  }
}

/** What `remarkHeadingAttributes` noted on a heading. */
export function headingData(node: Heading): HeadingData | undefined {
  return (node.data as { octavoHeading?: HeadingData } | undefined)?.octavoHeading
}
