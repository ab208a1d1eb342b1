import type { Block, Chapter, Inline, Text } from '../model/book.js'
import { inlineText } from '../model/text.js'
import { blockInlines, forEachBlock, inlineChildren } from '../model/walk.js'

/**
 * The language of every run of text that is not the book's (EPUB
 * Accessibility and WCAG 3.1.2 ask for it on each change of language): a run
 * whose language the manuscript declares (raw HTML's `lang`) keeps it, and a
 * run in a script the book's language is not written in is told by its
 * script. Where a script belongs to one language the run gets that
 * language (Hangul `ko`, kana `ja`, Greek `el`, Thai `th`…); Arabic, Hebrew
 * and Chinese characters get the language most written in them (`ar`, `he`,
 * `zh`; Chinese characters next to kana are Japanese, `ja`, and so is a
 * heading over Japanese text); a script that
 * many languages share tells only the script, so the run is tagged with an
 * undetermined language in that script (`und-Cyrl`, `und-Latn`,
 * `und-Deva`): a screen reader then picks a voice for the script and does not
 * read Russian as Ukrainian or the reverse on a guess.
 *
 * Text nodes are cut where the language changes. Characters of no script
 * (spaces, digits, punctuation) between two runs of one language belong to
 * the run; elsewhere to the book's language, except the punctuation that
 * ends a run (`다.`).
 */
export function markLanguages(chapters: readonly Chapter[], bookLang: string): void {
  const book = bookScripts(bookLang)
  for (const chapter of chapters) {
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      const ordered: Block[] = []
      forEachBlock(blocks, (block) => ordered.push(block))
      ordered.forEach((block, index) => {
        // Asked only of a heading in Chinese characters (the search looks at the blocks after it).
        const japanese = block.type === 'heading' && han.test(inlineText(block.children)) && headsJapanese(ordered, index)
        for (const list of blockInlines(block)) markInlines(list, book, bookLang, japanese)
      })
    }
  }
}

const han = /\p{Script=Han}/u

/**
 * Whether a heading stands over Japanese: Chinese characters alone tell
 * Chinese from Japanese no more than the heading `日本語` does, so a heading
 * takes the language of the text it heads, when that has kana.
 */
function headsJapanese(blocks: readonly Block[], index: number): boolean {
  for (const block of blocks.slice(index + 1)) {
    if (block.type === 'heading') continue
    const text = blockInlines(block).map(inlineText).join('')
    if (kana.test(text)) return true
    if (han.test(text)) return false
  }
  return false
}

interface BookScripts {
  scripts: ReadonlySet<string>
  primary: string
  /** A character of none of the book's scripts (nor of none at all): text without one is the book's language through. */
  foreign: RegExp
}

/** `japanese`: Chinese characters with no kana near them are Japanese (see `headsJapanese`). */
function markInlines(list: Inline[], book: BookScripts, bookLang: string, japanese: boolean): void {
  for (let index = 0; index < list.length; index++) {
    const node = list[index]!
    if (node.type !== 'text') {
      const children = inlineChildren(node)
      if (children.length > 0) markInlines(children as Inline[], book, bookLang, japanese)
      continue
    }
    if (node.lang !== undefined) {
      // Declared as the book's language: nothing to say.
      if (node.lang.toLowerCase() === bookLang.toLowerCase()) delete node.lang
      continue
    }
    // Most text is in the book's scripts: found so with one test, not a test per character.
    if (!book.foreign.test(node.value)) continue
    const runs = languageRuns(node.value, book, japanese)
    if (runs.length === 1 && runs[0]!.lang === undefined) continue
    const replacement: Text[] = runs.map((run) => (run.lang === undefined ? { type: 'text', value: run.text } : { type: 'text', value: run.text, lang: run.lang }))
    list.splice(index, 1, ...replacement)
    index += replacement.length - 1
  }
}

/** Scripts and the language that owns each alone (the others are shared by many languages). */
const scriptLanguages: ReadonlyArray<[script: string, code: string, lang?: string]> = [
  ['Latin', 'Latn'],
  ['Hangul', 'Hang', 'ko'],
  ['Hiragana', 'Hira', 'ja'],
  ['Katakana', 'Kana', 'ja'],
  ['Han', 'Hani', 'zh'],
  ['Bopomofo', 'Bopo', 'zh'],
  ['Arabic', 'Arab', 'ar'],
  ['Hebrew', 'Hebr', 'he'],
  ['Greek', 'Grek', 'el'],
  ['Thai', 'Thai', 'th'],
  ['Armenian', 'Armn', 'hy'],
  ['Georgian', 'Geor', 'ka'],
  ['Khmer', 'Khmr', 'km'],
  ['Lao', 'Laoo', 'lo'],
  ['Sinhala', 'Sinh', 'si'],
  ['Cyrillic', 'Cyrl'],
  ['Devanagari', 'Deva'],
  ['Bengali', 'Beng'],
  ['Tamil', 'Taml', 'ta'],
  ['Telugu', 'Telu', 'te'],
  ['Kannada', 'Knda', 'kn'],
  ['Malayalam', 'Mlym', 'ml'],
  ['Gujarati', 'Gujr', 'gu'],
  ['Gurmukhi', 'Guru', 'pa'],
  ['Ethiopic', 'Ethi'],
  ['Tibetan', 'Tibt'],
  ['Myanmar', 'Mymr'],
  ['Syriac', 'Syrc'],
  ['Thaana', 'Thaa', 'dv'],
]
const scriptPatterns = scriptLanguages.map(([script]) => new RegExp(`\\p{Script=${script}}`, 'u'))
const scriptByCode = new Map(scriptLanguages.map(([script, code]) => [code.toLowerCase(), script]))

