import type { MathBlock } from '../../model/book.js'
import { displayMathSpace } from '../../theme/index.js'
import { formulaSvg, type FormulaSvg } from '../../math/svg.js'
import type { FlowBox } from '../flow.js'
import { code } from './code.js'
import { inkColour, type BlockContext, type Composer } from './context.js'

/**
 * A displayed formula: MathJax's outlines at the size of the text around it,
 * centred, with the theme's space above and below, one box that never
 * splits across pages. A formula wider than the measure is scaled down to
 * fit it. One MathJax cannot read (the book's formulas were read before, see
 * `transform/check-math.ts`) is set as code, its TeX as written.
 */
export function displayMath(c: Composer, node: MathBlock, ctx: BlockContext): void {
  let formula: FormulaSvg
  try {
    formula = formulaSvg(node.tex, true)
  } catch {
    code(c, { type: 'code', value: node.tex, ...(node.place ? { place: node.place } : {}) }, ctx)
    return
  }
  const style = c.style(ctx.role)
  const scale = Math.min(style.size, ctx.region.width / formula.width)
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
    drawings: [{ kind: 'image', x: ctx.region.x + (ctx.region.width - width) / 2, y: -(height + depth), width, height: height + depth, path: '', mediaType: 'image/svg+xml', asset: '', svg: inkColour(formula.svg, style.colour), struct }],
    keepWithPrevious: false,
    notes: [],
    anchors: [],
    source: { chapter: c.chapter, block: ctx.path, word: 0 },
  }
  c.box(box)
  c.space(space)
  c.afterParagraph = false
}
