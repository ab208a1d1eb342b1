import { yaml } from '../lazy.js'
import type { Theme } from './theme.js'

/**
 * A theme written out as a theme file: every key, in the theme's own order
 * and names, so that the file read back is the same theme. A writer copies
 * it to start a theme of their own, keeping only what they change.
 */
export function themeFile(theme: Theme): string {
  const { stringify } = yaml()
  const header = [
    `# The built-in theme \`${theme.name}\`, written out as a theme file.`,
    '# To make a theme of your own, keep `extends:` and only the values you change:',
    `#   extends: ${theme.name}`,
    '#   size: 11',
    '# Every key is described in Octavo\'s README, under "Theme files".',
  ]
  return `${header.join('\n')}\n${stringify(theme, { lineWidth: 0 })}`
}

/** The built-in themes, one paragraph each: name and description, then the families it sets text and code in. */
export function listThemes(themes: Readonly<Record<string, Theme>>): string {
  return Object.entries(themes)
    .map(([name, theme]) => {
      const faces = [...new Set(Object.values(theme.fonts).map((font) => font.family))]
      return `${name}\n  ${theme.description}\n  faces: ${faces.join(', ')}\n`
    })
    .join('\n')
}
