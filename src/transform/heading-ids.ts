import GithubSlugger from 'github-slugger'
import type { Diagnostics } from '../diagnostics.js'
import type { Block, Chapter, Inline, Place } from '../model/book.js'
import { inlineText } from '../model/text.js'
import { blockInlines, forEachBlock } from '../model/walk.js'

/**
 * Give every heading its id, the way GitHub does, so that the links a writer
 * tested on GitHub land on the same heading here: the slug of the heading's
 * text as written (`github-slugger`, the reference for GitHub's rules), made
 * unique within its source file with `-1`, `-2`… on repeats, in document
 * order (the chapter's text, then its notes). An id written in the
 * manuscript wins: `{#id}` after a heading, and raw `<a id>` / `<a name>`
 * anchors; a slug that would take one of those moves on to its next variant.
 *
 * Ids are unique per source file, not per book: `#options` means the one in
 * this file, `other.md#options` the one in that file (see `resolve-links.ts`).
 * A written id that repeats one already written in the file is dropped, with
 * a warning: a link could only ever reach the first.
 */
export function assignHeadingIds(chapters: readonly Chapter[], diag: Diagnostics): void {
  const bySource = new Map<string, Chapter[]>()
  for (const chapter of chapters) {
    const group = bySource.get(chapter.source) ?? []
    group.push(chapter)
    bySource.set(chapter.source, group)
  }
  for (const group of bySource.values()) assignInFile(group, diag)
}

function assignInFile(chapters: readonly Chapter[], diag: Diagnostics): void {
  const blockLists = chapters.flatMap((chapter) => [chapter.blocks, ...chapter.notes.map((note) => note.blocks)])
  const written = new Set<string>()
  const claim = (id: string, place: Place | undefined): boolean => {
    if (!written.has(id)) {
      written.add(id)
      return true
    }
    diag.warn(`the id \`${id}\` is already used in this file: this one is dropped, links lead to the first`, place, 'duplicate-id')
    return false
  }
  // First what the writer wrote, in document order: explicit heading ids and anchors.
  for (const blocks of blockLists) {
    forEachBlock(blocks, (block) => {
      if (block.anchors) block.anchors = block.anchors.filter((id) => claim(id, block.place))
      if (block.type === 'heading' && block.explicitId) {
        if (!claim(block.id, block.place)) {
          block.id = ''
          delete block.explicitId
        }
      }
      for (const inlines of blockInlines(block)) dropRepeatedAnchors(inlines, block, claim)
    })
  }
  // Then the slugs, skipping what was written.
  const slugger = new GithubSlugger()
  for (const blocks of blockLists) {
    forEachBlock(blocks, (block) => {
      if (block.type !== 'heading' || block.explicitId) return
      const text = block.slugText ?? inlineText(block.children)
      let id = slugger.slug(text)
      while (id === '' || written.has(id)) id = id === '' ? slugger.slug('section') : slugger.slug(text)
      block.id = id
    })
  }
}

/** Anchors in a line of text whose id is taken already are removed (they are empty: no word goes with them). */
function dropRepeatedAnchors(inlines: Inline[], block: Block, claim: (id: string, place: Place | undefined) => boolean): void {
  const kept = inlines.filter((inline) => inline.type !== 'anchor' || claim(inline.id, inline.place ?? block.place))
  inlines.splice(0, inlines.length, ...kept)
  for (const inline of inlines) if ('children' in inline) dropRepeatedAnchors(inline.children, block, claim)
}
