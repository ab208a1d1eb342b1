import { stat } from 'node:fs/promises'
import path from 'node:path'
import { ManuscriptError, type Diagnostics } from '../diagnostics.js'
import type { Block, Book, Chapter, Metadata, Part, Place, PressName } from '../model/book.js'
import type { PageName } from '../theme/index.js'
import { inlineText } from '../model/text.js'
import { frontMatterSource, MAX_INDENT, MAX_MARKERS, mdastToModel, MAX_NESTING, parseInParts, smartPunctuation } from '../parse/index.js'
import type { ClampReport, FlattenReport, FootnoteDraft, FrontMatterSource } from '../parse/index.js'
import { chapterId } from '../transform/chapter-ids.js'
import { labelAlerts } from '../transform/alert-labels.js'
import { checkMath } from '../transform/check-math.js'
import { markLanguages } from '../transform/languages.js'
import { markDirections } from '../transform/directions.js'
import { assignHeadingIds } from '../transform/heading-ids.js'
import { resolveLinks } from '../transform/resolve-links.js'
import { resolveCitations, type CitationSettings } from '../transform/citations.js'
import { hideCodeLines } from '../transform/hidden-code-lines.js'
import { highlightCode } from '../transform/highlight-code.js'
import { numberNotes } from '../transform/number-notes.js'
import { nameIndexMarks } from '../transform/index-marks.js'
import { splitChapters } from '../transform/split-chapters.js'
import { cacheKey } from '../cache/store.js'
import type { CacheStore } from '../cache/store.js'
import { AssetRegistry } from './assets.js'
import { isInside } from '../inside-folder.js'
import { convertCached } from './chapter-cache.js'
import { parseBookToml, type BookToml } from './book-toml.js'
import { resolveCover } from './cover.js'
import { folderFiles, type FolderFile } from './folder-files.js'
import { parseFrontMatter } from './front-matter.js'
import type { ChapterEntry, FrontMatter } from './front-matter.js'
import { expandIncludes, type IncludeScope } from './includes.js'
import { BOOK_TOML, BOOK_YAML, locateManuscript, textManuscript } from './manuscript.js'
import type { Manuscript, SourceFile } from './manuscript.js'
import { buildMetadata } from './metadata.js'
import { decodeSource, readSource } from './read-source.js'
import { restoreColumns } from './restore-columns.js'
import { parseSummary, type SummaryEntry } from './summary.js'
import { relocateTree } from './text-origins.js'

export interface LoadOptions {
  /** `SOURCE_DATE_EPOCH` from the environment: seconds since 1970, fixes `metadata.modified`. */
  sourceDateEpoch?: string | undefined
  /** Where chapter files' conversions are kept between builds (see `chapter-cache.ts`). */
  cache?: CacheStore | undefined
  /** Told of every file the book is made of as it is read, by absolute path (what a watcher must watch). */
  onRead?: ((file: string) => void) | undefined
  /** The manuscript's text, given in memory: the input is then a one-file manuscript's path as reported, not read. */
  text?: string | undefined
}

/** What reading the book's files shares: the folder, the diagnostics, the cache. */
interface LoadScope extends IncludeScope {
  cache?: CacheStore | undefined
}

/** A chapter before the book-wide passes: no id, footnote calls still by label. */
interface ChapterDraft extends Placing {
  title: string
  source: string
  blocks: Block[]
  /** The footnotes of the file the chapter came from. */
  footnotes: Map<string, FootnoteDraft>
}

/** Where a chapter stands in the book's contents (see `Chapter`): its level, and its number and part from `SUMMARY.md`. */
interface Placing {
  level?: number
  number?: string
  /** Index into the plan's parts. */
  part?: number
}

/** A chapter file to read, and where it stands. */
interface PlannedChapter extends Placing {
  file: SourceFile
  /** The title the list of chapters gives it (`SUMMARY.md`'s link text). */
  title?: string
}

/** The chapters of a book folder in reading order, and the parts they are grouped in. */
interface ChapterPlan {
  chapters: PlannedChapter[]
  parts: Array<{ title: string; place: Place }>
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
  return (await loadManuscript(input, diag, options)).book
}

/**
 * How the manuscript asks to be set (`theme`, `page` and `toc` in `book.yaml`,
 * `book.toml` or a single file's front matter); the command line wins over it.
 */
