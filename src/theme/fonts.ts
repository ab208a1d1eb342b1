import { createRequire } from 'node:module'
import path from 'node:path'
import type { FontFile, LocalFont } from './theme.js'

const require = createRequire(import.meta.url)

/** Whether a font is a file of the writer's own rather than one shipped by a package. */
export function isLocalFont(font: FontFile): font is LocalFont {
  return 'path' in font
}

/** Absolute path of a theme font: a writer's own file as the theme file named it, a package's through Node's module lookup so it works from any folder. */
export function fontPath(font: FontFile): string {
  if (isLocalFont(font)) return font.path
  const manifest = require.resolve(`${font.package}/package.json`)
  return path.join(path.dirname(manifest), font.file)
}

/**
 * What identifies a font file's bytes within a process: its path, and for a
 * writer's own file also its content hash, so that a file changed between
 * two builds of one process (`--watch`) is read anew.
 */
export function fontIdentity(font: FontFile): string {
  return isLocalFont(font) ? `${font.path}#${font.sha256}` : fontPath(font)
}

const scriptPatterns = new Map<string, RegExp>()

/**
 * Whether a fallback face is used for `text` (a grapheme cluster, a run): a
 * face limited to some scripts only for text that holds a character of one of
 * them (see `FontFile.scripts`); any other face for any text.
 */
export function fallbackServes(font: FontFile, text: string): boolean {
  if (font.math === true) return false
  if (font.scripts === undefined) return true
  const key = font.scripts.join(',')
  let pattern = scriptPatterns.get(key)
  if (pattern === undefined) {
    pattern = new RegExp(`[${font.scripts.map((script) => `\\p{Script_Extensions=${script}}`).join('')}]`, 'u')
    scriptPatterns.set(key, pattern)
  }
  return pattern.test(text)
}
