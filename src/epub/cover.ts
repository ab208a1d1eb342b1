import type * as fontkit from 'fontkit'
import type { Element } from 'xast'
import { x } from 'xastscript'
import { openFace, sharedFace } from '../theme/font-files.js'
import { fallbackServes, fontPath, resolveStyle, type FontFile, type FontKey, type TextRole } from '../theme/index.js'
import type { Context } from './context.js'
import { listPhrase } from './documents/title-block.js'
import { xmlDocument } from './hast/serialize.js'

/** What a cover is made from: the book, its theme and its language (the EPUB's context has them; so does the print cover). */
export type CoverContext = Pick<Context, 'book' | 'theme' | 'lang'>

/** Cover size in SVG units: the 1:1.6 of most e-book covers. */
const width = 1600
const height = 2560
const margin = 160
const measure = width - 2 * margin

/** The glyph outlines a cover uses, each defined once and drawn with `use`. */
class Outlines {
  readonly defs: Element[] = []
  private readonly ids = new Map<string, string>()
  /** Faces by file path, opened as text is first set in them: the fallback faces only for a character the face lacks. */
  private readonly fonts = new Map<string, fontkit.Font>()

  constructor(private readonly context: CoverContext) {}

  private open(file: FontFile): fontkit.Font {
    const path = fontPath(file)
    let font = this.fonts.get(path)
    if (!font) {
      font = openFace(file)
      this.fonts.set(path, font)
    }
    return font
  }

  font(key: FontKey): fontkit.Font {
    return this.open(this.context.theme.fonts[key])
  }

  /** Text cut into runs, each in the first of the face and its fallbacks that has the characters. */
  runs(key: FontKey, text: string): Array<{ font: fontkit.Font; text: string }> {
    const main = this.font(key)
    const runs: Array<{ font: fontkit.Font; text: string }> = []
    for (const char of text) {
      const code = char.codePointAt(0)!
      const font = main.hasGlyphForCodePoint(code) || /\s/.test(char) ? main : (this.fallbackFor(code) ?? main)
      const last = runs.at(-1)
      if (last?.font === font) last.text += char
      else runs.push({ font, text: char })
    }
    return runs
  }

  /** The first fallback face that has the character, asked of the process's shared faces so that only the one chosen is opened here. */
  private fallbackFor(code: number): fontkit.Font | undefined {
    const file = this.context.theme.fallbacks.find((candidate) => fallbackServes(candidate, String.fromCodePoint(code)) && sharedFace(candidate).hasGlyphForCodePoint(code))
    return file === undefined ? undefined : this.open(file)
  }

  /** Id of the outline of a glyph, or undefined for a glyph with no ink (a space). */
  glyph(font: fontkit.Font, glyph: fontkit.Glyph): string | undefined {
    const name = `${font.postscriptName}:${glyph.id}`
    if (!this.ids.has(name)) {
      const d = glyph.path.toSVG()
      const id = d === '' ? '' : `g${this.ids.size + 1}`
      this.ids.set(name, id)
      if (id !== '') this.defs.push(x('path', { id, d }))
    }
    return this.ids.get(name) || undefined
  }
}

/** Width of text at a size, each run in its own face. */
function textWidth(outlines: Outlines, key: FontKey, text: string, size: number, features: string[]): number {
  return outlines.runs(key, text).reduce((width, run) => width + (run.font.layout(run.text, features).advanceWidth * size) / run.font.unitsPerEm, 0)
}

/** Break text into lines that fit the measure at a size, at spaces. */
function wrap(outlines: Outlines, key: FontKey, text: string, size: number, features: string[]): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`
    if (line !== '' && textWidth(outlines, key, candidate, size, features) > measure) {
      lines.push(line)
      line = word
    } else {
      line = candidate
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

/**
 * A cover made from the theme and the metadata: title, subtitle and authors
 * in the theme's faces, sizes in the proportions of its title roles, and its
 * colours. The letters are outlines taken from the font files (the theme's
 * fallback faces for characters its face lacks), so the cover looks the same
 * in every reader and library view, with or without the fonts.
 */
export function coverSvg(context: CoverContext): string {
  const { metadata } = context.book
  const { theme } = context
  const outlines = new Outlines(context)
  const drawn: Element[] = []

  /** Set text from `top` down, smaller when it would take more than `maxLines` lines; returns the bottom. */
  const setText = (text: string, role: TextRole, largest: number, top: number, maxLines: number): number => {
    const style = resolveStyle(theme, role)
    const features = style.smallCaps && outlines.font(style.font).availableFeatures.includes('smcp') ? ['smcp'] : []
    let size = largest
    let lines = wrap(outlines, style.font, text, size, features)
    while (lines.length > maxLines && size > largest / 3) {
      size *= 0.9
      lines = wrap(outlines, style.font, text, size, features)
    }
    let baseline = top
    for (const line of lines) {
      baseline += size
      const lineWidth = textWidth(outlines, style.font, line, size, features)
      let left = style.align === 'center' ? (width - lineWidth) / 2 : style.align === 'right' ? width - margin - lineWidth : margin
      for (const { font, text: part } of outlines.runs(style.font, line)) {
        const scale = size / font.unitsPerEm
        const run = font.layout(part, features)
        const uses: Element[] = []
        let pen = 0
        run.glyphs.forEach((glyph, index) => {
          const position = run.positions[index]!
          const id = outlines.glyph(font, glyph)
          if (id) uses.push(x('use', { 'xlink:href': `#${id}`, x: fmt(pen + position.xOffset), y: fmt(position.yOffset) }))
          pen += position.xAdvance
        })
        drawn.push(x('g', { fill: style.colour, transform: `translate(${fmt(left)} ${fmt(baseline)}) scale(${fmt(scale)} ${fmt(-scale)})` }, uses))
        left += pen * scale
      }
      baseline += size * (style.leading / style.size - 1)
    }
    return baseline
  }

  // Sizes keep the theme's ratios between title, subtitle and byline.
  const unit = 150 / theme.roles.title.scale
  let y = 560
  y = setText(metadata.title, 'title', unit * theme.roles.title.scale, y, 6)
  if (metadata.subtitle) y = setText(metadata.subtitle, 'subtitle', unit * theme.roles.subtitle.scale, y + unit * 0.8, 4)
  drawn.push(x('rect', { x: String(margin), y: fmt(y + unit), width: String(measure / 4), height: '6', fill: theme.colours.rule }))
  if (metadata.authors.length > 0) setText(listPhrase(metadata.authors, context.lang), 'byline', unit * 1.3 * theme.roles.byline.scale, height - 480, 3)

  const title = [metadata.title, metadata.subtitle].filter(Boolean).join(': ')
  return xmlDocument({
    type: 'root',
    children: [
      x(
        'svg',
        {
          xmlns: 'http://www.w3.org/2000/svg',
          'xmlns:xlink': 'http://www.w3.org/1999/xlink',
          version: '1.1',
          viewBox: `0 0 ${width} ${height}`,
          width: String(width),
          height: String(height),
        },
        [x('title', title), x('defs', outlines.defs), x('rect', { width: String(width), height: String(height), fill: '#ffffff' }), ...drawn],
      ),
    ],
  })
}

function fmt(value: number): string {
  return String(Math.round(value * 100) / 100)
}
