/**
 * A writer's own theme: a YAML (or JSON, which is YAML) file that `extends`
 * a built-in theme and changes any of its values, with its keys exactly the
 * theme's own (so a built-in theme written out is a theme file too). Every
 * key and value is checked against the theme's shape (`theme/schema.ts`)
 * before anything is typeset; a mistake fails at the theme file's
 * line and column, naming what is allowed there.
 *
 * Fonts may be files next to the theme (`fonts: { text: { file:
 * ./MyFace-Regular.ttf } }`), TrueType, OpenType or WOFF2: their family,
 * weight, style and licence are read from the font's own tables unless the
 * theme gives them.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Document, Node as YamlNode, Pair, Scalar, YAMLMap } from 'yaml'
import type { Diagnostics } from '../diagnostics.js'
import { fontverter, yaml } from '../lazy.js'
import { keepFontBytes } from '../theme/font-files.js'
import type { Place } from '../model/book.js'
import { extendTheme, fontPath, sameFontFile, themes, type FontFile, type LocalFont, type PackagedFont, type Theme, type ThemeOverrides } from '../theme/index.js'
import { themeShape, type Rule, type Shape } from '../theme/schema.js'
import { isInside } from '../inside-folder.js'
import { editDistance } from './front-matter.js'
import { describeError } from './read-source.js'

export interface ThemeFileOptions {
  /** The folder the theme file and its fonts must stay inside (the book's, for a theme the book names). */
  root?: string | undefined
  /** Told of the theme file and each font file it names, as they are read. */
  onRead?: ((file: string) => void) | undefined
}

/** The theme-file keys beyond the theme's own. */
const EXTENDS = 'extends'

/** An npm package's name, as `package` gives it (`@expo-google-fonts/literata`). */
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/

/** File extensions of the fonts a theme file may name. */
const FONT_FILE = /\.(?:ttf|otf|woff2?)$/i

/**
 * Read, check and resolve a theme file: the built-in theme it extends with
 * its changes merged in (see `extendTheme`), its own font files read.
 * `file` is the absolute path, `display` how messages name it.
 */
export async function loadThemeFile(file: string, display: string, diag: Diagnostics, options: ThemeFileOptions = {}): Promise<Theme> {
  if (options.root !== undefined && !isInside(options.root, file)) diag.fail(`theme file ${display} is outside the book's folder`, display, 'theme')
  let text: string
  options.onRead?.(file)
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '')
  } catch (error) {
    diag.fail(`cannot read the theme file (${describeError(error)})`, display, 'theme')
  }
  const { LineCounter, parseDocument } = yaml()
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true })
  const placeAt = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset)
    return { file: display, line: Math.max(line, 1), column: Math.max(col, 1) }
  }
  const reader = new ThemeFileReader(doc, placeAt, diag)
  const { base, overrides, fonts } = reader.read()
  const folder = path.dirname(file)
  const resolved = new Map<string, FontFile>()
  for (const font of fonts) resolved.set(font.path.join('.'), await resolveFont(font, folder, options, placeAt, diag))

  // Each font the file gives whole replaces the base's, not merged into it: a file of the writer's own has no package.
  const { fonts: fontChanges, fallbacks: _fallbacks, ...rest } = overrides
  const partial = Object.fromEntries(Object.entries(fontChanges ?? {}).filter(([key]) => !resolved.has(`fonts.${key}`)))
  const theme = extendTheme(base, { ...rest, fonts: partial })
  for (const key of Object.keys(fontChanges ?? {})) {
    const whole = resolved.get(`fonts.${key}`)
    if (whole !== undefined) theme.fonts[key as keyof Theme['fonts']] = whole
  }
  followTextFaces(theme, base, Object.keys(fontChanges ?? {}))
  if (overrides.fallbacks !== undefined) theme.fallbacks = overrides.fallbacks.map((_, index) => resolved.get(`fallbacks.${index}`)!)
  const changed = fonts.find((font) => font.path[0] === 'fonts')
  if (changed !== undefined) warnMixedFamilies(theme, placeAt(changed.node.range?.[0] ?? 0), diag)
  if (overrides.name === undefined) theme.name = path.basename(file).replace(/\.(?:ya?ml|json)$/i, '')
  return theme
}

const TEXT_FACES = ['text', 'textItalic', 'textBold', 'textBoldItalic'] as const
const HEADING_FACES = ['heading', 'headingItalic', 'headingBold', 'headingBoldItalic'] as const