/** The scripts a language is written in, by its primary subtag (Latin for those not listed). */
const languageScripts: Readonly<Record<string, readonly string[]>> = {
  ko: ['Hangul', 'Han'],
  ja: ['Hiragana', 'Katakana', 'Han'],
  zh: ['Han', 'Bopomofo'],
  ar: ['Arabic'],
  fa: ['Arabic'],
  ur: ['Arabic'],
  ps: ['Arabic'],
  he: ['Hebrew'],
  yi: ['Hebrew'],
  el: ['Greek'],
  ru: ['Cyrillic'],
  uk: ['Cyrillic'],
  be: ['Cyrillic'],
  bg: ['Cyrillic'],
  mk: ['Cyrillic'],
  sr: ['Cyrillic', 'Latin'],
  kk: ['Cyrillic'],
  ky: ['Cyrillic'],
  mn: ['Cyrillic'],
  tg: ['Cyrillic'],
  hi: ['Devanagari'],
  mr: ['Devanagari'],
  ne: ['Devanagari'],
  sa: ['Devanagari'],
  bn: ['Bengali'],
  th: ['Thai'],
  hy: ['Armenian'],
  ka: ['Georgian'],
  km: ['Khmer'],
  lo: ['Lao'],
  si: ['Sinhala'],
  ta: ['Tamil'],
  te: ['Telugu'],
  kn: ['Kannada'],
  ml: ['Malayalam'],
  gu: ['Gujarati'],
  pa: ['Gurmukhi'],
  am: ['Ethiopic'],
  ti: ['Ethiopic'],
  bo: ['Tibetan'],
  my: ['Myanmar'],
  syr: ['Syriac'],
  dv: ['Thaana'],
}

/** The scripts of the book's language: its script subtag's when it has one (`sr-Latn`), else those its language is written in. */
function bookScripts(lang: string): BookScripts {
  const subtags = lang.toLowerCase().split('-')
  const primary = subtags[0] ?? 'und'
  const script = subtags.slice(1).find((subtag) => subtag.length === 4 && scriptByCode.has(subtag))
  const scripts = script !== undefined ? [scriptByCode.get(script)!] : languageScripts[primary] ?? ['Latin']
  const own = [...scripts, 'Common', 'Inherited'].map((name) => `\\p{Script=${name}}`).join('')
  return { scripts: new Set(scripts), primary, foreign: new RegExp(`[^${own}]`, 'u') }
}

/** A character's script among those listed, or `undefined` for characters of none (spaces, digits, punctuation, marks). */
function scriptOf(char: string): number | undefined {
  const index = scriptPatterns.findIndex((pattern) => pattern.test(char))
  return index < 0 ? undefined : index
}

const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u

/**
 * The text cut into runs of one language: `undefined` for the book's, else a
 * BCP 47 tag.
 */
function languageRuns(text: string, book: BookScripts, japanese: boolean): Array<{ text: string; lang: string | undefined }> {
  const chars = Array.from(text)
  // The language of each character of a script; `null` for the book's, `undefined` for characters of none.
  const langs = chars.map((char, at): string | null | undefined => {
    const index = scriptOf(char)
    if (index === undefined) return undefined
    const [script, code, lang] = scriptLanguages[index]!
    if (book.scripts.has(script)) return null
    if (script === 'Han' && (japanese || stretchHasKana(chars, at))) return book.primary === 'ja' ? null : 'ja'
    const tag = lang ?? `und-${code}`
    return tag.split('-')[0] === book.primary ? null : tag
  })
  const runs: Array<{ text: string; lang: string | undefined }> = []
  const push = (piece: string, lang: string | undefined): void => {
    const last = runs.at(-1)
    if (last && last.lang === lang) last.text += piece
    else runs.push({ text: piece, lang })
  }
  let at = 0
  while (at < chars.length) {
    const lang = langs[at]
    if (lang !== undefined) {
      push(chars[at]!, lang ?? undefined)
      at++
      continue
    }
    // A stretch of characters of no script: with the runs on both sides when they are of one language.
    let end = at
    while (end < chars.length && langs[end] === undefined) end++
    const before = at > 0 ? langs[at - 1] : null
    const after = end < chars.length ? langs[end] : undefined
    const stretch = chars.slice(at, end).join('')
    if (before !== null && before !== undefined && (after === before || (after === undefined && !/\s/u.test(stretch)))) push(stretch, before)
    else if (before !== null && before !== undefined && after !== before) {
      // The punctuation that ends the foreign run stays with it; the space after goes to the book's language.
      const closing = /^[^\s]*/u.exec(stretch)![0]
      if (closing !== '') push(closing, before)
      push(stretch.slice(closing.length), undefined)
    } else push(stretch, undefined)
    at = end
  }
  return runs.filter((run) => run.text !== '')
}

/** Whether the Chinese character at `at` stands among kana, with no space between: Japanese. */
function stretchHasKana(chars: readonly string[], at: number): boolean {
  for (let index = at; index >= 0 && !/\s/u.test(chars[index]!); index--) if (kana.test(chars[index]!)) return true
  for (let index = at; index < chars.length && !/\s/u.test(chars[index]!); index++) if (kana.test(chars[index]!)) return true
  return false
}
