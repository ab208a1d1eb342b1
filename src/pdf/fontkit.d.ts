/** The part of fontkit (a dependency of pdfkit) that the typesetter measures with. */
declare module 'fontkit' {
  export interface Glyph {
    id: number
    name: string
    advanceWidth: number
    codePoints: number[]
  }

  export interface GlyphPosition {
    xAdvance: number
    yAdvance: number
    xOffset: number
    yOffset: number
  }

  export interface GlyphRun {
    glyphs: Glyph[]
    positions: GlyphPosition[]
    advanceWidth: number
  }

  export interface Font {
    postscriptName: string
    unitsPerEm: number
    ascent: number
    descent: number
    lineGap: number
    capHeight: number
    xHeight: number
    underlinePosition: number
    underlineThickness: number
    availableFeatures: string[]
    layout(text: string, features?: Record<string, boolean> | string[]): GlyphRun
    hasGlyphForCodePoint(codePoint: number): boolean
    /** The character's glyph; made the first time it is asked for, remembering that character. */
    glyphForCodePoint(codePoint: number): Glyph
  }

  export function openSync(path: string): Font
  export function create(buffer: Uint8Array): Font
}
