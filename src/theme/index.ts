export type * from './theme.js'
export { defaultTheme } from './default.js'
export { extendTheme, type ThemeOverrides } from './extend.js'
export { fallbackServes, fontPath } from './fonts.js'
export { alertMetrics, definitionMetrics, detailsSpace, fontKey, headingRoles, pageGeometry, paragraphIndent, resolveStyle } from './style.js'
export type { PageGeometry, ResolvedStyle } from './style.js'

import { defaultTheme } from './default.js'
import type { Theme } from './theme.js'

/** Built-in themes by name, for `--theme`. */
export const themes: Readonly<Record<string, Theme>> = { default: defaultTheme }
