import path from 'node:path'
import type { State } from './state.js'

/** Schemes a reader may follow out of the book. */
const externalSchemes = new Set(['http', 'https', 'mailto', 'ftp', 'tel'])

/**
 * Where a link of the manuscript points inside the EPUB: `#id` to a heading or
 * note (in whichever chapter file holds it), `other.md#id` to another chapter,
 * or a web address. Anything else would be a broken link, which EPUBCheck
 * rejects: it is reported and the link dropped (its text stays).
 */
export function resolveHref(state: State, url: string): string | undefined {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase()
  if (scheme !== undefined) {
    if (externalSchemes.has(scheme)) return url
    state.diag.warn(`link to a \`${scheme}:\` URL dropped; its text is kept`, state.place, 'link')
    return undefined
  }

  const hash = url.indexOf('#')
  const pathPart = hash === -1 ? url : url.slice(0, hash)
  const fragment = hash === -1 ? '' : decode(url.slice(hash + 1))

  let file = state.file
  if (pathPart !== '') {
    const found = state.source === undefined ? undefined : state.plan.sourceFiles.get(path.resolve(path.dirname(state.source), decode(pathPart)))
    if (found === undefined) {
      state.diag.warn(`link to \`${url}\` dropped: it is not a chapter of this book; its text is kept`, state.place, 'link')
      return undefined
    }
    file = found
    if (fragment === '') return file
  }

  if (fragment === '') {
    state.diag.warn('empty link target dropped; its text is kept', state.place, 'link')
    return undefined
  }
  const target = state.plan.targets.get(fragment)
  if (target === undefined) {
    state.diag.warn(`link to \`#${fragment}\` dropped: no heading or note has that id; its text is kept`, state.place, 'link')
    return undefined
  }
  return target === state.file ? `#${fragment}` : `${target}#${fragment}`
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
