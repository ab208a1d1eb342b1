/**
 * Part of render: positioned text written as PDF text objects. The
 * typesetter has placed every word; what is left is to write each line's
 * words as glyphs with as few operators as the PDF needs: one text object per
 * marked-content sequence, one `TJ` array per run of a line in one face, size
 * and colour (the gaps between words are numbers in the array), the face,
 * size and colour written only when they change.
 *
 * pdfkit's `text()` would lay each call out again (measure, then shape) and
 * write a text object per word. Here each string is shaped at most once,
 * through the font pdfkit embeds, or not at all when the measurer shaped it
 * as a plain run (`glyph-runs.ts`); its glyphs are recorded for the subset
 * and for the ToUnicode map text extraction reads, as pdfkit's `encode`
 * records them, and its glyph string kept.
 */
import type * as fontkit from 'fontkit'
import { openFace } from '../theme/font-files.js'
import { fontIdentity, type Theme } from '../theme/index.js'
import type { FrameText } from './frame.js'
import { glyphsOf, keepRun, plainRun } from './glyph-runs.js'
import { fontKeys } from './measure.js'
import { fallbackKey, fontFeatures, fontFileOf } from './style.js'
import type { FaceKey, FeatureSet } from './style.js'

/** The parts of pdfkit's embedded font that drawing needs. */
interface PdfFont {
  id: string
  ref(): unknown
  /** Glyphs of the face, and positions in thousandths of an em (what `encode` puts in the subset and returns). */
  layout(text: string, features?: Record<string, boolean>): { glyphs: fontkit.Glyph[]; positions: GlyphPosition[] }
  /** The characters each glyph of the subset stands for, as `encode` recorded them (the ToUnicode map). */
  unicode: Array<number[] | undefined>
  /** The face, and the glyph ids of the face each glyph of the subset is. */
  font: fontkit.Font & { getGlyph(id: number): { path: { commands: PathCommand[] } } }
  subset: { glyphs: number[]; includeGlyph(id: number): number }
  /** Advance widths of the subset's glyphs, and thousandths of an em per font unit. */
  widths: Array<number | undefined>
  scale: number
}

interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'
  args: number[]
}

interface GlyphPosition {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
  advanceWidth: number
}

/** A string shaped in one face and feature set, in thousandths of an em. */
interface Shaped {
  /** What a `TJ` array holds for it: `<glyphs> adjustment <glyphs> …`, kerning written as adjustments (as pdfkit writes it). */
  tj: string
  /** Sum of the glyphs' advances, kerning included. */
  advance: number
  /**
   * Set when some glyph is moved off the pen's path (a mark placed on its
   * letter): the glyphs are then written one by one. `outline`: a glyph that
   * stands for no character (a dot a face draws apart from its letter, as
   * Noto Naskh Arabic does), drawn as its outline, not as text: as text, set
   * off the baseline, poppler would read its letter's word as two.
   */
  glyphs?: Array<{ hex: string; position: GlyphPosition; outline?: Outline }>
}

/** Shaped strings kept at most (some megabytes): more than the vocabulary of a long book. */
const maxShaped = 50000

/** pdfkit's precision for numbers in content streams. */
function num(value: number): string {
  return String(Math.round(value * 1e6) / 1e6)
}

/**
 * Name the theme's faces and fallback faces in `doc` by their keys, for the
 * text writer and for the text of SVG pictures. A face is opened when text is
 * first set in it (a fallback face only then), as a face of its own sharing
 * the tables the measurer decoded (`openFace`): pdfkit reads its registry
 * entry only then.
 */
export function registerFaces(doc: PDFKit.PDFDocument, theme: Theme): void {
  const registry = (doc as unknown as { _registeredFonts: Record<string, { src: unknown }> })._registeredFonts
  const keys: FaceKey[] = [...fontKeys, ...theme.fallbacks.map((_, index) => fallbackKey(index))]
  for (const key of keys) {
    let face: fontkit.Font | undefined
    Object.defineProperty(registry, key, { enumerable: true, get: () => ({ src: (face ??= openFace(fontFileOf(theme, key))) }) })
  }
}

