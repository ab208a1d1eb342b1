/**
 * Prepare: a paragraph's inline content becomes boxes, glue and penalties
 * (Knuth and Plass's items), each box carrying the styled text it stands for.
 *
 * Words are measured whole and split at hyphenation points by difference of
 * prefix widths, so a word that is not broken keeps its kerning and ligatures.
 */
import type { Inline } from '../model/book.js'
import type { Theme } from '../theme/index.js'
import { emergencyBreak, explicitHyphenBreak, hyphenationPoint } from './linebreak/items.js'
import type { Box, Glue, Item, Penalty } from './linebreak/items.js'
import type { Measurer } from './measure.js'
import { emphasised, inlineCode, strong, withColour, withFeatures } from './style.js'
import type { RunStyle } from './style.js'

export type LinkTarget = { url: string } | { dest: string }

/** What a box stands for: a piece of a word in one style. */
export interface Piece {
  text: string
  style: RunStyle
  link?: LinkTarget
  /** Index of the word in the block's text, counting runs of non-white-space as `inlineText` gives them. */
  word: number
  /** A footnote call: the id of the note. */
  note?: string
  /** A named destination placed at this piece (a footnote call's, for the note to link back to). */
  anchor?: string
}

export interface PrepareOptions {
  style: RunStyle
  /** First-line indent in points (an empty box). */
  indent: number
  /** Width of the text block the paragraph is set on: words wider than a fraction of it get emergency breaks. */
  measure: number
  /** Splits a word at its hyphenation points; absent means no hyphenation. */
  hyphenate?: (word: string) => string[]
  /** Set the opening words in small capitals (the lead-in of an article's first paragraph). */
  leadIn?: boolean
  /** Whether the text is justified: ragged text gets no stretchable word spaces. */
  justify: boolean
}

/** Interword glue relative to the face's space: TeX's 1/2 stretch and 1/3 shrink. */
const spaceStretch = 1 / 2
const spaceShrink = 1 / 3
/** Words wider than this part of the measure may break anywhere (URLs, long compounds, identifiers). */
const longWordFraction = 0.5
/** Longest prefix measured whole inside a long word (see `addLongPart`). */
const prefixLimit = 48
/** How many words the small-caps lead-in covers at most. */
const leadInWords = 4

interface Segment {
  kind: 'text' | 'note' | 'break'
  text: string
  style: RunStyle
  link?: LinkTarget
  note?: string
}

/** Flatten the inline tree into styled segments. */
export function segments(inlines: readonly Inline[], theme: Theme, style: RunStyle, link?: LinkTarget): Segment[] {
  const out: Segment[] = []
  const push = (segment: Segment): void => {
    if (link && !segment.link) segment.link = link
    out.push(segment)
  }
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        push({ kind: 'text', text: node.value, style })
        break
      case 'inlineCode':
        push({ kind: 'text', text: node.value, style: inlineCode(theme, style) })
        break
      case 'emphasis':
        out.push(...segments(node.children, theme, emphasised(style), link))
        break
      case 'strong':
        out.push(...segments(node.children, theme, strong(style), link))
        break
      case 'delete':
        out.push(...segments(node.children, theme, { ...style, strike: true }, link))
        break
      case 'link': {
        const target: LinkTarget = node.url.startsWith('#') ? { dest: node.url.slice(1) } : { url: node.url }
        out.push(...segments(node.children, theme, withColour(style, theme.colours.link), target))
        break
      }
      case 'break':
        push({ kind: 'break', text: '\n', style })
        break
      case 'noteRef':
        push({ kind: 'note', text: String(node.number), style: withFeatures(style, 'superscript'), note: node.note })
        break
      case 'image':
        // An image inside a line of text is set as its description, which is what a reader of the text needs.
        push({ kind: 'text', text: node.alt, style: emphasised(style) })
        break
    }
  }
  return out
}

class ItemBuilder {
  readonly items: Array<Item<Piece>> = []
  word = 0
  /** Whether the current word has begun (white space then starts a new one). */
  inWord = false
  constructor(
    readonly measurer: Measurer,
    readonly options: PrepareOptions,
  ) {}

  box(text: string, style: RunStyle, width: number, extra: Partial<Piece> = {}): void {
    const piece: Piece = { text, style, word: this.word, ...extra }
    const box: Box<Piece> = { type: 'box', width, content: piece }
    this.items.push(box)
    this.inWord = true
  }

  penalty(penalty: Penalty): void {
    this.items.push(penalty)
  }

  space(style: RunStyle): void {
    if (this.inWord) this.word++
    this.inWord = false
    const last = this.items.at(-1)
    if (!last || last.type === 'glue') return
    const width = this.measurer.width(' ', style)
    const glue: Glue = this.options.justify
      ? { type: 'glue', width, stretch: width * spaceStretch, shrink: width * spaceShrink }
      : { type: 'glue', width, stretch: 0, shrink: 0 }
    this.items.push(glue)
  }

  /** A forced break (the breaker sets the line before it ragged). */
  hardBreak(): void {
    if (this.inWord) this.word++
    this.inWord = false
    while (this.items.at(-1)?.type === 'glue') this.items.pop()
    this.penalty({ type: 'penalty', width: 0, cost: -Infinity, flagged: false })
  }

