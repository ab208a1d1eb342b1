import path from 'node:path'
import type { Diagnostics } from '../diagnostics.js'
import { defaultTheme, extendTheme, themes, type PageName, type Theme } from '../theme/index.js'
import type { BookSettings } from './index.js'
import { isThemeFileName } from '../theme/names.js'
import { editDistance } from './front-matter.js'
import { loadThemeFile } from './theme-file.js'


/** How a build is asked to be set: the command line's choices, each absent when it made none. */
export interface SettingChoices {
  /** A theme already made (a built-in theme named on the command line, or one a program passes). */
  theme?: Theme | undefined
  /** A theme file named on the command line, as given. */
  themeFile?: string | undefined
  page?: PageName | undefined
  /** Told of each file the theme is made of (what `--watch` watches). */
  onRead?: ((file: string) => void) | undefined
}

/** The theme file the command line names, read before the book: its faults come first. */
export async function commandLineTheme(choices: SettingChoices, diag: Diagnostics): Promise<Theme | undefined> {
  if (choices.theme !== undefined) return choices.theme
  if (choices.themeFile === undefined) return undefined
  return loadThemeFile(path.resolve(choices.themeFile), choices.themeFile, diag, { onRead: choices.onRead })
}

/**
 * The theme and page a book is set in: the command line's, else the
 * manuscript's (`theme`, `page`, `toc`), else the default theme; the page
 * is undefined when neither names one (the press then chooses, see `pressPage`).
 */
export async function bookSetting(chosen: Theme | undefined, choices: SettingChoices, settings: BookSettings, diag: Diagnostics): Promise<{ theme: Theme; page: PageName | undefined }> {
  let theme = chosen ?? (settings.theme === undefined ? defaultTheme : await manuscriptTheme(settings.theme, settings, choices, diag))
  if (typeof settings.toc === 'number') theme = extendTheme(theme, { tocDepth: settings.toc as Theme['tocDepth'] })
  return { theme, page: choices.page ?? settings.page }
}

async function manuscriptTheme(named: NonNullable<BookSettings['theme']>, settings: BookSettings, choices: SettingChoices, diag: Diagnostics): Promise<Theme> {
  const { value, place } = named
  if (Object.hasOwn(themes, value)) return themes[value]!
  const names = Object.keys(themes)
  if (!isThemeFileName(value)) {
    const near = names.find((name) => editDistance(name, value.toLowerCase()) <= 2)
    const hint = near === undefined ? '' : ` (did you mean \`${near}\`?)`
    diag.fail(`no built-in theme \`${value}\`${hint}: the built-in themes are ${names.join(', ')}; a theme file is named by its path (./press.yaml)`, place, 'theme')
  }
  const absolute = path.resolve(settings.folder, value)
  const display = path.join(path.dirname(place.file), path.relative(settings.folder, absolute))
  return loadThemeFile(absolute, display, diag, { root: settings.root, onRead: choices.onRead })
}
