import path from 'node:path'
import type { Diagnostics } from '../diagnostics.js'
import type { Block, Chapter, Citation, Inline, Paragraph, Place } from '../model/book.js'
import { blockInlines, forEachBlock, inlineChildren } from '../model/walk.js'
import { loadCitations } from '../lazy.js'
import { isInside } from '../inside-folder.js'
import { chapterId } from './chapter-ids.js'

/** What the manuscript says about its citations (`bibliography:` and `csl:` in `book.yaml` or front matter). */
export interface CitationSettings {
  bibliography?: Array<{ path: string; place: Place }>
  csl?: { path: string; place: Place }
  /** The folder the paths are relative to (that of the file naming them), which they must stay inside. */
  folder: string
  /** How messages show that folder. */
  folderDisplay: string
  /** Told of each bibliography and style file read (what `--watch` watches). */
  onRead?: ((file: string) => void) | undefined
}

/** The reference list's title, in the book's language. */
const REFERENCES_TITLE: Record<string, string> = { en: 'References', fr: 'Références', de: 'Literatur', es: 'Referencias', nl: 'Referenties', it: 'Riferimenti bibliografici', pt: 'Referências' }

/** The id a heading gives to say "the reference list goes here" (`# References {#refs}`), as in pandoc. */
const REFS_ID = 'refs'

/**
 * Citations formatted by the book's CSL style and the reference list made:
 * after the heading with the id `refs` when there is one, else in a chapter
 * of its own at the end of the book. Without a bibliography, citations are
 * set as written (and the modules that format them are never loaded).
 */
export async function resolveCitations(chapters: Chapter[], lang: string, settings: CitationSettings, diag: Diagnostics): Promise<void> {
  const found = chapters.flatMap((chapter) => citationsOf(chapter))
  if (settings.bibliography === undefined || settings.bibliography.length === 0) {
    for (const chapter of chapters) setAsWritten(chapter)
    return
  }
  const { readBibliography, DEFAULT_STYLE, entryId, formatCitations, readStyle } = await loadCitations()
  const resolvePath = (written: string, place: Place, what: string): { path: string; display: string } => {
    const absolute = path.resolve(settings.folder, written)
    if (path.isAbsolute(written) || !isInside(settings.folder, absolute)) diag.fail(`${what} ${written} is outside the book's folder`, place, what)
    return { path: absolute, display: path.join(settings.folderDisplay, written) }
  }
  const items = new Map<string, Awaited<ReturnType<typeof readBibliography>>[number]>()
  for (const entry of settings.bibliography) {
    const file = { ...resolvePath(entry.path, entry.place, 'bibliography'), place: entry.place }
    settings.onRead?.(file.path)
    for (const item of await readBibliography(file, diag)) if (!items.has(item.id)) items.set(item.id, item)
  }
  const styleFile = settings.csl === undefined ? { path: DEFAULT_STYLE, display: 'apa.csl' } : resolvePath(settings.csl.path, settings.csl.place, 'csl')
  if (settings.csl !== undefined) settings.onRead?.(styleFile.path)
  const style = await readStyle(styleFile.path, styleFile.display, settings.csl?.place, diag)

  // Where the reference list goes: after a `{#refs}` heading, else in a chapter of its own.
  const refsChapter = chapters.find((chapter) => chapter.blocks.some((block) => block.type === 'heading' && block.id === REFS_ID))
  const listChapterId = refsChapter?.id ?? chapterId(chapters.length)
  const target = (key: string) => ({ kind: 'internal' as const, chapter: listChapterId, id: entryId(key) })

  // Keys the bibliography lacks: a warning at the citation, and the key in bold, as pandoc sets it.
  const known: Citation[] = []
  for (const { citation } of found) {
    const missing = citation.items.filter((item) => !items.has(item.key))
    for (const item of missing) diag.warn(`citation key \`${item.key}\` is not in the bibliography`, citation.place, 'citation')
    const present = citation.items.filter((item) => items.has(item.key))
    if (present.length > 0) known.push({ ...citation, items: present })
    else citation.children = missingKeys(citation, missing.map((item) => item.key))
  }
  const formatted = await formatCitations(known, items, style, lang, target, diag)
  let index = 0
  for (const { citation } of found) {
    if (!citation.items.some((item) => items.has(item.key))) continue
    const children = formatted.citations[index++] ?? []
    const missing = citation.items.filter((item) => !items.has(item.key)).map((item) => item.key)
    citation.children = missing.length === 0 ? children : [...children, { type: 'text', value: ' ' }, ...missingKeys(citation, missing)]
  }

  const entries: Paragraph[] = formatted.entries.map((entry) => ({ type: 'paragraph', role: 'biblioentry', anchors: [entryId(entry.key)], children: entry.inlines }))
  if (refsChapter) {
    const at = refsChapter.blocks.findIndex((block) => block.type === 'heading' && block.id === REFS_ID)
    refsChapter.blocks.splice(at + 1, 0, ...entries)
  } else if (entries.length > 0) {
    const title = REFERENCES_TITLE[lang.split('-')[0]!.toLowerCase()] ?? REFERENCES_TITLE['en']!
    const heading: Block = { type: 'heading', depth: 1, id: REFS_ID, explicitId: true, children: [{ type: 'text', value: title }] }
    chapters.push({ id: listChapterId, title, source: chapters[chapters.length - 1]?.source ?? '', blocks: [heading, ...entries], notes: [], role: 'bibliography' })
  }
}