/**
 * A heading face that in the base theme is its text face follows that face
 * when the file changes the text face and names no heading face: a writer who
 * sets the book in a face of their own means the headings too.
 */
function followTextFaces(theme: Theme, base: Theme, changed: readonly string[]): void {
  TEXT_FACES.forEach((text, index) => {
    const heading = HEADING_FACES[index]!
    if (changed.includes(text) && !changed.includes(heading) && sameFontFile(base.fonts[heading], base.fonts[text])) theme.fonts[heading] = theme.fonts[text]
  })
}

/**
 * The four text faces come from one family in both editions only if the theme
 * gives them so: the EPUB asks for bold and italic within the text face's
 * family (a reader makes one up where the family has none), the PDF sets the
 * face the theme names.
 */
function warnMixedFamilies(theme: Theme, place: Place, diag: Diagnostics): void {
  const byFamily = new Map<string, string[]>()
  for (const key of TEXT_FACES) byFamily.set(theme.fonts[key].family, [...(byFamily.get(theme.fonts[key].family) ?? []), key])
  if (byFamily.size < 2) return
  const said = [...byFamily].map(([family, keys]) => `${keys.join(', ')} in ${family}`).join('; ')
  diag.warn(`the text faces are of different families (${said}): give text, textItalic, textBold and textBoldItalic of one family, or the EPUB and the PDF set bold and italic differently`, place, 'theme')
}

/** A font the theme file gives whole (with `file`), to be resolved: where it stands and what it says. */
interface FontEntry {
  path: Array<string | number>
  /** The font's mapping, and each key's value node, for messages about them. */
  node: YamlNode
  values: Partial<Record<keyof PackagedFont, unknown>>
  places: Map<string, YamlNode>
}

/** Walks a theme file's YAML against the theme's shape, failing at the first thing that does not fit. */
class ThemeFileReader {
  private readonly fonts: FontEntry[] = []

  constructor(
    private readonly doc: Document.Parsed,
    private readonly placeAt: (offset: number) => Place,
    private readonly diag: Diagnostics,
  ) {}

  read(): { base: Theme; overrides: ThemeOverrides; fonts: FontEntry[] } {
    const { isMap, isScalar } = yaml()
    const error = this.doc.errors[0]
    if (error) this.diag.fail(`invalid YAML: ${firstLine(error.message)}`, this.placeAt(error.pos[0]), 'theme')
    for (const warning of this.doc.warnings) this.diag.warn(`YAML: ${firstLine(warning.message)}`, this.placeAt(warning.pos[0]), 'theme')
    const contents = this.doc.contents
    if (contents === null || (isScalar(contents) && contents.value === null)) return { base: themes.default!, overrides: {}, fonts: [] }
    if (!isMap(contents)) this.diag.fail('a theme file is a mapping of theme keys (`extends: default`, `size: 11` …)', this.placeOf(contents), 'theme')

    let base = themes.default!
    const shape = themeShape()
    if (shape.kind !== 'map') throw new Error('a theme is a mapping')
    const overrides: Record<string, unknown> = {}
    for (const pair of contents.items as Array<Pair<YamlNode, YamlNode | null>>) {
      const key = this.keyOf(pair, [])
      if (key === EXTENDS) {
        base = this.base(pair)
        continue
      }
      const child = shape.keys.get(key)
      if (child === undefined) this.unknownKey(pair, key, [], [EXTENDS, ...shape.keys.keys()])
      overrides[key] = this.value(pair.value, child, [key], pair)
    }
    return { base, overrides: overrides as ThemeOverrides, fonts: this.fonts }
  }

  /** The built-in theme `extends` names. */
  private base(pair: Pair<YamlNode, YamlNode | null>): Theme {
    const { isScalar } = yaml()
    const node = pair.value
    const name = isScalar(node) && typeof node.value === 'string' ? node.value : undefined
    const names = Object.keys(themes)
    if (name === undefined) this.diag.fail(`\`${EXTENDS}\` names a built-in theme: ${names.join(', ')}`, this.placeOf(node ?? pair.key), 'theme')
    if (!Object.hasOwn(themes, name)) {
      this.diag.fail(`\`${EXTENDS}\`: no built-in theme \`${name}\`${didYouMean(name, names)}; the built-in themes are ${names.join(', ')}`, this.placeOf(node), 'theme')
    }
    return themes[name]!
  }

