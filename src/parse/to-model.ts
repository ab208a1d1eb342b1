import type { Nodes, Root } from 'mdast'
import type { Diagnostics } from '../diagnostics.js'
import { loadRawHtml } from '../lazy.js'
import { State } from './state.js'
import type { FrontMatterSource, ImageSource, ParsedFile } from './types.js'

/**
 * One file's mdast as model blocks, through the handler registries
 * (see `handlers/index.ts`). Footnotes are left for the numbering pass.
 * Top-level nodes after `lastLine` are not converted (see `parseInParts`).
 * The HTML parser is loaded only for a file that holds raw HTML.
 */
export async function mdastToModel(
  tree: Root,
  file: string,
  diag: Diagnostics,
  images: ImageSource,
  lastLine = Number.POSITIVE_INFINITY,
): Promise<ParsedFile> {
  const rawHtml = holdsHtml(tree) ? await loadRawHtml() : undefined
  // Definitions are collected from the whole tree, copies from other parts included…
  const state = new State(tree, file, diag, images, rawHtml)
  // …but only what the part itself holds is converted.
  const own = tree.children.filter((child) => (child.position?.start.line ?? 0) <= lastLine)
  return { file, blocks: state.blocks({ ...tree, children: own }), footnotes: state.footnotes }
}

/** Whether the tree has an `html` node anywhere. */
function holdsHtml(node: Nodes): boolean {
  if (node.type === 'html') return true
  return 'children' in node && node.children.some(holdsHtml)
}

/** The YAML front matter the file opens with, if any, for the loader to read. */
export function frontMatterSource(tree: Root, file: string): FrontMatterSource | undefined {
  const first = tree.children[0]
  if (first?.type !== 'yaml') return undefined
  const start = first.position?.start ?? { line: 1, column: 1 }
  return {
    text: first.value,
    // The YAML starts on the line after the opening `---`.
    firstLine: start.line + 1,
    place: { file, line: start.line, column: start.column },
  }
}
