/**
 * Items from plain text with injected measurement: the smallest preparer, for tests, benchmarks and any
 * caller that sets a single-font paragraph. Words are separated by white space; each word becomes boxes
 * with hyphenation points (or breaks after its own hyphens) between its parts; a piece wider than
 * `emergencyWidth` is cut into graphemes with emergency breaks between them.
 */

import {
  type Item,
  box,
  emergencyBreak,
  explicitHyphenBreak,
  glue,
  hyphenationPoint,
} from './items.js'

export interface TextSetting {
  /** Width of a run of text. */
  measure: (text: string) => number
  /** The interword glue. */
  space: { width: number; stretch: number; shrink: number }
  /** Width of the hyphen drawn at a hyphenation point. */
  hyphenWidth: number
  /** Splits a word into parts that may be broken between (see hyphenate.ts); absent: no hyphenation. */
  hyphenate?: (word: string) => string[]
  /** Pieces wider than this get emergency breaks between their graphemes; absent: never. */
  emergencyWidth?: number
}

const DASH_END = /[-\u2010\u2013\u2014]$/u
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Each box's content is the text it draws. */
export function textItems(text: string, setting: TextSetting): Item<string>[] {
  const items: Item<string>[] = []
  const words = text.split(/\s+/u).filter((word) => word !== '')
  for (const [w, word] of words.entries()) {
    if (w > 0) items.push(glue(setting.space.width, setting.space.stretch, setting.space.shrink))
    const parts = setting.hyphenate ? setting.hyphenate(word) : [word]
    for (const [p, part] of parts.entries()) {
      if (p > 0) {
        items.push(DASH_END.test(parts[p - 1]!) ? explicitHyphenBreak() : hyphenationPoint(setting.hyphenWidth))
      }
      pushPiece(items, part, setting)
    }
  }
  return items
}

function pushPiece(items: Item<string>[], piece: string, setting: TextSetting): void {
  const width = setting.measure(piece)
  if (setting.emergencyWidth === undefined || width <= setting.emergencyWidth) {
    items.push(box(width, piece))
    return
  }
  let first = true
  for (const { segment } of graphemes.segment(piece)) {
    if (!first) items.push(emergencyBreak())
    items.push(box(setting.measure(segment), segment))
    first = false
  }
}
