/**
 * Word spacing measured from a PDF's glyph positions, whichever engine made it: `pdftotext
 * -bbox-layout` (poppler) gives each word's box per line; on every justified body line the gap between
 * consecutive word boxes is a word space, divided by the face's natural space at the body size.
 *
 * A line counts as justified body text when its words are body-sized (the most common word height in
 * the document, within half a point) and it reaches the text block's right edge (the most common right
 * end of such lines on the page; a hyphen or a stop hanging a little into the margin still counts).
 * So last lines of paragraphs, headings, running heads and folios are left out.
 */
import { execFileSync } from 'node:child_process'

interface Word {
  xMin: number
  xMax: number
  yMin: number
  yMax: number
  text: string
}

interface PdfLine {
  page: number
  words: Word[]
}

export interface SpacingFigures {
  pages: number
  /** Justified body lines measured. */
  lines: number
  /** Word spaces measured. */
  gaps: number
  /** Word space as a multiple of the natural space: mean, 95th percentile and maximum over all gaps. */
  mean: number
  p95: number
  max: number
  /** Lines whose mean word space exceeds `looseAbove` times the natural space. */
  loose: number
  /** Lines whose word space is below 0.95 of the natural space (shrunk). */
  tight: number
}

const ATTR = /(\w+)="([^"]*)"/g

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [, key, value] of tag.matchAll(ATTR)) out[key!] = value!
  return out
}

export function readLines(pdfFile: string): { pages: number; lines: PdfLine[] } {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 1 << 30 })
  const lines: PdfLine[] = []
  let page = 0
  for (const pageChunk of xml.split('<page ').slice(1)) {
    page++
    for (const lineChunk of pageChunk.split('<line ').slice(1)) {
      const words: Word[] = []
      for (const [, tag, text] of lineChunk.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)) {
        const a = attributes(tag!)
        words.push({ xMin: +a.xMin!, xMax: +a.xMax!, yMin: +a.yMin!, yMax: +a.yMax!, text: text! })
      }
      if (words.length > 0) lines.push({ page, words })
    }
  }
  return { pages: page, lines }
}

function mode(values: number[], step: number): number {
  const counts = new Map<number, number>()
  let best = NaN
  let bestCount = 0
  for (const value of values) {
    const key = Math.round(value / step)
    const count = (counts.get(key) ?? 0) + 1
    counts.set(key, count)
    if (count > bestCount) {
      bestCount = count
      best = key * step
    }
  }
  return best
}

export function measureSpacing(pdfFile: string, naturalSpace: number, looseAbove = 1.5): SpacingFigures {
  const { pages, lines } = readLines(pdfFile)
  const height = (word: Word): number => word.yMax - word.yMin
  const bodyHeight = mode(
    lines.flatMap((line) => line.words.map(height)),
    0.1,
  )
  const body = lines.filter(
    (line) => line.words.length >= 3 && line.words.every((word) => Math.abs(height(word) - bodyHeight) <= 0.5),
  )
  const rightEdge = new Map<number, number>()
  for (let p = 1; p <= pages; p++) {
    const ends = body.filter((line) => line.page === p).map((line) => line.words.at(-1)!.xMax)
    if (ends.length > 0) rightEdge.set(p, mode(ends, 0.25))
  }
  const ratios: number[] = []
  let measured = 0
  let loose = 0
  let tight = 0
  for (const line of body) {
    const edge = rightEdge.get(line.page)!
    const end = line.words.at(-1)!.xMax
    if (end < edge - 0.75 || end > edge + 6) continue
    const gaps: number[] = []
    for (let i = 1; i < line.words.length; i++) gaps.push((line.words[i]!.xMin - line.words[i - 1]!.xMax) / naturalSpace)
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length
    measured++
    if (mean > looseAbove) loose++
    if (mean < 0.95) tight++
    ratios.push(...gaps)
  }
  ratios.sort((a, b) => a - b)
  const mean = ratios.reduce((s, r) => s + r, 0) / ratios.length
  return {
    pages,
    lines: measured,
    gaps: ratios.length,
    mean,
    p95: ratios[Math.min(ratios.length - 1, Math.floor(ratios.length * 0.95))] ?? NaN,
    max: ratios.at(-1) ?? NaN,
    loose,
    tight,
  }
}