export interface BookSettings {
  /** A built-in theme's name or a theme file's path, as written, and where. */
  theme?: { value: string; place: Place }
  page?: PageName
  toc?: true | number
  /** The printer the print edition is made for (`press:`); the command line's `--press` wins. */
  press?: PressName
  /** The folder a theme file's path is relative to: that of the file naming it. */
  folder: string
  /** The manuscript's folder, which a theme file it names must stay inside. */
  root: string
}

/** The book and the settings the manuscript gives (see `loadBook`). */
export async function loadManuscript(input: string, diag: Diagnostics, options: LoadOptions = {}): Promise<{ book: Book; settings: BookSettings }> {
  const manuscript = options.text !== undefined ? textManuscript(input, options.text) : await locateManuscript(input, diag)
  const assets = new AssetRegistry(manuscript.root, diag)
  const scope: LoadScope = { root: manuscript.root, rootDisplay: manuscript.kind === 'file' ? path.dirname(manuscript.file.display) : manuscript.display, diag, cache: options.cache, onRead: options.onRead }
  if (options.onRead) assets.listen((_call, asset) => asset && options.onRead!(asset.path))
  const { metadata, drafts, parts, sourceRoot, matter } =
    manuscript.kind === 'file'
      ? { ...(await loadSingleFile(manuscript, assets, scope, options)), parts: [], sourceRoot: manuscript.root }
      : await loadFolder(manuscript, assets, scope, options)
  // Every fault the files hold has been told: the book is assembled only from files without one.
  diag.stopIfFailed()
  const chapters = await assembleChapters(drafts, sourceRoot, diag)
  await resolveCitations(chapters, metadata.lang, { ...citationSettings(matter, manuscript.root, scope.rootDisplay), onRead: options.onRead }, diag)
  labelAlerts(chapters, metadata.lang)
  await checkMath(chapters, diag)
  markLanguages(chapters, metadata.lang)
  markDirections(chapters)
  const book: Book = { metadata, chapters, assets: assets.assets }
  if (parts.length > 0) book.parts = parts
  if (matter.lof === true) book.listOfFigures = true
  if (matter.lot === true) book.listOfTables = true
  if (matter.math === 'svg') book.mathForm = 'svg'
  const settings: BookSettings = { folder: manuscript.root, root: manuscript.root }
  if (matter.theme !== undefined) settings.theme = { value: matter.theme, place: matter.keyPlaces.get('theme')! }
  if (matter.page !== undefined) settings.page = matter.page
  if (matter.toc !== undefined) settings.toc = matter.toc
  if (matter.press !== undefined) settings.press = matter.press
  return { book, settings }

}

/** `bibliography:` and `csl:` as the manuscript writes them, with the folder their paths start from. */
function citationSettings(matter: FrontMatter, folder: string, folderDisplay: string): CitationSettings {
  const settings: CitationSettings = { folder, folderDisplay }
  if (matter.bibliography !== undefined) settings.bibliography = matter.bibliography
  if (matter.csl !== undefined) settings.csl = { path: matter.csl, place: matter.keyPlaces.get('csl')! }
  return settings
}

async function loadSingleFile(
  manuscript: Extract<Manuscript, { kind: 'file' }>,
  assets: AssetRegistry,
  scope: LoadScope,
  options: LoadOptions,
): Promise<{ metadata: Metadata; drafts: ChapterDraft[]; matter: FrontMatter }> {
  const diag = scope.diag
  const loaded = await loadFile(manuscript.file, assets, scope, { cover: true })
  const display = manuscript.file.display
  // A file whose only content was refused (a picture at fault) is not also empty: its fault is told.
  diag.stopIfFailed()
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
  return { metadata, drafts, matter: frontMatter }
}

