import type { CodeBlock, CodeToken } from '../../model/book.js'
import { isWordSeparator } from '../../model/text.js'
import { codeGroundPadding } from '../../theme/index.js'
import { splitByFace } from '../faces.js'
import { graphemeClusters } from '../graphemes.js'
import type { FaceRun } from '../faces.js'
import type { FlowBox } from '../flow.js'
import type { LineRun } from '../setline.js'
import type { RunStyle } from '../style.js'
import { clusterKind, rowStarts } from './code-wrap.js'
import type { WrapCluster } from './code-wrap.js'
import type { BlockContext, Composer } from './context.js'

/** A piece of a code line: characters of one colour in one face. */
interface Piece {
  text: string
  style: RunStyle
  width: number
  missing?: true
}

/** A grapheme cluster of a code line, measured in the face and colour it is set in. */
interface Cluster extends WrapCluster {
  style: RunStyle
  missing: boolean
  /** Index (in `blockWords`) of the word this cluster is part of; of the next word when it is space. */
  word: number
}

interface Row {
  pieces: Piece[]
  /** Index of the row's first word in the code's text, or of the word in progress when the row starts inside one. */
  word: number
  /** The row continues the line above it. */
  continued: boolean
  /** Where a continued row's sign stands, from the text's left edge: the indentation of the line it continues, or 0. */
  indent: number
}

/** How a code block's rows are set in from its text's left edge. */
interface Layout {
  /** The room of a line's first row. */
  width: number
  /** How far past its sign a continued row's text starts. */
  hang: number
}

/**
 * A code block: monospaced lines as written, coloured by token kind from the
 * theme, on a tinted ground, not split across pages unless it is taller than
 * half a page. A line wider than the measure wraps where a reader of code
 * expects (after a space, else after punctuation, else at the edge: see
 * `code-wrap.ts`); each continued row starts with the theme's continuation
 * sign at the indentation of the line it continues, its text past the sign.
 */
