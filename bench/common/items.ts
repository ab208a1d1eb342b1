/**
 * A paragraph of the benchmark text as line-breaking items: Literata widths, TeX's interword glue
 * (1/2 stretch, 1/3 shrink of the space), en-US hyphenation with the theme's limits.
 */
import { createHyphenator, type HyphenationRules } from '../../src/pdf/hyphenate.js'
import { textItems } from '../../src/pdf/linebreak/from-text.js'
import { type Item, box } from '../../src/pdf/linebreak/index.js'
import type { Face } from './font.js'
import { page, type } from './setting.js'

export function itemMaker(
  face: Face,
  lang = 'en',
  rules: HyphenationRules = type.hyphenation,
): (text: string, indent: boolean) => Item<string>[] {
  const size = type.size
  const space = face.spaceEm * size
  const hyphenate = createHyphenator(lang, rules)
  const setting = {
    measure: (text: string) => face.measure(text, size),
    space: { width: space, stretch: space / 2, shrink: space / 3 },
    hyphenWidth: face.hyphenEm * size,
    hyphenate,
    emergencyWidth: page.measure / 2,
  }
  return (text, indent) => {
    const items = textItems(text, setting)
    return indent ? [box(type.indent * size, ''), ...items] : items
  }
}
