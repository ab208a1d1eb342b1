import { createRequire } from 'node:module'
import path from 'node:path'
import type { FontFile } from './theme.js'

const require = createRequire(import.meta.url)

/** Absolute path of a theme font, resolved through Node's module lookup so it works from any folder. */
export function fontPath(font: FontFile): string {
  const manifest = require.resolve(`${font.package}/package.json`)
  return path.join(path.dirname(manifest), font.file)
}

const scriptPatterns = new Map<string, RegExp>()

/**
 * Whether a fallback face is used for `text` (a grapheme cluster, a run): a
 * face limited to some scripts only for text that holds a character of one of
 * them (see `FontFile.scripts`); any other face for any text.
 */
export function fallbackServes(font: FontFile, text: string): boolean {
  if (font.scripts === undefined) return true
  const key = font.scripts.join(',')
  let pattern = scriptPatterns.get(key)
  if (pattern === undefined) {
    pattern = new RegExp(`[${font.scripts.map((script) => `\\p{Script_Extensions=${script}}`).join('')}]`, 'u')
    scriptPatterns.set(key, pattern)
  }
  return pattern.test(text)
}
