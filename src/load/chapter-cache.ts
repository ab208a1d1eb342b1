import { statSync } from 'node:fs'
import type { CacheStore } from '../cache/store.js'
import type { Diagnostics, Said } from '../diagnostics.js'
import type { AssetRegistry, ImageCall } from './assets.js'

/** What converting a chapter file said and resolved, in order: what a cached conversion must say and resolve again. */
type Event = { kind: 'said'; said: Said } | { kind: 'image'; call: ImageCall }

interface Entry<T> {
  value: T
  events: Event[]
  /** The image files the conversion read, as they were: a change to one makes the entry stale. */
  images: Array<{ path: string; size: number; mtimeMs: number }>
}

/**
 * A chapter file's conversion (parse, smart punctuation, model), kept under
 * `key` — a hash of the file's text and of everything else it depends on —
 * and given back without parsing again while the key and the images it read
 * are unchanged. Its warnings are given again, in their order, and its
 * images resolved again, so the book's messages and assets are those of a
 * fresh conversion. A conversion that fails is never kept.
 */
export async function convertCached<T>(
  cache: CacheStore | undefined,
  key: string,
  diag: Diagnostics,
  assets: AssetRegistry,
  convert: () => Promise<T>,
): Promise<T> {
  const kept = cache?.get<Entry<T>>('chapters', key)
  if (kept && kept.images.every(unchanged)) {
    for (const event of kept.events) {
      if (event.kind === 'said') diag.warn(event.said.reason, event.said.where, event.said.ruleId)
      else assets.resolve(event.call.url, event.call.chapterPath, event.call.place, event.call.noun)
    }
    return kept.value
  }
  const events: Event[] = []
  const images: Entry<T>['images'] = []
  const stopSaying = diag.listen((said) => events.push({ kind: 'said', said }))
  const stopResolving = assets.listen((call, asset) => {
    events.push({ kind: 'image', call })
    if (asset) images.push({ path: asset.path, ...stamp(asset.path) })
  })
  try {
    const value = await convert()
    // A conversion that found a fault is never kept, as one that failed is not.
    const faulty = events.some((event) => event.kind === 'said' && event.said.fatal)
    // Each file is read once a build: a one-off build's store has no use for it.
    if (!faulty && cache?.oneOff === false) cache.set('chapters', key, { value, events, images } satisfies Entry<T>)
    return value
  } finally {
    stopSaying()
    stopResolving()
  }
}

function stamp(file: string): { size: number; mtimeMs: number } {
  const stats = statSync(file)
  return { size: stats.size, mtimeMs: stats.mtimeMs }
}

function unchanged(image: Entry<unknown>['images'][number]): boolean {
  try {
    const now = stamp(image.path)
    return now.size === image.size && now.mtimeMs === image.mtimeMs
  } catch {
    return false
  }
}
