/**
 * What a theme file may say: the shape of a theme, taken from the default
 * theme itself (every key it has, at every depth, with the kind of value it
 * holds), and a short table of what the values of that shape may be —
 * enumerations, ranges, colours. A key added to the theme is accepted in
 * theme files as soon as the default theme has it; nothing here repeats the
 * `Theme` interface key by key.
 */
import { defaultTheme } from './default.js'
import { themes } from './index.js'
import { pageNames } from './names.js'

/** What one value of a theme may be. */
export type Rule =
  | { kind: 'number'; min: number; /** Whether `min` itself is refused (a size must be more than 0). */ above?: boolean; max?: number; integer?: boolean }
  | { kind: 'enum'; values: ReadonlyArray<string | number> }
  | { kind: 'boolean' }
  | { kind: 'text' }
  | { kind: 'colour' }

/** The shape of a theme, or of a part of it. */
export type Shape =
  | { kind: 'leaf'; rule: Rule }
  | { kind: 'map'; keys: ReadonlyMap<string, Shape> }
  | { kind: 'list'; item: Shape }
  /** A font file: from a package (`package` and `file`) or of the writer's own (`file`, relative to the theme file). */
  | { kind: 'font'; keys: ReadonlyMap<string, Shape> }

/** The key path of a value, its keys joined by dots; `*` stands for any key, or any item of a list. */
type Pattern = string

const positive = { kind: 'number', min: 0, above: true } as const

/** The Unicode scripts a fallback face may be limited to (names as `\p{Script_Extensions=…}` takes them). */
const unicodeScripts: readonly string[] = ['Adlam', 'Arabic', 'Armenian', 'Bengali', 'Bopomofo', 'Cherokee', 'Cyrillic', 'Devanagari', 'Ethiopic', 'Georgian', 'Greek', 'Gujarati', 'Gurmukhi', 'Han', 'Hangul', 'Hebrew', 'Hiragana', 'Kannada', 'Katakana', 'Khmer', 'Lao', 'Latin', 'Malayalam', 'Mongolian', 'Myanmar', 'Oriya', 'Sinhala', 'Syriac', 'Tamil', 'Telugu', 'Thaana', 'Thai', 'Tibetan', 'Tifinagh']
const text = { kind: 'text' } as const
const colour = { kind: 'colour' } as const

/**
 * What the values may be where the kind of the default's value says too
 * little. A number not named here must not be negative; a boolean is a
 * boolean; every text value must be named here (a test checks it), since
 * text can be a name from a list, a colour, or free.
 */
export const valueRules: ReadonlyMap<Pattern, Rule> = new Map<Pattern, Rule>([
  ['name', text],
  ['description', text],
  ['fonts.*.family', text],
  ['fonts.*.weight', { kind: 'number', min: 1, max: 1000, integer: true }],
  ['fonts.*.style', { kind: 'enum', values: ['normal', 'italic'] }],
  ['fonts.*.package', text],
  ['fonts.*.file', text],
  ['fonts.*.license', text],
  // Unicode script names (`Arabic`, `Hangul`), as `\p{Script_Extensions=…}` takes them.
  ['fonts.*.scripts.*', { kind: 'enum', values: unicodeScripts }],
  ['generic.*', { kind: 'enum', values: ['serif', 'sans-serif', 'monospace'] }],
  ['size', positive],
  ['leading', positive],
  ['scriptScale', positive],
  ['roles.*.scale', positive],
  ['roles.*.leading', positive],
  // The faces a role can be set in are those the theme names a generic family for.
  ['roles.*.face', { kind: 'enum', values: Object.keys(defaultTheme.generic) }],
  ['roles.*.align', { kind: 'enum', values: ['justify', 'left', 'center', 'right'] }],
  ['roles.*.colour', { kind: 'enum', values: Object.keys(defaultTheme.colours) }],
  ['colours.*', colour],
  ['codeColours.*', colour],
  ['alert.colours.*', colour],
  ['codeContinuation.sign', text],
  ['pages.*.width', positive],
  ['pages.*.height', positive],
  ['hyphenation.leftMin', { kind: 'number', min: 1, integer: true }],
  ['hyphenation.rightMin', { kind: 'number', min: 1, integer: true }],
  ['hyphenation.capitalised', { kind: 'enum', values: ['none', 'initial', 'all'] }],
  ['index.scale', positive],
  ['index.columns', { kind: 'number', min: 1, max: 3, integer: true }],
  ['index.groupSpace', { kind: 'number', min: 0, integer: true }],
  ['tocDepth', { kind: 'enum', values: [1, 2, 3, 4, 5, 6] }],
  ['sectionBreak', text],
  ['leadIn.words', { kind: 'number', min: 0, integer: true }],
  ['numbering.depth', { kind: 'number', min: 0, max: 6, integer: true }],
  ['inline.emphasisWithinItalic', { kind: 'enum', values: ['roman', 'italic'] }],
  ['tables.smallerScales.*', positive],
])

