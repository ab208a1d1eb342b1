import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostics } from '../diagnostics.js'
import type { Place } from '../model/book.js'
import { isInside } from '../inside-folder.js'
import type { SourceFile } from './manuscript.js'
import { readSource } from './read-source.js'
import { TextOrigins, type Stretch } from './text-origins.js'

/**
 * mdBook's include directives, expanded in a chapter's text before it is
 * parsed, as mdBook's `links` preprocessor does (rust-lang/mdBook,
 * `src/preprocess/links.rs`), in any book, not only an mdBook one:
 *
 * - `{{#include file}}`: the file's text; `file:10` its line 10, `file:10:20`
 *   lines 10 to 20, `file::20` lines 1 to 20, `file:10:` line 10 to the end;
 *   `file:name` the lines between `ANCHOR: name` and `ANCHOR_END: name`.
 * - `{{#rustdoc_include file…}}`: the same selection, the file's other lines
 *   kept as hidden lines of Rust code (`# …`).
 * - `{{#playground file}}` (or mdBook's older `playpen`): the file as a Rust
 *   code block (`{{#playground file editable}}`: ```` ```rust,editable ````).
 * - `\{{#include …}}`: the directive as written, without the backslash.
 * - `{{#title …}}`: names mdBook's web page only; taken out.
 *
 * Lines holding `ANCHOR:` or `ANCHOR_END:` are left out of every include.
 * Paths are relative to the file the directive is written in; an included
 * file's own directives are expanded in turn, to a depth of ten (mdBook's),
 * and a file that would include itself is refused.
 *
 * A directive that cannot be served — its file missing, outside the book's
 * folder, or a cycle — is replaced by nothing, with a warning at its line and
 * column: the build goes on, and the reader never sees the directive's
 * syntax (mdBook keeps the text, which suits a preview more than a book).
 */

export interface IncludeScope {
  /** The book's folder: nothing outside it is read. */
  root: string
  /** How messages name `root` (the folder as given). */
  rootDisplay: string
  diag: Diagnostics
  /** Told of every file read, by absolute path (what a watcher must watch). */
  onRead?: ((file: string) => void) | undefined
}

/** A chapter's text with its includes expanded, and where each stretch of it comes from (absent when nothing changed). */
export interface ExpandedText {
  text: string
  origins?: TextOrigins
}

