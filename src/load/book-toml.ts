import type { Diagnostics } from '../diagnostics.js'
import { toml } from '../lazy.js'
import type { Place } from '../model/book.js'
import type { PressName } from '../model/book.js'
import { pressNames } from '../press/profiles.js'
import type { PageName } from '../theme/index.js'
import { pageNames } from '../theme/names.js'
import { isLanguageTag, type FrontMatter } from './front-matter.js'

/** What Octavo reads of mdBook's `book.toml`: the `[book]` table. */
export interface BookToml {
  /** `title`, `authors`, `description` and `language` (as `lang`), with where each stands. */
  matter: FrontMatter
  /** The source folder, relative to the book's folder (`[book] src`, `src` when not given). */
  src: string
  /** Where `src` is written, or the file's first line. */
  srcPlace: Place
}

/** Keys of `[book]` that mdBook knows and that say nothing to a printed book: read without a word. */
const MDBOOK_ONLY = new Set(['multilingual', 'text-direction'])

/**
 * Read `book.toml`'s `[book]` table. A TOML syntax error, or a key of the
 * wrong type, fails at file:line:column; the other tables (`[output.*]`,
 * `[preprocessor.*]`, `[rust]`…) configure mdBook's own renderers and are
 * not read.
 */
export function parseBookToml(text: string, file: string, diag: Diagnostics): BookToml {
  // The TOML parser is loaded for mdBook's books only (see `lazy.ts`).
  const { parse, TomlError } = toml()
  let document: Record<string, unknown>
  try {
    document = parse(text) as Record<string, unknown>
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document:\s*/, '')
      diag.fail(`invalid TOML: ${reason}`, { file, line: error.line, column: error.column }, 'book-toml')
    }
    throw error
  }
  const places = bookKeyPlaces(text, file)
  const start: Place = { file, line: 1, column: 1 }
  const placeOf = (key: string): Place => places.get(key) ?? start
  const matter: FrontMatter = { keyPlaces: new Map() }
  const result: BookToml = { matter, src: 'src', srcPlace: start }
  const book = document.book
  if (book === undefined) return result
  if (!isTable(book)) diag.fail('`book` must be a table: `[book]`', placeOf('book'), 'book-toml')

  const stringValue = (key: string): string | undefined => {
    const value = book[key]
    if (value === undefined) return undefined
    if (typeof value !== 'string') diag.fail(`\`${key}\` in [book] must be a string`, placeOf(key), 'book-toml')
    const trimmed = value.trim()
    if (trimmed === '') diag.warn(`\`${key}\` in [book] is empty: ignored`, placeOf(key), 'book-toml')
    return trimmed === '' ? undefined : trimmed
  }

  for (const key of Object.keys(book)) {
    if (['title', 'authors', 'description', 'language', 'src', 'theme', 'page', 'toc', 'press'].includes(key) || MDBOOK_ONLY.has(key)) continue
    diag.warn(`unknown key \`${key}\` in [book]: ignored`, placeOf(key), 'book-toml')
  }
  const title = stringValue('title')
  if (title !== undefined) set('title', title, 'title')
  const description = stringValue('description')
  if (description !== undefined) set('description', description, 'description')
  const language = stringValue('language')
  if (language !== undefined) {
    if (!isLanguageTag(language)) {
      diag.fail(`\`language\` must be a BCP 47 language tag such as \`en\` or \`en-GB\`, not \`${language}\``, placeOf('language'), 'book-toml')
    }
    set('lang', language, 'language')
  }
  const authors = book.authors
  if (authors !== undefined) {
    const list = typeof authors === 'string' ? [authors] : authors
    if (!Array.isArray(list) || !list.every((author) => typeof author === 'string')) {
      diag.fail('`authors` in [book] must be a list of names', placeOf('authors'), 'book-toml')
    }
    const names = (list as string[]).map((name) => name.trim()).filter((name) => name !== '')
    if (names.length > 0) {
      matter.authors = names
      matter.keyPlaces.set('author', placeOf('authors'))
    }
  }
  // How Octavo sets the book and for which printer, as `book.yaml` says it: mdBook reads no such keys.
  const theme = stringValue('theme')
  if (theme !== undefined) {
    matter.theme = theme
    matter.keyPlaces.set('theme', placeOf('theme'))
  }
  const page = stringValue('page')
  if (page !== undefined) {
    if (!(pageNames as readonly string[]).includes(page)) diag.fail(`\`page\` in [book] must be one of ${pageNames.join(', ')}, not \`${page}\``, placeOf('page'), 'book-toml')
    matter.page = page as PageName
    matter.keyPlaces.set('page', placeOf('page'))
  }
  const toc = book.toc
  if (toc !== undefined) {
    if (toc === false) diag.warn('`toc = false`: both editions keep their contents (an EPUB must have them); ignored', placeOf('toc'), 'book-toml')
    else if (toc === true || (typeof toc === 'number' && Number.isInteger(toc) && toc >= 1 && toc <= 6)) {
      matter.toc = toc
      matter.keyPlaces.set('toc', placeOf('toc'))
    } else diag.fail('`toc` in [book] must be true or the depth of the contents, from 1 to 6', placeOf('toc'), 'book-toml')
  }
  const press = stringValue('press')
  if (press !== undefined) {
    if (!(pressNames as readonly string[]).includes(press)) diag.fail(`\`press\` in [book] must be one of ${pressNames.join(', ')}, not \`${press}\``, placeOf('press'), 'book-toml')
    matter.press = press as PressName
    matter.keyPlaces.set('press', placeOf('press'))
  }
  const src = stringValue('src')
  if (src !== undefined) {
    result.src = src
    result.srcPlace = placeOf('src')
  }
  return result

  function set(key: 'title' | 'description' | 'lang', value: string, tomlKey: string): void {
    matter[key] = value
    matter.keyPlaces.set(key, placeOf(tomlKey))
  }
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/**
 * Where each key of the `[book]` table is written (`key = …` under
 * `[book]`, or `book.key = …` before any table), for messages about its
 * value: smol-toml gives values, not places.
 */
function bookKeyPlaces(text: string, file: string): Map<string, Place> {
  const places = new Map<string, Place>()
  let table: string | undefined
  text.split(/\r?\n/).forEach((line, index) => {
    const header = /^\s*\[\s*([^\]]*?)\s*\]/.exec(line)
    if (header) {
      table = header[1]!.replace(/\s+/g, '').replace(/"/g, '')
      if (table === 'book' && !places.has('book')) places.set('book', { file, line: index + 1, column: line.indexOf('[') + 1 })
      return
    }
    const key = /^(\s*)((?:book\s*\.\s*)?)([A-Za-z0-9_-]+)\s*=/.exec(line)
    if (!key) return
    const inBook = table === 'book' ? key[2] === '' : table === undefined && key[2] !== ''
    if (inBook && !places.has(key[3]!)) places.set(key[3]!, { file, line: index + 1, column: key[1]!.length + 1 })
  })
  return places
}
