import path from 'node:path'
import { normalizeUri } from 'micromark-util-sanitize-uri'
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
    if (!externalSchemes.has(scheme)) {
      state.diag.warn(`link to a \`${scheme}:\` URL dropped; its text is kept`, state.place, 'link')
      return undefined
    }
    const href = externalHref(url, scheme)
    if (href === undefined) state.diag.warn(`link to \`${url}\` dropped: its address names no valid host; its text is kept`, state.place, 'link')
    return href
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

/**
 * A web or mail address as a valid URI: written as it stands when it is one;
 * otherwise characters a URI cannot hold are percent-encoded (as CommonMark's
 * reference renderer does) and an international host name is given in its
 * ASCII form. An address whose host cannot be a host (`https://../`) has no
 * valid form: `undefined`.
 */
export function externalHref(url: string, scheme: string): string | undefined {
  const valid = uriCharacters.test(url) && !/%(?![0-9A-Fa-f]{2})/.test(url)
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'ftp') return valid ? url : normalizeUri(url)
  const match = /^([A-Za-z][A-Za-z0-9+.-]*:)\/\/([^/?#\\]*)(.*)$/s.exec(url)
  if (!match) return valid ? url : normalizeUri(url)
  const [, prefix, authority, written] = match as unknown as [string, string, string, string]
  // A path must start with a slash: `www.example.com\_` percent-encoded as it
  // stands would run its backslash on into the host.
  const rest = /^[^/?#]/.test(written) ? `/${written}` : written
  let parsed: URL
  try {
    parsed = new URL(`${prefix}//${authority}`)
  } catch {
    return undefined
  }
  if (!isHostName(parsed.hostname)) return undefined
  if (valid && !/[^\x21-\x7e]/.test(authority)) return url
  const user = parsed.username === '' ? '' : `${parsed.username}${parsed.password === '' ? '' : `:${parsed.password}`}@`
  return `${prefix}//${user}${parsed.host}${normalizeUri(rest)}`
}

/** The characters RFC 3986 allows in a URI outside a host (brackets only belong around an IPv6 host). */
const uriCharacters = /^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]*$/

/** A DNS name (ASCII, as the URL parser gives it) or an IP address. */
function isHostName(host: string): boolean {
  if (host.startsWith('[')) return true
  const labels = host.replace(/\.$/, '').split('.')
  return labels.every((label) => /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/.test(label))
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
