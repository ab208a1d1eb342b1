/**
 * TeX to MathML for the EPUB, with temml: MathML Core, which e-readers and
 * browsers set with the reader's own fonts. Each `<math>` carries its TeX as
 * `alttext`, for a reader whose software cannot set MathML.
 */
import type { Element, ElementContent } from 'hast'
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
  math.children = math.children.map(withStyleInMstyle)
  return math
}

/**
 * Where each of MathML Core's global style attributes is allowed in MathML 3,
 * which EPUB 3 (and EPUBCheck) takes MathML to be.
 */
const styleAttributeHolders: Record<string, ReadonlySet<string>> = {
  scriptlevel: new Set(['mstyle']),
  displaystyle: new Set(['mstyle', 'mtable', 'math']),
}

/**
 * temml writes `scriptlevel` and `displaystyle` on any element, as MathML
 * Core allows; MathML 3 allows them on `mstyle` (and `displaystyle` on a few
 * more): such an element is wrapped in an `mstyle` that carries them, which
 * sets the same.
 */
function withStyleInMstyle(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node
  node.children = node.children.map(withStyleInMstyle)
  const moved: Element['properties'] = {}
  for (const [name, holders] of Object.entries(styleAttributeHolders)) {
    if (node.properties[name] === undefined || holders.has(node.tagName)) continue
    moved[name] = node.properties[name]
    delete node.properties[name]
  }
  return Object.keys(moved).length === 0 ? node : { type: 'element', tagName: 'mstyle', properties: moved, children: [node] }
}