export class TextWriter {
  private readonly fonts = new Map<FaceKey, PdfFont>()
  /**
   * Strings shaped in this document, by face, features and text: maps in
   * maps, so that a lookup hashes the text as it is (a string hashes once)
   * rather than a key made anew for every string drawn.
   */
  private readonly shaped = new Map<PdfFont, Map<FeatureSet | undefined, Map<string, Shaped>>>()
  private shapedCount = 0
  private readonly colours = new Map<string, string>()
  private readonly outlines = new Map<PdfFont, Map<number, Outline>>()

  /** Each face's file, by which the measurer's plain runs are kept. */
  private readonly identities = new Map<PdfFont, string>()

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly theme: Theme,
  ) {}

  /** A glyph of the subset as a path, in the face's units, y up. */
  private outline(font: PdfFont, id: number): Outline {
    let byId = this.outlines.get(font)
    if (!byId) this.outlines.set(font, (byId = new Map()))
    let outline = byId.get(id)
    if (!outline) {
      outline = { path: pathOperators(font.font.getGlyph(font.subset.glyphs[id]!).path.commands), unitsPerEm: font.font.unitsPerEm }
      byId.set(id, outline)
    }
    return outline
  }


  /** One text object holding `texts`, in their order. */
  write(texts: readonly FrameText[]): void {
    const pageFonts = (this.doc.page as unknown as { fonts: Record<string, unknown> }).fonts
    const object = new TextObject()
    for (const text of texts) {
      if (text.text === '') continue
      const font = this.font(text.style.font)
      if (pageFonts[font.id] === undefined) pageFonts[font.id] = font.ref()
      object.setFont(font.id, text.style.size)
      object.setColour(this.colour(text.style.colour))
      object.setScale(text.scale ?? 100)
      object.moveTo(text.x, text.y)
      object.show(this.shape(font, text.text, text.style.features))
    }
    this.doc.addContent(object.end())
  }

  private font(key: FaceKey): PdfFont {
    let font = this.fonts.get(key)
    if (!font) {
      this.doc.font(key)
      font = (this.doc as unknown as { _font: PdfFont })._font
      this.fonts.set(key, font)
      this.identities.set(font, fontIdentity(fontFileOf(this.theme, key)))
    }
    return font
  }

  /** The fill colour operator for a colour as pdfkit reads it (`#rgb`, `#rrggbb`, a CSS name). */
  private colour(colour: string): string {
    let operator = this.colours.get(colour)
    if (operator === undefined) {
      const channels = (this.doc as unknown as { _normalizeColor(colour: string): number[] | null })._normalizeColor(colour) ?? [0, 0, 0]
      operator = `${channels.map(num).join(' ')} ${channels.length === 4 ? 'k' : 'rg'}`
      this.colours.set(colour, operator)
    }
    return operator
  }

  /**
   * What pdfkit's `encode` gives for `text`, and does with the subset: from
   * a plain run kept earlier in this process (shaped by the measurer, or
   * drawn before) when there is one (see `glyph-runs.ts`), else shaped by
   * pdfkit's `layout` and kept if plain.
   */
  private encode(font: PdfFont, text: string, features: FeatureSet | undefined): [string[], GlyphPosition[]] {
    const identity = this.identities.get(font)!
    const run = plainRun(identity, features, text)
    const glyphs = run && glyphsOf(font.font, text, run)
    if (run && glyphs) {
      const positions = glyphs.map((glyph, index) => ({ xAdvance: run.advances[index]!, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: glyph.advanceWidth * font.scale }))
      return [this.include(font, glyphs), positions]
    }
    const shaped = font.layout(text, fontFeatures(features))
    keepRun(identity, features, text, { glyphs: shaped.glyphs, positions: shaped.positions, scale: 1 }, font.font, true)
    return [this.include(font, shaped.glyphs), shaped.positions]
  }

  /** The glyphs in the subset, as pdfkit's `encode` puts them there: ids as hex, with their widths and characters recorded. */
  private include(font: PdfFont, glyphs: readonly fontkit.Glyph[]): string[] {
    return glyphs.map((glyph) => {
      const id = font.subset.includeGlyph(glyph.id)
      font.widths[id] ??= glyph.advanceWidth * font.scale
      font.unicode[id] ??= glyph.codePoints
      return `0000${id.toString(16)}`.slice(-4)
    })
  }

  private shape(font: PdfFont, text: string, features: FeatureSet | undefined): Shaped {
    let byFeatures = this.shaped.get(font)
    if (!byFeatures) this.shaped.set(font, (byFeatures = new Map()))
    let byText = byFeatures.get(features)
    if (!byText) byFeatures.set(features, (byText = new Map()))
    let shaped = byText.get(text)
    if (shaped) return shaped
    const [allHex, allPositions] = this.encode(font, text.replace(/\n/g, ''), features)
    // Characters that are never seen (a soft hyphen, a zero-width space) take no room: fontkit shapes them as a space
    // of no width, which is left out, so that text extraction does not read a space inside a word.
    const kept = allPositions.map((_, index) => index).filter((index) => !isInvisible(font, allHex[index]!, allPositions[index]!))
    const hex = kept.map((index) => allHex[index]!)
    const positions = kept.map((index) => allPositions[index]!)
    const parts: string[] = []
    let advance = 0
    let run = ''
    let moved = false
    positions.forEach((position, index) => {
      run += hex[index]!
      advance += position.xAdvance
      if (position.xOffset !== 0 || position.yOffset !== 0) moved = true
      const adjustment = position.xAdvance - position.advanceWidth
      if (adjustment !== 0) {
        parts.push(`<${run}>`, num(-adjustment))
        run = ''
      }
    })
    if (run !== '') parts.push(`<${run}>`)
    shaped = { tj: parts.join(' '), advance }
    if (moved) {
      shaped.glyphs = positions.map((position, index) => {
        const chars = font.unicode[Number.parseInt(hex[index]!, 16)]
        const silent = position.xAdvance === 0 && (position.xOffset !== 0 || position.yOffset !== 0) && (chars === undefined || chars.length === 0)
        return silent ? { hex: hex[index]!, position, outline: this.outline(font, Number.parseInt(hex[index]!, 16)) } : { hex: hex[index]!, position }
      })
    }
    // A book's vocabulary is a fair cache; strings that are no words (code lines, long addresses) could grow it without end.
    if (this.shapedCount >= maxShaped) {
      for (const byFeatures of this.shaped.values()) for (const byText of byFeatures.values()) byText.clear()
      this.shapedCount = 0
    }
    byText.set(text, shaped)
    this.shapedCount += 1
    return shaped
  }
}

