import type { Citation, CitationItem, CrossRef, Inline, Place } from '../model/book.js'

/**
 * Citations in pandoc's syntax, found in a run of text: `[see @doe2020, p. 33;
 * @roe2019]`, `[-@doe2020]` and `@doe2020` in the sentence (with a locator in
 * brackets after it: `@doe2020 [p. 33]`). Micromark leaves `[@doe2020]` as
 * text (no definition names it), so a text node holds the whole citation.
 *
 * Keys that name a figure, table, equation or section (`@fig:x`, `@tbl:x`,
 * `@eq:x`, `@sec:x`, or with a capital, `@Fig:x`) are cross-references, not
 * citations: a bracketed run of them only (`[@fig:a; @fig:b]`), or one in the
 * sentence, becomes a `crossRef` inline (see `transform/cross-references.ts`).
 */

/** A key as pandoc reads it: a letter, digit or `_`, then those and inner punctuation followed by one of them. */
const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*`

/** A bracketed run holding an `@`, no brackets inside. */
const BRACKETED = String.raw`\[([^\[\]]*?@[^\[\]]*)\]`
/** An `@key` in the sentence, not inside a word (an e-mail address), with an optional `[locator]` after it. */
const IN_TEXT = String.raw`(?<![\p{L}\p{N}_@])(-?)@(${KEY})(?:[ \t]\[([^\[\]@]*)\])?`

const PATTERN = new RegExp(`${BRACKETED}|${IN_TEXT}`, 'gu')
const ITEM = new RegExp(String.raw`^([\s\S]*?)(-?)@(${KEY})([\s\S]*)$`, 'u')
const CROSS_REFERENCE = /^(?:[fF]ig|[tT]bl|[eE]q|[sS]ec):/

/** Locator words and the CSL locator kinds they stand for (pandoc's English terms). */
const LOCATOR_LABELS: Record<string, string> = {
  p: 'page', pp: 'page', page: 'page', pages: 'page',
  chap: 'chapter', ch: 'chapter', chapter: 'chapter', chapters: 'chapter',
  sec: 'section', section: 'section', sections: 'section', '§': 'section', '§§': 'section',
  fig: 'figure', figure: 'figure', figures: 'figure',
  vol: 'volume', vols: 'volume', volume: 'volume', volumes: 'volume',
  n: 'note', nn: 'note', note: 'note', notes: 'note',
  l: 'line', ll: 'line', line: 'line', lines: 'line',
  para: 'paragraph', paragraph: 'paragraph', paragraphs: 'paragraph',
  pt: 'part', part: 'part', parts: 'part',
  bk: 'book', book: 'book', books: 'book',
  col: 'column', column: 'column', columns: 'column',
  no: 'issue', issue: 'issue', op: 'opus', opus: 'opus',
  v: 'verse', vv: 'verse', verse: 'verse', verses: 'verse',
  fol: 'folio', fols: 'folio', folio: 'folio', folios: 'folio',
}
// A number, a roman numeral or a dotted number (`7.5`, `3.2.1`; a full stop with no digit after it ends the sentence), a range of them.
const LOCATOR_NUMBER = String.raw`[\p{N}ivxlcdmIVXLCDM]+(?:\.\p{N}+)*`
const LOCATOR_VALUE = String.raw`${LOCATOR_NUMBER}(?:[a-z]?)(?:\s*[-–—]+\s*${LOCATOR_NUMBER})?`
const LOCATOR = new RegExp(String.raw`^,?\s*(?:([\p{L}§]+)\.?\s*)?(${LOCATOR_VALUE}(?:\s*,\s*${LOCATOR_VALUE})*)(?=$|[\s;:.)])([\s\S]*)$`, 'u')

/**
 * The text `value` (as mdast holds it, starting at `start`) as inlines: text
 * and the citations it holds. Line endings inside become spaces, as in any
 * text (see `handlers/text.ts`).
 */
export function textWithCitations(value: string, start: Place | undefined): Inline[] {
  const out: Inline[] = []
  const pushText = (text: string): void => {
    const flat = soften(text)
    if (flat === '') return
    const last = out[out.length - 1]
    if (last?.type === 'text') last.value += flat
    else out.push({ type: 'text', value: flat })
  }
  let at = 0
  for (const match of value.matchAll(PATTERN)) {
    const reference = crossReference(match)
    if (reference !== undefined) {
      pushText(value.slice(at, reference.at))
      const source = soften(reference.written)
      const node: CrossRef = { type: 'crossRef', labels: reference.labels, capital: reference.capital, source, children: [{ type: 'text', value: source }], targets: [] }
      if (reference.bare) node.bare = true
      if (reference.prefix !== undefined) node.prefix = reference.prefix
      if (reference.suffix !== undefined) node.suffix = reference.suffix
      if (start) node.place = offsetPlace(value, reference.at, start)
      out.push(node)
      at = reference.at + reference.written.length
      continue
    }
    const citation = match[1] !== undefined ? bracketed(match[1]) : inText(match[2] === '-', match[3]!, match[4])
    if (citation === undefined) continue
    pushText(value.slice(at, match.index))
    const source = soften(match[0])
    const node: Citation = { type: 'citation', ...citation, source, children: [{ type: 'text', value: source }] }
    if (start) node.place = offsetPlace(value, match.index, start)
    out.push(node)
    at = match.index + match[0].length
  }
  pushText(value.slice(at))
  return out
}

/** Whether a run of text may hold a citation: the cheap test before the full scan. */
export function mayHoldCitation(value: string): boolean {
  return value.includes('@')
}

/**
 * A cross-reference in a match of `PATTERN`: `[@fig:a; @fig:b]` (every item a
 * cross-reference key, the first with words before it, the last with words
 * after it: `[see @fig:a; @fig:b, p. 4]`), or `@fig:a` in the sentence (a bracket after it
 * is no locator: it is left as text), or `-@fig:a` for the number alone. Where it starts in the text, what is
 * written, and the labels, their first letter lowered (`Fig:a` is `fig:a`).
 */
function crossReference(match: RegExpExecArray | RegExpMatchArray): WrittenReference | undefined {
  const index = match.index ?? 0
  if (match[1] !== undefined) {
    const parts = match[1].split(';')
    const items = parts.map((part, position) => bracketedReference(part, position === 0, position === parts.length - 1))
    if (items.length === 0 || !items.every((item) => item !== undefined)) return undefined
    const keys = items.map((item) => item!.key)
    const reference: WrittenReference = { at: index, written: match[0], labels: keys.map(lowerFirst), capital: /^[A-Z]/.test(keys[0]!) }
    const prefix = items[0]!.prefix
    const suffix = items.at(-1)!.suffix
    if (prefix !== undefined) reference.prefix = prefix
    if (suffix !== undefined) reference.suffix = suffix
    return reference
  }
  const key = match[3]!
  if (!CROSS_REFERENCE.test(key)) return undefined
  const bare = match[2] === '-'
  return { at: index, written: `${bare ? '-' : ''}@${key}`, labels: [lowerFirst(key)], capital: /^[A-Z]/.test(key), ...(bare ? { bare: true as const } : {}) }
}

interface WrittenReference {
  at: number
  written: string
  labels: string[]
  capital: boolean
  bare?: true
  prefix?: string
  suffix?: string
}

const REFERENCE_ITEM = new RegExp(String.raw`^([\s\S]*?)@(${KEY})([\s\S]*)$`, 'u')

/**
 * An item of a bracketed cross-reference: its key, and words before it (on
 * the first item only: `see @sec:x`) or after it (on the last only:
 * `@fig:a, p. 4`), as pandoc-crossref takes them; `undefined` if it is none.
 */
function bracketedReference(part: string, first: boolean, last: boolean): { key: string; prefix?: string; suffix?: string } | undefined {
  const match = REFERENCE_ITEM.exec(part)
  if (!match) return undefined
  const [, before = '', key = '', after = ''] = match
  if (!CROSS_REFERENCE.test(key)) return undefined
  const prefix = soften(before).trim()
  const suffix = soften(after).trimEnd()
  // A prefix runs into the key only across a space: `a@fig:x` is no reference.
  if (prefix !== '' && (!first || !/\s$/.test(before))) return undefined
  if (suffix.trim() !== '' && !last) return undefined
  const item: { key: string; prefix?: string; suffix?: string } = { key }
  if (prefix !== '') item.prefix = `${prefix} `
  if (suffix.trim() !== '') item.suffix = /^[\s,;:.]/.test(suffix) ? suffix : ` ${suffix}`
  return item
}

function lowerFirst(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1)
}

function bracketed(inside: string): Pick<Citation, 'mode' | 'items'> | undefined {
  const items: CitationItem[] = []
  for (const part of inside.split(';')) {
    const match = ITEM.exec(part)
    if (!match) return undefined
    const [, prefix = '', dash, key = '', rest = ''] = match
    // A prefix runs into the key only across a space: `a@b` is no citation.
    if (prefix !== '' && !/\s$/.test(prefix) && prefix.trim() !== '') return undefined
    if (CROSS_REFERENCE.test(key)) return undefined
    const item: CitationItem = { key }
    const before = soften(prefix).trim()
    if (before !== '') item.prefix = `${before} `
    if (dash === '-') item.suppressAuthor = true
    Object.assign(item, locatorAndSuffix(soften(rest)))
    items.push(item)
  }
  return { mode: 'normal', items }
}

function inText(suppress: boolean, key: string, locator: string | undefined): Pick<Citation, 'mode' | 'items'> | undefined {
  if (CROSS_REFERENCE.test(key)) return undefined
  const item: CitationItem = { key }
  if (suppress) item.suppressAuthor = true
  if (locator !== undefined) Object.assign(item, locatorAndSuffix(soften(locator)))
  return { mode: suppress ? 'normal' : 'in-text', items: [item] }
}

/** What follows a key: `, p. 33 and passim` is the locator `33` (a page), then the suffix ` and passim`. */
function locatorAndSuffix(rest: string): Pick<CitationItem, 'locator' | 'label' | 'suffix'> {
  if (rest.trim() === '') return {}
  const match = LOCATOR.exec(rest)
  if (match) {
    const [, word, value = '', after = ''] = match
    const label = word === undefined ? 'page' : LOCATOR_LABELS[word.toLowerCase()]
    if (label !== undefined) {
      const result: Pick<CitationItem, 'locator' | 'label' | 'suffix'> = { locator: value.trim(), label }
      if (after.trim() !== '') result.suffix = after.trimEnd()
      return result
    }
  }
  const suffix = rest.trimEnd()
  return { suffix: /^[\s,;:.]/.test(suffix) ? suffix : ` ${suffix}` }
}

function soften(text: string): string {
  return text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ')
}

/** The place of `offset` in `value`, which starts at `start`. */
function offsetPlace(value: string, offset: number, start: Place): Place {
  const before = value.slice(0, offset)
  const lines = before.split(/\r\n|\r|\n/)
  if (lines.length === 1) return { file: start.file, line: start.line, column: start.column + offset }
  return { file: start.file, line: start.line + lines.length - 1, column: lines[lines.length - 1]!.length + 1 }
}