async function loadFolder(
  manuscript: Extract<Manuscript, { kind: 'folder' }>,
  assets: AssetRegistry,
  scope: LoadScope,
  options: LoadOptions,
): Promise<{ metadata: Metadata; drafts: ChapterDraft[]; parts: Part[]; /** Where the chapters live (mdBook's source folder): what a link from `/` starts at. */ sourceRoot: string; matter: FrontMatter }> {
  const diag = scope.diag
  let bookMatter: FrontMatter = { keyPlaces: new Map() }
  if (manuscript.bookYaml) {
    scope.onRead?.(manuscript.bookYaml.path)
    const { text } = await readSource(manuscript.bookYaml.path, manuscript.bookYaml.display, diag)
    bookMatter = parseFrontMatter({ text, file: manuscript.bookYaml.display, firstLine: 1 }, diag, { allowChapters: true })
  }
  let bookToml: BookToml | undefined
  if (manuscript.bookToml) {
    scope.onRead?.(manuscript.bookToml.path)
    const { text } = await readSource(manuscript.bookToml.path, manuscript.bookToml.display, diag)
    bookToml = parseBookToml(text, manuscript.bookToml.display, diag)
    bookMatter = withBookToml(bookMatter, bookToml.matter, diag)
  }
  // The cover is checked with the rest of book.yaml, before any chapter is read.
  const cover = manuscript.bookYaml ? resolveCover(bookMatter, manuscript.bookYaml.path, assets, diag) : undefined

  const source = bookToml ? await sourceFolder(manuscript, bookToml, diag) : { path: manuscript.root, display: manuscript.display }
  const found = await folderFiles(source.path, source.display, diag)
  const summary = found.find((file) => path.relative(source.path, file.path) === SUMMARY_MD)
  const candidates = found.filter((file) => file !== summary)
  let plan: ChapterPlan
  if (bookMatter.chapters) {
    if (summary) diag.warn(`${SUMMARY_MD} is not read: \`chapters\` in ${BOOK_YAML} lists the chapters`, summary.display, 'chapters')
    plan = { chapters: await listedChapters(bookMatter.chapters, manuscript, candidates, diag), parts: [] }
  } else if (summary) {
    scope.onRead?.(summary.path)
    plan = await summaryChapters(summary, manuscript, candidates, diag)
  } else {
    plan = { chapters: candidates.map((file) => ({ file, level: file.level })), parts: [] }
  }
  if (plan.chapters.length === 0) {
    if (summary && !bookMatter.chapters) diag.fail(`nothing to publish: ${SUMMARY_MD} lists no chapter file`, summary.display, 'empty')
    diag.fail('nothing to publish: the folder holds no .md file', manuscript.display, 'empty')
  }

  const drafts: ChapterDraft[] = []
  const levels: Array<{ level: number; omitted: boolean }> = []
  for (const planned of plan.chapters) {
    const { file } = planned
    // A chapter at fault stops only itself: the others are read, so that one run names the faults of every chapter.
    let loaded: LoadedFile
    try {
      loaded = await loadFile(file, assets, scope)
    } catch (error) {
      if (error instanceof ManuscriptError) continue
      throw error
    }
    warnBookKeysInChapter(loaded.frontMatter)
    levels.push({ level: planned.level ?? 1, omitted: loaded.blocks.length === 0 })
    if (loaded.blocks.length === 0) {
      diag.warn('nothing in this chapter file: left out', startOf(file.display), 'empty')
      continue
    }
    const written = loaded.frontMatter?.title
    const title =
      written !== undefined
        ? smartPunctuation(written)
        : (planned.title ?? firstHeadingText(loaded.blocks) ?? path.basename(file.path).replace(/\.md$/i, ''))
    const draft: ChapterDraft = { title, source: file.display, blocks: loaded.blocks, footnotes: loaded.footnotes }
    if (planned.number !== undefined) draft.number = planned.number
    if (planned.part !== undefined) draft.part = planned.part
    drafts.push(draft)
  }
  diag.stopIfFailed()
  if (drafts.length === 0) {
    diag.fail('nothing to publish: every chapter file is empty', manuscript.display, 'empty')
  }
  // A chapter left out takes no level with it: the chapters nested under it move up one.
  closeLevels(levels).forEach((level, index) => {
    if (level > 1) drafts[index]!.level = level
  })
  const parts = usedParts(plan.parts, drafts, diag)

  const described = manuscript.bookYaml ?? manuscript.bookToml
  const where = startOf(described ? described.display : plan.chapters[0]!.file.display)
  let title = bookMatter.title
  if (title === undefined) {
    // A chapter's first heading would title the book after its first chapter: the folder's name is the better guess,
    // unless the folder opens with a README.md or index.md, whose heading names the project (GitHub shows it for the folder).
    const opening = drafts[0]?.source === plan.chapters[0]?.file.display ? plan.chapters[0]?.file : undefined
    const introduction = opening && path.dirname(opening.path) === source.path && /^(readme|index)\.md$/i.test(path.basename(opening.path)) ? firstHeadingText(drafts[0]!.blocks) : undefined
    title = introduction ?? manuscript.name
    const files = manuscript.bookToml ? `${BOOK_YAML} or ${BOOK_TOML}` : BOOK_YAML
    const after = introduction === undefined ? 'its folder' : `the first heading of ${path.basename(opening!.path)}`
    diag.warn(`no \`title\` in ${files}: the book is titled \`${title}\` after ${after}`, where, 'title')
  }
  const metadata = buildMetadata(bookMatter, title, where, options.sourceDateEpoch, diag)
  if (cover !== undefined) metadata.cover = cover
  return { metadata, drafts, parts, sourceRoot: source.path, matter: bookMatter }

  /** In a book folder a chapter's front matter can only title the chapter; the rest belongs to `book.yaml`. */
  function warnBookKeysInChapter(frontMatter: FrontMatter | undefined): void {
    for (const [key, place] of frontMatter?.keyPlaces ?? []) {
      if (key !== 'title') diag.warn(`\`${key}\` describes the book: put it in ${BOOK_YAML}; ignored here`, place, 'front-matter')
    }
  }
}

