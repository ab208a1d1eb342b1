/**
 * The benchmarks' page and type: A5, 20 mm inner and outer margins (a 306 pt measure), Literata
 * 10.5 pt on 1.4 leading, justified and hyphenated, as the default theme sets body text. Read from
 * the theme, so the figures follow it.
 */
import { defaultTheme, pageGeometry } from '../../src/theme/index.js'

const geometry = pageGeometry(defaultTheme, 'a5')
const mm = 25.4 / 72

export const page = {
  width: geometry.width,
  height: geometry.height,
  margins: geometry.margins,
  measure: geometry.measure,
  depth: geometry.depth,
  /** The same in millimetres, for Typst. */
  mm: {
    width: geometry.width * mm,
    height: geometry.height * mm,
    top: geometry.margins.top * mm,
    bottom: geometry.margins.bottom * mm,
    inner: geometry.margins.inner * mm,
    outer: geometry.margins.outer * mm,
  },
}

export const type = {
  size: defaultTheme.size,
  leading: defaultTheme.leading,
  /** First-line indent, in ems, of a paragraph after a paragraph. */
  indent: defaultTheme.indent,
  hyphenation: defaultTheme.hyphenation,
}
