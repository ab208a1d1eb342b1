/**
 * A press's page: the theme's margins for the page, widened where a printer
 * asks for more — a gutter that grows with the page count (KDP), and a clear
 * band inside the trim on the outside, top and bottom that the running head
 * and the folio must stay out of too. The result is a theme whose margins for
 * that page are the press's, so that every phase (and the layouts kept
 * between builds) sees the same page.
 */
import type { PressProfile } from '../press/profiles.js'
import { sharedFace } from '../theme/font-files.js'
import { extendTheme, pageGeometry, resolveStyle } from '../theme/index.js'
import type { Margins, PageName, Theme, TextRole } from '../theme/index.js'
import { furnitureDistances } from '../theme/index.js'

/** The theme with the page's margins as the press needs them for a book of `pages` pages. */
export function pressTheme(theme: Theme, page: PageName, press: PressProfile, pages: number): Theme {
  const margins = pressMargins(theme, page, press, pages)
  const current = pageGeometry(theme, page).margins
  if (sameMargins(margins, current)) return theme
  return extendTheme(theme, { margins: { [page]: margins } })
}

export function pressMargins(theme: Theme, page: PageName, press: PressProfile, pages: number): Margins {
  const { margins } = pageGeometry(theme, page)
  const furniture = furnitureDistances(theme)
  const safety = press.safety
  return {
    // The running head's tallest letter, and the folio's deepest, stay `safety` inside the trim.
    top: Math.max(margins.top, safety + furniture.head + reach(theme, 'runningHead', 'ascent')),
    bottom: Math.max(margins.bottom, safety + furniture.folio + reach(theme, 'folio', 'descent')),
    outer: Math.max(margins.outer, safety),
    inner: Math.max(margins.inner, press.gutter?.(pages) ?? 0, safety),
  }
}

/** How far a role's face reaches above (ascent) or below (descent) its baseline, in points. */
function reach(theme: Theme, role: TextRole, side: 'ascent' | 'descent'): number {
  const style = resolveStyle(theme, role)
  const face = sharedFace(theme.fonts[style.font])
  const units = side === 'ascent' ? face.ascent : -face.descent
  return (Math.max(0, units) / face.unitsPerEm) * style.size
}

function sameMargins(a: Margins, b: Margins): boolean {
  return a.top === b.top && a.bottom === b.bottom && a.inner === b.inner && a.outer === b.outer
}
