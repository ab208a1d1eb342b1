/**
 * A formula for the EPUB as inline SVG, for e-readers that cannot set MathML
 * (`math: svg`): the print edition's outlines (`svg.ts`), an image whose
 * text alternative is the TeX (`role="img"`, `aria-label` and `<title>`),
 * sized in ems of the text around it so that it scales with the reader's
 * font size, and drawn in `currentColor`, the colour of the text it stands in.
 */
import type { Element, ElementContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { formulaSvg } from './svg.js'
import { DISPLAY_SVG_CLASS } from './svg-element-class.js'

/** The formula as an `<svg>` element; throws MathJax's error when it cannot read the TeX. */
export function formulaSvgElement(tex: string, display: boolean): Element {
  const formula = formulaSvg(tex, display)
  const svg = fromHtml(formula.svg, { fragment: true }).children.find((node): node is Element => node.type === 'element' && node.tagName === 'svg')
  if (!svg) throw new Error('MathJax gave no <svg> element')
  withoutDataAttributes(svg)
  const { viewBox } = svg.properties
  svg.properties = {
    viewBox,
    width: em(formula.width),
    height: em(formula.height + formula.depth),
    role: 'img',
    ariaLabel: tex,
    // A displayed formula stands on a line of its own; one in the text stands on the baseline, its depth below it.
    ...(display ? { className: [DISPLAY_SVG_CLASS] } : { style: `vertical-align: ${em(-formula.depth)}` }),
  }
  svg.children = [{ type: 'element', tagName: 'title', properties: {}, children: [{ type: 'text', value: tex }] }, ...svg.children]
  return svg
}

function em(value: number): string {
  return `${Number(value.toFixed(3))}em`
}

/** MathJax marks its nodes (`data-mml-node`, `data-c`) for its own scripts: no attribute of SVG, nothing an e-reader needs. */
function withoutDataAttributes(node: ElementContent): void {
  if (node.type !== 'element') return
  for (const name of Object.keys(node.properties)) if (/^data[A-Z]/.test(name)) delete node.properties[name]
  for (const child of node.children) withoutDataAttributes(child)
}
