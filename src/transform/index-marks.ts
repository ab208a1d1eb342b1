import type { Diagnostics } from '../diagnostics.js'
import type { Chapter, Place } from '../model/book.js'
import { chapterIndexMarks } from '../model/index-entries.js'
import { chapterIds } from '../model/walk.js'

/**
 * Give every index mark an id, unique within the book and unlike any id the
 * manuscript gives (`index-1`, `index-2`, …), so that each edition can put a
 * link target at it; and warn of a range left open or closed without being
 * opened.
 */
export function nameIndexMarks(chapters: readonly Chapter[], diag: Diagnostics): void {
  const taken = new Set(chapters.flatMap((chapter) => chapterIds(chapter)))
  let count = 0
  const open = new Map<string, Array<Place | undefined>>()
  for (const chapter of chapters) {
    for (const mark of chapterIndexMarks(chapter)) {
      let id: string
      do {
        count += 1
        id = `index-${count}`
      } while (taken.has(id))
      mark.id = id
      const key = mark.term.join('!')
      if (mark.kind === 'rangeStart') open.set(key, [...(open.get(key) ?? []), mark.place])
      if (mark.kind === 'rangeEnd') {
        const starts = open.get(key)
        if (!starts || starts.length === 0) diag.warn(`index range of \`${key}\` ends without a start: ignored`, mark.place ?? chapter.source, 'index')
        else starts.shift()
      }
    }
  }
  for (const [key, starts] of open) {
    for (const place of starts) diag.warn(`index range of \`${key}\` starts without an end: listed at its start only`, place, 'index')
  }
}
