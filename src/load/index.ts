import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { Diagnostics } from '../diagnostics.js'
import type { Block, Book, Chapter, Metadata, Place } from '../model/book.js'
import { inlineText } from '../model/text.js'
import { frontMatterSource, MAX_INDENT, MAX_MARKERS, mdastToModel, MAX_NESTING, parseInParts, smartPunctuation } from '../parse/index.js'
import type { ClampReport, FlattenReport, FootnoteDraft, FrontMatterSource } from '../parse/index.js'
import { chapterId } from '../transform/chapter-ids.js'
import { labelAlerts } from '../transform/alert-labels.js'
import { assignHeadingIds } from '../transform/heading-ids.js'
import { highlightCode } from '../transform/highlight-code.js'
import { numberNotes } from '../transform/number-notes.js'
import { splitChapters } from '../transform/split-chapters.js'
import { AssetRegistry } from './assets.js'
import { resolveCover } from './cover.js'
import { parseFrontMatter } from './front-matter.js'
import type { ChapterEntry, FrontMatter } from './front-matter.js'
import { BOOK_YAML, locateManuscript } from './manuscript.js'
import type { Manuscript, SourceFile } from './manuscript.js'
import { buildMetadata } from './metadata.js'
import { readSource } from './read-source.js'
import { restoreColumns } from './restore-columns.js'

export interface LoadOptions {
  /** `SOURCE_DATE_EPOCH` from the environment: seconds since 1970, fixes `metadata.modified`. */
  sourceDateEpoch?: string | undefined
}

/** A chapter before the book-wide passes: no id, footnote calls still by label. */
interface ChapterDraft {
  title: string
  source: string
  blocks: Block[]
  /** The footnotes of the file the chapter came from. */
  footnotes: Map<string, FootnoteDraft>
}

/** One chapter file read, parsed and converted. */
interface LoadedFile {
  file: SourceFile
  blocks: Block[]
  footnotes: Map<string, FootnoteDraft>
  frontMatter?: FrontMatter
  frontMatterSource?: FrontMatterSource
  /** Asset id of the cover image the front matter names (single-file manuscripts). */
  cover?: string
}

/**
 * Read a manuscript into the Book model: a `.md` file, or a folder whose
 * `.md` files are chapters (in name order, or as `book.yaml` lists them).
 *
 * What the manuscript gets wrong fails through `diag.fail` (a
 * `ManuscriptError`) with file:line:column; what can be mended is mended
 * with a warning. Nothing is fetched from the network and nothing outside
 * the manuscript's folder is read.
 */
export async function loadBook(input: string, diag: Diagnostics, options: LoadOptions = {}): Promise<Book> {
  const manuscript = await locateManuscript(input, diag)
  const assets = new AssetRegistry(manuscript.root, diag)
  const { metadata, drafts } =
    manuscript.kind === 'file'
      ? await loadSingleFile(manuscript, assets, diag, options)
      : await loadFolder(manuscript, assets, diag, options)
  const chapters = assembleChapters(drafts, diag)
  labelAlerts(chapters, metadata.lang)
  return { metadata, chapters, assets: assets.assets }
}

async function loadSingleFile(
  manuscript: Extract<Manuscript, { kind: 'file' }>,
  assets: AssetRegistry,
  diag: Diagnostics,
  options: LoadOptions,
): Promise<{ metadata: Metadata; drafts: ChapterDraft[] }> {
  const loaded = await loadFile(manuscript.file, assets, diag, { cover: true })
  const display = manuscript.file.display
  if (loaded.blocks.length === 0) {
    diag.fail('nothing to publish: the manuscript has no text', startOf(display), 'empty')
  }
  const frontMatter: FrontMatter = loaded.frontMatter ?? { keyPlaces: new Map() }
  const title = frontMatter.title ?? firstHeadingText(loaded.blocks) ?? manuscript.name
  const where = loaded.frontMatterSource?.place ?? startOf(display)
  const metadata = buildMetadata(frontMatter, title, where, options.sourceDateEpoch, diag)
  if (loaded.cover !== undefined) metadata.cover = loaded.cover
  const drafts = splitChapters(loaded.blocks, metadata.title).map((slice) => ({
    ...slice,
    source: display,
    footnotes: loaded.footnotes,
  }))
  return { metadata, drafts }
}

