/**
 * Hyphenation points from Liang's patterns (the TeX patterns, through the npm package `hyphen`),
 * with the limits a book wants: letters kept either side of a break, no breaks in names, numbers or
 * words that already carry a hyphen.
 *
 * A hyphenator takes one word as it stands in the text, punctuation and all, and returns its parts:
 * `'“hyphenation,'` → `['“hy', 'phen', 'ation,']`. The parts always join back into the word (soft
 * hyphens aside: see below), so the preparer can measure each part and put a hyphenation point between
 * them. A word that must not be hyphenated comes back whole, as a single part.
 */

import { createRequire } from 'node:module'

/** The limits, the same shape as `theme.hyphenation`. */
export interface HyphenationRules {
  /** Letters kept before a break. The patterns themselves never break after fewer than 2. */
  leftMin: number
  /** Letters kept after a break. The patterns themselves never break before fewer than 2. */
  rightMin: number
  /**
   * Which words with capitals patterns may hyphenate: `none`; `initial`, words
   * whose only capital is the first letter (names, a sentence's first word: TeX's
   * default); or `all`. Words with a digit are never hyphenated by patterns.
   */
  capitalised: 'none' | 'initial' | 'all'

}

export type Hyphenator = (word: string) => string[]

/** A hyphenator for text in the book's language or, given one, in a run's own (see `Text.lang`). */
export type LanguageHyphenator = (word: string, lang?: string) => string[]