/** A glyph that takes no room and draws nothing: a space (what fontkit puts for a character never seen) or the face's empty box. */
function isInvisible(font: PdfFont, hex: string, position: GlyphPosition): boolean {
  if (position.xAdvance !== 0 || position.xOffset !== 0 || position.yOffset !== 0) return false
  const id = Number.parseInt(hex, 16)
  const chars = font.unicode[id]
  return id === 0 || (chars !== undefined && chars.length === 1 && chars[0] === 0x20)
}

/**
 * A text object being written: the text state it has set, where the pen
 * stands, and the `TJ` array it is filling. Each object starts from nothing,
 * as other drawing between two of them may have changed the colour.
 */
class TextObject {
  private readonly out: string[] = ['BT']
  private array: string[] = []
  private font = ''
  private size = 0
  private colour = ''
  private scale = 100
  private baseline = Number.NaN
  private pen = 0
  /** Glyphs drawn as outlines once the text object is closed (see `Shaped.glyphs`). */
  private readonly outlines: Array<{ outline: Outline; x: number; y: number; size: number; scale: number; colour: string }> = []

  setFont(id: string, size: number): void {
    if (id === this.font && size === this.size) return
    this.flush()
    this.font = id
    this.size = size
    this.out.push(`/${id} ${num(size)} Tf`)
  }

  setColour(operator: string): void {
    if (operator === this.colour) return
    this.flush()
    this.colour = operator
    this.out.push(operator)
  }

  /** Horizontal scaling in percent (a word space narrowed to its shrunk width). */
  setScale(scale: number): void {
    if (scale === this.scale) return
    this.flush()
    this.scale = scale
    this.out.push(`${num(scale)} Tz`)
  }

  /** Bring the pen to `x` on the baseline `y`: along the line by an adjustment in the array, to another line by a new text matrix. */
  moveTo(x: number, y: number): void {
    if (y !== this.baseline) {
      this.place(x, y)
      return
    }
    if (Math.abs(x - this.pen) > 1e-6) {
      this.array.push(num(-(x - this.pen) / this.perEm()))
      this.pen = x
    }
  }

