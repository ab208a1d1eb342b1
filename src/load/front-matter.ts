import type { Node as YamlNode, Pair } from 'yaml'
import type { Diagnostics } from '../diagnostics.js'
import { yaml } from '../lazy.js'
import { mathForms, type MathForm, type Place, type PressName } from '../model/book.js'
import { pressNames } from '../press/profiles.js'
import type { PageName } from '../theme/index.js'
import { pageNames } from '../theme/names.js'

/**
 * Front matter (or `book.yaml`) read and checked against the keys Octavo
 * knows. Only keys that were present and valid are set.
 */
export interface FrontMatter {
  title?: string
  subtitle?: string
  authors?: string[]
  lang?: string
  /** As written: an ISO 8601 date (`2024`, `2024-05`, `2024-05-01`) or date-time with a zone. */
  date?: string
  publisher?: string
  description?: string
  subjects?: string[]
  rights?: string
  identifier?: string
  /** Path of the cover image, relative to the manuscript, as written. */
  cover?: string
  /** The printer the print edition is made for (`press: kdp`). */
  press?: PressName
  /** `book.yaml` only: chapter file names in reading order. */
  chapters?: ChapterEntry[]
  /** A built-in theme's name, or the path of a theme file relative to the file that names it, as written. */
  theme?: string
  /** The print edition's page, by the names `--page` takes. */
  page?: PageName
  /** How deep the contents go (1–6), or `true` for the theme's depth. */
  toc?: true | number
  /** Bibliography files (`.bib`, `.json`, `.yaml`), relative to the file naming them, as written, each with its place. */
  bibliography?: Array<{ path: string; place: Place }>
  /** A CSL style file, relative to the file naming it, as written. */
  csl?: string
  /** A list of figures (`lof: true`) and of tables (`lot: true`) after the contents, as in pandoc. */
  lof?: boolean
  lot?: boolean
  /** How the EPUB sets formulas (`math: svg`); MathML when absent. */
  math?: MathForm
  /** Where each present key stands, for later messages about it. */
  keyPlaces: Map<string, Place>
}

export interface ChapterEntry {
  name: string
  place: Place
}

/** YAML text and where it starts in its file. */
export interface YamlSource {
  text: string
  file: string
  /** Line of the file on which the YAML's first line stands. */
  firstLine: number
}

export interface FrontMatterOptions {
  /** Accept the `chapters` key (in `book.yaml`). */
  allowChapters?: boolean
}

type StringKey = 'title' | 'subtitle' | 'lang' | 'date' | 'publisher' | 'description' | 'rights' | 'identifier' | 'cover'

const STRING_KEYS: readonly StringKey[] = [
  'title',
  'subtitle',
  'lang',
  'date',
  'publisher',
  'description',
  'rights',
  'identifier',
  'cover',
]
const LIST_KEYS = { author: 'authors', subject: 'subjects' } as const
/** Keys that choose how the book is set, not what it is. */
const SETTING_KEYS = ['theme', 'page', 'toc'] as const
export const FRONT_MATTER_KEYS: readonly string[] = [...STRING_KEYS, ...Object.keys(LIST_KEYS), ...SETTING_KEYS, 'press', 'bibliography', 'csl', 'lof', 'lot', 'math']

