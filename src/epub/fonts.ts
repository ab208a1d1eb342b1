import path from 'node:path'
import { subsetFont } from '../lazy.js'
import { fontBytes, sharedFace } from '../theme/font-files.js'
import { fallbackServes, fontIdentity, fontPath, isLocalFont, type FontFile, type FontKey, type Theme } from '../theme/index.js'
import type { SubsetCache } from './subset-cache.js'

/** A font file of the theme, as the EPUB carries it. */
export interface EmbeddedFont {
  font: FontFile
  /** The faces of the theme that use this file (none for a fallback face). */
  keys: FontKey[]
  /** Absolute path of the file on disk. */
  path: string
  /** Name of the file in the package's `fonts/` folder. */
  fileName: string
  /**
   * What the EPUB carries, once subset: a TrueType or a CFF OpenType file
   * (a WOFF2 file is unpacked to the one it holds, which every reader takes).
   */
  format: 'truetype' | 'opentype'
}

/** The media type of an embedded font, as the package's manifest declares it. */
export function fontMediaType(font: EmbeddedFont): string {
  return font.format === 'opentype' ? 'font/otf' : 'font/ttf'
}

/** Every font file of the theme, each once: its faces in the theme's order, then the fallback faces. */
export function themeFonts(theme: Theme): EmbeddedFont[] {
  const byPath = new Map<string, EmbeddedFont>()
  const names = new Set<string>()
  const faces: Array<[FontKey | undefined, FontFile]> = [...(Object.entries(theme.fonts) as Array<[FontKey, FontFile]>), ...theme.fallbacks.map((font): [undefined, FontFile] => [undefined, font])]
  for (const [key, font] of faces) {
    const file = fontPath(font)
    const identity = fontIdentity(font)
    const known = byPath.get(identity)
    if (known) {
      if (key) known.keys.push(key)
      continue
    }
    // A package's file is known by its name (its bytes, ten megabytes for some, are read only when needed); a writer's own by its bytes.
    const format = isLocalFont(font) ? sfntFormat(fontBytes(font)) : /\.otf$/i.test(file) ? 'opentype' : 'truetype'
    const stem = path.basename(file).replace(/\.(?:ttf|otf|woff2?)$/i, '')
    let fileName = `${stem}${format === 'opentype' ? '.otf' : '.ttf'}`.replace(/\s/g, '_').replace(/[^-._A-Za-z0-9]/g, '')
    for (let n = 2; names.has(fileName); n += 1) fileName = `${n}-${fileName}`
    names.add(fileName)
    byPath.set(identity, { font, keys: key ? [key] : [], path: file, fileName, format })
  }
  return [...byPath.values()]
}

/** Name ids kept in a subset: copyright, licence and licence URL, which the OFL asks to keep with the font. */
const keptNameIds = [0, 13, 14]

/**
 * OpenType features kept: what browsers apply by default (kerning, ligatures,
 * contextual forms, marks, localised forms), the small capitals the CSS can
 * ask for, and every feature a script's shaping applies of itself (as
 * harfbuzz's shapers do): Arabic's and Syriac's joining forms and stretching,
 * cursive attachment, the right-to-left forms, Hangul's conjoining jamo, the
 * Indic and Tibetan reordering forms. Without those an e-reader shows Arabic
 * as isolated letters. Keeping every feature pulls in alternates the EPUB
 * never shows and makes each face half as large again.
 */
const keptFeatures = [
  ...['kern', 'liga', 'clig', 'calt', 'ccmp', 'locl', 'mark', 'mkmk', 'rlig', 'smcp', 'c2sc'],
  ...['init', 'medi', 'fina', 'isol', 'med2', 'fin2', 'fin3', 'stch', 'curs', 'rclt', 'dist', 'rtla', 'rtlm', 'ltra', 'ltrm'],
  ...['ljmo', 'vjmo', 'tjmo'],
  ...['abvf', 'abvm', 'abvs', 'akhn', 'blwf', 'blwm', 'blws', 'cfar', 'cjct', 'half', 'haln', 'nukt', 'pref', 'pres', 'pstf', 'psts', 'rkrf', 'rphf', 'vatu'],
]

/** How harfbuzz subsets: a TrueType file, the licence's names and the features above. */
const subsetOptions: { targetFormat: 'sfnt'; preserveNameIds: number[]; keepFeatures: string[] } = { targetFormat: 'sfnt', preserveNameIds: keptNameIds, keepFeatures: keptFeatures }

/** A font file the EPUB carries, and the characters it is there to show. */
export interface UsedFont extends EmbeddedFont {
  characters: string
}

/**
 * The font files an EPUB of `text` (all it shows; `code`, the part set in the
 * mono face) carries, each with the characters it must show: the mono face
 * the characters of code, the text faces every character of the book, and
 * of the fallback faces only the families a reader falls back to, each with
 * the characters the text face lacks that it is the first in the font stack
 * to have (as a reader chooses; see `fallbackServes` for faces limited to
 * some scripts), and a math face (`FontFile.math`) the characters of the
 * formulas (`math`, the text of the MathML). A family no character falls
 * back to is left out, so that a book carries only the faces it uses.
 */
