/**
 * TeX to vector outlines for the print edition, with MathJax's SVG output:
 * its glyphs are paths (`fontCache: 'none'`), so the PDF embeds no font for
 * the formulas and a reader's copy of the text never meets the TeX.
 *
 * MathJax is written as CommonJS and loaded synchronously, once, the first
 * time a formula is met (see `lazy.ts`): a book without mathematics never
 * loads it, and the PDF's layout threads load it for themselves.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** A formula as outlines, its size in ems of the text it stands in. */
export interface FormulaSvg {
  /** The SVG document, its glyphs drawn in `currentColor`. */
  svg: string
  width: number
  /** Above the baseline. */
  height: number
  /** Below the baseline. */
  depth: number
}

interface Converter {
  convert(tex: string, display: boolean): FormulaSvg
}

interface LiteAdaptor {
  firstChild(node: unknown): unknown
  getAttribute(node: unknown, name: string): string
  outerHTML(node: unknown): string
}

function createConverter(): Converter {
  const { mathjax } = require('mathjax-full/js/mathjax.js')
  const { TeX } = require('mathjax-full/js/input/tex.js')
  const { SVG } = require('mathjax-full/js/output/svg.js')
  const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js')
  const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js')
  const { AllPackages } = require('mathjax-full/js/input/tex/AllPackages.js') as { AllPackages: string[] }
  const adaptor = liteAdaptor() as LiteAdaptor
  RegisterHTMLHandler(adaptor)
  // Without `noerrors` and `noundefined`, and with errors thrown, a formula MathJax cannot read is an error to report, not red text.
  const tex = new TeX({
    packages: AllPackages.filter((name) => name !== 'noerrors' && name !== 'noundefined'),
    formatError: (_jax: unknown, error: Error) => {
      throw error
    },
  })
  const document = mathjax.document('', { InputJax: tex, OutputJax: new SVG({ fontCache: 'none' }) })
  return {
    convert(source: string, display: boolean): FormulaSvg {
      const container = document.convert(source, { display })
      const svg = adaptor.firstChild(container)
      // The view box is in thousandths of an em: x, minus the height, the width, height plus depth.
      const [, top, width, total] = adaptor.getAttribute(svg, 'viewBox').split(/\s+/).map(Number) as [number, number, number, number]
      return { svg: adaptor.outerHTML(svg), width: width / 1000, height: -top / 1000, depth: (total + top) / 1000 }
    },
  }
}

let converter: Converter | undefined
const converted = new Map<string, FormulaSvg>()

/** The formula as outlines; throws MathJax's error when it cannot read the TeX. Converted once per process. */
export function formulaSvg(tex: string, display: boolean): FormulaSvg {
  const key = `${display ? 'D' : 'I'}${tex}`
  let result = converted.get(key)
  if (result === undefined) {
    converter ??= createConverter()
    result = converter.convert(tex, display)
    converted.set(key, result)
  }
  return result
}