const SOFT_HYPHEN = '\u00AD'
/** Characters after which a word already breaks: hyphen-minus, hyphen, en dash, em dash. */
const BREAK_AFTER = /[-\u2010\u2013\u2014]/u
const FIRST_LETTER = /[\p{L}\p{M}]/u
const LAST_LETTER = /[\p{L}\p{M}](?=[^\p{L}\p{M}]*$)/u
const COUNTED_LETTER = /\p{L}/gu
const CAPITAL = /[\p{Lu}\p{Lt}]/u
const DIGIT = /\p{N}/u
/** A hyphenated compound: letters, digits, apostrophes and dashes only. */
const COMPOUND = /^[\p{L}\p{M}\p{N}'’\-\u2010\u2013\u2014]+$/u
/** Inside a word patterns may see letters, combining marks and apostrophes, nothing else. */
const PATTERN_WORD = /^[\p{L}\p{M}'’]+$/u

const require = createRequire(import.meta.url)

type PatternHyphenate = (text: string) => string
type HyphenFactory = (patterns: unknown, options: Record<string, unknown>) => PatternHyphenate

/**
 * Pattern files shipped by `hyphen`, by the lower-case BCP 47 tag (or its leading subtags) that selects
 * them. Tags not listed fall back to a file named like their language subtag, when there is one.
 */
const PATTERN_FILES: Readonly<Record<string, string>> = {
  en: 'en-us',
  'en-us': 'en-us',
  'en-gb': 'en-gb',
  'en-au': 'en-gb',
  'en-nz': 'en-gb',
  'en-ie': 'en-gb',
  'en-in': 'en-gb',
  'en-za': 'en-gb',
  de: 'de-1996',
  'de-1901': 'de-1901',
  'de-ch': 'de-ch-1901',
  el: 'el-monoton',
  'el-polyton': 'el-polyton',
  grc: 'grc',
  mn: 'mn-cyrl',
  sr: 'sr-cyrl',
  'sr-latn': 'sh-latn',
  'sh-latn': 'sh-latn',
  sh: 'sh-cyrl',
  'zh-latn': 'zh-latn-pinyin',
  la: 'la',
  // Chinese, Japanese, Korean and Thai are not hyphenated; nor are Arabic (which stretches its words
  // instead), Persian, Urdu, Hebrew and Yiddish.
  zh: '',
  ja: '',
  ko: '',
  th: '',
  ar: '',
  fa: '',
  ur: '',
  he: '',
  yi: '',
}

/**
 * Whether text in `lang` is hyphenated: by patterns (`hyphen` has them), or
 * not, as its writing system wants (`none`: Chinese, Arabic…; and a language
 * left undetermined, `und-Cyrl`), or not, for want of patterns (`missing`: a
 * writer should be told).
 */
export function hyphenationOf(lang: string): 'patterns' | 'none' | 'missing' {
  if (patternFileFor(lang) !== undefined) return 'patterns'
  const subtags = lang.toLowerCase().replace(/_/g, '-').split('-').filter(Boolean)
  if (subtags[0] === 'und') return 'none'
  for (let n = subtags.length; n > 0; n--) if (PATTERN_FILES[subtags.slice(0, n).join('-')] === '') return 'none'
  return 'missing'
}

/** Pattern-based hyphenators by pattern file; loading the patterns is the slow part. */
const loaded = new Map<string, PatternHyphenate | null>()

/** The pattern file for a BCP 47 tag, or `undefined` when `hyphen` has none. */
export function patternFileFor(lang: string): string | undefined {
  const subtags = lang.toLowerCase().replace(/_/g, '-').split('-').filter(Boolean)
  for (let n = subtags.length; n > 0; n--) {
    const tag = subtags.slice(0, n).join('-')
    if (tag in PATTERN_FILES) return PATTERN_FILES[tag] || undefined
  }
  const primary = subtags[0]
  if (primary === undefined || !/^[a-z]{2,3}$/.test(primary)) return undefined
  try {
    require.resolve(`hyphen/patterns/${primary}.js`)
    return primary
  } catch {
    return undefined
  }
}

function patternHyphenator(file: string): PatternHyphenate | null {
  let hyphenate = loaded.get(file)
  if (hyphenate !== undefined) return hyphenate
  try {
    const factory = require('hyphen/hyphen.js') as HyphenFactory
    const patterns = require(`hyphen/patterns/${file}.js`) as unknown
    // minWordLength 1: the limits are ours to apply; html off: words never carry markup here.
    hyphenate = factory(patterns, { hyphenChar: SOFT_HYPHEN, minWordLength: 1, html: false })
  } catch {
    hyphenate = null
  }
  loaded.set(file, hyphenate)
  return hyphenate
}

/**
 * A hyphenator for `lang` (a BCP 47 tag such as `en`, `en-GB`, `de-CH`, `fr`). Languages without
 * patterns get one that never hyphenates (words still break after their own hyphens).
 *
 * - No break leaves fewer than `leftMin` letters before it or `rightMin` after it (letters only:
 *   punctuation around or inside the word is not counted).
 * - Words with a digit are not hyphenated by patterns; words with capitals only as `rules.capitalised` allows.
 * - A word that already contains a hyphen or dash breaks only after it (`leader-`, `to-`, `leader`),
 *   never by patterns; the same letter limits apply, capitals do not matter.
 * - A word that contains soft hyphens (U+00AD) breaks only there, as the writer asked; its parts are
 *   returned without the soft hyphens.
 * - Anything else inside a word (a slash, a dot, `@`) means no hyphenation and no break after its
 *   hyphens: URLs, addresses and abbreviations are left to emergency breaking.
 *
 * Results are cached per hyphenator: a book repeats its words.
 */
export function createHyphenator(lang: string, rules: HyphenationRules): Hyphenator {
  const file = patternFileFor(lang)
  const patterns = file === undefined ? null : patternHyphenator(file)
  const cache = new Map<string, readonly string[]>()
  return (word: string): string[] => {
    let parts = cache.get(word)
    if (parts === undefined) {
      parts = hyphenateWord(word, patterns, rules)
      cache.set(word, parts)
    }
    return parts.slice()
  }
}

/** Hyphenation by each run's language: the book's patterns for its own text, each other language's for its runs. */
export function createLanguageHyphenator(bookLang: string, rules: HyphenationRules): LanguageHyphenator {
  const book = createHyphenator(bookLang, rules)
  const others = new Map<string, Hyphenator>()
  return (word: string, lang?: string): string[] => {
    if (lang === undefined) return book(word)
    let hyphenator = others.get(lang)
    if (hyphenator === undefined) others.set(lang, (hyphenator = createHyphenator(lang, rules)))
    return hyphenator(word)
  }
}

function hyphenateWord(word: string, patterns: PatternHyphenate | null, rules: HyphenationRules): string[] {
  if (word.includes(SOFT_HYPHEN)) return splitAtSoftHyphens(word, rules)
  const first = firstLetter(word)
  if (first < 0) return [word]
  const last = lastLetter(word)
  const core = word.slice(first, last + 1)

  let cuts: number[]
  if (BREAK_AFTER.test(core)) {
    // Compounds break after their hyphens; a URL or a path does not (a hyphen there would read as part of it).
    if (!COMPOUND.test(core)) return [word]
    cuts = cutsAfterHyphens(core)
  } else if (patterns === null || !PATTERN_WORD.test(core)) return [word]
  else if (DIGIT.test(word) || !capitalsAllowed(core, rules.capitalised)) return [word]
  else cuts = cutsFromPatterns(core, patterns)

  const allowed = cuts.filter(
    (cut) => countLetters(core.slice(0, cut)) >= rules.leftMin && countLetters(core.slice(cut)) >= rules.rightMin,
  )
  return splitAt(word, allowed.map((cut) => cut + first))
}

/** Offsets in `core` where the patterns allow a break (a break at `i` falls before `core[i]`). */
function cutsFromPatterns(core: string, patterns: PatternHyphenate): number[] {
  // The typographic apostrophe is spelled as in the patterns; both are one UTF-16 unit, offsets hold.
  const marked = patterns(core.replace(/’/g, "'"))
  const cuts: number[] = []
  let offset = 0
  for (const ch of marked) {
    if (ch === SOFT_HYPHEN) cuts.push(offset)
    else offset += ch.length
  }
  return cuts
}

/** Offsets just after each hyphen or dash inside `core` (never at its end). */
function cutsAfterHyphens(core: string): number[] {
  const cuts: number[] = []
  for (let i = 0; i < core.length - 1; i++) {
    if (BREAK_AFTER.test(core[i]!)) cuts.push(i + 1)
  }
  return cuts
}

function splitAtSoftHyphens(word: string, rules: HyphenationRules): string[] {
  const pieces = word.split(SOFT_HYPHEN)
  const text = pieces.join('')
  const cuts: number[] = []
  let offset = 0
  for (const piece of pieces.slice(0, -1)) {
    offset += piece.length
    const before = countLetters(text.slice(0, offset))
    const after = countLetters(text.slice(offset))
    if (before >= rules.leftMin && after >= rules.rightMin && cuts.at(-1) !== offset) cuts.push(offset)
  }
  return splitAt(text, cuts)
}

function splitAt(word: string, cuts: number[]): string[] {
  const parts: string[] = []
  let start = 0
  for (const cut of cuts) {
    parts.push(word.slice(start, cut))
    start = cut
  }
  parts.push(word.slice(start))
  return parts
}

function firstLetter(word: string): number {
  return FIRST_LETTER.exec(word)?.index ?? -1
}

/** Index of the last UTF-16 unit of the last letter. */
function lastLetter(word: string): number {
  const match = LAST_LETTER.exec(word)
  return match === null ? -1 : match.index + match[0].length - 1
}

function countLetters(text: string): number {
  return text.match(COUNTED_LETTER)?.length ?? 0
}

function capitalsAllowed(core: string, rule: HyphenationRules['capitalised']): boolean {
  if (rule === 'all' || !CAPITAL.test(core)) return true
  return rule === 'initial' && !CAPITAL.test(core.slice(1))
}
