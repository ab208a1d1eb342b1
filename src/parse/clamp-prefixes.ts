/**
 * micromark re-enters every open container (block quote, list item) on every
 * line, so a document whose lines open hundreds of containers costs it far
 * more than its length: 1,000 lines of ever-deeper list items (2 MB) took 45 s,
 * and 3,000 did not finish in 8 minutes at 3 GB. The nesting guard after the
 * parse cannot help with that, so before the parse the line prefixes that
 * build such depth are clamped. Only absurd prefixes are touched: far beyond
 * the depth the guard keeps (`MAX_NESTING`), so no real manuscript changes.
 */

/** Widest leading indentation kept, in columns: room for 32 levels of `1. ` items, or 64 of `- `. */
export const MAX_INDENT = 128

/** Most block-quote or list markers kept at the start of one line. */
export const MAX_MARKERS = 48

export interface ClampReport {
  line: number
  column: number
  kind: 'indent' | 'markers'
}

/** One container marker at the start of a line, with the spaces around it. */
const MARKER = String.raw`[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))`
const MANY_MARKERS = new RegExp(String.raw`^(?:${MARKER}){${MAX_MARKERS + 1},}`, 'gm')
const WIDE_INDENT = /^[ \t]{65,}/gm

/** The text with absurd line prefixes clamped, and where that happened. */
export function clampPrefixes(text: string): { text: string; reports: ClampReport[] } {
  // Cheap test first: nearly every manuscript has nothing to clamp.
  MANY_MARKERS.lastIndex = 0
  WIDE_INDENT.lastIndex = 0
  if (!MANY_MARKERS.test(text) && !WIDE_INDENT.test(text)) return { text, reports: [] }

  const markerOffsets: number[] = []
  const clampedMarkers = text.replace(MANY_MARKERS, (prefix: string, offset: number) => {
    markerOffsets.push(offset)
    const markers = prefix.match(new RegExp(MARKER, 'g')) ?? []
    return markers.slice(0, MAX_MARKERS).join('')
  })
  const indentOffsets: number[] = []
  const clamped = clampedMarkers.replace(WIDE_INDENT, (indent: string, offset: number) => {
    if (columns(indent) <= MAX_INDENT) return indent
    indentOffsets.push(offset)
    return ' '.repeat(MAX_INDENT)
  })
  // Neither pass adds or removes a line, so lines counted in either text agree.
  const reports = [
    ...linesOf(text, markerOffsets).map((line) => ({ line, column: 1, kind: 'markers' as const })),
    ...linesOf(clampedMarkers, indentOffsets).map((line) => ({ line, column: 1, kind: 'indent' as const })),
  ]
  return { text: clamped, reports }
}

function columns(indent: string): number {
  let width = 0
  for (const character of indent) width = character === '\t' ? width + 4 - (width % 4) : width + 1
  return width
}

/** Line numbers (1-based) of ascending offsets in `text`. */
function linesOf(text: string, offsets: number[]): number[] {
  const lines: number[] = []
  let line = 1
  let scanned = 0
  for (const offset of offsets) {
    for (; scanned < offset; scanned++) {
      const code = text.charCodeAt(scanned)
      if (code === 10 || (code === 13 && text.charCodeAt(scanned + 1) !== 10)) line += 1
    }
    lines.push(line)
  }
  return lines
}
