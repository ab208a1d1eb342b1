/**
 * TeX to MathML for the EPUB, with temml: MathML Core, which e-readers and
 * browsers set with the reader's own fonts. Each `<math>` carries its TeX as
 * `alttext`, for a reader whose software cannot set MathML.
 */
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import temml from 'temml'

export const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML'

/** The formula as a `<math>` element; throws temml's error when it cannot read the TeX. */
export function formulaMathml(tex: string, display: boolean): Element {
  const markup = temml.renderToString(tex, { displayMode: display, throwOnError: true, annotate: false })
  const math = fromHtml(markup, { fragment: true }).children.find((node): node is Element => node.type === 'element' && node.tagName === 'math')
  if (!math) throw new Error('temml gave no <math> element')
  // temml's class and style speak to its own style sheet, which the EPUB does not carry.
  const { className: _className, style: _style, ...properties } = math.properties
  math.properties = { xmlns: MATHML_NAMESPACE, ...properties, alttext: tex }
  if (display) math.properties.display = 'block'
  return math
}
