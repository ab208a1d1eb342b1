/**
 * The Book model: what both editions are made from.
 *
 * The parser turns mdast into this; the transforms rewrite it; the EPUB and
 * PDF emitters read only this. It imports nothing, so every other layer can
 * depend on it without cycles.
 */

/** Where something stands in a source file (1-based, as unist counts). */
export interface Place {
  /** Path of the source file, as given on the command line or found in the book folder. */
  file: string
  line: number
  column: number
}

export interface Metadata {
  title: string
  subtitle?: string
  /** Zero or more authors; none is a valid state (the seed article names none). */
  authors: string[]
  /** BCP 47 language tag, e.g. `en`, `en-GB`, `fr`. */
  lang: string
  /** Publication date as written in the front matter (ISO 8601 date or date-time). */
  date?: string
  publisher?: string
  description?: string
  subjects: string[]
  rights?: string
  /** Identifier given by the writer (ISBN, URN, URL); otherwise derived from the metadata. */
  identifier?: string
  /**
   * Id of the entry in `Book.assets` that is the book's cover image, when the
   * front matter names one (`cover:`, a local image inside the manuscript's
   * folder). Without it the EPUB makes its cover from the title and authors.
   */
  cover?: string
  /**
   * When the edition was last modified, as an ISO 8601 instant: from
   * `SOURCE_DATE_EPOCH`, else the front-matter date, else the moment of the
   * build. Two builds of one manuscript are byte-identical when either of the
   * first two is given.
   */
  modified: string
}

/** The printers Octavo makes print files for: Amazon KDP (paperback), IngramSpark, an offset printer (PDF/X-4). */
export type PressName = 'kdp' | 'ingram' | 'offset'

export interface Book {
  metadata: Metadata
  chapters: Chapter[]
  assets: Asset[]
  /**
   * The parts the chapters are grouped in, in book order (mdBook's `# Part
   * title` lines in `SUMMARY.md`). Absent or empty for a book without parts.
   * A part holds the run of chapters whose `part` is its index; chapters
   * before, between or after parts (a foreword, an appendix) have none.
   */
  parts?: Part[]
  /** A list of figures, and one of tables, after the contents (`lof: true`, `lot: true`): their entries are the labelled figures and tables. */
  listOfFigures?: true
  listOfTables?: true
  /** How the EPUB sets formulas (`math: svg`): as MathML when absent (see `MathForm`). */
  mathForm?: MathForm
}

/**
 * How the EPUB sets formulas: `mathml`, set by the reader's software with its
 * own fonts; or `svg`, drawings of the print edition's outlines, each with
 * its TeX as text alternative, for e-readers that cannot set MathML.
 */
export const mathForms = ['mathml', 'svg'] as const
export type MathForm = (typeof mathForms)[number]

/** A division of the book above its chapters: a title, and the chapters that name it. */
export interface Part {
  /** Unique within the book; usable as an XML id and a PDF destination. */
  id: string
  /** Plain text, as the contents and the part's title page show it. */
  title: string
}

export interface Chapter {
  /** Stable, unique within the book; usable as a file name and an XML id. */
  id: string
  /** Plain-text title for tables of contents and running heads. */
  title: string
  /** Source file the chapter came from. */
  source: string
  blocks: Block[]
  /** Footnotes of this chapter, in the order of their first call. */
  notes: Note[]
  /** Index into `Book.parts` of the part the chapter belongs to; absent outside parts. */
  part?: number
  /**
   * How deep the chapter nests in the book's contents: 1 (or absent) for a
   * chapter, 2 for a section listed under the nearest chapter before it of
   * level 1, and so on. Chapters keep book order: a chapter of level n + 1
   * always follows its parent (of level n) or a sibling.
   */
  level?: number
  /**
   * The chapter's number as the contents show it, in mdBook's form (`3.`,
   * `3.1.`): given to numbered chapters of a `SUMMARY.md`, never to the
   * unnumbered chapters before and after them.
   */
  number?: string
  /** `bibliography`: the chapter is the reference list, made at the end of the book (see `transform/citations.ts`). */
  role?: 'bibliography'
}

