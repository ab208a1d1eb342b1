import type { AlertKind, TokenKind } from '../model/book.js'

/**
 * The typography layer: one object that both editions read.
 *
 * Every font, size, leading, indent, space, colour and page dimension of an
 * edition comes from a `Theme` through `resolveStyle` and `pageGeometry`; the
 * EPUB's CSS is generated from it and the PDF typesetter reads the same numbers.
 */

/** One font file, shipped by an npm package. */
export interface FontFile {
  /** Family name as declared in CSS and shown by `pdffonts`. */
  family: string
  weight: 400 | 700
  style: 'normal' | 'italic'
  /** npm package that ships the file, and the path of the file inside it. */
  package: string
  file: string
  /** SPDX identifier of the font's licence. */
  license: string
  /**
   * For a fallback face drawn for some scripts only: the Unicode scripts (as
   * `\p{Script_Extensions=…}` names them, e.g. `Arabic`) of the characters it
   * is used for. A face that also carries Latin letters and punctuation (most
   * Noto faces do) then leaves those to the faces after it, in both editions.
   * Absent: every character the face has.
   */
  scripts?: string[]
}

/** The faces a theme sets text in. `text*` is the serif of running text. */
export type FontKey = 'text' | 'textItalic' | 'textBold' | 'textBoldItalic' | 'mono'

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
  face: 'text' | 'mono'
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
  fonts: Record<FontKey, FontFile>
  /**
   * Faces for characters the text face lacks (other scripts, symbols, emoji),
   * tried in order; the PDF sets such characters in the first that has them,
   * the EPUB lists them after the text face.
   */
  fallbacks: FontFile[]
  /** Fallback family per face for CSS. */
  generic: Record<'text' | 'mono', GenericFamily>
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
  /** Margins per preset, in points; inner and outer mirror on left-hand pages. */
  margins: Record<PagePreset, Margins>
  hyphenation: {
    /** Letters to keep before and after a hyphen. */
    leftMin: number
    rightMin: number
    /** Which words with capitals may be hyphenated: none, those with only an initial capital, or all. Words with digits never are. */
    capitalised: 'none' | 'initial' | 'all'
  }
  /** Deepest heading level listed in tables of contents. */
  tocDepth: 1 | 2 | 3 | 4 | 5 | 6
  /** The sign set centred for a thematic break. */
  sectionBreak: string
  /**
   * The lead-in of an article: its first paragraph opens with this many words
   * in small capitals (fewer when the first clause ends sooner), in both
   * editions; 0 for none. Set only when the text face has small capitals (`smcp`).
   */
  leadIn: { words: number }
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