const SUMMARY_MD = 'SUMMARY.md'

/**
 * The book's metadata from `book.yaml` and `book.toml` together: `book.yaml`
 * is Octavo's own and wins; a key both give, with different values, is named
 * in a warning at `book.toml`'s line.
 */
function withBookToml(yaml: FrontMatter, toml: FrontMatter, diag: Diagnostics): FrontMatter {
  const merged: FrontMatter = { ...yaml, keyPlaces: new Map(yaml.keyPlaces) }
  const keys = [
    ['title', 'title', 'title'],
    ['description', 'description', 'description'],
    ['lang', 'lang', 'language'],
    ['authors', 'author', 'authors'],
    ['theme', 'theme', 'theme'],
    ['page', 'page', 'page'],
    ['toc', 'toc', 'toc'],
    ['press', 'press', 'press'],
  ] as const
  for (const [field, yamlKey, tomlKey] of keys) {
    const value = toml[field]
    if (value === undefined) continue
    const place = toml.keyPlaces.get(yamlKey)
    const ours = yaml[field]
    if (ours === undefined) {
      Object.assign(merged, { [field]: value })
      if (place) merged.keyPlaces.set(yamlKey, place)
    } else if (JSON.stringify(ours) !== JSON.stringify(value)) {
      diag.warn(`\`${tomlKey}\` differs from \`${yamlKey}\` in ${BOOK_YAML}, which is used`, place, 'book-toml')
    }
  }
  return merged
}

/** mdBook's source folder (`[book] src`), checked to be a folder inside the book's. */
async function sourceFolder(manuscript: Extract<Manuscript, { kind: 'folder' }>, toml: BookToml, diag: Diagnostics): Promise<SourceFile> {
  const absolute = path.resolve(manuscript.root, toml.src)
  if (path.isAbsolute(toml.src) || (absolute !== manuscript.root && !isInside(manuscript.root, absolute))) {
    diag.fail(`source folder ${toml.src} is outside the book's folder`, toml.srcPlace, 'book-toml')
  }
  const isFolder = await stat(absolute).then(
    (stats) => stats.isDirectory(),
    () => false,
  )
  if (!isFolder) diag.fail(`source folder not found: ${path.join(manuscript.display, toml.src)}`, toml.srcPlace, 'book-toml')
  return { path: absolute, display: path.join(manuscript.display, path.relative(manuscript.root, absolute)) }
}

/**
 * The chapters `SUMMARY.md` lists, in its order, each checked as `book.yaml`'s
 * are (relative to `SUMMARY.md`). A draft (`[Title]()`) has no file: it is
 * left out with a warning, and the chapters nested under it move up a level.
 * Numbers stay mdBook's, a draft's going unused, so that the editions agree
 * with the book's web edition and with the text's own references ("see 3.2").
 */