export interface Note {
  /** Unique within the book; usable as an XML id. */
  id: string
  /** 1-based number, counted per chapter. */
  number: number
  blocks: Block[]
  place?: Place
}

/** An image file that lives inside the manuscript's folder. */
export interface Asset {
  /** Unique within the book; usable as a file name. */
  id: string
  /** Absolute path on disk, already checked to be inside the manuscript's folder. */
  path: string
  mediaType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/svg+xml'
  /** What reading the file found, once, while the book was loaded (see `load/decode-image.ts`). */
  image: DecodedImage
}

/**
 * An image file as the loader read it: checked whole (a damaged file is the
 * manuscript's fault, with its place), and what the editions need of it, so
 * that neither decodes the file again.
 */
export interface DecodedImage {
  /** Its own size in points: a raster image's pixel counts as a point; an SVG's size as its root element gives it. */
  width: number
  height: number
  /** A raster image's pixels across and down (absent for an SVG, which has none). */
  pixels?: { width: number; height: number }
  /** A GIF's first frame, as PNG bytes: what print shows of it (pdfkit embeds PNG and JPEG only). */
  firstFrame?: Uint8Array
}

// ---------------------------------------------------------------------------
// Blocks

export type Block =
  | Heading
  | Paragraph
  | BlockQuote
  | List
  | CodeBlock
  | ThematicBreak
  | Table
  | Figure
  | DefinitionList
  | Details
  | Alert
  | MathBlock

interface BlockBase {
  place?: Place
  /**
   * Link targets written just before the block (raw `<a id>` / `<a name>`
   * standing on their own): ids, unique within the chapter's source file,
   * that lead to the block's start.
   */
  anchors?: string[]
}

export interface Heading extends BlockBase {
  type: 'heading'
  /** 1–6, as in the manuscript. */
  depth: 1 | 2 | 3 | 4 | 5 | 6
  /**
   * Link target, unique within the source file the chapter comes from: the id
   * written after the heading (`{#id}`), or GitHub's slug of `slugText` (the
   * heading-ids pass sets it). Kept as written; an emitter that needs another
   * form (an XML id) maps it.
   */
  id: string
  /** Whether `id` was written in the manuscript (`{#id}`) rather than made from the text. */
  explicitId?: boolean
  /** The heading's text as GitHub makes its slug of it: the words as written, before smart punctuation. */
  slugText?: string
  /** Alignment written in raw HTML (`<h2 align="center">`); the theme's otherwise. */
  align?: BlockAlign
  /** Set right to left (see `transform/directions.ts`); left to right when absent. */
  dir?: 'rtl'
  children: Inline[]
}

/** How a paragraph or heading is aligned when the manuscript says so (raw HTML's `align`, `text-align`). */
export type BlockAlign = 'left' | 'center' | 'right' | 'justify'

export interface Paragraph extends BlockBase {
  type: 'paragraph'
  /** `biblioentry`: an entry of the reference list (see `transform/citations.ts`). */
  role?: 'biblioentry'
  /** Alignment written in raw HTML (`<p align="center">`, or a `div`'s around it); the theme's otherwise. */
  align?: BlockAlign
  /** Set right to left (see `transform/directions.ts`); left to right when absent. */
  dir?: 'rtl'
  children: Inline[]
}

export interface BlockQuote extends BlockBase {
  type: 'blockquote'
  children: Block[]
}

export interface List extends BlockBase {
  type: 'list'
  ordered: boolean
  /** First number of an ordered list. */
  start: number
  /** Loose lists separate their items with space. */
  spread: boolean
  /** Every item is set right to left: the labels stand on the right (see `transform/directions.ts`). */
  dir?: 'rtl'
  items: ListItem[]
}

export interface ListItem {
  /** `null` for an ordinary item; a boolean for a GFM task-list item. */
  checked: boolean | null
  /** Set right to left in a list that is not (see `transform/directions.ts`). */
  dir?: 'rtl'
  children: Block[]
}

