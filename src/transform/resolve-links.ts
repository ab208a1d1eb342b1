import path from 'node:path'
import type { Diagnostics } from '../diagnostics.js'
import type { Chapter, Inline, LinkTarget, Place } from '../model/book.js'
import { blockInlines, chapterIds, forEachBlock } from '../model/walk.js'
import { decode, externalHref } from './web-address.js'

/** Schemes a reader may follow out of the book, in either edition. */
const webSchemes = new Set(['http', 'https', 'mailto', 'ftp', 'tel'])

/**
 * Resolve every link of the book once, for both editions, the way the file
 * system and GitHub read them: `#x` is the id `x` in the link's own source
 * file; `file.md#x`, `./file.md`, `../dir/file.md`, `/docs/file.md` (from the
 * book's folder) name another file of the book, and the id in it, or its
 * start. A folder means its `README.md` or `index.md`, and `file.html` or
 * `file` the chapter `file.md`, as GitHub and mdBook serve them. Web
 * addresses are given their valid form.
 *
 * A link whose target is not in the book (a missing id, a file that is not a
 * chapter such as `../LICENSE` or an image, an address with no valid form)
 * becomes its text, with one warning at the link giving the target as
 * written: both editions then agree, and neither holds a dead link.
 */
export function resolveLinks(chapters: readonly Chapter[], root: string, diag: Diagnostics): void {
  const files = indexTargets(chapters)
  for (const chapter of chapters) {
    const from = path.resolve(chapter.source)
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      forEachBlock(blocks, (block) => {
        for (const inlines of blockInlines(block)) resolveIn(inlines, (url, place) => resolve(url, from, root, files, diag, place ?? block.place))
      })
    }
  }
}

/** The ids of one source file, and the chapter each stands in. */
interface FileTargets {
  /** The chapter the file opens with: where a link to the file leads. */
  first: string
  ids: Map<string, string>
  /** Ids by their lower-case form, for a fragment written in another case. */
  folded: Map<string, string>
}

function indexTargets(chapters: readonly Chapter[]): Map<string, FileTargets> {
  const files = new Map<string, FileTargets>()
  for (const chapter of chapters) {
    const source = path.resolve(chapter.source)
    let file = files.get(source)
    if (!file) {
      file = { first: chapter.id, ids: new Map(), folded: new Map() }
      files.set(source, file)
    }
    const add = (id: string): void => {
      if (file!.ids.has(id)) return
      file!.ids.set(id, chapter.id)
      if (!file!.folded.has(id.toLowerCase())) file!.folded.set(id.toLowerCase(), id)
    }
    for (const id of chapterIds(chapter)) add(id)
  }
  return files
}

/** Resolve the links in a list of inlines, replacing those that lead nowhere by their text. */
function resolveIn(inlines: Inline[], resolve: (url: string, place: Place | undefined) => LinkTarget | undefined): void {
  for (let index = 0; index < inlines.length; index++) {
    const inline = inlines[index]!
    if (!('children' in inline)) continue
    resolveIn(inline.children, resolve)
    if (inline.type !== 'link') continue
    const target = resolve(inline.url, inline.place)
    if (target) {
      inline.target = target
    } else {
      inlines.splice(index, 1, ...inline.children)
      index += inline.children.length - 1
    }
  }
  // A link taken out leaves its text beside the text around it: one run, as the parser gives it.
  for (let index = inlines.length - 1; index > 0; index--) {
    const [before, after] = [inlines[index - 1]!, inlines[index]!]
    if (before.type === 'text' && after.type === 'text' && before.lang === after.lang) {
      inlines[index - 1] = { ...before, value: before.value + after.value }
      inlines.splice(index, 1)
    }
  }
}

function resolve(url: string, from: string, root: string, files: ReadonlyMap<string, FileTargets>, diag: Diagnostics, place: Place | undefined): LinkTarget | undefined {
  const written = url.trim()
  const drop = (why: string): undefined => {
    diag.warn(`link to \`${url}\` dropped: ${why}; its text is kept`, place, 'link')
    return undefined
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(written)?.[1]?.toLowerCase()
  if (scheme !== undefined || written.startsWith('//')) {
    const address = scheme === undefined ? `https:${written}` : written
    if (!webSchemes.has(scheme ?? 'https')) return drop(`a reader cannot follow a \`${scheme}:\` address`)
    const href = externalHref(address, scheme ?? 'https')
    return href === undefined ? drop('its address names no valid host') : { kind: 'web', url: href }
  }
  if (written === '' || written === '#') return drop('it names no target')

  const hash = written.indexOf('#')
  const pathPart = (hash === -1 ? written : written.slice(0, hash)).replace(/\?.*$/, '')
  const fragment = hash === -1 ? '' : decode(written.slice(hash + 1))
  let file: FileTargets | undefined
  let fileName = path.basename(from)
  if (pathPart === '') {
    file = files.get(from)
  } else {
    const decoded = decode(pathPart)
    const base = decoded.startsWith('/') ? path.join(root, decoded) : path.resolve(path.dirname(from), decoded)
    file = candidates(base, decoded).map((candidate) => files.get(candidate)).find((found) => found !== undefined)
    fileName = pathPart
    if (!file) return drop(`\`${pathPart}\` is not a chapter of this book`)
  }
  if (!file) return drop('its file is not a chapter of this book')
  if (fragment === '') return { kind: 'internal', chapter: file.first }
  const id = lookUp(file, fragment)
  if (id === undefined) return drop(`no heading or anchor in ${fileName} has the id \`${fragment}\``)
  return { kind: 'internal', chapter: file.ids.get(id)!, id }
}

/**
 * The id a fragment names in a file: as written, then in another case, then
 * with a repeat's number written `_1` rather than GitHub's `-1` (as the
 * Node.js documentation's own tools number repeats).
 */
function lookUp(file: FileTargets, fragment: string): string | undefined {
  const found = (candidate: string): string | undefined => (file.ids.has(candidate) ? candidate : file.folded.get(candidate.toLowerCase()))
  const repeat = /^(.+)_(\d+)$/.exec(fragment)
  return found(fragment) ?? (repeat ? found(`${repeat[1]}-${repeat[2]}`) : undefined)
}

/** The chapter files a path may mean: itself, a folder's README.md or index.md, `x.html` or `x` for `x.md`. */
function candidates(absolute: string, written: string): string[] {
  const list = [absolute]
  if (written.endsWith('/') || !/\.[^/.]+$/.test(written)) list.push(path.join(absolute, 'README.md'), path.join(absolute, 'index.md'), `${absolute}.md`)
  if (/\.html?$/i.test(absolute)) list.push(absolute.replace(/\.html?$/i, '.md'))
  return list
}

