/**
 * A part composed and paginated, its pages not yet numbered, with what
 * setting it said: the same whether it is set in the build's thread or on
 * another (see `layout-worker.ts`).
 */
import type { Diagnostics, Said } from '../diagnostics.js'
import type { Part } from './compose/index.js'
import type { PartLayout } from './layout-cache.js'
import { paginate, type PageParams } from './paginate/index.js'
import { footnoteMetrics, resolveStyle, type PageGeometry, type Theme } from '../theme/index.js'

/** What pagination reads of the theme and the page: the text block's depth, and the body's leading. */
export function pageParams(theme: Theme, geometry: PageGeometry): PageParams {
  const body = resolveStyle(theme, 'body')
  return { depth: geometry.depth, noteSeparator: footnoteMetrics(theme, geometry.measure).space, leading: body.leading }
}

export function setPart(compose: () => Part, params: PageParams, diag: Diagnostics): PartLayout {
  const said: Said[] = []
  const stop = diag.listen((message) => said.push(message))
  try {
    const { flow, ...part } = compose()
    const opening = flow.items[0]
    const pages = paginate(flow, params)
    return { ...part, structs: flow.structs, pages, recto: opening?.kind === 'break' && opening.recto, chapter: opening?.kind === 'break' ? opening.chapter : null, said }
  } finally {
    stop()
  }
}
