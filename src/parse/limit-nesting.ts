import type { Nodes, Parent, Root, RootContent } from 'mdast'
import type { Processor } from 'unified'

/**
 * Deepest nesting kept: block quotes and lists count as block levels;
 * emphasis, strong, strikethrough and links as inline levels. Nobody reads
 * past this; beyond it the structure is flattened into its content.
 */
export const MAX_NESTING = 32

export interface FlattenReport {
  kind: 'block' | 'inline'
  /** Containers flattened. */
  count: number
  /** Where the first of them started in the source. */
  line: number
  column: number
}

export interface LimitNestingOptions {
  max?: number
  /** Told once per kind of nesting, after the tree is done. */
  onFlatten: (report: FlattenReport) => void
}

const BLOCK_CONTAINERS = new Set(['blockquote', 'list'])
const INLINE_CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

interface Pending {
  node: Parent
  blockLevel: number
  inlineLevel: number
}

/**
 * A remark plugin that caps nesting depth *inside* the parse.
 *
 * It runs as an mdast-util-from-markdown transform placed before remark-gfm's
 * own (the autolink-literal transform walks the tree recursively and
 * overflows the stack on a list 5,000 levels deep), so everything after it,
 * smartypants and the model handlers included, only ever sees a shallow
 * tree. The walk itself uses an explicit stack.
 */
export function remarkLimitNesting(this: Processor, options: LimitNestingOptions): void {
  const data = this.data()
  const extensions = (data.fromMarkdownExtensions ??= [])
  extensions.unshift([{ transforms: [(tree: Root) => limitNesting(tree, options)] }])
}

/** Flatten containers nested deeper than the limit, in place. */
export function limitNesting(tree: Root, options: LimitNestingOptions): Root {
  const max = options.max ?? MAX_NESTING
  const reports: Record<'block' | 'inline', FlattenReport | undefined> = { block: undefined, inline: undefined }
  const stack: Pending[] = [{ node: tree, blockLevel: 0, inlineLevel: 0 }]

  while (stack.length > 0) {
    const { node, blockLevel, inlineLevel } = stack.pop()!
    const children = node.children as RootContent[]
    let index = 0
    while (index < children.length) {
      const child = children[index]!
      const isBlock = BLOCK_CONTAINERS.has(child.type)
      const isInline = INLINE_CONTAINERS.has(child.type)
      const nextBlock = blockLevel + (isBlock ? 1 : 0)
      const nextInline = inlineLevel + (isInline ? 1 : 0)
      if ((isBlock && nextBlock > max) || (isInline && nextInline > max)) {
        record(reports, isBlock ? 'block' : 'inline', child)
        // Look at the same index again: what took the container's place may be one too.
        replaceAt(children, index, contentOf(child as Parent))
        continue
      }
      if ('children' in child) {
        stack.push({ node: child, blockLevel: nextBlock, inlineLevel: nextInline })
      }
      index += 1
    }
  }

  if (reports.block) options.onFlatten(reports.block)
  if (reports.inline) options.onFlatten(reports.inline)
  return tree
}

/** What stands in for a flattened container: a list gives its items' content. */
function contentOf(node: Parent): RootContent[] {
  if (node.type === 'list') {
    return (node.children as Parent[]).flatMap((item) => item.children as RootContent[])
  }
  return node.children as RootContent[]
}

function record(reports: Record<'block' | 'inline', FlattenReport | undefined>, kind: 'block' | 'inline', node: Nodes): void {
  const existing = reports[kind]
  if (existing) {
    existing.count += 1
    return
  }
  const start = node.position?.start
  reports[kind] = { kind, count: 1, line: start?.line ?? 1, column: start?.column ?? 1 }
}

/** `array.splice(index, 1, ...items)` without spreading a long array into arguments. */
function replaceAt<T>(array: T[], index: number, items: T[]): void {
  if (items.length < 1024) {
    array.splice(index, 1, ...items)
    return
  }
  const tail = array.splice(index)
  tail.shift()
  for (const item of items) array.push(item)
  for (const item of tail) array.push(item)
}