async function summaryChapters(
  summary: FolderFile,
  manuscript: Extract<Manuscript, { kind: 'folder' }>,
  candidates: readonly SourceFile[],
  diag: Diagnostics,
): Promise<ChapterPlan> {
  const { text } = await readSource(summary.path, summary.display, diag)
  const parsed = parseSummary(text, summary.display, diag)
  const chapters: PlannedChapter[] = []
  const seen = new Set<string>()
  const base = path.dirname(summary.path)
  const visit = async (entries: readonly SummaryEntry[], level: number): Promise<void> => {
    for (const entry of entries) {
      if (entry.target === undefined) {
        const under = entry.children.length > 0 ? '; the chapters under it move up a level' : ''
        diag.warn(`draft chapter \`${entry.title}\` has no file: left out of the book${under}`, entry.place, 'summary')
        await visit(entry.children, level)
        continue
      }
      const file = await chapterFile(entry.target, entry.place, base, manuscript, seen, diag)
      const planned: PlannedChapter = { file, title: entry.title, level }
      if (entry.number !== undefined) planned.number = entry.number
      if (entry.part !== undefined) planned.part = entry.part
      chapters.push(planned)
      await visit(entry.children, level + 1)
    }
  }
  await visit(parsed.entries, 1)
  warnUnlisted(candidates, seen, SUMMARY_MD, summary.display, diag)
  return { chapters, parts: parsed.parts }
}

/** The parts some chapter belongs to, numbered anew; a part left with no chapter is named in a warning. */
function usedParts(parts: ChapterPlan['parts'], drafts: ChapterDraft[], diag: Diagnostics): Part[] {
  const used: Part[] = []
  const renumbered = new Map<number, number>()
  parts.forEach((part, index) => {
    if (!drafts.some((draft) => draft.part === index)) {
      diag.warn(`part \`${part.title}\` has no chapter: left out`, part.place, 'summary')
      return
    }
    renumbered.set(index, used.length)
    used.push({ id: `part-${used.length + 1}`, title: part.title })
  })
  for (const draft of drafts) if (draft.part !== undefined) draft.part = renumbered.get(draft.part)!
  return used
}

/**
 * Levels once the chapters marked `omitted` are taken out: each chapter
 * nested (at any depth) under an omitted one moves up a level for it.
 * Returns the levels of the chapters kept, in order.
 */
export function closeLevels(chapters: ReadonlyArray<{ level: number; omitted: boolean }>): number[] {
  const open: number[] = []
  const levels: number[] = []
  for (const { level, omitted } of chapters) {
    while (open.length > 0 && open.at(-1)! >= level) open.pop()
    if (omitted) open.push(level)
    else levels.push(Math.max(1, level - open.length))
  }
  return levels
}

/**
 * Read, parse and convert one chapter file, with its front matter checked
 * (and its cover, when it describes the book). Its includes are expanded
 * first; the parse's positions are then moved back to the file as written.
 */
async function loadFile(file: SourceFile, assets: AssetRegistry, scope: LoadScope, options: { cover?: boolean } = {}): Promise<LoadedFile> {
  const diag = scope.diag
  if (file.text === undefined) scope.onRead?.(file.path)
  const { text: written, removed } = file.text !== undefined ? decodeSource(new TextEncoder().encode(file.text), file.display, diag) : await readSource(file.path, file.display, diag)
  const { text, origins } = await expandIncludes(written, file, scope)
  // The conversion depends on the text (as written and with its includes), where it is, and what was mended in it.
  const key = cacheKey('chapter', file.display, file.path, options.cover === true, written, text, JSON.stringify(removed))
  return convertCached(scope.cache, key, diag, assets, async () => convertFile(file, text, removed, origins, assets, diag, options))
}