export interface CodeBlock extends BlockBase {
  type: 'code'
  lang?: string
  value: string
  /**
   * The same text cut into highlighted tokens, when the language is known; the
   * tokens' texts joined give `value` exactly.
   */
  tokens?: CodeToken[]
}

/** The kinds of token a highlighter tells apart; the theme gives each a colour. */
export type TokenKind = 'keyword' | 'string' | 'comment' | 'number' | 'literal' | 'type' | 'function' | 'variable' | 'operator' | 'punctuation' | 'meta'

export interface CodeToken {
  text: string
  /** Plain text when absent. */
  kind?: TokenKind
}

/**
 * A displayed formula (`$$ … $$`): TeX as written, set on lines of its own,
 * centred. Each edition converts the TeX (MathML in the EPUB, vector outlines
 * in the PDF); a formula neither can read is reported and set as code instead.
 */
export interface MathBlock extends BlockBase {
  type: 'math'
  tex: string
  /** A label for references to the formula (`{#eq:label}`), when one is given. */
  id?: string
  /**
   * The formula's number as both editions print it at the right of its line,
   * `(2.1)`: given by the cross-references pass to a formula with an `eq:` label.
   */
  number?: string
}

/** A thematic break, set as a section break. */
export interface ThematicBreak extends BlockBase {
  type: 'thematicBreak'
}

export type CellAlign = 'left' | 'right' | 'center'

export interface TableCell {
  children: Inline[]
  /** Columns and rows the cell spans (HTML's `colspan`, `rowspan`); 1 when absent. */
  colspan?: number
  rowspan?: number
  /** The cell's own alignment (HTML's `align`); otherwise its column's. */
  align?: CellAlign
}

export interface Table extends BlockBase {
  type: 'table'
  /** Alignment per column (GFM's delimiter row); `null` for the default. */
  align: Array<CellAlign | null>
  /**
   * Rows of cells, as written: a cell spanning rows stands only in its first
   * row, so a row may hold fewer cells than the table has columns (see
   * `model/table-grid.ts` for the grid).
   */
  rows: TableCell[][]
  /** How many of the first rows are header rows (1 for GFM; `thead`'s rows for raw HTML; may be 0). */
  headerRows: number
  /** The caption written on a line of its own before or after the table (`: Caption {#tbl:label}`), set above it. */
  caption?: Inline[]
  /** A label for references to the table (`{#tbl:label}` at the caption's end), when one is given. */
  id?: string
  /** The number both editions set before the caption (see `CaptionNumber`); given by the cross-references pass. */
  number?: CaptionNumber
}

/**
 * What the cross-references pass gives a labelled figure or table: its
 * number (`2.3`), and the words set before its caption in the book's
 * language, separator included (`Figure 2.3: `).
 */
export interface CaptionNumber {
  number: string
  lead: string
}

/**
 * A length written on a raw HTML image (`width="200"`, `width="50%"`): pixels,
 * which each edition counts as it counts an image's own pixels (so that an
 * image given its own width prints at its own size), or a percentage of the
 * measure. A hint: an edition never sets an image wider than its measure, nor
 * taller than its page.
 */
export interface ImageLength {
  value: number
  unit: 'px' | '%'
}

export interface Figure extends BlockBase {
  type: 'figure'
  /** Id of an entry in `Book.assets`. */
  asset: string
  alt: string
  caption?: Inline[]
  /** Width asked for in raw HTML; without it (and without `height`), the image's own size, fitted to the measure. */
  width?: ImageLength
  /** Height asked for in raw HTML, in pixels; used only without `width` (the image keeps its proportions). */
  height?: number
  /** A label for references to the figure (`![Caption](x.png){#fig:label}`), when one is given. */
  id?: string
  /** The number both editions set before the caption; given by the cross-references pass. */
  number?: CaptionNumber
}

/**
 * A definition list (raw HTML's `dl`): items of one or more terms and their
 * details, as written.
 */
export interface DefinitionList extends BlockBase {
  type: 'definitionList'
  items: DefinitionItem[]
}

