import type { Diagnostics } from '../diagnostics.js'
import type { AssetRegistry } from './assets.js'
import type { FrontMatter } from './front-matter.js'

/**
 * The asset id of the cover image the front matter names (`cover:`), by the
 * rules of every other image: a local file inside the manuscript's folder,
 * relative to the file that names it (`relativeTo`); a missing file fails with
 * the line, a path outside the folder fails before anything is read. A
 * remote URL is never fetched: it is ignored with a warning, and the EPUB
 * makes its cover from the title.
 */
export function resolveCover(frontMatter: FrontMatter, relativeTo: string, assets: AssetRegistry, diag: Diagnostics): string | undefined {
  const url = frontMatter.cover
  if (url === undefined) return undefined
  const place = frontMatter.keyPlaces.get('cover') ?? { file: relativeTo, line: 1, column: 1 }
  const resolution = assets.resolve(url, relativeTo, place, 'cover image')
  if (resolution.kind === 'asset') return resolution.id
  if (resolution.kind === 'refused') return undefined
  diag.warn(`cover image ${url} is not a local file: ignored (Octavo never downloads); the cover is made from the title`, place, 'cover')
  return undefined
}
