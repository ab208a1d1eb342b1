import { defaultTheme } from './default.js'
import type { PageName, PagePreset } from './theme.js'
import { trimNames } from './trims.js'

/** The page sizes the themes have margins of their own for. */
export const pagePresets = Object.keys(defaultTheme.pages) as PagePreset[]

/** Every page `--page` and a manuscript's `page` name: the themes' presets and the printers' trims. */
export const pageNames: readonly PageName[] = [...pagePresets, ...trimNames.filter((name) => !(pagePresets as readonly string[]).includes(name))]

/** Whether `--theme` or a manuscript's `theme` names a theme file (by its path) rather than a built-in theme. */
export function isThemeFileName(value: string): boolean {
  return /\.(?:ya?ml|json)$/i.test(value) || value.includes('/') || value.includes('\\')
}