  /** A value checked against its shape, as plain data. */
  private value(node: YamlNode | null, shape: Shape, at: Array<string | number>, pair?: Pair<YamlNode, YamlNode | null>): unknown {
    const { isMap, isSeq, isScalar } = yaml()
    const where = node ?? pair?.key ?? null
    if (node === null || (isScalar(node) && node.value === null)) {
      this.diag.fail(`\`${dotted(at)}\` has no value: give ${expected(shape)}`, this.placeOf(where), 'theme')
    }
    switch (shape.kind) {
      case 'leaf':
        if (!isScalar(node)) this.diag.fail(`\`${dotted(at)}\` must be ${describeRule(shape.rule)}, not ${kindOf(node)}`, this.placeOf(node), 'theme')
        return this.leaf(node, shape.rule, at)
      case 'list': {
        if (!isSeq(node)) this.diag.fail(`\`${dotted(at)}\` must be a list of ${expected(shape.item)}, not ${kindOf(node)}`, this.placeOf(node), 'theme')
        return (node.items as Array<YamlNode | null>).map((item, index) => this.value(item, shape.item, [...at, index]))
      }
      case 'map':
      case 'font': {
        if (!isMap(node)) this.diag.fail(`\`${dotted(at)}\` must be a mapping of ${[...shape.keys.keys()].join(', ')}, not ${kindOf(node)}`, this.placeOf(node), 'theme')
        const result: Record<string, unknown> = {}
        const places = new Map<string, YamlNode>()
        for (const child of node.items as Array<Pair<YamlNode, YamlNode | null>>) {
          const key = this.keyOf(child, at)
          const childShape = shape.keys.get(key)
          if (childShape === undefined) this.unknownKey(child, key, at, [...shape.keys.keys()])
          result[key] = this.value(child.value, childShape, [...at, key], child)
          places.set(key, child.value ?? child.key)
        }
        if (shape.kind === 'font') this.font(node, result, places, at)
        return result
      }
    }
  }

  /** A font given whole (with `file`) is kept to be resolved; one in `fallbacks` must be given whole. */
  private font(node: YAMLMap, values: Record<string, unknown>, places: Map<string, YamlNode>, at: Array<string | number>): void {
    if (values.file !== undefined) {
      this.fonts.push({ path: at, node, values, places })
      return
    }
    if (values.package !== undefined) this.diag.fail(`\`${dotted(at)}\`: a font from a package names its \`file\` in the package`, this.placeOf(places.get('package')), 'theme')
    if (at[0] === 'fallbacks') this.diag.fail(`\`${dotted(at)}\`: a fallback face names its font: \`file\` (a font file next to the theme file), or \`package\` and \`file\``, this.placeOf(node), 'theme')
  }

  private leaf(node: Scalar, rule: Rule, at: Array<string | number>): unknown {
    const value = node.value
    const name = dotted(at)
    const fail = (reason: string): never => this.diag.fail(reason, this.placeOf(node), 'theme')
    switch (rule.kind) {
      case 'text':
        if (typeof value !== 'string') return fail(`\`${name}\` must be ${describeRule(rule)}, not ${shown(node)}`)
        return value
      case 'colour':
        if (typeof value !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(value)) return fail(`\`${name}\` must be ${describeRule(rule)}, not ${shown(node)}`)
        return value
      case 'boolean':
        if (typeof value !== 'boolean') return fail(`\`${name}\` must be ${describeRule(rule)}, not ${shown(node)}`)
        return value
      case 'enum':
        if (!rule.values.includes(value as string | number)) {
          const hint = typeof value === 'string' ? didYouMean(value, rule.values.filter((option): option is string => typeof option === 'string')) : ''
          return fail(`\`${name}\` must be ${describeRule(rule)}, not ${shown(node)}${hint}`)
        }
        return value
      case 'number': {
        if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`\`${name}\` must be ${describeRule(rule)}, not ${shown(node)}`)
        const tooSmall = rule.above === true ? value <= rule.min : value < rule.min
        const tooLarge = rule.max !== undefined && value > rule.max
        if (tooSmall || tooLarge || (rule.integer === true && !Number.isInteger(value))) return fail(`\`${name}\` must be ${describeRule(rule)}, not ${shown(node)}`)
        return value
      }
    }
  }

  private keyOf(pair: Pair<YamlNode, YamlNode | null>, at: Array<string | number>): string {
    const { isScalar } = yaml()
    const key = pair.key
    if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
      this.diag.fail(`${at.length === 0 ? 'theme keys' : `the keys of \`${dotted(at)}\``} must be plain words`, this.placeOf(key), 'theme')
    }
    return String(key.value)
  }

  private unknownKey(pair: Pair<YamlNode, YamlNode | null>, key: string, at: Array<string | number>, allowed: readonly string[]): never {
    const where = at.length === 0 ? 'unknown theme key' : `unknown key`
    const within = at.length === 0 ? '' : ` in \`${dotted(at)}\``
    this.diag.fail(`${where} \`${key}\`${within}${didYouMean(key, allowed)}; allowed here: ${allowed.join(', ')}`, this.placeOf(pair.key), 'theme')
  }

  placeOf(node: YamlNode | null | undefined): Place {
    return this.placeAt(node?.range?.[0] ?? 0)
  }
}

