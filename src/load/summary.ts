import type { Link, List, ListItem, Nodes, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Diagnostics } from '../diagnostics.js'
import type { Place } from '../model/book.js'
import { smartPunctuation } from '../parse/smart-punctuation.js'

/**
 * mdBook's (and GitBook's) `SUMMARY.md`: the book's chapters in order, read
 * as mdBook reads it (rust-lang/mdBook, `src/book/summary.rs`):
 *
 * ```markdown
 * # Summary                      ← a title: ignored
 * [Foreword](foreword.md)        ← prefix chapters: links before the first list, unnumbered
 * # Part title                   ← a part: the numbered chapters after it, until the next
 * - [Chapter](ch1.md)            ← numbered chapters: 1., 2., … across parts
 *   - [Section](ch1/sec.md)      ← nested: 1.1., a level deeper in the contents
 * - [Draft]()                    ← a draft: no file yet
 * ---                            ← a separator: draws a line in mdBook's sidebar
 * [Appendix](appendix.md)        ← suffix chapters: links after the lists, unnumbered
 * ```
 */
export interface Summary {
  /** Part titles, in order, with where each is written. */
  parts: Array<{ title: string; place: Place }>
  /** The entries, in order; numbered chapters hold the chapters nested under them. */
  entries: SummaryEntry[]
}

export interface SummaryEntry {
  /** The link's text, with the book's smart punctuation. */
  title: string
  /** The link's target as written (percent-escapes decoded); `undefined` for a draft (`[Draft]()`). */
  target: string | undefined
  /** Where the link is written in `SUMMARY.md`. */
  place: Place
  kind: 'prefix' | 'numbered' | 'suffix'
  /** mdBook's number (`2.`, `2.1.`), for numbered chapters; drafts take theirs too. */
  number?: string
  /** Index into `Summary.parts`, for numbered chapters after a part title. */
  part?: number
  children: SummaryEntry[]
}

/**
 * Parse `SUMMARY.md` with remark (CommonMark, as mdBook's pulldown-cmark).
 * What mdBook refuses fails here at its line: a numbered item that is not a
 * single link, a list or part title after the suffix chapters. What mdBook
 * passes over (other headings, HTML comments, separators) is passed over.
 */
export function parseSummary(text: string, file: string, diag: Diagnostics): Summary {
  const tree = unified().use(remarkParse).parse(text) as Root
  const placeOf = (node: Nodes): Place => ({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 })
  const summary: Summary = { parts: [], entries: [] }
  const nodes = tree.children
  let at = 0

  // The title: the first thing but for HTML comments, when it is a first-level heading.
  while (nodes[at]?.type === 'html') at++
  if (nodes[at]?.type === 'heading' && (nodes[at] as Extract<RootContent, { type: 'heading' }>).depth === 1) at++

  // Prefix chapters: links in paragraphs, up to the first list or part title.
  for (; at < nodes.length; at++) {
    const node = nodes[at]!
    if (node.type === 'list' || isPartTitle(node)) break
    affix(node, 'prefix')
  }

  // Numbered chapters, in parts: lists, each top-level item numbered on from the last, up to a paragraph.
  let rootNumber = 0
  let part: number | undefined
  for (; at < nodes.length; at++) {
    const node = nodes[at]!
    if (node.type === 'paragraph') break
    if (isPartTitle(node)) {
      summary.parts.push({ title: plain(node), place: placeOf(node) })
      part = summary.parts.length - 1
    } else if (node.type === 'list') {
      for (const item of node.children) summary.entries.push(numbered(item, [++rootNumber]))
    } else passOver(node)
  }

  // Suffix chapters: links in paragraphs to the end.
  for (; at < nodes.length; at++) {
    const node = nodes[at]!
    if (node.type === 'list' || isPartTitle(node)) {
      diag.fail(`the chapters after the numbered ones (suffix chapters) cannot be followed by a ${node.type === 'list' ? 'list' : 'part title'}`, placeOf(node), 'summary')
    }
    affix(node, 'suffix')
  }
  return summary

  function affix(node: RootContent, kind: 'prefix' | 'suffix'): void {
    const found = node.type === 'paragraph' ? links(node) : []
    if (found.length === 0) return passOver(node)
    for (const link of found) summary.entries.push({ ...entry(link), kind, children: [] })
  }

  function numbered(item: ListItem, number: number[]): SummaryEntry {
    const [first, ...rest] = item.children
    const link = first?.type === 'paragraph' ? onlyLink(first) : undefined
    if (!link) diag.fail('a numbered chapter must be a single link, as `- [Title](file.md)`', placeOf(first ?? item), 'summary')
    const result: SummaryEntry = { ...entry(link), kind: 'numbered', number: number.map((n) => `${n}.`).join(''), children: [] }
    if (part !== undefined) result.part = part
    for (const child of rest) {
      if (child.type === 'list') {
        for (const nested of (child as List).children) result.children.push(numbered(nested, [...number, result.children.length + 1]))
      } else passOver(child)
    }
    return result
  }

  function entry(link: Link): Pick<SummaryEntry, 'title' | 'target' | 'place'> {
    const target = decode(link.url.trim())
    return { title: plain(link), target: target === '' ? undefined : target, place: placeOf(link) }
  }

  /** Headings other than part titles, HTML (comments) and separators say nothing of the chapters; anything else is named. */
  function passOver(node: RootContent): void {
    if (node.type === 'heading' || node.type === 'html' || node.type === 'thematicBreak' || node.type === 'definition') return
    diag.warn(`${node.type === 'paragraph' ? 'text' : `\`${node.type}\``} in SUMMARY.md lists no chapter: ignored`, placeOf(node), 'summary')
  }
}

function isPartTitle(node: RootContent): boolean {
  return node.type === 'heading' && node.depth === 1
}

/** The links of a paragraph, wherever they stand in it. */
function links(node: Nodes): Link[] {
  if (node.type === 'link') return [node]
  return 'children' in node ? node.children.flatMap((child) => links(child)) : []
}

/** The paragraph's one link, when it holds nothing else but white space. */
function onlyLink(paragraph: Extract<RootContent, { type: 'paragraph' }>): Link | undefined {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  return meaningful.length === 1 && meaningful[0]!.type === 'link' ? meaningful[0] : undefined
}

/** A heading's or link's words as plain text on one line, smart-punctuated as the book's text is. */
function plain(node: Nodes): string {
  return smartPunctuation(toString(node).replace(/\s+/g, ' ').trim())
}

function decode(target: string): string {
  try {
    return decodeURIComponent(target)
  } catch {
    return target
  }
}