export function code(c: Composer, block: CodeBlock, ctx: BlockContext): void {
  const resolved = c.style('code')
  const style = c.runStyle('code')
  const struct = c.struct('Code', ctx.struct)
  const metrics = c.measurer.metrics(style.font)
  // The ground extends half the gap between lines beyond the text, so that it frames the first and last lines evenly.
  const pad = codeGroundPadding(c.theme, metrics.descent)
  const inset = pad
  const width = ctx.region.width - 2 * inset
  const muted = { ...style, colour: c.theme.colours.muted }
  const sign = splitByFace(c.theme.codeContinuation.sign, muted.font, c.measurer)
  // The sign is drawn only when some face has it. The continued text starts the theme's indent past it, in columns of the
  // code face, so that it stays on the grid of the lines above; further when the sign (in a fallback face) needs more room.
  const signRuns = sign.some((run) => run.missing) ? [] : sign.map((run) => ({ text: run.text, style: { ...muted, font: run.font } }))
  const column = c.measurer.width('0', style)
  const signWidth = signRuns.reduce((sum, run) => sum + c.measurer.width(run.text, run.style), 0)
  const hang = Math.max(c.theme.codeContinuation.indent * column, signRuns.length > 0 ? signWidth + column / 2 : 0)

  const missingBefore = c.missing.size
  const rows = wrap(c, sourceLines(block), style, { width, hang })
  c.noteMissingPlace(missingBefore)

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
    if (row.continued) {
      // The sign is no part of the code: an artifact, like a running head.
      let signX = x + row.indent
      for (const run of signRuns) {
        const runWidth = c.measurer.width(run.text, run.style)
        box.drawings.push({ kind: 'text', x: signX, y: 0, run: { x: 0, width: runWidth, text: run.text, style: run.style, word: row.word, spaceAfter: false }, struct: null })
        signX += runWidth
      }
      x += row.indent + hang
    }
    const broken = index + 1 < rows.length && rows[index + 1]!.continued
    row.pieces.forEach((piece, at) => {
      // Spaces alone are not drawn, but for those that end a row broken after them: drawn, they are copied with the text.
      if (piece.text.trim() !== '' || (broken && at === row.pieces.length - 1)) {
        const run: LineRun = { x: 0, width: piece.width, text: piece.text, style: piece.style, word: row.word, spaceAfter: false }
        if (piece.missing) run.missing = true
        box.drawings.push({ kind: 'text', x, y: 0, run, struct })
      }
      x += piece.width
    })
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

/**
 * Rows of pieces no wider than the layout's room (spaces at a row's end hang
 * past it, unseen), each source line broken by `rowStarts`. A continued row
 * keeps the line's indentation before its sign while that leaves it at least
 * half the measure; a line indented deeper has its continued rows start at
 * the left edge, so that they still hold a useful share of the line.
 */
function wrap(c: Composer, lines: readonly CodeToken[][], style: RunStyle, layout: Layout): Row[] {
  const rows: Row[] = []
  const counter = { words: 0 }
  for (const line of lines) {
    const clusters = measuredClusters(c, line, style, counter)
    let indentation = 0
    for (const cluster of clusters) {
      if (clusterKind(cluster.text) !== 'space') break
      indentation += cluster.width
    }
    const indent = indentation + layout.hang <= layout.width / 2 ? indentation : 0
    const starts = rowStarts(clusters, layout.width, layout.width - indent - layout.hang)
    const bounds = [0, ...starts, clusters.length]
    for (let index = 0; index + 1 < bounds.length; index++) {
      const from = bounds[index]!
      rows.push({
        pieces: pieces(clusters.slice(from, bounds[index + 1])),
        // An empty line's row starts before the next word.
        word: clusters[from]?.word ?? counter.words,
        continued: index > 0,
        indent,
      })
    }
  }
  return rows
}

/**
 * The grapheme clusters of a source line, each in the face that has it (a
 * fallback face, or the code face's empty box when none has), measured one by
 * one as before any wrapping, so that a row's width is the sum of its
 * clusters'. Words are counted on the source text, as `blockWords` counts
 * them (runs of non-white-space; a line end ends a word), even where
 * characters that are never seen are dropped from what is drawn.
 */
function measuredClusters(c: Composer, line: readonly CodeToken[], style: RunStyle, counter: { words: number }): Cluster[] {
  const clusters: Cluster[] = []
  let inWord = false
  /** Counts the words of a cluster's source text; gives the word a row starting at it starts with, or is inside of, or (after a space) the next. */
  const count = (text: string): number => {
    let word = -1
    for (const char of text) {
      if (isWordSeparator(char)) inWord = false
      else if (!inWord) {
        counter.words++
        inWord = true
      }
      if (word < 0) word = inWord ? counter.words - 1 : counter.words
    }
    return word
  }
  for (const token of line) {
    const tokenStyle = token.kind === undefined ? style : { ...style, colour: c.theme.codeColours[token.kind] }
    // One style object per face, so that neighbouring clusters in a fallback face join into one piece.
    const faceStyles = new Map<RunStyle['font'], RunStyle>([[style.font, tokenStyle]])
    const push = (run: FaceRun, word: number): void => {
      let runStyle = faceStyles.get(run.font)
      if (!runStyle) faceStyles.set(run.font, (runStyle = { ...tokenStyle, font: run.font }))
      for (const segment of graphemeClusters(run.text)) {
        clusters.push({ text: segment, width: c.measurer.width(segment, runStyle), style: runStyle, missing: run.missing === true, word: word < 0 ? count(segment) : word })
      }
    }
    const runs = splitByFace(token.text, style.font, c.measurer, c.missing)
    if (runs.map((run) => run.text).join('') === token.text) for (const run of runs) push(run, -1)
    else {
      // Characters never seen were dropped: the token's clusters one by one, so that their words are counted as written.
      for (const segment of graphemeClusters(token.text)) {
        const word = count(segment)
        for (const run of splitByFace(segment, style.font, c.measurer)) if (run.text !== '') push(run, word)
      }
    }
  }
  return clusters
}

/** Clusters joined into pieces of one face, colour and coverage: what is drawn as one run. */
function pieces(clusters: readonly Cluster[]): Piece[] {
  const joined: Piece[] = []
  for (const cluster of clusters) {
    const last = joined.at(-1)
    if (last && last.style === cluster.style && (last.missing === true) === cluster.missing) {
      last.text += cluster.text
      last.width += cluster.width
    } else joined.push(cluster.missing ? { text: cluster.text, style: cluster.style, width: cluster.width, missing: true } : { text: cluster.text, style: cluster.style, width: cluster.width })
  }
  return joined
}
