/**
 * What the mathematics tests share: the words of a manuscript's prose (its
 * text without the TeX of its formulas), read with remark and remark-math
 * directly rather than through Octavo's loader, and a PDF's line positions.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Node } from 'unist'
import { countWords, type WordCounts } from './words.js'

const run = promisify(execFile)

/** The words of a manuscript that are not inside a formula: every one must reach both editions. */
export function proseWords(markdown: string): WordCounts {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath).parse(markdown)
  const counts: WordCounts = new Map()
  const visit = (node: Node & { value?: unknown; children?: Node[] }): void => {
    if (node.type === 'yaml' || node.type === 'math' || node.type === 'inlineMath') return
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') countWords(String(node.value), counts)
    for (const child of node.children ?? []) visit(child)
  }
  visit(tree)
  return counts
}

/** The tops of the PDF's lines of text on its first page, in points from the top, in reading order. */
export async function lineTops(file: string): Promise<Array<{ top: number; text: string }>> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', file, '-'])
  const lines: Array<{ top: number; text: string }> = []
  for (const [, body] of stdout.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)) {
    const words = [...body!.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    if (words.length === 0) continue
    // The baseline of text in one face and size is its words' bottom: the largest yMax of the line's words.
    const top = Math.max(...words.map((word) => Number(word[2])))
    const text = words.map((word) => word[3]).join(' ')
    // The words either side of a formula may come as lines of their own: one line of the page, one baseline.
    const same = lines.find((line) => Math.abs(line.top - top) < 0.01)
    if (same) same.text += ` ${text}`
    else lines.push({ top, text })
  }
  return lines.sort((a, b) => a.top - b.top)
}

/** The PDF's content streams, uncompressed (qpdf's QDF form), for the operators drawn. */
export async function pdfContent(file: string): Promise<string> {
  const { stdout } = await run('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 })
  return stdout
}

/**
 * Whether `word` stands in a PDF's text hyphenated at a line's end, its two
 * halves apart: the extraction may not put a line holding a formula in
 * reading order, so the halves are not always on adjacent lines.
 */
export function hyphenatedIn(text: string, word: string): boolean {
  const words = new Set(text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [])
  for (let at = 1; at < word.length; at++) {
    if ((text.includes(`${word.slice(0, at)}-\n`) || text.endsWith(`${word.slice(0, at)}-`)) && words.has(word.slice(at))) return true
  }
  return false
}