async function loadFolder(
  manuscript: Extract<Manuscript, { kind: 'folder' }>,
  assets: AssetRegistry,
  diag: Diagnostics,
  options: LoadOptions,
): Promise<{ metadata: Metadata; drafts: ChapterDraft[] }> {
  let bookMatter: FrontMatter = { keyPlaces: new Map() }
  if (manuscript.bookYaml) {
    const { text } = await readSource(manuscript.bookYaml.path, manuscript.bookYaml.display, diag)
    bookMatter = parseFrontMatter({ text, file: manuscript.bookYaml.display, firstLine: 1 }, diag, { allowChapters: true })
  }
  // The cover is checked with the rest of book.yaml, before any chapter is read.
  const cover = manuscript.bookYaml ? resolveCover(bookMatter, manuscript.bookYaml.path, assets, diag) : undefined
  const files = bookMatter.chapters
    ? await listedChapters(bookMatter.chapters, manuscript, diag)
    : manuscript.markdownFiles
  if (files.length === 0) {
    diag.fail('nothing to publish: the folder holds no .md file', manuscript.display, 'empty')
  }

  const drafts: ChapterDraft[] = []
  for (const file of files) {
    const loaded = await loadFile(file, assets, diag)
    warnBookKeysInChapter(loaded.frontMatter)
    if (loaded.blocks.length === 0) {
      diag.warn('nothing in this chapter file: left out', startOf(file.display), 'empty')
      continue
    }
    const written = loaded.frontMatter?.title
    const title =
      written !== undefined
        ? smartPunctuation(written)
        : (firstHeadingText(loaded.blocks) ?? path.basename(file.path).replace(/\.md$/i, ''))
    drafts.push({ title, source: file.display, blocks: loaded.blocks, footnotes: loaded.footnotes })
  }
  if (drafts.length === 0) {
    diag.fail('nothing to publish: every chapter file is empty', manuscript.display, 'empty')
  }

  const where = startOf(manuscript.bookYaml ? manuscript.bookYaml.display : files[0]!.display)
  let title = bookMatter.title
  if (title === undefined) {
    // A chapter's first heading would title the book after its first chapter: the folder's name is the better guess.
    title = manuscript.name
    diag.warn(`no \`title\` in ${BOOK_YAML}: the book is titled \`${title}\` after its folder`, where, 'title')
  }
  const metadata = buildMetadata(bookMatter, title, where, options.sourceDateEpoch, diag)
  if (cover !== undefined) metadata.cover = cover
  return { metadata, drafts }

  /** In a book folder a chapter's front matter can only title the chapter; the rest belongs to `book.yaml`. */
  function warnBookKeysInChapter(frontMatter: FrontMatter | undefined): void {
    for (const [key, place] of frontMatter?.keyPlaces ?? []) {
      if (key !== 'title') diag.warn(`\`${key}\` describes the book: put it in ${BOOK_YAML}; ignored here`, place, 'front-matter')
    }
  }
}

/** Read, parse and convert one chapter file, with its front matter checked (and its cover, when it describes the book). */
async function loadFile(file: SourceFile, assets: AssetRegistry, diag: Diagnostics, options: { cover?: boolean } = {}): Promise<LoadedFile> {
  const { text, removed } = await readSource(file.path, file.display, diag)
  const loaded: LoadedFile = { file, blocks: [], footnotes: new Map() }
  const images = assets.sourceFor(file.path)
  let first = true
  // A large file comes in parts; each part's tree is dropped once converted.
  for (const { tree, lastLine, flattened, clamped } of parseInParts(text, file.display)) {
    restoreColumns(tree, removed)
    reportClamped(clamped, file.display, diag)
    reportFlattened(flattened, file.display, diag)
    if (first) {
      // Front matter first: it stands at the top, so its errors come before any in the text.
      const source = frontMatterSource(tree, file.display)
      if (source) {
        loaded.frontMatterSource = source
        loaded.frontMatter = parseFrontMatter({ text: source.text, file: file.display, firstLine: source.firstLine }, diag)
        const cover = options.cover ? resolveCover(loaded.frontMatter, file.path, assets, diag) : undefined
        if (cover !== undefined) loaded.cover = cover
      }
      first = false
    }
    const parsed = mdastToModel(tree, file.display, diag, images, lastLine)
    for (const block of parsed.blocks) loaded.blocks.push(block)
    for (const [label, footnote] of parsed.footnotes) {
      if (!loaded.footnotes.has(label)) loaded.footnotes.set(label, footnote)
    }
  }
  return loaded
}

