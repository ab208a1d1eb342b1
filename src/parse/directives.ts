import type { Paragraph, Parent, Root, RootContent, Text } from 'mdast'
import type { VFile } from 'vfile'

/** The directives Octavo reads; any other is put back as the text it was written as. */
export const KNOWN_TEXT_DIRECTIVES = new Set(['index'])

/** A directive put back as text, to be reported against the file. */
export interface DirectiveReport {
  /** The directive as written (its first line, for a block directive). */
  written: string
  line: number
  column: number
}

interface DirectiveNode extends Parent {
  type: 'textDirective' | 'leafDirective' | 'containerDirective'
  name: string
  attributes?: Record<string, string | null | undefined> | null
}

/**
 * Puts back every directive Octavo does not know as the text it was written
 * as, so that nothing a writer typed is lost: `remark-directive` reads
 * `:name[…]{…}`, `::name` and `:::name` forms, which a manuscript written
 * without directives in mind may hold (`a:b`, a shortcode `:rocket:`). A text
 * directive becomes text merged with its neighbours (so later passes, smart
 * punctuation and emoji, see the text as written); a leaf directive a
 * paragraph of its line; a container its opening and closing lines as
 * paragraphs around its content. A bare `:name` (no label, no attributes) is
 * ordinary prose and is put back without a report.
 */
export function remarkKeepUnknownDirectives(options: { onKept: (report: DirectiveReport) => void }) {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value)
    restore(tree, source, options.onKept)
  }
}

function restore(parent: Parent, source: string, onKept: (report: DirectiveReport) => void): void {
  let changed = false
  const children: RootContent[] = []
  for (const child of parent.children as RootContent[]) {
    if (isDirective(child) && !(child.type === 'textDirective' && KNOWN_TEXT_DIRECTIVES.has(child.name))) {
      changed = true
      children.push(...putBack(child, source, onKept))
      continue
    }
    if ('children' in child) restore(child as Parent, source, onKept)
    children.push(child)
  }
  if (changed) parent.children = mergeTexts(children) as Parent['children']
}

function isDirective(node: RootContent): node is RootContent & DirectiveNode {
  const type = node.type as string
  return type === 'textDirective' || type === 'leafDirective' || type === 'containerDirective'
}

function putBack(node: DirectiveNode, source: string, onKept: (report: DirectiveReport) => void): RootContent[] {
  const start = node.position?.start
  const end = node.position?.end
  const written = start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : `:${node.name}`
  const report = (text: string) => start && onKept({ written: text, line: start.line, column: start.column })
  if (node.type === 'textDirective') {
    const bare = node.children.length === 0 && !written.includes('[') && !written.includes('{')
    if (!bare) report(written)
    return [{ type: 'text', value: written, position: node.position } as Text]
  }
  if (node.type === 'leafDirective') {
    report(written)
    return [paragraph(written, node)]
  }
  // A container: its opening line, its content (the label, if any, is part of the opening line), its closing line.
  const lines = written.split('\n')
  const opening = lines[0] ?? `:::${node.name}`
  report(opening)
  const last = lines[lines.length - 1]?.trim() ?? ''
  const content = (node.children as RootContent[]).filter((child) => !(child.type === 'paragraph' && (child.data as { directiveLabel?: boolean } | undefined)?.directiveLabel))
  const result: RootContent[] = [paragraph(opening, node), ...content]
  if (lines.length > 1 && /^:{3,}$/.test(last)) result.push(paragraph(last, node, true))
  return result
}

function paragraph(value: string, node: DirectiveNode, atEnd = false): Paragraph {
  const point = atEnd ? node.position?.end : node.position?.start
  const position = point ? { start: point, end: point } : undefined
  const result: Paragraph = { type: 'paragraph', children: [{ type: 'text', value }] }
  if (position) {
    result.position = position
    ;(result.children[0] as Text).position = position
  }
  return result
}

/** Adjacent text nodes joined, as the parser would have made them. */
function mergeTexts(children: RootContent[]): RootContent[] {
  const merged: RootContent[] = []
  for (const child of children) {
    const previous = merged[merged.length - 1]
    if (previous?.type === 'text' && child.type === 'text') {
      const joined: Text = { type: 'text', value: previous.value + child.value }
      if (previous.position && child.position) joined.position = { start: previous.position.start, end: child.position.end }
      merged[merged.length - 1] = joined
    } else merged.push(child)
  }
  return merged
}
