import path from 'node:path'
import { subsetFont } from '../lazy.js'
import { fontBytes, sharedFace } from '../theme/font-files.js'
import { fontIdentity, fontPath, isLocalFont, type FontFile, type FontKey, type Theme } from '../theme/index.js'
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
 * contextual forms, marks, localised forms) and the small capitals the CSS can
 * ask for. Keeping every feature pulls in alternates the EPUB never shows and
 * makes each face half as large again.
 */
const keptFeatures = ['kern', 'liga', 'clig', 'calt', 'ccmp', 'locl', 'mark', 'mkmk', 'rlig', 'smcp', 'c2sc']

/** How harfbuzz subsets: a TrueType file, the licence's names and the features above. */
const subsetOptions: { targetFormat: 'sfnt'; preserveNameIds: number[]; keepFeatures: string[] } = { targetFormat: 'sfnt', preserveNameIds: keptNameIds, keepFeatures: keptFeatures }

/**
 * Subset each font to the characters it has to show: the mono face to the
 * characters of code, the text faces to every character of the book, and the
 * fallback faces only to the characters the text face lacks, since a reader
 * falls back to them for nothing else. With a cache, a subset made before
 * is taken from it (see `subset-cache.ts`), and harfbuzz is not loaded at all
 * when every subset is there.
 */
export async function subsetFonts(fonts: readonly EmbeddedFont[], text: string, code: string, cache?: SubsetCache): Promise<Map<string, Uint8Array>> {
  const subsets = new Map<string, Uint8Array>()
  const textFace = fonts.find((font) => font.keys.includes('text'))
  // A book's text runs to megabytes: its characters are gathered once, not once per face.
  // An empty subset would leave a font with no glyph at all: keep the space at least.
  const textCharacters = uniqueCharacters(text + ' ')
  const codeCharacters = uniqueCharacters(code + ' ')
  const lacking = textFace ? uniqueCharacters(charactersLacking(textFace.font, textCharacters) + ' ') : textCharacters
  for (const font of fonts) {
    const characters = font.keys.length === 0 ? lacking : font.keys.every((key) => key === 'mono') ? codeCharacters : textCharacters
    subsets.set(font.fileName, await subset(font.font, characters, cache))
  }
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

function uniqueCharacters(text: string): string {
  return [...new Set(text)].sort().join('')
}

/** The characters of `text` that the font has no glyph for. */
function charactersLacking(font: FontFile, text: string): string {
  const face = sharedFace(font)
  return [...new Set(text)].filter((character) => !face.hasGlyphForCodePoint(character.codePointAt(0)!)).join('')
}
