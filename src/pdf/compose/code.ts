import type { CodeBlock } from '../../model/book.js'
import type { FlowBox } from '../flow.js'
import type { LineRun } from '../setline.js'
import type { BlockContext, Composer } from './context.js'

/**
 * A code block: monospaced lines as written, on a tinted ground, not split
 * across pages unless it is taller than a page. Lines wider than the measure
 * wrap at the character that reaches the edge.
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
  const charWidth = c.measurer.width('0', style)
  const perLine = Math.max(1, Math.floor(width / charWidth))

  const rows: Array<{ text: string; word: number }> = []
  let word = 0
  for (const source of block.value.replace(/\t/g, '    ').split('\n')) {
    const chars = Array.from(source)
    for (let at = 0; at === 0 || at < chars.length; at += perLine) {
      const text = chars.slice(at, at + perLine).join('')
      rows.push({ text, word })
      word += text.split(/\s+/).filter((part) => part !== '').length
      if (chars.length === 0) break
    }
  }

  c.space(resolved.spaceBefore + pad)
  const total = rows.length * resolved.leading
  const unsplittable = total <= c.geometry.depth / 2
  rows.forEach((row, index) => {
    const run: LineRun = { x: 0, width: c.measurer.width(row.text, style), text: row.text, style, word: row.word, spaceAfter: false }
    // Each line's ground runs from the previous line's ground to its own descent, so the grounds join.
    const top = index === 0 ? -(resolved.size + pad) : -resolved.leading + pad
    const bottom = pad + (index === rows.length - 1 ? pad : 0.05)
    const box: FlowBox = {
      kind: 'box',
      height: resolved.leading,
      top: resolved.size + (index === 0 ? pad : 0),
      depth: resolved.size * metrics.descent,
      drawings: [
        { kind: 'rect', x: ctx.region.x, y: top, width: ctx.region.width, height: bottom - top, colour: c.theme.colours.codeBackground },
        ...(row.text.trim() === '' ? [] : [{ kind: 'text' as const, x: ctx.region.x + inset, y: 0, run, struct }]),
      ],
      keepWithPrevious: index > 0 && unsplittable,
      notes: [],
      anchors: [],
      source: { chapter: c.chapter, block: ctx.path, word: row.word },
    }
    c.box(box)
  })
  c.space(resolved.spaceAfter + pad)
  c.afterParagraph = false
}
