import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkSmartypants from 'remark-smartypants'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { clampPrefixes } from './clamp-prefixes.js'
import type { ClampReport } from './clamp-prefixes.js'
import { remarkLimitNesting } from './limit-nesting.js'
import type { FlattenReport } from './limit-nesting.js'

export interface ParseResult {
  tree: Root
  /** Nesting the parse flattened, to be reported against the file. */
  flattened: FlattenReport[]
  /** Absurd line prefixes clamped before the parse, to be reported too. */
  clamped: ClampReport[]
}

/**
 * Markdown text to mdast: CommonMark with GFM and YAML front matter, nesting
 * capped, and smart punctuation. This is the only parse, and the only place
 * smart punctuation happens: curly quotes, dashes and ellipses are made here
 * and nowhere else. Code (spans and blocks) and raw HTML are left alone.
 *
 * Call it once per chapter file: micromark's cost grows faster than the
 * length of the document.
 */
export function parseMarkdown(text: string, path: string): ParseResult {
  const flattened: FlattenReport[] = []
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkLimitNesting, { onFlatten: (report) => flattened.push(report) })
    // `--` an en dash, `---` an em dash, as typists have long written them.
    .use(remarkSmartypants, { dashes: 'oldschool' })
  const { text: clampedText, reports: clamped } = clampPrefixes(text)
  const file = new VFile({ path, value: clampedText })
  const tree = processor.runSync(processor.parse(file), file) as Root
  return { tree, flattened, clamped }
}
