/**
 * Measure: advance widths of text in the theme's fonts, through fontkit, the
 * same engine pdfkit draws with, so what is measured is what is drawn
 * (kerning and standard ligatures included).
 */
import * as fontkit from 'fontkit'
import type { FontKey, Theme } from '../theme/index.js'
import { fontPath } from '../theme/index.js'
import { fontFeatures } from './style.js'
import type { FeatureSet, RunStyle } from './style.js'

/** Vertical metrics in ems. */
export interface FontMetrics {
  ascent: number
  descent: number
  capHeight: number
  xHeight: number
}

export interface Measurer {
  /** Advance width in points of `text` set in `style`. */
  width(text: string, style: RunStyle): number
  metrics(font: FontKey): FontMetrics
  /** Whether the face has a glyph for every character of `text`. */
  covers(font: FontKey, text: string): boolean
  /** Whether the face carries an OpenType feature (e.g. `smcp`). */
  hasFeature(font: FontKey, feature: string): boolean
}

const fontKeys: readonly FontKey[] = ['text', 'textItalic', 'textBold', 'textBoldItalic', 'mono']

export function createMeasurer(theme: Theme): Measurer {
  const fonts = new Map<FontKey, fontkit.Font>()
  for (const key of fontKeys) fonts.set(key, fontkit.openSync(fontPath(theme.fonts[key])))
  // Widths per em, per face and feature set: a book repeats its words, and shaping is the costly part.
  const cache = new Map<string, Map<string, number>>()

  const font = (key: FontKey): fontkit.Font => fonts.get(key)!

  function emWidth(text: string, key: FontKey, features: FeatureSet | undefined): number {
    const cacheKey = `${key}|${features ?? ''}`
    let widths = cache.get(cacheKey)
    if (!widths) cache.set(cacheKey, (widths = new Map()))
    let width = widths.get(text)
    if (width === undefined) {
      const face = font(key)
      width = face.layout(text, fontFeatures(features)).advanceWidth / face.unitsPerEm
      widths.set(text, width)
    }
    return width
  }

  return {
    width(text, style) {
      if (text === '') return 0
      return emWidth(text, style.font, style.features) * style.size
    },
    metrics(key) {
      const face = font(key)
      const em = face.unitsPerEm
      return { ascent: face.ascent / em, descent: -face.descent / em, capHeight: face.capHeight / em, xHeight: face.xHeight / em }
    },
    covers(key, text) {
      const face = font(key)
      for (const char of text) {
        const code = char.codePointAt(0)!
        if (code <= 0x20 || code === 0xad) continue
        if (!face.hasGlyphForCodePoint(code)) return false
      }
      return true
    },
    hasFeature(key, feature) {
      return font(key).availableFeatures.includes(feature)
    },
  }
}
