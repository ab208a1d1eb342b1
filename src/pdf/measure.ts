/**
 * Measure: advance widths of text in the theme's fonts, through fontkit, the
 * same engine pdfkit draws with, so what is measured is what is drawn
 * (kerning and standard ligatures included). A face is opened only when
 * text is first set in it: the fallback faces only when a character sends
 * the typesetter to them.
 */
import type * as fontkit from 'fontkit'
import { openFace } from '../theme/font-files.js'
import { faceParts, fallbackServes, fontIdentity, type FontFile, type FontKey, type Theme } from '../theme/index.js'
import { fallbackIndex, fallbackKey, fontFeatures, fontFileOf } from './style.js'
import type { FaceKey, FeatureSet, RunStyle } from './style.js'
import { glyphsOf, keepRun, plainRun } from './glyph-runs.js'

/** Vertical metrics in ems. */
export interface FontMetrics {
  ascent: number
  descent: number
  capHeight: number
  xHeight: number
  /** Distance of the underline's centre below the baseline, and its thickness. */
  underlinePosition: number
  underlineThickness: number
  /** How far the designer raises superscripts and lowers subscripts (OS/2), both positive. */
  superscriptOffset: number
  subscriptOffset: number
}

export interface Measurer {
  /** Advance width in points of `text` set in `style`. */
  width(text: string, style: RunStyle): number
  metrics(font: FaceKey): FontMetrics
  /** Whether the face has a glyph for every character of `text` (spaces, controls and default-ignorables aside). */
  covers(font: FaceKey, text: string): boolean
  /** Whether the face has a glyph for the character with this code point. */
  hasGlyph(font: FaceKey, code: number): boolean
  /** Whether the face carries an OpenType feature (e.g. `smcp`). */
  hasFeature(font: FaceKey, feature: string): boolean
  /**
   * The face to set a grapheme cluster in when `font` lacks it: the first of
   * the theme's fallbacks, in the weight and style nearest `font`'s, that has
   * all its characters; `undefined` when none has.
   */
  fallbackFor(font: FontKey, cluster: string): FaceKey | undefined
}

export const fontKeys: readonly FontKey[] = ['text', 'textItalic', 'textBold', 'textBoldItalic', 'heading', 'headingItalic', 'headingBold', 'headingBoldItalic', 'mono']

/** Characters that need no glyph: white space, controls, soft hyphens, joiners and variation selectors. */
const needsNoGlyph = /[\s\p{Cc}\p{Default_Ignorable_Code_Point}]/u