/** BCP 47 in its common shapes: `en`, `en-GB`, `zh-Hant-TW`, `sr-Latn`, `x-klingon`. */
const LANGUAGE_TAG = /^(?:[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*|[xX](?:-[A-Za-z0-9]{1,8})+)$/

/** Whether `value` has the shape of a BCP 47 language tag, as `lang` must (`book.toml`'s `language` too). */
export function isLanguageTag(value: string): boolean {
  return LANGUAGE_TAG.test(value)
}

/** W3CDTF, the form EPUB wants for dates: a year, a month, a day, or a date-time with its zone. */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/

/** Read YAML front matter, failing with file:line:column on bad YAML or a value of the wrong type. */
export function parseFrontMatter(source: YamlSource, diag: Diagnostics, options: FrontMatterOptions = {}): FrontMatter {
  // The YAML parser is loaded by the first file that has front matter (see `lazy.ts`).
  const { LineCounter, isMap, isScalar, parseDocument } = yaml()
  const lineCounter = new LineCounter()
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: true, uniqueKeys: true })
  const placeAt = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset)
    return { file: source.file, line: source.firstLine + Math.max(line, 1) - 1, column: Math.max(col, 1) }
  }
  const placeOf = (node: YamlNode | null | undefined, fallback: number): Place =>
    placeAt(node?.range?.[0] ?? fallback)

  const error = doc.errors[0]
  if (error) {
    diag.fail(`invalid YAML: ${firstLine(error.message)}`, placeAt(error.pos[0]), 'front-matter')
  }
  for (const warning of doc.warnings) {
    diag.warn(`YAML: ${firstLine(warning.message)}`, placeAt(warning.pos[0]), 'front-matter')
  }

  const result: FrontMatter = { keyPlaces: new Map() }
  const contents = doc.contents
  if (contents === null || (isScalar(contents) && contents.value === null)) return result
  if (!isMap(contents)) {
    diag.fail('front matter must be a list of `key: value` lines', placeOf(contents, 0), 'front-matter')
  }

  for (const pair of contents.items as Array<Pair<unknown, unknown>>) {
    const keyNode = pair.key as YamlNode | null
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined
    const keyPlace = placeOf(keyNode, 0)
    if (key === undefined) {
      diag.fail('front-matter keys must be plain words', keyPlace, 'front-matter')
    }
    const valueNode = pair.value as YamlNode | null
    const valuePlace = valueNode?.range ? placeOf(valueNode, 0) : keyPlace

    if (key === 'chapters' && options.allowChapters) {
      result.chapters = readChapters(valueNode, valuePlace, placeOf, diag)
      result.keyPlaces.set(key, keyPlace)
      continue
    }
    if (key === 'bibliography') {
      const list = readStringList(key, valueNode, valuePlace, placeOf, diag)
      if (list) {
        const { isSeq } = yaml()
        const items = isSeq(valueNode) ? (valueNode.items as Array<YamlNode | null>).filter((item) => scalarText(item) !== undefined) : [valueNode]
        result.bibliography = list.map((file, index) => ({ path: file, place: items[index]?.range ? placeOf(items[index], 0) : valuePlace }))
        result.keyPlaces.set(key, keyPlace)
      }
      continue
    }
    if (key === 'csl') {
      const value = readString(key, valueNode, valuePlace, diag)
      if (value !== undefined) {
        result.csl = value
        result.keyPlaces.set(key, keyPlace)
      }
      continue
    }
    if (key === 'lof' || key === 'lot') {
      const value = isScalar(valueNode) ? valueNode.value : undefined
      if (typeof value !== 'boolean') diag.fail(`\`${key}\` must be true or false`, valuePlace, 'front-matter')
      result[key] = value
      result.keyPlaces.set(key, keyPlace)
      continue
    }
    if (Object.hasOwn(LIST_KEYS, key)) {
      const list = readStringList(key, valueNode, valuePlace, placeOf, diag)
      if (list) {
        result[LIST_KEYS[key as keyof typeof LIST_KEYS]] = list
        result.keyPlaces.set(key, keyPlace)
      }
      continue
    }
    if ((SETTING_KEYS as readonly string[]).includes(key)) {
      readSetting(result, key as (typeof SETTING_KEYS)[number], valueNode, valuePlace, diag)
      result.keyPlaces.set(key, keyPlace)
      continue
    }
    if (key === 'math') {
      const value = readString(key, valueNode, valuePlace, diag)
      if (value !== undefined) {
        if (!(mathForms as readonly string[]).includes(value)) {
          diag.fail(`\`math\` must be one of ${mathForms.join(', ')}, not \`${value}\``, valuePlace, 'front-matter')
        }
        result.math = value as MathForm
        result.keyPlaces.set(key, keyPlace)
      }
      continue
    }
    if (key === 'press') {
      const value = readString(key, valueNode, valuePlace, diag)
      if (value !== undefined) {
        if (!(pressNames as readonly string[]).includes(value)) {
          diag.fail(`\`press\` must be one of ${pressNames.join(', ')}, not \`${value}\``, valuePlace, 'front-matter')
        }
        result.press = value as PressName
        result.keyPlaces.set(key, keyPlace)
      }
      continue
    }
    if ((STRING_KEYS as readonly string[]).includes(key)) {
      const value = readString(key, valueNode, valuePlace, diag)
      if (value !== undefined) {
        result[key as StringKey] = checkValue(key as StringKey, value, valuePlace, diag)
        result.keyPlaces.set(key, keyPlace)
      }
      continue
    }
    const known = options.allowChapters ? [...FRONT_MATTER_KEYS, 'chapters'] : FRONT_MATTER_KEYS
    diag.warn(`unknown front-matter key \`${key}\`${suggestion(key, known)}: ignored`, keyPlace, 'front-matter')
  }
  return result
}

/** `theme`, `page` or `toc`, checked. */
function readSetting(result: FrontMatter, key: (typeof SETTING_KEYS)[number], node: YamlNode | null, place: Place, diag: Diagnostics): void {
  const { isScalar } = yaml()
  if (key === 'toc') {
    const value = isScalar(node) ? node.value : undefined
    if (value === false) {
      diag.warn('`toc: false`: both editions keep their contents (an EPUB must have them); ignored', place, 'front-matter')
    } else if (value === true || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6)) {
      result.toc = value
    } else {
      diag.fail(`\`toc\` must be true or the depth of the contents, from 1 to 6, not ${isScalar(node) ? `\`${String(node.source ?? value)}\`` : 'a list or mapping'}`, place, 'front-matter')
    }
    return
  }
  const value = readString(key, node, place, diag)
  if (value === undefined) return
  if (key === 'page') {
    if (!(pageNames as readonly string[]).includes(value)) {
      diag.fail(`\`page\` must be one of ${pageNames.join(', ')}, not \`${value}\`${suggestion(value, pageNames)}`, place, 'front-matter')
    }
    result.page = value as PageName
  } else {
    result.theme = value
  }
}