  show(shaped: Shaped): void {
    if (shaped.glyphs) {
      this.showGlyphs(shaped.glyphs)
      return
    }
    if (shaped.tj !== '') this.array.push(shaped.tj)
    this.pen += shaped.advance * this.perEm()
  }

  end(): string {
    this.flush()
    if (this.scale !== 100) this.out.push('100 Tz')
    this.out.push('ET')
    for (const { outline, x, y, size, scale, colour } of this.outlines) {
      // Font units to the page's, whose y runs down from the top: the outline turned upright.
      const k = size / outline.unitsPerEm
      this.out.push('q', colour, `${num((k * scale) / 100)} 0 0 ${num(-k)} ${num(x)} ${num(y)} cm`, outline.path, 'f', 'Q')
    }
    return this.out.join('\n')
  }

  /** Points per thousandth of an em, at the current size and scaling. */
  private perEm(): number {
    return (this.size * this.scale) / 100000
  }

  private place(x: number, y: number): void {
    this.flush()
    // Text space flipped back upright: pdfkit's page coordinates run downwards from the top-left corner.
    this.out.push(`1 0 0 -1 ${num(x)} ${num(y)} Tm`)
    this.pen = x
    this.baseline = y
  }

  /** Glyphs one at a time where some sit off the pen's path, as pdfkit writes them. */
  private showGlyphs(glyphs: NonNullable<Shaped['glyphs']>): void {
    const perEm = this.perEm()
    const baseline = this.baseline
    for (const { hex, position, outline } of glyphs) {
      if (outline) {
        this.showOutline(outline, position)
        continue
      }
      if (position.xOffset !== 0 || position.yOffset !== 0) {
        const after = this.pen + position.xAdvance * perEm
        this.place(this.pen + position.xOffset * perEm, baseline - position.yOffset * perEm)
        this.out.push(`[<${hex}>] TJ`)
        this.place(after, baseline)
        continue
      }
      this.array.push(`<${hex}>`)
      const adjustment = position.xAdvance - position.advanceWidth
      if (adjustment !== 0) this.array.push(num(-adjustment))
      this.pen += position.xAdvance * perEm
    }
  }

  /**
   * A glyph that stands for no character, moved off the pen's path: read as
   * nothing (an empty ActualText), and moved there and back within the line's
   * text (by the array's numbers and a rise) rather than by a new text
   * matrix, which poppler takes for the start of another word.
   */
  private showOutline(outline: Outline, position: GlyphPosition): void {
    const perEm = this.perEm()
    this.outlines.push({ outline, x: this.pen + position.xOffset * perEm, y: this.baseline - (position.yOffset * this.size) / 1000, size: this.size, scale: this.scale, colour: this.colour })
    this.pen += position.xAdvance * perEm
  }

  private flush(): void {
    if (this.array.length > 0) this.out.push(`[${this.array.join(' ')}] TJ`)
    this.array = []
  }
}

/** A glyph's outline as PDF path operators, in its face's units. */
interface Outline {
  path: string
  unitsPerEm: number
}

/** fontkit's path commands as PDF path operators; quadratic curves raised to cubic ones. */
function pathOperators(commands: readonly PathCommand[]): string {
  const out: string[] = []
  let x = 0
  let y = 0
  for (const { command, args } of commands) {
    switch (command) {
      case 'moveTo':
        ;[x, y] = [args[0]!, args[1]!]
        out.push(`${num(x)} ${num(y)} m`)
        break
      case 'lineTo':
        ;[x, y] = [args[0]!, args[1]!]
        out.push(`${num(x)} ${num(y)} l`)
        break
      case 'quadraticCurveTo': {
        const [cx, cy, ex, ey] = args as [number, number, number, number]
        const c1 = [x + (2 / 3) * (cx - x), y + (2 / 3) * (cy - y)]
        const c2 = [ex + (2 / 3) * (cx - ex), ey + (2 / 3) * (cy - ey)]
        out.push(`${num(c1[0]!)} ${num(c1[1]!)} ${num(c2[0]!)} ${num(c2[1]!)} ${num(ex)} ${num(ey)} c`)
        ;[x, y] = [ex, ey]
        break
      }
      case 'bezierCurveTo':
        out.push(`${args.map(num).join(' ')} c`)
        ;[x, y] = [args[4]!, args[5]!]
        break
      case 'closePath':
        out.push('h')
        break
    }
  }
  return out.join(' ')
}
