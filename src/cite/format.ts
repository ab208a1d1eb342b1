import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type * as Citeproc from 'citeproc'
import type { CslCitation } from 'citeproc'
import type { Diagnostics } from '../diagnostics.js'
import type { Citation, Inline, LinkTarget, Place } from '../model/book.js'
import { htmlToInlines, ITEM_END, ITEM_INDEX_BASE, ITEM_START } from './html-inlines.js'
import type { CslItem } from './read.js'

const require = createRequire(import.meta.url)

/** The styles and locales Octavo ships (CC BY-SA; see `styles/LICENSE.md`). */
const STYLES = new URL('../../../styles/', import.meta.url)
export const DEFAULT_STYLE = fileURLToPath(new URL('apa.csl', STYLES))

/** The id of a work's entry in the reference list: `ref-doe2020`, as pandoc names it. */
export function entryId(key: string): string {
  return `ref-${key}`
}

/** A CSL style, read and checked to be one. */
export interface Style {
  xml: string
  display: string
}

export async function readStyle(file: string, display: string, place: Place | undefined, diag: Diagnostics): Promise<Style> {
  let xml: string
  try {
    xml = await readFile(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    return diag.fail(`cannot read the CSL style ${display}: ${reason}`, place, 'csl')
  }
  if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml) || !/<citation\b/.test(xml)) {
    diag.fail(`${display} is not a CSL style: no <style> element in the CSL namespace with a <citation>`, place, 'csl')
  }
  return { xml, display }
}

/** The locale files shipped, by the language they are for. */
async function localeXml(lang: string): Promise<string | undefined> {
  try {
    return await readFile(new URL(`locales/locales-${lang}.xml`, STYLES), 'utf8')
  } catch {
    return undefined
  }
}

const SHIPPED_LOCALES = ['en-US', 'de-DE', 'es-ES', 'fr-FR', 'nl-NL']

/** The shipped locale for a book's language: the exact tag, else the language's, else US English (with a warning). */
export function localeFor(lang: string, warn: (reason: string) => void): string {
  const exact = SHIPPED_LOCALES.find((locale) => locale.toLowerCase() === lang.toLowerCase())
  if (exact) return exact
  const base = SHIPPED_LOCALES.find((locale) => locale.split('-')[0] === lang.split('-')[0]!.toLowerCase())
  if (base) return base
  warn(`no CSL locale for the book's language \`${lang}\`: citations and references are set with US English terms`)
  return 'en-US'
}

export interface Formatted {
  /** Each citation's text, in the order given. */
  citations: Inline[][]
  /** The reference list: each entry's key and text, in the style's order. */
  entries: Array<{ key: string; inlines: Inline[] }>
}

/**
 * Every citation of the book formatted by citeproc-js in one pass, in book
 * order (so that the style's disambiguation sees them all), and the
 * reference list of the works cited. A key the bibliography lacks is
 * formatted by the caller, not here. `target(key)` is where a work's entry
 * stands; each work a citation names links to it.
 */
export async function formatCitations(
  citations: readonly Citation[],
  items: ReadonlyMap<string, CslItem>,
  style: Style,
  lang: string,
  target: (key: string) => LinkTarget,
  diag: Diagnostics,
): Promise<Formatted> {
  const CSL = require('citeproc') as typeof Citeproc
  const locale = localeFor(lang, (reason) => diag.warn(reason, style.display, 'csl'))
  const locales = new Map<string, string>()
  for (const tag of new Set([locale, 'en-US'])) {
    const xml = await localeXml(tag)
    if (xml !== undefined) locales.set(tag, xml)
  }
  const sys = {
    retrieveLocale: (tag: string) => locales.get(tag) ?? locales.get(SHIPPED_LOCALES.find((known) => known.startsWith(`${tag}-`)) ?? '') ?? locales.get('en-US'),
    retrieveItem: (id: string) => items.get(id),
  }
  let engine: Citeproc.Engine
  try {
    engine = new CSL.Engine(sys, style.xml, locale, true)
  } catch (error) {
    return diag.fail(`bad CSL style ${style.display}: ${(error as Error).message.split('\n')[0]}`, style.display, 'csl')
  }
  engine.opt.development_extensions.wrap_url_and_doi = true
  const cited = [...new Set(citations.flatMap((citation) => citation.items.map((item) => item.key)))].filter((key) => items.has(key))

  const clusters: CslCitation[] = citations.map((citation, index) => ({
    citationID: `c${index}`,
    citationItems: citation.items.map((item, position) => {
      const entry: CslCitation['citationItems'][number] = {
        id: item.key,
        // Private-use marks around each work, so its text can become a link (see `html-inlines.ts`).
        prefix: `${ITEM_START}${String.fromCodePoint(ITEM_INDEX_BASE + position)}${item.prefix ?? ''}`,
        suffix: `${item.suffix ?? ''}${ITEM_END}`,
      }
      if (item.locator !== undefined) entry['locator'] = item.locator
      if (item.label !== undefined) entry['label'] = item.label
      if (item.suppressAuthor) entry['suppress-author'] = true
      return entry
    }),
    properties: citation.mode === 'in-text' ? { noteIndex: 0, mode: 'composite' } : { noteIndex: 0 },
  }))
  let results: Array<[string, number, string]>
  let bibliography: ReturnType<Citeproc.Engine['makeBibliography']>
  // A style that parses may still fail on the works it is given: updateItems runs its macros.
  try {
    engine.updateItems(cited)
    results = clusters.length === 0 ? [] : engine.rebuildProcessorState(clusters, 'html')
    bibliography = engine.makeBibliography()
  } catch (error) {
    return diag.fail(`the CSL style ${style.display} cannot be applied: ${(error as Error).message.split('\n')[0]}`, style.display, 'csl')
  }
  const byId = new Map(results.map(([id, , html]) => [id, html]))
  const formatted = citations.map((citation, index) =>
    htmlToInlines(byId.get(`c${index}`) ?? '', (position) => {
      const key = citation.items[position]?.key
      return key === undefined ? undefined : target(key)
    }),
  )
  const entries: Formatted['entries'] = []
  if (bibliography) {
    const [params, html] = bibliography
    html.forEach((entry, index) => {
      const key = params.entry_ids[index]?.[0]
      if (key !== undefined) entries.push({ key: String(key), inlines: htmlToInlines(entry) })
    })
  }
  return { citations: formatted, entries }
}
