/**
 * Chapters' laid-out pages kept between builds (see `cache/store.ts`). A
 * chapter's layout depends on the chapter, the theme, the page, and the few
 * facts of the book it reads (its number and depth, whether the book is an
 * article, the title block's metadata, the language, the pictures' files):
 * the key is a hash of all of them, so a rebuild after an edit sets again
 * only the chapters the edit reaches.
 */
import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'
import { RecentValues } from '../cache/recent.js'
import type { CacheStore } from '../cache/store.js'
import { cacheKey } from '../cache/store.js'
import type { Said } from '../diagnostics.js'
import type { Book } from '../model/book.js'
import type { PageName, Theme } from '../theme/index.js'
import type { Part } from './compose/index.js'
import { isArticle } from './compose/index.js'
import type { StructNode } from './flow.js'
import type { Page } from './paginate/index.js'

/** A part set and paginated, its pages not yet numbered: what a chapter's entry holds. */
export interface PartLayout extends Omit<Part, 'flow'> {
  pages: Page[]
  /** The part's structure nodes, numbered within it (see `Composer.structs`). */
  structs: StructNode[]
  /** Whether the part opens on a right-hand page, and the chapter its opening break names (for a blank page before it). */
  recto: boolean
  chapter: number | null
  /** What setting it said, in order: a kept layout says it again. */
  said: Said[]
}

const kind = 'layout'

/**
 * What every chapter's key shares: whether the book is an article, the
 * metadata the title block prints, the theme, the page and the pictures'
 * files. Made once a build, not once a chapter: a picture is looked at once.
 */
export function bookLayoutKey(book: Book, theme: Theme, page: PageName): string {
  const { title, subtitle, authors, lang } = book.metadata
  return cacheKey(
    isArticle(book),
    hash({ title, subtitle, authors, lang }),
    hash(theme),
    page,
    hash(book.assets.map((asset) => ({ ...asset, file: fileStamp(asset.path) }))),
  )
}

/** The key of chapter `index`'s layout, at `depth` in the outline and numbered `number`, in the book `bookKey` stands for. */
export function chapterLayoutKey(bookKey: string, book: Book, index: number, depth: number, number: string | undefined): string {
  return cacheKey(bookKey, hash(book.chapters[index]), index, depth, number)
}

/**
 * Layouts kept as objects for a store that serves rebuilds (see
 * `StoreOptions.rebuilds`): reading a long book's layouts back from their
 * bytes was the largest part of laying out a rebuild. Some thousands of
 * pages at most (a page takes some 80 kB so), those used longest ago let go
 * first. They are frozen: a build reads a layout and numbers copies of its
 * pages (see `PrintLayout.place`), and one that changed a kept layout would
 * fail at once rather than set the next build wrong.
 */
const livePages = 6000
const live = new WeakMap<CacheStore, RecentValues<PartLayout>>()

function liveLayouts(cache: CacheStore): RecentValues<PartLayout> | undefined {
  if (!cache.rebuilds) return undefined
  let layouts = live.get(cache)
  if (!layouts) live.set(cache, (layouts = new RecentValues<PartLayout>(livePages, (layout) => layout.pages.length)))
  return layouts
}

/**
 * A chapter's kept layout, or undefined. The store keeps entries serialized:
 * a long book's pages take far less room so than as objects (a session of
 * rebuilds keeps them as objects too, see above).
 */
export function keptLayout(cache: CacheStore, key: string): PartLayout | undefined {
  const objects = liveLayouts(cache)
  const object = objects?.get(key)
  if (object) return object
  const bytes = cache.get<Uint8Array>(kind, key)
  if (!bytes) return undefined
  let layout: PartLayout
  try {
    layout = deserialize(bytes) as PartLayout
  } catch {
    return undefined
  }
  objects?.set(key, deepFreeze(layout))
  return layout
}

export function keepLayout(cache: CacheStore, key: string, layout: PartLayout): void {
  cache.set(kind, key, new Uint8Array(serialize(layout)))
  liveLayouts(cache)?.set(key, deepFreeze(layout))
}

/** Freeze a value and all it holds (typed arrays, which cannot be frozen, aside). */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const next = stack.pop()
    if (typeof next !== 'object' || next === null || Object.isFrozen(next) || ArrayBuffer.isView(next)) continue
    Object.freeze(next)
    for (const held of next instanceof Map ? [...next.keys(), ...next.values()] : next instanceof Set ? [...next] : Object.values(next)) stack.push(held)
  }
  return value
}

/**
 * A hash of a value's content. Not of its v8 serialization: that tells how
 * strings are held in memory (one byte or two a character), and a chapter
 * read from the cache holds them otherwise than one just parsed.
 */
function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value, tagged)).digest('hex')
}

/** Maps and sets as what they hold (JSON would write them as empty objects). */
function tagged(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value] }
  if (value instanceof Set) return { set: [...value] }
  return value
}

/** A picture's size and modification time: a changed file may have another size, which the layout reads. */
function fileStamp(file: string): string {
  try {
    const stats = statSync(file)
    return `${stats.size}:${stats.mtimeMs}`
  } catch {
    return 'missing'
  }
}
