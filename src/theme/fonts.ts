import { createRequire } from 'node:module'
import path from 'node:path'
import type { FontFile } from './theme.js'

const require = createRequire(import.meta.url)

/** Absolute path of a theme font, resolved through Node's module lookup so it works from any folder. */
export function fontPath(font: FontFile): string {
  const manifest = require.resolve(`${font.package}/package.json`)
  return path.join(path.dirname(manifest), font.file)
}
