import type { CodeBlock, CodeToken } from '../../model/book.js'
import { splitByFace } from '../faces.js'
import type { FlowBox } from '../flow.js'
import type { LineRun } from '../setline.js'
import type { RunStyle } from '../style.js'
import type { BlockContext, Composer } from './context.js'

/** The sign set before a code line continued from the line above (wrapped at the measure). */
const continuation = '↪'

/** A piece of a code line: characters of one colour in one face. */
interface Piece {
  text: string
  style: RunStyle
  width: number
  missing?: true
}

interface Row {
  pieces: Piece[]
  /** Index of the row's first word in the code's text. */
  word: number
  /** The row continues the line above it. */
  continued: boolean
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * A code block: monospaced lines as written, coloured by token kind from the
 * theme, on a tinted ground, not split across pages unless it is taller than
 * half a page. A line wider than the measure wraps at the character that
 * reaches the edge; the rest is set on the next line after a continuation sign.
 */
export function code(c: Composer, block: CodeBlock, ctx: BlockContext): void {
  const resolved = c.style('code')
  const style = c.runStyle('code')
  const struct = c.struct('Code', ctx.struct)
  const metrics = c.measurer.metrics(style.font)
  // The ground extends half the gap between lines beyond the text, so that it frames the first and last lines evenly.
  const pad = (resolved.leading - resolved.size) / 2 + resolved.size * metrics.descent
  const inset = pad
  const width = ctx.region.width - 2 * inset
  const muted = { ...style, colour: c.theme.colours.muted }
  const sign = splitByFace(continuation, muted.font, c.measurer)
  // The sign is drawn only when some face has it; the continued text starts past it and a space.
  const signRuns = sign.some((run) => run.missing) ? [] : sign.map((run) => ({ text: run.text, style: { ...muted, font: run.font } }))
  const signWidth = signRuns.length > 0 ? signRuns.reduce((sum, run) => sum + c.measurer.width(run.text, run.style), 0) + c.measurer.width(' ', style) : 0

  const rows = wrap(c, sourceLines(block), style, width, signWidth)
  c.noteMissingPlace()

  c.space(resolved.spaceBefore + pad)
  const total = rows.length * resolved.leading
  const unsplittable = total <= c.geometry.depth / 2
  rows.forEach((row, index) => {
    // Each line's ground runs from the previous line's ground to its own descent, so the grounds join.
    const top = index === 0 ? -(resolved.size + pad) : -resolved.leading + pad
    const bottom = pad + (index === rows.length - 1 ? pad : 0.05)
    const box: FlowBox = {
      kind: 'box',
      height: resolved.leading,
      top: resolved.size + (index === 0 ? pad : 0),
      depth: resolved.size * metrics.descent,
      drawings: [{ kind: 'rect', x: ctx.region.x, y: top, width: ctx.region.width, height: bottom - top, colour: c.theme.colours.codeBackground }],
      keepWithPrevious: index > 0 && unsplittable,
      notes: [],
      anchors: [],
      source: { chapter: c.chapter, block: ctx.path, word: row.word },
    }
    let x = ctx.region.x + inset
    if (row.continued && signRuns.length > 0) {
      // The sign is no part of the code: an artifact, like a running head.
      let signX = x
      for (const run of signRuns) {
        const runWidth = c.measurer.width(run.text, run.style)
        box.drawings.push({ kind: 'text', x: signX, y: 0, run: { x: 0, width: runWidth, text: run.text, style: run.style, word: row.word, spaceAfter: false }, struct: null })
        signX += runWidth
      }
      x += signWidth
    }
    for (const piece of row.pieces) {
      if (piece.text.trim() !== '') {
        const run: LineRun = { x: 0, width: piece.width, text: piece.text, style: piece.style, word: row.word, spaceAfter: false }
        if (piece.missing) run.missing = true
        box.drawings.push({ kind: 'text', x, y: 0, run, struct })
      }
      x += piece.width
    }
    c.box(box)
  })
  c.space(resolved.spaceAfter + pad)
  c.afterParagraph = false
}

/** The code's lines, each as its tokens (a kind or none), tabs expanded to four spaces. */
function sourceLines(block: CodeBlock): CodeToken[][] {
  const tokens = block.tokens && block.tokens.map((token) => token.text).join('') === block.value ? block.tokens : [{ text: block.value }]
  const lines: CodeToken[][] = [[]]
  for (const token of tokens) {
    token.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([])
      const text = part.replace(/\t/g, '    ')
      if (text !== '') lines.at(-1)!.push(token.kind === undefined ? { text } : { text, kind: token.kind })
    })
  }
  return lines
}

/** Rows of pieces no wider than `width`: each line wrapped at the character that would pass it. */
function wrap(c: Composer, lines: readonly CodeToken[][], style: RunStyle, width: number, signWidth: number): Row[] {
  const rows: Row[] = []
  let words = 0
  let inWord = false
  for (const line of lines) {
    let row: Row = { pieces: [], word: words, continued: false }
    let used = 0
    rows.push(row)
    for (const token of line) {
      const tokenStyle = token.kind === undefined ? style : { ...style, colour: c.theme.codeColours[token.kind] }
      for (const run of splitByFace(token.text, style.font, c.measurer, c.missing)) {
        const runStyle = run.font === style.font ? tokenStyle : { ...tokenStyle, font: run.font }
        for (const { segment } of graphemes.segment(run.text)) {
          const advance = c.measurer.width(segment, runStyle)
          if (used + advance > width + 1e-6 && row.pieces.length > 0) {
            // The continued row starts past the sign; its word is the one in progress if it starts mid-word.
            row = { pieces: [], word: inWord ? words - 1 : words, continued: true }
            rows.push(row)
            used = signWidth
          }
          const space = /^\s+$/.test(segment)
          if (!space && !inWord) words++
          inWord = !space
          const last = row.pieces.at(-1)
          if (last && last.style === runStyle && (last.missing === true) === (run.missing === true)) {
            last.text += segment
            last.width += advance
          } else row.pieces.push(run.missing ? { text: segment, style: runStyle, width: advance, missing: true } : { text: segment, style: runStyle, width: advance })
          used += advance
        }
      }
    }
    inWord = false
  }
  return rows
}