/** mdBook's pattern: an escaped directive (to the line's last `}}`), or `{{#name arguments}}`. */
const DIRECTIVE = /\\\{\{#.*\}\}|\{\{\s*#([a-zA-Z0-9_]+)\s+([^}]+)\}\}/g
const ANCHOR_START = /ANCHOR:\s*([\p{L}\p{N}_-]+)/u
const ANCHOR_END = /ANCHOR_END:\s*([\p{L}\p{N}_-]+)/u
/** mdBook's limit on includes within includes. */
export const MAX_INCLUDE_DEPTH = 10

/** A line of text an include brings in, with the line of its file it was (for messages about directives in it). */
interface SourceLine {
  text: string
  line: number
  /** Characters put before the line's own text (`# ` for a hidden line). */
  prefix: number
}

/** Expand the include directives of `text`, the content of `file`. */
export async function expandIncludes(text: string, file: SourceFile, scope: IncludeScope): Promise<ExpandedText> {
  if (!text.includes('{{')) return { text }
  const realRoot = await realpath(scope.root)
  const stretches: Stretch[] = []
  let expanded = ''
  let last = 0
  const own = (from: number, to: number): void => {
    if (to <= from) return
    stretches.push({ start: expanded.length, end: expanded.length + to - from, origin: from, own: true })
    expanded += text.slice(from, to)
  }
  const fileLines = text.split('\n').map((line, index) => ({ text: line, line: index + 1, prefix: 0 }))
  const placeIn = placeFinder(text, fileLines, file.display)

  for (const match of text.matchAll(DIRECTIVE)) {
    const index = match.index
    if (match[0].startsWith('\\')) {
      // Escaped: the directive's own text, the backslash dropped, still the file's own characters.
      own(last, index)
      last = index + 1
      continue
    }
    const replacement = await directive(match, file, placeIn(index), 0, [await realpathOr(file.path)])
    if (replacement === undefined) continue
    own(last, index)
    if (replacement !== '') {
      stretches.push({ start: expanded.length, end: expanded.length + replacement.length, origin: index, own: false })
      expanded += replacement
    }
    last = index + match[0].length
  }
  if (last === 0 && stretches.length === 0) return { text }
  own(last, text.length)
  return { text: expanded, origins: new TextOrigins(stretches, expanded, text) }

  /** What a directive is replaced by; `undefined` to leave it as written. */
  async function directive(match: RegExpMatchArray, from: SourceFile, place: Place, depth: number, chain: string[]): Promise<string | undefined> {
    const kind = match[1]!
    const [target = '', ...properties] = match[2]!.trim().split(/\s+/)
    const playground = kind === 'playground' || kind === 'playpen'
    // mdBook's `{{#title …}}` names its web page's window: nothing a book shows.
    if (kind === 'title') return ''
    if (!playground && kind !== 'include' && kind !== 'rustdoc_include') {
      scope.diag.warn(`unknown directive \`{{#${kind}}}\`: left as written`, place, 'include')
      return undefined
    }
    const colon = playground ? -1 : target.indexOf(':')
    const written = colon === -1 ? target : target.slice(0, colon)
    const selector = colon === -1 ? undefined : target.slice(colon + 1)
    const included = await resolve(written, from, place)
    if (!included) return ''
    if (chain.includes(included.real)) {
      const between = chain.length - chain.indexOf(included.real) - 1
      const through = between === 0 ? '' : ` through ${between === 1 ? 'one other file' : `${between} other files`}`
      scope.diag.warn(`${written} includes itself${through}: left out`, place, 'include')
      return ''
    }
    if (depth >= MAX_INCLUDE_DEPTH) {
      scope.diag.warn(`includes nested deeper than ${MAX_INCLUDE_DEPTH}: ${written} left out`, place, 'include')
      return ''
    }
    scope.onRead?.(included.file.path)
    const { text: content } = await readSource(included.file.path, included.file.display, scope.diag)
    const lines = content.split(/\r?\n/)
    // As Rust's `lines()`: a final line break ends the last line rather than starting one.
    if (lines.at(-1) === '') lines.pop()
    let chosen: SourceLine[]
    if (playground) {
      const body = withoutAnchors(lines.map((line, index) => ({ text: line, line: index + 1, prefix: 0 })))
      const info = properties.length > 0 ? `rust,${properties.join(',')}` : 'rust'
      chosen = [{ text: '```' + info, line: 1, prefix: 0 }, ...body, { text: '```', line: lines.length, prefix: 0 }, { text: '', line: lines.length, prefix: 0 }]
    } else {
      const selection = parseSelector(selector)
      if (selection.kind === 'anchor' && !lines.some((line) => anchorName(ANCHOR_START, line) === selection.name)) {
        scope.diag.warn(`no \`ANCHOR: ${selection.name}\` in ${written}: ${kind === 'include' ? 'nothing included' : 'every line hidden'}`, place, 'include')
      }
      chosen = kind === 'include' ? select(lines, selection) : selectRustdoc(lines, selection)
    }
    const joined = chosen.map((line) => line.text).join('\n')
    return expandWithin(joined, chosen, included.file, depth + 1, [...chain, included.real])
  }

  /** The directives of included text expanded in turn: all of it then maps to the outer directive. */
  async function expandWithin(content: string, lines: readonly SourceLine[], from: SourceFile, depth: number, chain: string[]): Promise<string> {
    if (!content.includes('{{')) return content
    const placeIn = placeFinder(content, lines, from.display)
    let result = ''
    let last = 0
    for (const match of content.matchAll(DIRECTIVE)) {
      const index = match.index
      if (match[0].startsWith('\\')) {
        result += content.slice(last, index)
        last = index + 1
        continue
      }
      const replacement = await directive(match, from, placeIn(index), depth, chain)
      if (replacement === undefined) continue
      result += content.slice(last, index) + replacement
      last = index + match[0].length
    }
    return result + content.slice(last)
  }

  /** The file a directive names, checked to be a file inside the book's folder; `undefined` (with a warning) when not. */
  async function resolve(written: string, from: SourceFile, place: Place): Promise<{ file: SourceFile; real: string } | undefined> {
    if (written === '') {
      scope.diag.warn('include names no file: left out', place, 'include')
      return undefined
    }
    const absolute = path.resolve(path.dirname(from.path), written)
    if (path.isAbsolute(written) || !isInside(scope.root, absolute)) {
      scope.diag.warn(`include ${written} reaches outside the book's folder: left out`, place, 'include')
      return undefined
    }
    const file = { path: absolute, display: path.join(scope.rootDisplay, path.relative(scope.root, absolute)) }
    const isFile = await stat(absolute).then(
      (stats) => stats.isFile(),
      () => false,
    )
    if (!isFile) {
      scope.diag.warn(`included file not found: ${file.display}`, place, 'include')
      return undefined
    }
    const real = await realpathOr(absolute)
    // A symbolic link inside the folder may still lead out of it.
    if (!isInside(realRoot, real)) {
      scope.diag.warn(`include ${written} leads outside the book's folder: left out`, place, 'include')
      return undefined
    }
    return { file, real }
  }
}

type Selection = { kind: 'lines'; start: number; end: number } | { kind: 'anchor'; name: string }

/**
 * What follows the file name's colon, as mdBook reads it: `10` (one line),
 * `10:20`, `:20`, `10:` (ranges, 1-based and inclusive), a name (an anchor),
 * nothing (the whole file). A number is the line's; a second part that is no
 * number leaves the range open.
 */
export function parseSelector(selector: string | undefined): Selection {
  const all: Selection = { kind: 'lines', start: 1, end: Number.POSITIVE_INFINITY }
  if (selector === undefined) return all
  const [first = '', second] = selector.split(':')
  const number = (text: string): number | undefined => (/^\d+$/.test(text) ? Number(text) : undefined)
  const start = number(first)
  if (start === undefined && first !== '') return { kind: 'anchor', name: first }
  const end = second === undefined ? undefined : number(second)
  if (start !== undefined) {
    if (second === undefined) return { kind: 'lines', start: Math.max(start, 1), end: Math.max(start, 1) }
    return { kind: 'lines', start: Math.max(start, 1), end: end ?? Number.POSITIVE_INFINITY }
  }
  return end === undefined ? all : { kind: 'lines', start: 1, end }
}

/** `{{#include}}`: the selected lines, without anchor lines. */
function select(lines: readonly string[], selection: Selection): SourceLine[] {
  const numbered = lines.map((text, index) => ({ text, line: index + 1, prefix: 0 }))
  if (selection.kind === 'lines') return withoutAnchors(numbered.filter(({ line }) => line >= selection.start && line <= selection.end))
  const chosen: SourceLine[] = []
  let inside = false
  for (const line of numbered) {
    if (!inside) {
      inside = anchorName(ANCHOR_START, line.text) === selection.name
      continue
    }
    if (anchorName(ANCHOR_END, line.text) === selection.name) break
    if (!isAnchorLine(line.text)) chosen.push(line)
  }
  return chosen
}

/** `{{#rustdoc_include}}`: every line, those outside the selection hidden (`# `), anchor lines left out. */
function selectRustdoc(lines: readonly string[], selection: Selection): SourceLine[] {
  const chosen: SourceLine[] = []
  let inside = false
  lines.forEach((text, index) => {
    const line = index + 1
    let shown: boolean
    if (selection.kind === 'lines') shown = line >= selection.start && line <= selection.end
    else {
      if (anchorName(ANCHOR_START, text) === selection.name) inside = true
      else if (anchorName(ANCHOR_END, text) === selection.name) inside = false
      shown = inside
    }
    if (isAnchorLine(text)) return
    chosen.push(shown ? { text, line, prefix: 0 } : { text: `# ${text}`, line, prefix: 2 })
  })
  return chosen
}

function withoutAnchors(lines: SourceLine[]): SourceLine[] {
  return lines.filter((line) => !isAnchorLine(line.text))
}

function isAnchorLine(text: string): boolean {
  return ANCHOR_START.test(text) || ANCHOR_END.test(text)
}

function anchorName(pattern: RegExp, text: string): string | undefined {
  return pattern.exec(text)?.[1]
}

/** The place in its file of an offset of `text`, whose lines are `lines` (each with the line of the file it was). */
function placeFinder(text: string, lines: readonly SourceLine[], file: string): (offset: number) => Place {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return (offset) => {
    let row = 0
    while (row + 1 < starts.length && starts[row + 1]! <= offset) row++
    const line = lines[row] ?? lines.at(-1)
    return { file, line: line?.line ?? 1, column: Math.max(1, offset - starts[row]! + 1 - (line?.prefix ?? 0)) }
  }
}

async function realpathOr(file: string): Promise<string> {
  try {
    return await realpath(file)
  } catch {
    return path.resolve(file)
  }
}