/** A scalar as a trimmed string; `undefined` (with a warning) when empty. */
function readString(key: string, node: YamlNode | null, place: Place, diag: Diagnostics): string | undefined {
  const { isScalar, isSeq } = yaml()
  if (node !== null && !isScalar(node)) {
    diag.fail(`\`${key}\` must be a single value, not ${isSeq(node) ? 'a list' : 'a mapping'}`, place, 'front-matter')
  }
  const text = scalarText(node)
  if (text === undefined) {
    diag.warn(`\`${key}\` is empty: ignored`, place, 'front-matter')
  }
  return text
}

/** A scalar or a list of scalars, as non-empty trimmed strings. */
function readStringList(
  key: string,
  node: YamlNode | null,
  place: Place,
  placeOf: (node: YamlNode | null | undefined, fallback: number) => Place,
  diag: Diagnostics,
): string[] | undefined {
  const { isScalar, isSeq } = yaml()
  if (isSeq(node)) {
    const values: string[] = []
    for (const item of node.items as Array<YamlNode | null>) {
      const itemPlace = item?.range ? placeOf(item, 0) : place
      if (item !== null && !isScalar(item)) {
        diag.fail(`each \`${key}\` must be a single value`, itemPlace, 'front-matter')
      }
      const text = scalarText(item)
      if (text === undefined) diag.warn(`empty \`${key}\` entry ignored`, itemPlace, 'front-matter')
      else values.push(text)
    }
    return values
  }
  const text = readString(key, node, place, diag)
  return text === undefined ? undefined : [text]
}

function readChapters(
  node: YamlNode | null,
  place: Place,
  placeOf: (node: YamlNode | null | undefined, fallback: number) => Place,
  diag: Diagnostics,
): ChapterEntry[] {
  const { isScalar, isSeq } = yaml()
  if (!isSeq(node)) {
    diag.fail('`chapters` must be a list of file names', place, 'front-matter')
  }
  const entries: ChapterEntry[] = []
  for (const item of node.items as Array<YamlNode | null>) {
    const itemPlace = item?.range ? placeOf(item, 0) : place
    const name = isScalar(item) ? scalarText(item) : undefined
    if (name === undefined) diag.fail('each entry of `chapters` must be a file name', itemPlace, 'front-matter')
    entries.push({ name, place: itemPlace })
  }
  return entries
}

/**
 * The text of a scalar. Numbers, booleans and the like keep their source
 * text, so `title: 1984` is the title "1984", not a type error.
 */
function scalarText(node: YamlNode | null): string | undefined {
  const { isScalar } = yaml()
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined
  const value = node.value
  let text: string
  if (typeof value === 'string') text = value
  else if (value instanceof Date) text = formatDate(value)
  else text = node.source ?? String(value)
  text = text.trim()
  return text === '' ? undefined : text
}

/** A YAML timestamp back to the ISO text it came from. */
function formatDate(date: Date): string {
  const iso = date.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.\d{3}Z$/, 'Z')
}

function checkValue(key: StringKey, value: string, place: Place, diag: Diagnostics): string {
  if (key === 'lang' && !isLanguageTag(value)) {
    diag.fail(`\`lang\` must be a BCP 47 language tag such as \`en\` or \`en-GB\`, not \`${value}\``, place, 'front-matter')
  }
  if (key === 'date' && !isValidDate(value)) {
    diag.fail(
      `\`date\` must be an ISO 8601 date such as \`2024-05-01\` (or a date-time with its zone), not \`${value}\``,
      place,
      'front-matter',
    )
  }
  return value
}

function isValidDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [, , month, day, hour, minute, second] = match
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return false
  if (day !== undefined) {
    const daysInMonth = new Date(Date.UTC(Number(match[1]), Number(month), 0)).getUTCDate()
    if (Number(day) < 1 || Number(day) > daysInMonth) return false
  }
  if (hour !== undefined && Number(hour) > 23) return false
  if (minute !== undefined && Number(minute) > 59) return false
  if (second !== undefined && Number(second) > 59) return false
  return true
}

function firstLine(message: string): string {
  // The yaml package appends a picture of the source after a blank line; keep the sentence.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

/** ` (did you mean \`author\`?)` for a near miss such as `authors` or `tilte`. */
function suggestion(key: string, known: readonly string[]): string {
  const lower = key.toLowerCase()
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of known) {
    const distance = editDistance(lower, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best === undefined ? '' : ` (did you mean \`${best}\`?)`
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
    previous = current
  }
  return previous[b.length]!
}