/** A font the theme gives whole: a file of the writer's own, read and described, or a package's file, checked to be there. */
async function resolveFont(entry: FontEntry, folder: string, options: ThemeFileOptions, placeAt: (offset: number) => Place, diag: Diagnostics): Promise<FontFile> {
  const root = options.root
  const placeOf = (key: string): Place => placeAt(entry.places.get(key)?.range?.[0] ?? entry.node.range?.[0] ?? 0)
  const values = entry.values as Partial<PackagedFont>
  const file = values.file!
  if (values.package !== undefined) {
    const missing = (['family', 'weight', 'style', 'license'] as const).filter((key) => values[key] === undefined)
    if (missing.length > 0) diag.fail(`\`${dotted(entry.path)}\`: a font from a package states its ${missing.join(', ')} too`, placeAt(entry.node.range?.[0] ?? 0), 'theme')
    const font = values as PackagedFont
    // A package's name and a path inside it, never a way out of it: a theme names fonts, not files at large.
    if (!PACKAGE_NAME.test(font.package)) diag.fail(`\`${font.package}\` is not the name of an npm package`, placeOf('package'), 'theme')
    if (path.isAbsolute(font.file) || font.file.split(/[\\/]/).includes('..')) diag.fail(`\`${font.file}\` is not a path inside the package \`${font.package}\``, placeOf('file'), 'theme')
    let found: string | undefined
    try {
      found = fontPath(font)
    } catch {
      diag.fail(`no font package \`${font.package}\` is installed`, placeOf('package'), 'theme')
    }
    if (!existsSync(found)) diag.fail(`no file \`${font.file}\` in the font package \`${font.package}\``, placeOf('file'), 'theme')
    const packaged: PackagedFont = { family: font.family, weight: font.weight, style: font.style, package: font.package, file: font.file, license: font.license }
    if (font.scripts !== undefined) packaged.scripts = font.scripts
    if (font.math !== undefined) packaged.math = font.math
    return packaged
  }

  if (!FONT_FILE.test(file)) diag.fail(`\`${file}\` is not a font file Octavo reads: give a .ttf, .otf or .woff2 file`, placeOf('file'), 'theme')
  const absolute = path.resolve(folder, file)
  if (root !== undefined && !isInside(root, absolute)) diag.fail(`font file ${file} is outside the book's folder`, placeOf('file'), 'theme')
  let bytes: Buffer
  options.onRead?.(absolute)
  try {
    bytes = await readFile(absolute)
  } catch (error) {
    diag.fail(`cannot read the font file ${file} (${describeError(error)})`, placeOf('file'), 'theme')
  }
  const described = await describeFont(bytes)
  if (described === undefined) diag.fail(`${file} is not a TrueType, OpenType or WOFF2 font`, placeOf('file'), 'theme')
  if (described.forbidsEmbedding) diag.fail(`the licence of ${file} forbids embedding it (its OS/2 table says "restricted licence embedding")`, placeOf('file'), 'theme')
  const license = values.license ?? described.license
  if (license === undefined) diag.warn(`${file} states no licence in its name table: make sure it may be embedded in a book, and give \`license\``, placeOf('file'), 'theme')
  const font: LocalFont = {
    family: values.family ?? described.family,
    weight: values.weight ?? described.weight,
    style: values.style ?? described.style,
    license: license ?? 'not stated',
    path: absolute,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  }
  if (values.license === undefined && described.licenseUrl !== undefined) font.licenseUrl = described.licenseUrl
  if (values.scripts !== undefined) font.scripts = values.scripts
  if (values.math !== undefined) font.math = values.math
  const { convert, detectFormat } = fontverter()
  // pdfkit embeds only unpacked files (a WOFF2's glyphs are stored transformed): unpacked once, here.
  if (detectFormat(bytes) !== 'sfnt') keepFontBytes(font, await convert(bytes, 'sfnt'))
  return font
}

