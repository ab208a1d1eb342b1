import type { AlertKind, TokenKind } from '../model/book.js'
import type { TrimName } from './trims.js'

/**
 * The typography layer: one object that both editions read.
 *
 * Every font, size, leading, indent, space, colour and page dimension of an
 * edition comes from a `Theme` through `resolveStyle` and `pageGeometry`; the
 * EPUB's CSS is generated from it and the PDF typesetter reads the same numbers.
 */

/** One font file: shipped by an npm package, or a file of the writer's own (a theme file's `fonts`). */
export type FontFile = PackagedFont | LocalFont

/** What every font file declares, however it is found. */
export interface FontFace {
  /** Family name as declared in CSS and shown by `pdffonts`. */
  family: string
  /** CSS weight: 400 regular, 700 bold (a writer's own file may declare any weight from 1 to 1000). */
  weight: number
  style: 'normal' | 'italic'
  /** The font's licence: an SPDX identifier, or, for a writer's own file, the licence its name table describes. */
  license: string
  /**
   * For a fallback face drawn for some scripts only: the Unicode scripts (as
   * `\p{Script_Extensions=…}` names them, e.g. `Arabic`) of the characters it
   * is used for. A face that also carries Latin letters and punctuation (most
   * Noto faces do) then leaves those to the faces after it, in both editions.
   * Absent: every character the face has.
   */
  scripts?: string[]
  /**
   * A fallback face for formulas alone: a font with an OpenType MATH table
   * (its sizes, stretched delimiters and radicals), in which the EPUB sets
   * its MathML. It serves no character of the text. The print edition draws
   * formulas with MathJax's own outlines.
   */
  math?: boolean
}

/** A font file shipped by an npm package. */
export interface PackagedFont extends FontFace {
  /** npm package that ships the file, and the path of the file inside it. */
  package: string
  file: string
}

/** A font file of the writer's own, named by a theme file (TTF, OTF or WOFF2). */
export interface LocalFont extends FontFace {
  /** Absolute path of the file. */
  path: string
  /** SHA-256 of the file's bytes: what caches key it by, so that a changed file is never taken for the old one. */
  sha256: string
  /** Where the licence can be read (the name table's licence URL), when the font says. */
  licenseUrl?: string
}

/**
 * The families a role can be set in: `text`, the face of running text;
 * `heading`, the face of headings, titles and running heads (the text face
 * itself, or another family, such as a sans); `mono`, the face of code.
 */
export type Face = 'text' | 'heading' | 'mono'

/**
 * The faces a theme sets text in: `text*` is the face of running text in its
 * four weights and slants, `heading*` the same for the heading family, `mono`
 * the face of code. A heading face made of the same file as the text face is
 * one face: both editions embed it once.
 */
export type FontKey = 'text' | 'textItalic' | 'textBold' | 'textBoldItalic' | 'heading' | 'headingItalic' | 'headingBold' | 'headingBoldItalic' | 'mono'

/** Generic CSS families to fall back on, per face, for readers that refuse embedded fonts. */
export type GenericFamily = 'serif' | 'sans-serif' | 'monospace'

/** What a piece of text is, typographically. */
export type TextRole =
  | 'body'
  | 'title'
  | 'subtitle'
  | 'byline'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'blockquote'
  | 'code'
  | 'caption'
  | 'footnote'
  | 'table'
  | 'runningHead'
  | 'folio'
  /** A part's title, alone on the page that opens the part in print. */
  | 'partTitle'
  /** A part's line in the contents, over its chapters (both editions). */
  | 'contentsPart'

export type Align = 'justify' | 'left' | 'center' | 'right'

/** How one role is set, in units relative to the body text, as a theme declares it. */
export interface RoleSpec {
  /** Font size as a multiple of the body size. */
  scale: number
  /** Line height as a multiple of this role's own size; defaults to the theme's leading. */
  leading?: number
  face: Face
  bold?: boolean
  italic?: boolean
  smallCaps?: boolean
  /** Space above and below, in body lines (so vertical rhythm survives a change of size). */
  spaceBefore?: number
  spaceAfter?: number
  align?: Align
  /** Left and right indent of the whole block, in ems of the body size. */
  inset?: number
  colour?: keyof Colours
}