export function usedFonts(fonts: readonly EmbeddedFont[], text: string, code: string, math = ''): UsedFont[] {
  const textFace = fonts.find((font) => font.keys.includes('text'))
  // A book's text runs to megabytes: its characters are gathered once, not once per face.
  // An empty subset would leave a font with no glyph at all: keep the space at least.
  const textCharacters = uniqueCharacters(text + ' ')
  const codeCharacters = uniqueCharacters(code + ' ')
  const lacking = textFace ? charactersLacking(textFace.font, textCharacters) : textCharacters
  const fallbacks = fonts.filter((font) => font.keys.length === 0)
  const families = [...new Set(fallbacks.map((font) => font.font.family))]
  const claimed = new Map<string, string>()
  for (const character of lacking) {
    // Line breaks and other white space need no face.
    if (/[\s\p{Cc}]/u.test(character)) continue
    const code = character.codePointAt(0)!
    const family = families.find((name) => fallbacks.some((font) => font.font.family === name && fallbackServes(font.font, character) && sharedFace(font.font).hasGlyphForCodePoint(code)))
    if (family !== undefined) claimed.set(family, (claimed.get(family) ?? '') + character)
  }
  const used: UsedFont[] = []
  for (const font of fonts) {
    if (font.font.math === true) {
      // The subset keeps what the MATH table reaches from these characters: their larger sizes and stretching pieces.
      if (math !== '') used.push({ ...font, characters: uniqueCharacters(math + ' ') })
    } else if (font.keys.length === 0) {
      const characters = claimed.get(font.font.family)
      if (characters !== undefined) used.push({ ...font, characters: uniqueCharacters(characters + ' ') })
    } else used.push({ ...font, characters: font.keys.every((key) => key === 'mono') ? codeCharacters : textCharacters })
  }
  return used
}

/**
 * Subset each font to its characters. With a cache, a subset made before is
 * taken from it (see `subset-cache.ts`), and harfbuzz is not loaded at all
 * when every subset is there.
 */
export async function subsetFonts(fonts: readonly UsedFont[], cache?: SubsetCache): Promise<Map<string, Uint8Array>> {
  const subsets = new Map<string, Uint8Array>()
  for (const font of fonts) subsets.set(font.fileName, await subset(font.font, font.characters, cache))
  cache?.save()
  return subsets
}

/** A font's subset to `characters`: from the cache when it holds it, else made by harfbuzz (and kept there). */
async function subset(font: FontFile, characters: string, cache: SubsetCache | undefined): Promise<Uint8Array> {
  if (cache === undefined) return harfbuzzSubset(font, characters)
  const key = cache.key(font, characters, subsetOptions)
  const cached = cache.read(key)
  if (cached) return cached
  const bytes = await harfbuzzSubset(font, characters)
  cache.write(key, bytes)
  return bytes
}

async function harfbuzzSubset(font: FontFile, characters: string): Promise<Uint8Array> {
  return new Uint8Array(await subsetFont()(fontBytes(font), characters, subsetOptions))
}

/** Each font file as it is, by file name (for measuring what subsetting saves). */
export async function wholeFonts(fonts: readonly EmbeddedFont[]): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>()
  for (const font of fonts) files.set(font.fileName, new Uint8Array(fontBytes(font.font)))
  return files
}

/**
 * Whether a font file's outlines are TrueType or CFF: an OpenType file with
 * CFF outlines opens with `OTTO`, and a WOFF or WOFF2 file names the flavour
 * of the file it packs four bytes in.
 */
export function sfntFormat(bytes: Uint8Array): 'truetype' | 'opentype' {
  const tag = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4))
  const flavour = tag(0) === 'wOF2' || tag(0) === 'wOFF' ? tag(4) : tag(0)
  return flavour === 'OTTO' ? 'opentype' : 'truetype'
}

/**
 * Each character of `text` once, in the order of their UTF-16 code units
 * (as `[...new Set(text)].sort().join('')` gives them). A book's text runs to
 * megabytes: it is read a code unit at a time, with no string made for each
 * character, and only the characters found are sorted.
 */
export function uniqueCharacters(text: string): string {
  const seen = new Uint8Array(0x10000)
  const astral = new Set<string>()
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        astral.add(text.slice(index, index + 2))
        index++
        continue
      }
    }
    // A surrogate without its other half counts as a character of its own, as the string iterator gives it.
    seen[unit] = 1
  }
  const characters = [...astral]
  for (let unit = 0; unit < seen.length; unit++) if (seen[unit] === 1) characters.push(String.fromCharCode(unit))
  return characters.sort().join('')
}

/** The characters of `text` that the font has no glyph for. */
function charactersLacking(font: FontFile, text: string): string {
  const face = sharedFace(font)
  return [...new Set(text)].filter((character) => !face.hasGlyphForCodePoint(character.codePointAt(0)!)).join('')
}
