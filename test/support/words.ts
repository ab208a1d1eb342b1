/**
 * "No word lost": the words of a manuscript, and of an edition's extracted
 * text, as multisets that can be compared.
 *
 * A word is a run of letters, digits and combining marks: quotes, dashes and
 * other punctuation are typography, which the pipeline is free to change.
 */
import { readFileSync } from 'node:fs'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGemoji from 'remark-gemoji'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
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
 * so that a word the loader drops is caught. As GitHub shows them, emoji
 * shortcodes are emoji, and an alert's marker reads as its label.
 */
export function manuscriptWords(file: string): WordCounts {
  const tree = readGithubMarkdown(readFileSync(file, 'utf8'))
  const alerts = alertMarkerTexts(tree)
  const counts: WordCounts = new Map()
  const visit = (node: Node & { value?: unknown; alt?: unknown; children?: Node[] }): void => {
    if (node.type === 'yaml') return
    if (alerts.has(node)) countWords(withAlertLabel(String(node.value)), counts)
    else if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') countWords(String(node.value), counts)
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

/**
 * The label each edition sets at the head of one of GitHub's alerts, in
 * English (the language of the suite's manuscripts): the words a reader reads
 * where the manuscript wrote the marker, as the title block is read where the
 * front matter wrote the title.
 */
export const alertLabels: Readonly<Record<string, string>> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' }

/** An alert's marker at the start of a block quote's first line (GitHub's syntax), and the rest of its text. */
const alertMarker = /^\[!(note|tip|important|warning|caution)\](?=[ \t]*(?:\r?\n|$))/i

/** Markdown as GitHub reads it: CommonMark, GFM, front matter, and emoji shortcodes as emoji. */
function readGithubMarkdown(source: string): Node {
  // Formulas (`$…$`, `$$…$$`) are no words of the text: their TeX is set as mathematics (see test/e2e/math.test.ts).
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMath).use(remarkGemoji)
  return processor.runSync(processor.parse(source))
}

/** The first texts of the top-level block quotes that open with an alert's marker. */
function alertMarkerTexts(tree: Node): Set<Node> {
  type Parent = Node & { children?: Parent[]; value?: unknown }
  const texts = new Set<Node>()
  for (const block of (tree as Parent).children ?? []) {
    const head = block.type === 'blockquote' ? block.children?.[0] : undefined
    const text = head?.type === 'paragraph' ? head.children?.[0] : undefined
    if (text?.type === 'text' && alertMarker.test(String(text.value))) texts.add(text)
  }
  return texts
}

/** An alert's first text with its marker read as the label the editions set. */
function withAlertLabel(value: string): string {
  const kind = alertMarker.exec(value)![1]!.toLowerCase()
  return `${alertLabels[kind]} ${value.replace(alertMarker, '')}`
}

export interface MarkdownWordOptions {
  /**
   * Whether an image's alternative text counts, by its URL: the EPUB keeps it
   * in the `alt` attribute, the PDF prints it only when the image is not
   * shown (a remote one). Counted for every image when left out.
   */
  imageAlt?: (url: string) => boolean
  /** Characters the pipeline drops on reading (control characters): removed before the words are counted. */
  dropped?: RegExp
}

const rightToLeft = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u

/**
 * Counts in which a right-to-left word and its mirror image are one word.
 * A PDF draws right-to-left text in visual order, and poppler's word boxes
 * (`pdftotext -bbox-layout`) give such a word's letters in that order, where
 * its plain text modes give them in reading order: comparing the two
 * orientations as one keeps the check independent of the extractor.
 */
export function orientationFree(counts: WordCounts): WordCounts {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  const folded: WordCounts = new Map()
  for (const [word, count] of counts) {
    let key = word
    if (rightToLeft.test(word)) {
      const mirrored = [...segmenter.segment(word)].map(({ segment }) => segment).reverse().join('')
      key = mirrored < word ? mirrored : word
    }
    folded.set(key, (folded.get(key) ?? 0) + count)
  }
  return folded
}

/** Nodes whose content stands apart from what comes before and after it. */
const blockNodes = new Set([
  'root', 'paragraph', 'heading', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'thematicBreak', 'code',
  'footnoteDefinition', 'break', 'footnoteReference',
])

/**
 * The words a reader of a Markdown document sees, counted as the editions'
 * text is read back: inline content joins its neighbours (`*un*done` is one
 * word), blocks, line breaks and pictures stand apart. Raw HTML tags are no
 * words; the text between them is. `imageAlt` chooses the pictures whose
 * alternative text counts, by URL (all when left out). As GitHub shows them,
 * emoji shortcodes are emoji (no words), and an alert's marker reads as its
 * label.
 */
export function markdownReaderWords(markdown: string, options: MarkdownWordOptions = {}): WordCounts {
  const source = (options.dropped ? markdown.replace(options.dropped, '') : markdown).replace(/^\uFEFF/, '')
  const tree = readGithubMarkdown(source)
  const alertTexts = alertMarkerTexts(tree)
  type Visited = Node & { value?: unknown; alt?: unknown; url?: unknown; identifier?: unknown; children?: Visited[] }
  const definitions = new Map<string, string>()
  const collect = (node: Visited): void => {
    if (node.type === 'definition' && typeof node.identifier === 'string' && !definitions.has(node.identifier)) definitions.set(node.identifier, String(node.url))
    for (const child of node.children ?? []) collect(child)
  }
  collect(tree as Visited)
  const parts: string[] = []
  /** The raw HTML element whose content is being skipped, from its opening tag to its closing one. */
  let hidden: string | undefined
  const visit = (node: Visited): void => {
    if (node.type === 'yaml' || node.type === 'definition') return
    if (node.type === 'html') {
      const html = String(node.value)
      // A line break in raw HTML parts words; any other tag is markup. What an element a reader never sees holds is no word.
      if (/^<br\b/i.test(html)) parts.push(' ')
      const opening = /^<([a-z]+)\b/i.exec(html)?.[1]?.toLowerCase()
      if (hidden === undefined && opening && unshown.has(opening) && !new RegExp(`</${opening}\\s*>`, 'i').test(html)) hidden = opening
      else if (hidden !== undefined && new RegExp(`^</${hidden}\\s*>`, 'i').test(html)) hidden = undefined
      return
    }
    if (hidden !== undefined && node.type === 'text') return
    if (node.type === 'inlineMath' || node.type === 'math') {
      parts.push(' ')
      return
    }
    if (node.type === 'image' || node.type === 'imageReference') {
      const url = node.type === 'image' ? String(node.url) : definitions.get(String(node.identifier))
      if (url !== undefined && (options.imageAlt?.(url) ?? true) && typeof node.alt === 'string') parts.push(` ${node.alt} `)
      else parts.push(' ')
      return
    }
    const apart = blockNodes.has(node.type)
    if (apart) parts.push(' ')
    if (alertTexts.has(node)) parts.push(withAlertLabel(String(node.value)))
    else if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(String(node.value))
    for (const child of node.children ?? []) visit(child)
    if (apart) parts.push(' ')
  }
  visit(tree as Visited)
  return comparableWords(parts.join(''))
}

/** Raw HTML elements whose content no reader sees, or that are dropped with their content: scripts, styles, form controls, frames. */
const unshown = new Set(['script', 'style', 'template', 'textarea', 'select', 'iframe', 'noscript', 'object'])

/** Characters a reader never sees: soft hyphens, zero-width spaces and joiners, bidirectional controls, byte order marks. */
const invisible = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
/** Chinese, Japanese and Korean letters, each a word of its own: justified lines space them apart. */
const ideographic = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC])/gu