/** `**doe2020?**`, in parentheses unless the citation stands in the sentence. */
function missingKeys(citation: Citation, keys: readonly string[]): Inline[] {
  const bold: Inline[] = keys.flatMap((key, index) => [...(index > 0 ? [{ type: 'text', value: '; ' } as const] : []), { type: 'strong' as const, children: [{ type: 'text' as const, value: `${key}?` }] }])
  return citation.mode === 'in-text' ? bold : [{ type: 'text', value: '(' }, ...bold, { type: 'text', value: ')' }]
}

/** Every citation of a chapter, notes included, in the order a reader meets them. */
function citationsOf(chapter: Chapter): Array<{ citation: Citation }> {
  const found: Array<{ citation: Citation }> = []
  const visit = (inlines: readonly Inline[]): void => {
    for (const inline of inlines) {
      if (inline.type === 'citation') found.push({ citation: inline })
      else visit(inlineChildren(inline))
    }
  }
  for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
    forEachBlock(blocks, (block) => blockInlines(block).forEach(visit))
  }
  return found
}

/**
 * Without a bibliography, each citation is its text as written, joined to
 * the text around it: the model is then what it was before citations were
 * read, and so are the editions.
 */
function setAsWritten(chapter: Chapter): void {
  for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
    forEachBlock(blocks, (block) => blockInlines(block).forEach((inlines) => flatten(inlines)))
  }
}

function flatten(inlines: Inline[]): void {
  if (!inlines.some((inline) => inline.type === 'citation' || inlineChildren(inline).length > 0)) return
  const out: Inline[] = []
  // Text joins the text before it only across a citation: the runs one text node of the manuscript was cut into.
  let afterCitation = false
  for (const inline of inlines) {
    const last = out[out.length - 1]
    if (inline.type === 'citation') {
      if (last?.type === 'text' && last.lang === undefined) last.value += inline.source
      else out.push({ type: 'text', value: inline.source })
      afterCitation = true
      continue
    }
    if (inline.type === 'text' && afterCitation && last?.type === 'text' && inline.lang === undefined) last.value += inline.value
    else {
      flatten(inlineChildren(inline) as Inline[])
      out.push(inline.type === 'text' ? { ...inline } : inline)
    }
    afterCitation = false
  }
  inlines.splice(0, inlines.length, ...out)
}
