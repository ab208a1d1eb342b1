import type { Blockquote, BlockContent, DefinitionContent, Parents, Paragraph, PhrasingContent } from 'mdast'
import type { AlertKind } from '../model/book.js'

const kinds: ReadonlySet<string> = new Set<AlertKind>(['note', 'tip', 'important', 'warning', 'caution'])

/** The marker that opens an alert, at the start of its first line: `[!NOTE]`, in any case. */
const marker = /^\[!([a-z]+)\]/i

/**
 * Whether a block quote is one of GitHub's alerts, and if so its kind and its
 * content without the marker. GitHub's rules, as it renders them: the quote
 * stands at the top level of the document (not in a list or another quote);
 * its first paragraph opens with the marker of a known kind, alone on its
 * line, and something follows it: more text after a line ending or a hard
 * break, or further blocks. `> [!NOTE] text` on one line stays a quote.
 */
export function alertOf(node: Blockquote, parent: Parents): { kind: AlertKind; children: Array<BlockContent | DefinitionContent> } | undefined {
  if (parent.type !== 'root') return undefined
  const [head, ...rest] = node.children
  if (head?.type !== 'paragraph') return undefined
  const first = head.children[0]
  if (first?.type !== 'text') return undefined
  const found = marker.exec(first.value)
  const kind = found?.[1]?.toLowerCase()
  if (!found || kind === undefined || !kinds.has(kind)) return undefined
  const after = first.value.slice(found[0].length)
  let children: PhrasingContent[]
  if (after === '') {
    const next = head.children[1]
    if (next === undefined) {
      // The marker is the whole paragraph: the blocks after it are the alert's.
      return rest.length > 0 ? { kind: kind as AlertKind, children: rest } : undefined
    }
    // Otherwise a hard break ends the marker's line, and something follows it.
    if (next.type !== 'break' || head.children.length < 3) return undefined
    children = head.children.slice(2)
  } else {
    // A line ending after the marker, then the text of the alert.
    const text = /^[ \t]*\r?\n/.exec(after)
    if (!text) return undefined
    const remaining = after.slice(text[0].length)
    if (remaining.trim() === '' && head.children.length === 1) return rest.length > 0 ? { kind: kind as AlertKind, children: rest } : undefined
    children = remaining === '' ? head.children.slice(1) : [{ ...first, value: remaining }, ...head.children.slice(1)]
  }
  const paragraph: Paragraph = { ...head, children }
  return { kind: kind as AlertKind, children: [paragraph, ...rest] }
}