function reportFlattened(reports: FlattenReport[], file: string, diag: Diagnostics): void {
  for (const report of reports) {
    const what = report.kind === 'block' ? 'block quotes and lists' : 'emphasis and links'
    diag.warn(
      `${what} nested deeper than ${MAX_NESTING} levels: ${report.count} flattened into their content`,
      { file, line: report.line, column: report.column },
      'nesting',
    )
  }
}

/** One warning per kind of clamp, at its first line: a pathological file could have thousands. */
function reportClamped(reports: ClampReport[], file: string, diag: Diagnostics): void {
  for (const kind of ['markers', 'indent'] as const) {
    const ofKind = reports.filter((report) => report.kind === kind)
    const first = ofKind[0]
    if (!first) continue
    const what =
      kind === 'markers'
        ? `more than ${MAX_MARKERS} block-quote or list markers at the start of a line`
        : `indentation wider than ${MAX_INDENT} columns`
    const lines = ofKind.length === 1 ? 'this line' : `${ofKind.length} lines, the first here`
    diag.warn(`${what} cut back (${lines})`, { file, line: first.line, column: first.column }, 'nesting')
  }
}

/** The files `book.yaml` lists under `chapters`, each checked to be a `.md` file inside the folder. */
async function listedChapters(
  entries: ChapterEntry[],
  manuscript: Extract<Manuscript, { kind: 'folder' }>,
  diag: Diagnostics,
): Promise<SourceFile[]> {
  const files: SourceFile[] = []
  const seen = new Set<string>()
  const folder = manuscript.display
  for (const entry of entries) {
    const absolute = path.resolve(manuscript.root, entry.name)
    const relative = path.relative(manuscript.root, absolute)
    if (path.isAbsolute(entry.name) || relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      diag.fail(`chapter ${entry.name} is outside the book's folder`, entry.place, 'chapters')
    }
    if (!/\.md$/i.test(entry.name)) diag.fail(`chapter ${entry.name} is not a .md file`, entry.place, 'chapters')
    if (seen.has(absolute)) diag.fail(`chapter ${entry.name} is listed twice`, entry.place, 'chapters')
    seen.add(absolute)
    const isFile = await stat(absolute).then(
      (stats) => stats.isFile(),
      () => false,
    )
    if (!isFile) diag.fail(`chapter file not found: ${path.join(folder, entry.name)}`, entry.place, 'chapters')
    files.push({ path: absolute, display: path.join(folder, relative) })
  }
  for (const file of manuscript.markdownFiles) {
    if (!seen.has(file.path)) {
      diag.warn(`${path.basename(file.path)} is not listed in \`chapters\`: left out`, entries[0]?.place, 'chapters')
    }
  }
  return files
}

/** Ids, footnote numbers, heading ids and code highlighting: the passes over the assembled chapters. */
function assembleChapters(drafts: ChapterDraft[], diag: Diagnostics): Chapter[] {
  const called = new Map<Map<string, FootnoteDraft>, Set<string>>()
  const chapters = drafts.map((draft, index) => {
    const chapter: Chapter = { id: chapterId(index), title: draft.title, source: draft.source, blocks: draft.blocks, notes: [] }
    const labels = numberNotes(chapter, draft.footnotes)
    const seen = called.get(draft.footnotes) ?? new Set()
    for (const label of labels) seen.add(label)
    called.set(draft.footnotes, seen)
    return chapter
  })
  for (const [footnotes, labels] of called) {
    for (const [label, footnote] of footnotes) {
      if (!labels.has(label)) {
        diag.warn(`footnote [^${label}] is never called: its text is left out`, footnote.place, 'footnote')
      }
    }
  }
  assignHeadingIds(chapters)
  highlightCode(chapters)
  return chapters
}

function firstHeadingText(blocks: readonly Block[]): string | undefined {
  for (const block of blocks) {
    if (block.type === 'heading') {
      const text = inlineText(block.children).replace(/\s+/g, ' ').trim()
      if (text !== '') return text
    }
  }
  return undefined
}

function startOf(file: string): Place {
  return { file, line: 1, column: 1 }
}
