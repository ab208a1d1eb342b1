import type { Link as MdastLink, LinkReference } from 'mdast'
import type { Inline, Link } from '../../model/book.js'
import type { State } from '../state.js'

/** Schemes a reader may follow. Anything else that could run code (`javascript:`) or smuggle content (`data:`) is not a link. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'ftp', 'ftps', 'urn', 'doi', 'isbn', 'news', 'irc', 'xmpp', 'geo'])

export function link(state: State, node: MdastLink): Inline[] {
  return linkTo(state, node, node.url, node.title)
}

/** A link to `url` around `node`'s children; remote links stay links (nothing is fetched). */
export function linkTo(state: State, node: MdastLink | LinkReference, url: string, title: string | null | undefined): Inline[] {
  const children = state.inlines(node)
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trim())?.[1]?.toLowerCase()
  if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) {
    state.diag.warn(`link to a \`${scheme}:\` URL dropped; its text is kept`, state.placeOrFile(node), 'unsafe-link')
    return children
  }
  const result: Link = {
    type: 'link',
    url,
    // An empty link text would be an invisible link: show the address instead.
    children: children.length > 0 ? children : [{ type: 'text', value: url }],
  }
  if (title) result.title = title
  const place = state.place(node)
  if (place) result.place = place
  return [result]
}