export interface Colours {
  text: string
  /** Ground of marked (highlighted) text. */
  mark: string
  heading: string
  link: string
  muted: string
  rule: string
  codeBackground: string
}

/** Trim size of a page, in PostScript points (1/72 inch). */
export interface PageSize {
  width: number
  height: number
}

export type PagePreset = 'a5' | 'a4' | 'letter' | '6x9'

/** A page `--page` names: a theme's preset, or a printer's trim (see `trims.ts`). */
export type PageName = PagePreset | TrimName

export interface Margins {
  top: number
  bottom: number
  /** Margin at the spine. */
  inner: number
  /** Margin at the fore-edge. */
  outer: number
}

export interface Theme {
  name: string
  /** What the theme is for, in one line (`octavo themes` lists it). */
  description: string
  fonts: Record<FontKey, FontFile>
  /**
   * Faces for characters the text face lacks (other scripts, symbols, emoji),
   * tried in order; the PDF sets such characters in the first that has them,
   * the EPUB lists them after the text face.
   */
  fallbacks: FontFile[]
  /** Fallback family per face for CSS. */
  generic: Record<Face, GenericFamily>
  /** Body text size in points. */
  size: number
  /** Body line height as a multiple of the body size. */
  leading: number
  /** First-line indent of a paragraph that follows a paragraph, in ems. Paragraphs after headings, breaks and other blocks are not indented. */
  indent: number
  roles: Record<TextRole, RoleSpec>
  /** Size of superscripts and subscripts (footnote calls among them) as a multiple of the text around them. */
  scriptScale: number
  colours: Colours
  /** Colours of highlighted code, per kind of token; plain code takes `colours.text`. */
  codeColours: Record<TokenKind, string>
  /**
   * A code line wider than the measure goes on on the next row. The print
   * edition sets `sign` there (muted; no part of the text) and starts the
   * row's text `indent` character widths (CSS `ch` of the code face) past the
   * indentation of the line it continues; the EPUB indents its continued rows
   * by the same `indent`, where the reader can.
   */
  codeContinuation: { sign: string; indent: number }
  pages: Record<PagePreset, PageSize>
  /**
   * Margins per preset, in points; inner and outer mirror on left-hand pages.
   * A printer's trim may have its own; one without is given margins by
   * `derivedMargins` (see `trims.ts`).
   */
  margins: Record<PagePreset, Margins> & Partial<Record<TrimName, Margins>>
  hyphenation: {
    /** Letters to keep before and after a hyphen. */
    leftMin: number
    rightMin: number
    /** Which words with capitals may be hyphenated: none, those with only an initial capital, or all. Words with digits never are. */
    capitalised: 'none' | 'initial' | 'all'
  }
  /** Deepest heading level listed in tables of contents. */
  tocDepth: 1 | 2 | 3 | 4 | 5 | 6
  /** The contents, in both editions: space above each first-level entry (but the first, and one under a part's line), in body lines. */
  contents: { space: number }
  /**
   * The printed index, set in columns in smaller type: `scale` of the body
   * size (lines at the theme's `leading` of that size), `columns` side by
   * side `columnGap` ems of the body size apart, subentries indented
   * `subentryIndent` ems of the index size each level, every entry's
   * continued lines `runover` ems past the deepest subentry's indent (so a
   * reader never takes one for a subentry), and
   * `groupSpace` index lines above each letter's heading.
   */
  index: { scale: number; columns: number; columnGap: number; subentryIndent: number; runover: number; groupSpace: number }
  /**
   * Section numbers (`1`, `1.1`, `1.1.1`) set before headings, in both
   * editions and in the contents of both: in a book a chapter is the first
   * level, in an article its shallowest headings are. `depth` is how many
   * levels are numbered; 0 for none.
   */
  numbering: { depth: number }
  /** The sign set centred for a thematic break (a scene break): a sign, or an ornament such as ❧. */
  sectionBreak: string
  /**
   * The lead-in: a first paragraph opens with this many words in small
   * capitals (fewer when the first clause ends sooner), in both editions; 0
   * for none. An article's first paragraph has it; with `chapters`, so has
   * the first paragraph of every chapter of a book that opens with one (after
   * its heading). Set only when the text face has small capitals (`smcp`).
   */
  leadIn: { words: number; chapters: boolean }
  /**
   * GitHub's alerts (`> [!NOTE]` and the like): a rule down the left side,
   * the label in bold on a line of its own above the text, both in the kind's
   * colour, and the text set past the rule. No icon and no ground, so that
   * the alert prints as well in greyscale as in colour (its label tells the
   * kinds apart where the colours do not).
   */
  alert: {
    /** Weight of the rule, in ems of the body size. */
    rule: number
    /** From the rule to the text, in ems of the body size. */
    gap: number
    /** Space above and below an alert, in body lines. */
    space: number
    /** The colour of each kind's rule and label: dark enough to read as text on white. */
    colours: Record<AlertKind, string>
  }
  /** Definition lists (raw HTML's `dl`): each term in bold on a line of its own, its details indented below it. */
  definitions: {
    /** Indent of the details, in ems of the body size. */
    indent: number
    /** Space above and below the list and between its items, in body lines. */
    space: number
  }
  /** Disclosures (raw HTML's `details`): the summary in bold, run in to the first paragraph of the body. */
  details: {
    /** Space above and below, in body lines. */
    space: number
  }
  /** How tables are set, in both editions. */
  tables: TableSpec
  /** Rules of text within a paragraph, in both editions. */
  inline: {
    /**
     * Emphasis within italic text (emphasis within emphasis, or in an italic
     * role such as a caption): `roman` sets it upright, as books do;
     * `italic` keeps it italic.
     */
    emphasisWithinItalic: 'roman' | 'italic'
    /** Size of smaller text (raw HTML's `small`) as a multiple of the text around it. */
    smallScale: number
    /** Whether links are underlined as well as set in `colours.link`. */
    underlineLinks: boolean
  }
  /** Bulleted, numbered and task lists. */
  lists: {
    /** Space above and below a list, and between the items of a loose list, in lines of the text around it. */
    space: number
    /**
     * From a label (bullet, number, check box) to the item's text, in word
     * spaces of the text: print sets the labels in a column as wide as the
     * widest label and this gap.
     */
    gap: number
    /**
     * The indent of items in the EPUB, in ems, where the reader places the
     * markers: a reading system cannot measure the labels as print does.
     */
    indent: number
    /** How far left of its text a task's check box stands in the EPUB, in ems (into the indent, where a marker would be). */
    taskHang: number
  }
  /** Space above and below a section break, in lines of the text around it. */
  sectionBreakSpace: number
  /** Figures: space above one whose caption role sets none (`roles.caption.spaceBefore`), in lines of the caption; below, the caption's `spaceAfter`. */
  figures: { space: number }
  /** Displayed formulas (`$$ … $$`): space above and below each, in lines of the text around it. */
  math: { space: number }
  /** Footnotes, at the foot of the page in print and after the text (or as pop-ups) in the EPUB. */
  footnotes: {
    /** Space between the text and the notes, in body lines; the rule stands two thirds of the way down it. */
    space: number
    /** The rule over the notes: its length as a part of the measure, its weight in ems of the notes' size. */
    rule: { length: number; weight: number }
  }
  /**
   * How far down the text block a page that opens something starts, as a
   * part of the text block's depth (print): the title page, a chapter, a part
   * of the book. An e-reader has no page to drop on: the EPUB does not.
   */
  openings: { title: number; chapter: number; part: number }
  /**
   * Running heads and folios (print): the distance of a running head's
   * baseline above the text block, and of a folio's baseline below it, in
   * body lines. The EPUB has neither: a reader shows its own.
   */
  furniture: { head: number; folio: number }
  /** The title page's publisher stands this many body lines below the byline (the EPUB's title page; print sets no publisher). */
  titlePage: { publisherSpace: number }
  /** Space between the paragraphs of the colophon, in ems (the EPUB's colophon; print has none). */
  colophon: { space: number }
}

/** Cell padding, rules and the smaller sizes of tables (the text itself is the `table` role). */
export interface TableSpec {
  /** Space between a cell's text and its edges, above and below (`block`) and left and right (`inline`), in ems of the table's text. */
  padding: { block: number; inline: number }
  /** Weights of the rules above and below a table (`outer`) and under its header rows (`header`), in ems of the table's text. */
  rules: { outer: number; header: number }
  /**
   * Sizes, as multiples of the body size, that a table too wide for the
   * measure is set in, tried in order before it is turned broadside (print).
   */
  smallerScales: number[]
}
