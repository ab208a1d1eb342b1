import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, it } from 'node:test'
import { themes } from '../../src/theme/index.js'
import { leafPaths } from '../../src/theme/schema.js'
import { root } from '../support/tools.js'

/** The README's "Theme files" section, up to the next section of its level. */
async function themeFilesSection(): Promise<string> {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8')
  const start = readme.indexOf('\n## Theme files\n')
  assert.ok(start >= 0, 'the README has a "Theme files" section')
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, end < 0 ? undefined : end)
}

/** Every code span of a text: `fonts.<face>.family`, `h1`… */
function codeSpans(text: string): Set<string> {
  return new Set([...text.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!))
}

/**
 * Whether a documented key (`roles.<role>.scale`, `fallbacks[].family`,
 * `tables.smallerScales`) stands for a theme's leaf key path (`roles.h1.scale`,
 * `fallbacks.*.family`, `tables.smallerScales.*`); a `<placeholder>` stands for a
 * key that the section must name too.
 */
function documents(documented: string, leaf: string, named: ReadonlySet<string>): boolean {
  const wanted = documented.replace(/\[\]/g, '.*').split('.')
  const parts = leaf.split('.')
  // A list of plain values is documented as the list.
  if (parts.at(-1) === '*' && wanted.at(-1) !== '*') parts.pop()
  if (wanted.length !== parts.length) return false
  return wanted.every((part, index) => (/^<\w+>$/.test(part) ? named.has(parts[index]!) : part === parts[index]))
}

describe('the README’s theme reference', () => {
  it('documents every key of every built-in theme, and every name a placeholder stands for', async () => {
    const spans = codeSpans(await themeFilesSection())
    const keys = [...spans].filter((span) => /^[a-z][\w<>[\]]*(?:\.[\w<>[\]]+)*$/i.test(span))
    const missing = new Set<string>()
    for (const theme of Object.values(themes)) {
      for (const leaf of leafPaths(theme)) {
        if (!keys.some((documented) => documents(documented, leaf, spans))) missing.add(leaf)
      }
    }
    assert.deepEqual([...missing], [])
  })

  it('documents no key the theme does not have', async () => {
    const section = await themeFilesSection()
    const spans = codeSpans(section)
    const leaves = Object.values(themes).flatMap((theme) => leafPaths(theme))
    // The keys the reference table's rows document: the code spans of each row's first cell.
    const rows = section.split('\n').filter((line) => line.startsWith('| `'))
    const documented = rows.flatMap((row) => [...codeSpans(row.split(' | ')[0]!)])
    assert.ok(documented.length > 40)
    for (const key of documented) {
      assert.ok(
        leaves.some((leaf) => documents(key, leaf, spans)),
        `${key} is a key of some theme`,
      )
    }
  })
})