/**
 * Words as a reader sees them, in a form two editions' texts can be compared
 * in: invisible characters dropped (a soft hyphen or zero-width space does not
 * part a word on the page), each CJK character a word (a justified line puts
 * space between them, which extraction reads as word breaks), a run of
 * right-to-left letters apart from left-to-right ones it touches, and a
 * right-to-left word one with its mirror image (`orientationFree`).
 */
export function comparableWords(text: string): WordCounts {
  return orientationFree(countWords(comparableText(text)))
}

/** Text as `comparableWords` reads it, before the words are counted: invisible characters out, CJK letters and right-to-left runs apart. */
export function comparableText(text: string): string {
  return text.normalize('NFC').replace(invisible, '').replace(ideographic, ' $1 ').replace(rightToLeftRun, ' $1 ')
}

/**
 * The words of text read back from a PDF, as `comparableWords` counts them,
 * with words broken at line ends made whole where `known` (the manuscript's
 * comparable words) has them whole: hyphenated, continued code lines, breaks
 * at a zero-width space.
 */
export function printedWords(text: string, known: WordCounts): WordCounts {
  return comparableWords(joinContinuedLines(joinHyphenatedLines(comparableText(text), known), known))
}

/** A run of right-to-left letters and their marks: a word of its own where it meets left-to-right letters, which print apart. */
const rightToLeftRun = /((?:[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]\p{M}*)+)/gu

/**
 * Undo the breaks of code lines too long for the measure: the print edition
 * goes on on the next line after a continuation mark (`↪`), at any character.
 * Two pieces make one word when the manuscript has the whole; the mark goes.
 * Likewise two pieces on either side of a line end with no hyphen, when the
 * manuscript has the whole but not both pieces (a break at a zero-width space).
 */
export function joinContinuedLines(text: string, known: WordCounts): string {
  return text
    .replace(/([\p{L}\p{N}\p{M}]+)\n[ \t]*↪[ \t]*([\p{L}\p{N}\p{M}]+)/gu, (_whole, left: string, right: string) =>
      known.has(left + right) ? left + right : `${left}\n${right}`,
    )
    .replace(/\n[ \t]*↪[ \t]*/g, '\n')
    // A line may also end at a zero-width space, which leaves no hyphen.
    .replace(/([\p{L}\p{N}\p{M}]+)\u200B?\n([\p{L}\p{N}\p{M}]+)/gu, (whole, left: string, right: string) =>
      known.has(left + right) && !(known.has(left) && known.has(right)) ? left + right : whole,
    )
}
