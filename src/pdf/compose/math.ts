import type { MathBlock } from '../../model/book.js'
import { displayMathSpace } from '../../theme/index.js'
import { formulaSvg, type FormulaSvg } from '../../math/svg.js'
import type { FlowBox, TextDrawing } from '../flow.js'
import { code } from './code.js'
import { inkColour, type BlockContext, type Composer } from './context.js'

/**
 * A displayed formula: MathJax's outlines at the size of the text around it,
 * centred, with the theme's space above and below, one box that never
 * splits across pages. A formula wider than the measure is scaled down to
 * fit it. One MathJax cannot read (the book's formulas were read before, see
 * `transform/check-math.ts`) is set as code, its TeX as written.
 */
/** The drawings of a formula's number set flush right on a line of its own, and the room it takes with a space before it. */
function numberDrawings(c: Composer, number: string, ctx: BlockContext): { drawings: TextDrawing[]; width: number } {
  const role = ctx.role
  const runStyle = c.runStyle(role)
  const lines = c.setText([{ type: 'text', value: number }], runStyle, 'right', ctx.region.width, { hyphenate: false })
  const boxes = c.lineBoxes(lines, c.style(role), ctx.region, c.struct('Lbl', ctx.struct), null, false)
  const width = c.measurer.width(`${number}\u2003`, runStyle)
  return { drawings: boxes.flatMap((box) => box.drawings.filter((drawing): drawing is TextDrawing => drawing.kind === 'text')), width }
}

export function displayMath(c: Composer, node: MathBlock, ctx: BlockContext): void {
  let formula: FormulaSvg
  try {
    formula = formulaSvg(node.tex, true)
  } catch {
    code(c, { type: 'code', value: node.tex, ...(node.place ? { place: node.place } : {}) }, ctx)
    return
  }
  const style = c.style(ctx.role)
  const numbered = node.number === undefined ? undefined : numberDrawings(c, node.number, ctx)
  // A numbered formula stays clear of its number: centred in what the number leaves on both sides.
  const room = ctx.region.width - 2 * (numbered?.width ?? 0)
  const scale = Math.min(style.size, room / formula.width)
  const width = formula.width * scale
  const height = formula.height * scale
  const depth = formula.depth * scale
  const space = displayMathSpace(c.theme, ctx.role)
  const struct = c.struct('Formula', ctx.struct, node.tex)
  c.space(space)
  const box: FlowBox = {
    kind: 'box',
    // As a figure's: the box stands on the formula's foot, and the line before keeps its leading's room below it.
    height: height + depth + style.leading - style.size,
    top: height + depth,
    depth: 0,
    drawings: [
      { kind: 'image', x: ctx.region.x + (ctx.region.width - width) / 2, y: -(height + depth), width, height: height + depth, path: '', mediaType: 'image/svg+xml', asset: '', svg: inkColour(formula.svg, style.colour), struct },
      // The number stands on the formula's baseline, flush right.
      ...(numbered?.drawings.map((drawing) => ({ ...drawing, y: drawing.y - depth })) ?? []),
    ],
    keepWithPrevious: false,
    notes: [],
    anchors: [],
    source: { chapter: c.chapter, block: ctx.path, word: 0 },
  }
  c.box(box)
  c.space(space)
  c.afterParagraph = false
}