/**
 * Maps whose entries all have one shape, though the default's entries do not
 * each use every key (a role's optional keys): an entry may have any key some
 * entry of the default has.
 */
const uniformMaps: readonly Pattern[] = ['roles', 'fonts']

/** Keys of a font file beyond those the default's fonts have: none today; the writer's own file is `file` without `package`. */
const fontMaps: readonly Pattern[] = ['fonts', 'fallbacks']

/**
 * The shape of a theme, from the built-in themes and the rules above: a key
 * any built-in theme has is a theme key (so every built-in theme, written
 * out, is a valid theme file).
 */
export function themeShape(): Shape {
  return Object.values(themes).map((theme) => shapeOf(theme, [])).reduce(unite, shapeOf(defaultTheme, []))
}

function shapeOf(value: unknown, path: readonly string[]): Shape {
  if (Array.isArray(value)) {
    if (value.length === 0) throw new Error(`the default theme's list ${path.join('.')} is empty: its items' shape is unknown`)
    const items = value.map((item) => shapeOf(item, [...path, '*']))
    return { kind: 'list', item: items.reduce(unite) }
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
    if (isFontFile(path)) return { kind: 'font', keys: mapShape(entries, path).keys }
    // Margins may be given for every page `--page` takes, the printers' trims too, though no built-in theme gives them all.
    if (path.join('.') === 'margins') {
      const entry = entries.map(([, child]) => shapeOf(child, [...path, '*'])).reduce(unite)
      return { kind: 'map', keys: new Map(pageNames.map((name) => [name, entry])) }
    }
    if (uniformMaps.includes(path.join('.'))) {
      const entry = entries.map(([, child]) => shapeOf(child, [...path, '*'])).reduce(unite)
      return { kind: 'map', keys: new Map(entries.map(([key]) => [key, entry])) }
    }
    return mapShape(entries, path)
  }
  return { kind: 'leaf', rule: ruleFor(value, path) }
}

function mapShape(entries: ReadonlyArray<[string, unknown]>, path: readonly string[]): Extract<Shape, { kind: 'map' }> {
  return { kind: 'map', keys: new Map(entries.map(([key, child]) => [key, shapeOf(child, [...path, key])])) }
}

/** Whether the value at `path` is a font file: an entry of `fonts`, or an item of `fallbacks`. */
function isFontFile(path: readonly string[]): boolean {
  return path.length === 2 && fontMaps.includes(path[0]!)
}

/** One shape that takes what either takes: the keys of both maps. */
function unite(a: Shape, b: Shape): Shape {
  if ((a.kind === 'map' && b.kind === 'map') || (a.kind === 'font' && b.kind === 'font')) {
    const keys = new Map(a.keys)
    for (const [key, shape] of b.keys) keys.set(key, keys.has(key) ? unite(keys.get(key)!, shape) : shape)
    return { kind: a.kind, keys }
  }
  return a
}

/** The rule of a leaf: the table's, else what the default's value says. */
function ruleFor(value: unknown, path: readonly string[]): Rule {
  const named = ruleAt(path)
  if (named) return named
  if (typeof value === 'number') return { kind: 'number', min: 0 }
  if (typeof value === 'boolean') return { kind: 'boolean' }
  throw new Error(`no rule for the theme's text value ${path.join('.')}: name it in valueRules`)
}

/** The table's rule for a path (fonts' and fallbacks' keys share the rules of `fonts.*`). */
export function ruleAt(path: readonly string[]): Rule | undefined {
  const asFont = path[0] === 'fallbacks' ? ['fonts', ...path.slice(1)] : path
  for (const [pattern, rule] of valueRules) {
    const parts = pattern.split('.')
    if (parts.length === asFont.length && parts.every((part, index) => part === '*' || part === asFont[index])) return rule
  }
  return undefined
}

/** Every leaf key path of a value (lists' items as `*`), for checks that the theme's keys are all covered. */
export function leafPaths(value: unknown, path: readonly string[] = []): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => leafPaths(item, [...path, '*'])))]
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...path, key]))
  return [path.join('.')]
}