export interface DefinitionItem {
  /** The terms (`dt`), each its own line; none when details come before any term. */
  terms: Inline[][]
  /** The details (`dd`), each a run of blocks. */
  details: Block[][]
}

/**
 * A disclosure (raw HTML's `details`): a summary and the body it opens onto.
 * Print cannot fold, and e-readers seldom can: both editions show it open,
 * the summary leading into the body.
 */
export interface Details extends BlockBase {
  type: 'details'
  /** The `summary`; empty when the manuscript gives none. */
  summary: Inline[]
  children: Block[]
}

/** The kinds of GitHub's alerts, as their markers name them (`> [!NOTE]`). */
export type AlertKind = 'note' | 'tip' | 'important' | 'warning' | 'caution'

/**
 * One of GitHub's alerts: a block quote that opens with `[!NOTE]`, `[!TIP]`,
 * `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` on a line of its own. The
 * marker is gone; the label replaces it.
 */
export interface Alert extends BlockBase {
  type: 'alert'
  kind: AlertKind
  /**
   * The word both editions set at the alert's head ("Note", "Warning"), in the
   * book's language: part of the text (a page may start at it). Given by the
   * alert-labels pass once the book's language is known.
   */
  label: string
  children: Block[]
}

// ---------------------------------------------------------------------------
// Inlines

export type Inline =
  | Text
  | Emphasis
  | Strong
  | Delete
  | InlineCode
  | Link
  | Break
  | NoteRef
  | InlineImage
  | Styled
  | Anchor
  | InlineMath
  | Citation
  | IndexMark
  | CrossRef

export interface Text {
  type: 'text'
  value: string
  /**
   * The BCP 47 language of the text, when it is not the book's: declared in
   * the manuscript (raw HTML's `lang`), or told by its script (a Korean word
   * in an English book; see `transform/languages.ts`). Absent: the book's.
   */
  lang?: string
}

export interface Emphasis {
  type: 'emphasis'
  children: Inline[]
}

export interface Strong {
  type: 'strong'
  children: Inline[]
}

export interface Delete {
  type: 'delete'
  children: Inline[]
}

export interface InlineCode {
  type: 'inlineCode'
  value: string
}

/**
 * Where a link leads, once the links pass has resolved it against the book:
 * out of the book (`web`: any address with a scheme a reader may follow), or
 * to a chapter, at an id of it or at its start.
 */
export type LinkTarget =
  | { kind: 'web'; url: string }
  | { kind: 'internal'; chapter: string; id?: string }

export interface Link {
  type: 'link'
  /** The address as written in the manuscript. */
  url: string
  /**
   * Set by the links pass (`transform/resolve-links.ts`); a link it cannot
   * resolve is replaced by its text, so every link an emitter sees has one.
   */
  target?: LinkTarget
  title?: string
  children: Inline[]
  /** Where the link is written, for messages about it. */
  place?: Place
}

/** A link target inside a line of text: raw `<a id>` or `<a name>`. Unique within its source file. */
export interface Anchor {
  type: 'anchor'
  id: string
  /** Where the id is written, for messages about it. */
  place?: Place
}

/** A hard line break. */
export interface Break {
  type: 'break'
}

/** A footnote call. */
export interface NoteRef {
  type: 'noteRef'
  /** Id of the `Note` it calls. */
  note: string
  number: number
}

export interface InlineImage {
  type: 'image'
  asset: string
  alt: string
  /** Size asked for in raw HTML (see `Figure.width` and `Figure.height`). */
  width?: ImageLength
  height?: number
}

/** A formula in a line of text (`$ … $`): TeX as written, with where it stands for messages about it. */
export interface InlineMath {
  type: 'inlineMath'
  tex: string
  place?: Place
}

/** Inline formatting kept from raw HTML that Markdown has no syntax for. */
export interface Styled {
  type: 'styled'
  style: 'superscript' | 'subscript' | 'underline' | 'keyboard' | 'mark' | 'small'
  children: Inline[]
}