/** Parse and convert one chapter file's text (its includes expanded), with its front matter checked. */
async function convertFile(
  file: SourceFile,
  text: string,
  removed: Parameters<typeof restoreColumns>[1],
  origins: Awaited<ReturnType<typeof expandIncludes>>['origins'],
  assets: AssetRegistry,
  diag: Diagnostics,
  options: { cover?: boolean },
): Promise<LoadedFile> {
  const loaded: LoadedFile = { file, blocks: [], footnotes: new Map() }
  const images = assets.sourceFor(file.path)
  let first = true
  // A large file comes in parts; each part's tree is dropped once converted.
  for (const part of parseInParts(text, file.display)) {
    const { tree, flattened, clamped, kept } = part
    let lastLine = part.lastLine
    if (origins) {
      lastLine = relocateTree(tree, origins, lastLine)
      for (const report of [...flattened, ...clamped, ...kept]) {
        const at = origins.locate(report.line, report.column)
        report.line = at.line
        report.column = at.column
      }
    }
    restoreColumns(tree, removed)
    reportClamped(clamped, file.display, diag)
    reportFlattened(flattened, file.display, diag)
    for (const report of kept) {
      diag.warn(`unknown directive \`${report.written}\` kept as text`, { file: file.display, line: report.line, column: report.column }, 'unknown-directive')
    }
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
    const parsed = await mdastToModel(tree, file.display, diag, images, lastLine)
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
  candidates: readonly SourceFile[],
  diag: Diagnostics,
): Promise<PlannedChapter[]> {
  const chapters: PlannedChapter[] = []
  const seen = new Set<string>()
  for (const entry of entries) chapters.push({ file: await chapterFile(entry.name, entry.place, manuscript.root, manuscript, seen, diag) })
  warnUnlisted(candidates, seen, '`chapters`', entries[0]?.place, diag)
  return chapters
}

/**
 * A chapter file a list names (`name`, relative to `base`), checked to be a
 * `.md` file inside the book's folder, there, and not listed before; `seen`
 * gathers the files listed.
 */
async function chapterFile(
  name: string,
  place: Place,
  base: string,
  manuscript: Extract<Manuscript, { kind: 'folder' }>,
  seen: Set<string>,
  diag: Diagnostics,
): Promise<SourceFile> {
  const absolute = path.resolve(base, name)
  if (path.isAbsolute(name) || !isInside(manuscript.root, absolute)) {
    diag.fail(`chapter ${name} is outside the book's folder`, place, 'chapters')
  }
  if (!/\.md$/i.test(name)) diag.fail(`chapter ${name} is not a .md file`, place, 'chapters')
  if (seen.has(absolute)) diag.fail(`chapter ${name} is listed twice`, place, 'chapters')
  seen.add(absolute)
  const display = path.join(manuscript.display, path.relative(manuscript.root, absolute))
  const isFile = await stat(absolute).then(
    (stats) => stats.isFile(),
    () => false,
  )
  if (!isFile) diag.fail(`chapter file not found: ${display}`, place, 'chapters')
  return { path: absolute, display }
}

/** Left out, the files of the folder a list of chapters does not name: one warning each, the first few. */
function warnUnlisted(candidates: readonly SourceFile[], seen: ReadonlySet<string>, list: string, place: Place | string | undefined, diag: Diagnostics): void {
  const unlisted = candidates.filter((file) => !seen.has(file.path))
  for (const file of unlisted.slice(0, MAX_UNLISTED_WARNINGS)) {
    diag.warn(`${file.display} is not listed in ${list}: left out`, place, 'chapters')
  }
  if (unlisted.length > MAX_UNLISTED_WARNINGS) {
    diag.warn(`${unlisted.length - MAX_UNLISTED_WARNINGS} more .md files are not listed in ${list}: left out`, place, 'chapters')
  }
}

const MAX_UNLISTED_WARNINGS = 10

/** Ids, footnote numbers, heading ids, links, hidden code lines and code highlighting: the passes over the assembled chapters. */
async function assembleChapters(drafts: ChapterDraft[], root: string, diag: Diagnostics): Promise<Chapter[]> {
  const called = new Map<Map<string, FootnoteDraft>, Set<string>>()
  const chapters = drafts.map((draft, index) => {
    const chapter: Chapter = { id: chapterId(index), title: draft.title, source: draft.source, blocks: draft.blocks, notes: [] }
    if (draft.part !== undefined) chapter.part = draft.part
    if (draft.level !== undefined) chapter.level = draft.level
    if (draft.number !== undefined) chapter.number = draft.number
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
  assignHeadingIds(chapters, diag)
  nameIndexMarks(chapters, diag)
  resolveLinks(chapters, root, diag)
  hideCodeLines(chapters)
  await highlightCode(chapters)
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
