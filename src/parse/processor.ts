import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGemoji from 'remark-gemoji'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { clampPrefixes } from './clamp-prefixes.js'
import { applyEquationLabels, takeEquationLabels } from './equation-labels.js'
import { remarkKeepUnknownDirectives } from './directives.js'
import type { DirectiveReport } from './directives.js'
import type { ClampReport } from './clamp-prefixes.js'
import { remarkHeadingAttributes } from './heading-attributes.js'
import { remarkLimitNesting } from './limit-nesting.js'
import { remarkSmartPunctuation } from './smart-punctuation.js'
import { PART_LENGTH, shiftPositions, splitSource, SPLIT_THRESHOLD } from './split-source.js'
import type { FlattenReport } from './limit-nesting.js'

export interface ParseResult {
  tree: Root
  /**
   * Last line of the file this part's text covers; top-level nodes starting
   * after it are copies of definitions from other parts (see `split-source.ts`).
   */
  lastLine: number
  /** Nesting the parse flattened, to be reported against the file. */
  flattened: FlattenReport[]
  /** Absurd line prefixes clamped before the parse, to be reported too. */
  clamped: ClampReport[]
  /** Directives Octavo does not know, put back as the text they were written as. */
  kept: DirectiveReport[]
}

/**
 * Markdown text to mdast: CommonMark with GFM and YAML front matter, nesting
 * capped, and smart punctuation. This is the only parse, and where smart
 * punctuation happens: curly quotes, dashes and ellipses of the text are made
 * here, and emoji shortcodes become emoji. Code (spans and blocks) is left
 * alone; the text raw HTML blocks hold is smartened by the same transform,
 * and its shortcodes replaced, when it is converted (`html/to-model.ts`).
 *
 * Call it once per chapter file: micromark's cost grows faster than the
 * length of the document. Use `parseInParts` for a file that may be large.
 */
export function parseMarkdown(text: string, path: string): ParseResult {
  const flattened: FlattenReport[] = []
  const kept: DirectiveReport[] = []
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    // `$…$` and `$$…$$`: the TeX is kept as written, its backslashes never read as Markdown escapes.
    .use(remarkMath)
    // Index marks (`:index[term]`); any other directive is put back as written before anything reads the text.
    .use(remarkDirective)
    .use(remarkKeepUnknownDirectives, { onKept: (report) => kept.push(report) })
    .use(remarkLimitNesting, { onFlatten: (report) => flattened.push(report) })
    .use(remarkHeadingAttributes)
    // GitHub's emoji shortcodes (`:rocket:`) in text, never in code; an unknown one stays as written. After the
    // headings' text is noted: GitHub makes a heading's id from `:rocket:` as written, not from the emoji.
    .use(remarkGemoji)

    .use(remarkSmartPunctuation)
  const { text: clampedText, reports: clamped } = clampPrefixes(text)
  const labels = takeEquationLabels(clampedText)
  const file = new VFile({ path, value: labels.text })
  const tree = processor.runSync(processor.parse(file), file) as Root
  applyEquationLabels(tree, labels)
  return { tree, lastLine: Number.POSITIVE_INFINITY, flattened, clamped, kept }
}

/**
 * A file's parse, in parts when it is very large (see `split-source.ts`),
 * one part at a time so that each tree can be dropped once converted.
 * Positions and reports are those of the whole file.
 */
export function* parseInParts(
  text: string,
  path: string,
  threshold = SPLIT_THRESHOLD,
  partLength = PART_LENGTH,
): Generator<ParseResult> {
  if (text.length <= threshold) {
    yield parseMarkdown(text, path)
    return
  }
  const { parts, definitions } = splitSource(text, partLength)
  for (const part of parts) {
    const lines = countLines(part.text)
    const appendix = definitions !== '' && !part.endsOpen ? `\n\n${definitions}\n` : ''
    const result = parseMarkdown(part.text + appendix, path)
    const shift = part.line - 1
    shiftPositions(result.tree, shift, part.offset)
    for (const report of [...result.flattened, ...result.clamped, ...result.kept]) report.line += shift
    yield { ...result, lastLine: shift + lines }
  }
}

function countLines(text: string): number {
  let lines = 1
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1
  // A part cut before a heading ends with a line break, which starts no line of its own.
  return text.endsWith('\n') ? lines - 1 : lines
}