/**
 * A citation of works in the book's bibliography, in pandoc's syntax:
 * `[see @doe2020, p. 33; @roe2019]` (in parentheses, as the style sets it),
 * `@doe2020 says` (the author in the text), `[-@doe2020]` (the author left
 * out). The parser makes one of what is written; the citations pass gives it
 * its text as the book's style formats it (see `transform/citations.ts`).
 */
export interface Citation {
  type: 'citation'
  /** `in-text` for `@doe2020` written in the sentence (the author named in the text); `normal` for one in brackets. */
  mode: 'normal' | 'in-text'
  items: CitationItem[]
  /** The citation as written, set when no bibliography formats it. */
  source: string
  /**
   * The citation as the style formats it, each work cited a link to its
   * entry in the reference list. Until the citations pass, the text as written.
   */
  children: Inline[]
  /** Where the citation is written, for messages about it. */
  place?: Place
}

/** One work cited in a `Citation`, with what is written around it. */
export interface CitationItem {
  /** The work's key in the bibliography (`doe2020`). */
  key: string
  /** Text before the key in brackets (`see` in `[see @doe2020]`). */
  prefix?: string
  /** Text after the key and its locator (`and passim` in `[@doe2020, p. 33 and passim]`). */
  suffix?: string
  /** Where in the work: the locator's value (`33`) and its kind, as CSL names it (`page`). */
  locator?: string
  label?: string
  /** `[-@doe2020]`: the author is not named again. */
  suppressAuthor?: boolean
}

/** What an index mark says of its term (see `IndexMark`). */
export type IndexMarkKind = 'entry' | 'see' | 'seealso' | 'rangeStart' | 'rangeEnd'

/**
 * A place the back-of-book index points to (`:index[line breaking!Knuth–Plass]`).
 * It prints nothing: the term is usually in the sentence already. Each edition
 * puts a link target at it (`id`) and the index lists it under its term.
 */
export interface IndexMark {
  type: 'indexMark'
  /** The term and its subentries, outermost first (`line breaking!Knuth–Plass` → two steps). */
  term: string[]
  kind: IndexMarkKind
  /** The term a `see` or `seealso` mark sends the reader to, split as `term` is. */
  target?: string[]
  /**
   * Link target, unique within the book, given by the index-marks pass
   * (`transform/index-marks.ts`); empty until then.
   */
  id: string
  /** Where the mark is written, for messages about it. */
  place?: Place
}

/**
 * A reference to numbered things of the book, in pandoc-crossref's syntax:
 * `@fig:plot`, `[@fig:a; @fig:b]`, `@eq:energy`, `@tbl:sizes`, `@sec:intro`
 * (`@Fig:plot` to start with a capital). The parser makes one of what is
 * written; the cross-references pass gives it its text in the book's
 * language ("Figures 2.1 and 2.3"), each number a link to its target.
 */
export interface CrossRef {
  type: 'crossRef'
  /** The labels, as written (`fig:plot`). */
  labels: string[]
  /** Written with a capital (`@Fig:plot`): the words start with one. */
  capital: boolean
  /** Written `-@fig:plot`, as pandoc-crossref's reference without its word: the number alone ("2.3"). */
  bare?: true
  /**
   * Words written before the first key and after the last, in brackets
   * (`[see @sec:x]`, `[@fig:a, p. 4]`): both editions set them around the
   * reference's words, print's page words (` on page 45`) before the suffix.
   */
  prefix?: string
  suffix?: string
  /** The reference as written. */
  source: string
  /** The resolved text, its numbers links to the targets; until the pass, the text as written. */
  children: Inline[]
  /** Where the targets are, one per label found, in the order written. */
  targets: Array<{ chapter: string; id: string }>
  /**
   * Print only: the page words after the text (` on page 45`), for targets
   * not on the spread the reference is printed on. Set by the print
   * edition once its pages are known, never by the EPUB.
   */
  pageWords?: string
  /**
   * A destination name at the reference, unique within the book (`xref-3`),
   * given by the cross-references pass: where the print edition finds the
   * page the reference is printed on.
   */
  id?: string
  /** Where the reference is written, for messages about it. */
  place?: Place
}