/** What a font's own tables say of it; `undefined` when the bytes are not a single font fontkit reads. */
async function describeFont(
  bytes: Buffer,
): Promise<{ family: string; weight: number; style: 'normal' | 'italic'; license?: string; licenseUrl?: string; forbidsEmbedding: boolean } | undefined> {
  const fontkit = await import('fontkit')
  type Described = {
    type?: string
    familyName?: string
    italicAngle?: number
    getName?: (key: string) => string | null
    'OS/2'?: { usWeightClass: number; fsSelection: { italic: boolean }; fsType: { noEmbedding: boolean } }
  }
  let face: Described
  try {
    face = fontkit.create(bytes) as unknown as Described
  } catch {
    return undefined
  }
  if (face.getName === undefined || !['TTF', 'WOFF', 'WOFF2'].includes(face.type ?? '')) return undefined
  const os2 = face['OS/2']
  const family = face.getName('preferredFamily') ?? face.familyName ?? 'Untitled'
  const italic = os2?.fsSelection.italic === true || (face.italicAngle ?? 0) !== 0
  const description = face.getName('license') ?? undefined
  const url = face.getName('licenseURL') ?? undefined
  const result: { family: string; weight: number; style: 'normal' | 'italic'; license?: string; licenseUrl?: string; forbidsEmbedding: boolean } = {
    family,
    weight: os2?.usWeightClass ?? 400,
    style: italic ? 'italic' : 'normal',
    forbidsEmbedding: os2?.fsType.noEmbedding === true,
  }
  const license = description === undefined ? undefined : licenceOf(description)
  if (license !== undefined) result.license = license
  if (url !== undefined && /^https?:\/\/\S+$/.test(url.trim()) && license !== 'OFL-1.1' && license !== 'Apache-2.0') result.licenseUrl = url.trim()
  return result
}

/**
 * A licence as the colophon names it: the SPDX identifier of a licence it
 * knows (the OFL, Apache's), else the description's first sentence.
 */
function licenceOf(description: string): string | undefined {
  if (/Open Font License,? (?:Version )?1\.1/i.test(description)) return 'OFL-1.1'
  if (/Apache License,? (?:Version )?2\.0/i.test(description)) return 'Apache-2.0'
  const sentence = /^.*?[.!?](?=\s|$)/s.exec(description.trim())?.[0] ?? description.trim()
  return sentence === '' ? undefined : sentence.replace(/\s+/g, ' ')
}

/** What a rule allows, as a message says it. */
export function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case 'text':
      return 'text'
    case 'colour':
      return 'a colour written #rrggbb (such as #1a1a1a)'
    case 'boolean':
      return 'true or false'
    case 'enum':
      return `one of ${rule.values.join(', ')}`
    case 'number': {
      const kind = rule.integer === true ? 'a whole number' : 'a number'
      if (rule.max !== undefined) return `${kind} from ${rule.min} to ${rule.max}`
      if (rule.above === true && rule.min === 0) return `${kind} greater than 0`
      if (rule.min === 0) return `${kind}, 0 or more`
      return `${kind}, ${rule.min} or more`
    }
  }
}

function expected(shape: Shape): string {
  switch (shape.kind) {
    case 'leaf':
      return describeRule(shape.rule)
    case 'list':
      return `a list of ${expected(shape.item)}`
    case 'map':
    case 'font':
      return `a mapping of ${[...shape.keys.keys()].join(', ')}`
  }
}

function kindOf(node: YamlNode): string {
  const { isMap, isSeq } = yaml()
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  return shown(node as Scalar)
}

/** A scalar as the message quotes it, with its kind when that is what is wrong. */
function shown(node: Scalar): string {
  const value = node.value
  const source = typeof node.source === 'string' ? node.source : String(value)
  if (typeof value === 'string') return `the text \`${source}\``
  if (typeof value === 'boolean') return `\`${source}\``
  return `\`${source}\``
}

/** A key path as messages write it: `roles.h1.align`, `fallbacks[0].file`. */
function dotted(at: ReadonlyArray<string | number>): string {
  return at.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('')
}

/** ` (did you mean \`heading\`?)` for a near miss. */
function didYouMean(word: string, known: readonly string[]): string {
  let best: string | undefined
  // A near miss is a letter or two away, fewer in a short word (`some` is not `none`).
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best === undefined ? '' : ` (did you mean \`${best}\`?)`
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
