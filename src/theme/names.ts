import { defaultTheme } from './default.js'
import type { PagePreset } from './theme.js'

/** The page sizes `--page` and a manuscript's `page` name: those the default theme has. */
export const pagePresets = Object.keys(defaultTheme.pages) as PagePreset[]

/** Whether `--theme` or a manuscript's `theme` names a theme file (by its path) rather than a built-in theme. */
export function isThemeFileName(value: string): boolean {
  return /\.(?:ya?ml|json)$/i.test(value) || value.includes('/') || value.includes('\\')
}