  /** The breaker closes the paragraph itself: only trailing space is taken off. */
  finish(): Array<Item<Piece>> {
    while (this.items.at(-1)?.type === 'glue') this.items.pop()
    return this.items
  }
}

/** Boxes, glue and penalties for a paragraph. */
export function prepareParagraph(inlines: readonly Inline[], theme: Theme, measurer: Measurer, options: PrepareOptions): Array<Item<Piece>> {
  const builder = new ItemBuilder(measurer, options)
  if (options.indent > 0) builder.items.push({ type: 'box', width: options.indent, content: { text: '', style: options.style, word: 0 } })
  let leadIn = options.leadIn === true && measurer.hasFeature(options.style.font, 'smcp') ? leadInWords : 0

  for (const segment of segments(inlines, theme, options.style)) {
    const extra: Partial<Piece> = segment.link ? { link: segment.link } : {}
    if (segment.kind === 'break') {
      builder.hardBreak()
      continue
    }
    if (segment.kind === 'note') {
      const id = segment.note!
      builder.box(segment.text, segment.style, measurer.width(segment.text, segment.style), { note: id, anchor: noteCallAnchor(id), link: { dest: noteAnchor(id) } })
      continue
    }
    for (const token of segment.text.split(/(\s+)/)) {
      if (token === '') continue
      if (/^\s+$/.test(token)) {
        if (leadIn > 0 && builder.inWord) leadIn--
        builder.space(segment.style)
        continue
      }
      let style = segment.style
      if (leadIn > 0) {
        style = withFeatures(style, 'smallCaps')
        // The lead-in ends with the first clause.
        if (/[.,;:!?]$/.test(token)) leadIn = 1
      }
      addWord(builder, token, style, extra)
    }
  }
  return builder.finish()
}

export function noteAnchor(id: string): string {
  return `note-${id}`
}

export function noteCallAnchor(id: string): string {
  return `noteref-${id}`
}

/**
 * One run of non-white-space in one style: split where the hyphenator allows
 * (after a hyphen already in the word, or at a pattern's hyphenation point).
 */
function addWord(builder: ItemBuilder, token: string, style: RunStyle, extra: Partial<Piece>): void {
  const { measurer, options } = builder
  const parts = options.hyphenate ? options.hyphenate(token) : [token]
  if (parts.length === 0 || parts.join('') !== token) parts.splice(0, parts.length, token)
  const hyphen = measurer.width('-', style)
  let prefix = ''
  let before = 0
  parts.forEach((part, index) => {
    if (index > 0) builder.penalty(/[-\u2010\u2013\u2014]$/u.test(parts[index - 1]!) ? explicitHyphenBreak() : hyphenationPoint(hyphen))
    // A part no line could hold comfortably gets emergency breaks inside it.
    if (measurer.width(part, style) > options.measure * longWordFraction || looksLikeAddress(part)) {
      addLongPart(builder, part, style, extra, hyphen)
      prefix += part
      before = measurer.width(prefix, style)
      return
    }
    // Parts are measured as differences of prefixes, so that an unbroken word keeps its kerning and ligatures.
    prefix += part
    const upTo = measurer.width(prefix, style)
    builder.box(part, style, upTo - before, extra)
    before = upTo
  })
}

/** A URL, an e-mail address or a path: it may break after its punctuation whatever its width. */
function looksLikeAddress(part: string): boolean {
  return part.length > 12 && /[/@]|\.\p{L}{2}/u.test(part)
}

/**
 * A word or URL too wide for the line. It may break, as a last resort, after
 * punctuation (nothing drawn: a URL reads on); a stretch between two marks of
 * punctuation that is itself too wide may also break between two letters (a
 * hyphen drawn, so that the broken word still reads as one).
 */
function addLongPart(builder: ItemBuilder, part: string, style: RunStyle, extra: Partial<Piece>, hyphen: number): void {
  const { measurer, options } = builder
  // Segments end after a run of punctuation that a letter or digit follows.
  const segments = part.split(/(?<=[\p{P}\p{S}])(?=[\p{L}\p{N}])/u)
  // Each character's width is a difference of prefix widths, as for hyphenated words, so that
  // kerning and ligatures count; prefixes restart every so often to keep a huge word linear.
  let prefix = ''
  let before = 0
  segments.forEach((segment, index) => {
    if (index > 0) builder.penalty(emergencyBreak(0))
    const chars = Array.from(segment)
    const breakLetters = measurer.width(segment, style) > options.measure * longWordFraction
    chars.forEach((char, at) => {
      if (prefix.length >= prefixLimit) {
        prefix = ''
        before = 0
      }
      prefix += char
      const upTo = measurer.width(prefix, style)
      builder.box(char, style, upTo - before, extra)
      before = upTo
      const next = chars[at + 1]
      if (breakLetters && next !== undefined && /[\p{L}\p{N}]/u.test(char) && /[\p{L}\p{N}]/u.test(next)) builder.penalty(emergencyBreak(hyphen))
    })
  })
}