export function createMeasurer(theme: Theme): Measurer {
  const fonts = new Map<FaceKey, fontkit.Font>()
  // Widths per em, per face and feature set: a book repeats its words, and shaping is the costly part.
  // Maps within maps, not one keyed by a joined string: every word is looked up, and a key made per look-up costs.
  const cache = new Map<FaceKey, Map<FeatureSet | undefined, Map<string, number>>>()
  // Per face, whether each code point has a glyph: looked up once, then read for every word.
  const coverage = new Map<FaceKey, { bmp: Uint8Array; astral: Map<number, boolean> }>()
  const fallbackOrder = new Map<FontKey, FaceKey[]>()

  const identities = new Map<FaceKey, string>()
  function identity(key: FaceKey): string {
    let found = identities.get(key)
    if (found === undefined) identities.set(key, (found = fontIdentity(fontFileOf(theme, key))))
    return found
  }

  function font(key: FaceKey): fontkit.Font {
    let face = fonts.get(key)
    if (!face) {
      face = openFace(fontFileOf(theme, key))
      fonts.set(key, face)
    }
    return face
  }

  function emWidth(text: string, key: FaceKey, features: FeatureSet | undefined): number {
    let byFeatures = cache.get(key)
    if (!byFeatures) cache.set(key, (byFeatures = new Map()))
    let widths = byFeatures.get(features)
    if (!widths) byFeatures.set(features, (widths = new Map()))
    let width = widths.get(text)
    if (width === undefined) {
      const face = font(key)
      // A plain word measured by an earlier build in this process (a rebuild under --watch, the preview's) is not shaped again.
      const plain = plainRun(identity(key), features, text)
      if (plain?.width !== undefined && glyphsOf(face, text, plain)) width = plain.width
      else {
        const run = face.layout(text, fontFeatures(features))
        width = run.advanceWidth / face.unitsPerEm
        // With features pdfkit shapes a spaced string whole, as here; without, word by word.
        keepRun(identity(key), features, text, { glyphs: run.glyphs, positions: run.positions, scale: 1000 / face.unitsPerEm, width }, face, features !== undefined)
      }
      // Words recur; a string longer than any word (a URL's prefix, a code line) rarely does, and would only fill the cache.
      if (text.length <= 32) widths.set(text, width)
    }
    return width
  }

  function hasGlyph(key: FaceKey, code: number): boolean {
    let known = coverage.get(key)
    if (!known) coverage.set(key, (known = { bmp: new Uint8Array(0x10000), astral: new Map() }))
    if (code < 0x10000) {
      const state = known.bmp[code]!
      if (state !== 0) return state === 1
      const has = font(key).hasGlyphForCodePoint(code)
      known.bmp[code] = has ? 1 : 2
      return has
    }
    let has = known.astral.get(code)
    if (has === undefined) known.astral.set(code, (has = font(key).hasGlyphForCodePoint(code)))
    return has
  }

  function covers(key: FaceKey, text: string): boolean {
    for (const char of text) {
      if (hasGlyph(key, char.codePointAt(0)!) || needsNoGlyph.test(char)) continue
      return false
    }
    return true
  }

  return {
    width(text, style) {
      if (text === '') return 0
      return emWidth(text, style.font, style.features) * style.size
    },
    metrics(key) {
      const face = font(key)
      const em = face.unitsPerEm
      const os2 = (face as unknown as { 'OS/2'?: { ySuperscriptYOffset?: number; ySubscriptYOffset?: number } })['OS/2']
      return {
        ascent: face.ascent / em,
        descent: -face.descent / em,
        capHeight: face.capHeight / em,
        xHeight: face.xHeight / em,
        underlinePosition: -face.underlinePosition / em,
        underlineThickness: face.underlineThickness / em,
        superscriptOffset: (os2?.ySuperscriptYOffset ?? face.xHeight) / em,
        subscriptOffset: (os2?.ySubscriptYOffset ?? 0) / em,
      }
    },
    covers,
    hasGlyph,
    hasFeature(key, feature) {
      return font(key).availableFeatures.includes(feature)
    },
    fallbackFor(key, cluster) {
      let order = fallbackOrder.get(key)
      if (!order) fallbackOrder.set(key, (order = fallbackFaces(theme.fallbacks, key)))
      return order.find((face) => fallbackServes(theme.fallbacks[fallbackIndex(face)!]!, cluster) && covers(face, cluster))
    },
  }
}

/**
 * The fallback faces to try for text in a theme face: family by family, in
 * the theme's order, each family's files from the nearest the face's weight
 * and style to the farthest (an italic that lacks a script gives way to its
 * upright, which may have it).
 */
export function fallbackFaces(fallbacks: readonly FontFile[], key: FontKey): FaceKey[] {
  const parts = faceParts(key)
  const weight = parts.bold ? 700 : 400
  const style = parts.italic ? 'italic' : 'normal'
  const score = (file: FontFile): number => (file.weight === weight ? 2 : 0) + (file.style === style ? 1 : 0)
  const families = [...new Set(fallbacks.map((file) => file.family))]
  return families.flatMap((family) =>
    fallbacks
      .map((file, index) => ({ file, index }))
      .filter((entry) => entry.file.family === family)
      // A stable sort: of files as near, the theme's order decides.
      .sort((a, b) => score(b.file) - score(a.file))
      .map((entry) => fallbackKey(entry.index)),
  )
}
