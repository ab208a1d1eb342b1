/**
 * "No word lost": the words of a manuscript, and of an edition's extracted
 * text, as multisets that can be compared.
 *
 * A word is a run of letters, digits and combining marks: quotes, dashes and
 * other punctuation are typography, which the pipeline is free to change.
 */
import { readFileSync } from 'node:fs'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Node } from 'unist'

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu

export type WordCounts = Map<string, number>

export function countWords(text: string, counts: WordCounts = new Map()): WordCounts {
  for (const [word] of text.normalize('NFC').matchAll(wordPattern)) counts.set(word, (counts.get(word) ?? 0) + 1)
  return counts
}

/**
 * The words of a Markdown manuscript's content (not its front matter, URLs or
 * markup), read with remark directly rather than through Octavo's own loader,
 * so that a word the loader drops is caught.
 */
export function manuscriptWords(file: string): WordCounts {
  const tree = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(readFileSync(file, 'utf8'))
  const counts: WordCounts = new Map()
  const visit = (node: Node & { value?: unknown; alt?: unknown; children?: Node[] }): void => {
    if (node.type === 'yaml') return
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') countWords(String(node.value), counts)
    if (node.type === 'image' && typeof node.alt === 'string') countWords(node.alt, counts)
    for (const child of node.children ?? []) visit(child)
  }
  visit(tree)
  return counts
}

/**
 * Undo line-end hyphenation in text extracted from a PDF: `impul-` + newline +
 * `sive` is one word when the manuscript has it whole; `phone-` + `toting`
 * stays two when it does not (the hyphen was the writer's).
 */
export function joinHyphenatedLines(text: string, known: WordCounts): string {
  return text.replace(/([\p{L}\p{M}]+)-\n\s*([\p{L}\p{M}]+)/gu, (whole, left: string, right: string) =>
    known.has(left + right) ? left + right : whole,
  )
}

/** Words of `expected` missing from `actual`, or present fewer times, with the shortfall. */
export function missingWords(expected: WordCounts, actual: WordCounts): Array<[string, number]> {
  const missing: Array<[string, number]> = []
  for (const [word, count] of expected) {
    const found = actual.get(word) ?? 0
    if (found < count) missing.push([word, count - found])
  }
  return missing
}

/** Words of `actual` not in `expected`, or present more times, with the excess. */
export function extraWords(expected: WordCounts, actual: WordCounts): Array<[string, number]> {
  return missingWords(actual, expected)
}
