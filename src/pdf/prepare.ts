/**
 * Prepare: a paragraph's inline content becomes boxes, glue and penalties
 * (Knuth and Plass's items), each box carrying the styled text it stands for.
 *
 * Words are measured whole and split at hyphenation points by difference of
 * prefix widths, so a word that is not broken keeps its kerning and ligatures.
 */
import type { Asset, Inline, InlineImage, Link, Styled } from '../model/book.js'
import { assertNever } from '../model/walk.js'
import type { Theme } from '../theme/index.js'
import { destName } from './dests.js'
import { splitByFace } from './faces.js'
import { emergencyBreak, explicitHyphenBreak, hyphenationPoint } from './linebreak/items.js'
import type { Box, Glue, Item, Penalty } from './linebreak/items.js'
import type { Measurer } from './measure.js'
import { emphasised, inlineCode, linkStyle, script, smaller, strong, withFeatures } from './style.js'
import type { RunStyle } from './style.js'
import { isNumber, tiedSpace } from './unbreakable.js'

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
  /** The styled inline (superscript, underline …) the piece belongs to, numbered in the paragraph: tagged as a Span. */
  span?: number
  /** No face has these characters: drawn as empty boxes, extracted as themselves. */
  missing?: true
  /** An image set in the line (the piece has no text). */
  image?: LineImage
  /** The language of the text, when not the book's (see `Text.lang`): tagged as a Span with its /Lang. */
  lang?: string
  /** Punctuation set apart from a left-to-right word in a right-to-left paragraph (see `PrepareOptions.direction`). */
  neutral?: true
}

/** An image in a line of text, sized: it stands on the baseline, and a line it is taller than grows. */
export interface LineImage {
  asset: string
  path: string
  mediaType: Asset['mediaType']
  width: number
  /** Above the baseline. */
  height: number
  alt: string
  /** A formula's outlines (SVG markup), drawn instead of a file; it is tagged as a Formula, its alt text the TeX. */
  svg?: string
  /** How far a formula reaches below the baseline. */
  depth?: number
}

export interface PrepareOptions {
  style: RunStyle
  /** First-line indent in points (an empty box). */
  indent: number
  /** Width of the text block the paragraph is set on: words wider than a fraction of it get emergency breaks. */
  measure: number
  /** Splits a word (in a run's language, when not the book's) at its hyphenation points; absent means no hyphenation. */
  hyphenate?: (word: string, lang?: string) => string[]
  /** Set the opening words in small capitals (the lead-in of an article's first paragraph). */
  leadIn?: boolean
  /** Whether the text is justified: ragged text gets no stretchable word spaces. */
  justify: boolean
  /** Collects the characters no face has. */
  missing?: Set<string>
  /** An inline image's file and size within `measure`; without it, or when it gives nothing, the image is set as its description. */
  image?: (node: InlineImage, measure: number) => LineImage | undefined
  /** A formula's outlines, sized for the text it stands in; without it, or when it gives nothing, its TeX is set as code. */
  formula?: (tex: string, style: RunStyle) => LineImage | undefined
  /** The chapter being set: anchors in the text name their destinations by it. */
  chapter?: string
  /**
   * Pieces of a word wider than this get emergency breaks inside them, and
   * addresses break after their punctuation; by default half the `measure`.
   * `Infinity`: never (a table cell, whose column is made wide enough).
   */
  emergencyWidth?: number
  /** What must not break on a line besides what never does (see `KeepRules`). */
  keep?: KeepRules
  /**
   * A right-to-left paragraph: the punctuation before and after a
   * left-to-right word or a number is set apart from it (`(`, `Paris`, `).`),
   * so that the lines can place it by the bidirectional algorithm.
   */
  direction?: 'rtl'
}

/**
 * Text kept whole on a line, as a table cell asks: there a broken number or
 * identifier misleads, and the column is widened to hold it instead.
 */
export interface KeepRules {
  /**
   * Numbers (`240.1`, `1,024`, `−3.5e-7`) never break inside, nor at the
   * space between a number and the unit or sign that follows it (`12 %`,
   * `3 ms`), nor at a no-break space.
   */
  numbers: boolean
  /** Inline code never breaks: not hyphenated, not broken inside a word nor at its spaces. */
  code: boolean
  /** No word breaks inside: no hyphenation, no break after a hyphen it holds (a cell of one word). */
  words: boolean
}

/** Interword glue relative to the face's space: TeX's 1/2 stretch and 1/3 shrink. */
const spaceStretch = 1 / 2
const spaceShrink = 1 / 3
/** Words wider than this part of the measure may break anywhere (URLs, long compounds, identifiers). */
const longWordFraction = 0.5
/** Longest prefix measured whole inside a long word (see `addLongPart`). */
const prefixLimit = 48
/**
 * Between two Chinese or Japanese characters a line may break with no space:
 * the gap there may stretch by this part of an em to justify the line, as
 * CJK typesetting spreads its characters (a little, so extraction still reads
 * the characters as one word).
 */
const ideographicStretch = 0.04

interface Segment {
  kind: 'text' | 'note' | 'break' | 'anchor' | 'image' | 'math'
  /** The TeX of a `math` segment; its text is the TeX too, set as code when the formula cannot be drawn. */
  tex?: string
  /** The style of the text a formula stands in: its size is the formula's. */
  around?: RunStyle
  text: string
  /** The image an `image` segment stands for; its text is the description, set when the image cannot be. */
  image?: InlineImage
  style: RunStyle
  /** Inline code (its words may be kept whole: see `KeepRules.code`). */
  code?: true
  /**
   * Words print alone has (a reference's page words): they take no word
   * indices, so that the words after them are counted as the EPUB counts
   * them (its page list places the pages by word).
   */
  uncounted?: true
  link?: LinkTarget
  note?: string
  /** A link target written in the text (an `anchor`'s id). */
  anchor?: string
  span?: number
  lang?: string
}

/** What flattening needs besides the inlines: the theme, the faces' metrics, a counter of styled spans, the chapter (for destinations). */
export interface SegmentContext {
  theme: Theme
  measurer: Measurer
  spans: number
  chapter?: string | undefined
}

/** Flatten the inline tree into styled segments. */
export function segments(inlines: readonly Inline[], context: SegmentContext, style: RunStyle, link?: LinkTarget, span?: number): Segment[] {
  const { theme } = context
  const out: Segment[] = []
  const push = (segment: Segment): void => {
    if (link && !segment.link) segment.link = link
    if (span !== undefined) segment.span = span
    out.push(segment)
  }
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        push(node.lang === undefined ? { kind: 'text', text: node.value, style } : { kind: 'text', text: node.value, style, lang: node.lang })
        break
      case 'inlineCode':
        push({ kind: 'text', text: node.value, style: inlineCode(theme, style), code: true })
        break
      case 'emphasis':
        out.push(...segments(node.children, context, emphasised(theme, style), link, span))
        break
      case 'strong':
        out.push(...segments(node.children, context, strong(style), link, span))
        break
      case 'delete':
        out.push(...segments(node.children, context, { ...style, strike: true }, link, span))
        break
      case 'link': {
        const target = linkTarget(node)
        out.push(...(target ? segments(node.children, context, linkStyle(theme, style), target, span) : segments(node.children, context, style, link, span)))
        break
      }
      case 'styled':
        // One Span per outermost styled inline; styles nested in it only change the look.
        out.push(...segments(node.children, context, styledStyle(node.style, style, context), link, span ?? context.spans++))
        break
      case 'citation':
        // Set as the style formatted it; each work cited in it is a link (see `transform/citations.ts`).
        out.push(...segments(node.children, context, style, link, span))
        break
      case 'crossRef':
        // Set as the cross-references pass wrote it, each number a link; then the page, where print needs it.
        // A destination at it tells on which page it is printed (see `page-words.ts`).
        if (context.chapter !== undefined && node.id !== undefined) push({ kind: 'anchor', text: '', style, anchor: destName(context.chapter, node.id) })
        if (node.prefix !== undefined) out.push(...segments([{ type: 'text', value: node.prefix }], context, style, link, span))
        out.push(...segments(node.children, context, style, link, span))
        if (node.pageWords !== undefined) push({ kind: 'text', text: node.pageWords, style, uncounted: true })
        if (node.suffix !== undefined) out.push(...segments([{ type: 'text', value: node.suffix }], context, style, link, span))
        break
      case 'break':
        push({ kind: 'break', text: '\n', style })
        break
      case 'noteRef':
        push({ kind: 'note', text: String(node.number), style: styledStyle('superscript', style, context), note: node.note })
        break
      case 'image':
        // Drawn in the line; where it cannot be, set as its description, which is what a reader of the text needs.
        push({ kind: 'image', text: node.alt, style: emphasised(theme, style), image: node })
        break
      case 'inlineMath':
        push({ kind: 'math', text: node.tex, style: inlineCode(theme, style), code: true, tex: node.tex, around: style })
        break
      case 'anchor':
      case 'indexMark':
        if (context.chapter !== undefined) push({ kind: 'anchor', text: '', style, anchor: destName(context.chapter, node.id) })
        break
      default:
        assertNever(node)
    }
  }
  return out
}

/**
 * Where a link leads in the PDF: a web address, or a named destination (see
 * `dests.ts`). The typesetter's own links (a contents entry, a note's number)
 * name their destination as `#name` and have no target (the links pass gives
 * every link of the manuscript one, or takes it out).
 */
function linkTarget(node: Link): LinkTarget | undefined {
  if (node.target?.kind === 'web') return { url: node.target.url }
  if (node.target?.kind === 'internal') return { dest: destName(node.target.chapter, node.target.id) }
  return node.url.startsWith('#') ? { dest: node.url.slice(1) } : undefined
}

/** How inline formatting kept from raw HTML looks in print. */
export function styledStyle(kind: Styled['style'], style: RunStyle, context: Pick<SegmentContext, 'theme' | 'measurer'>): RunStyle {
  const { theme, measurer } = context
  switch (kind) {
    case 'superscript':
    case 'subscript': {
      const metrics = measurer.metrics(style.font)
      return script(theme, style, { superscript: metrics.superscriptOffset, subscript: metrics.subscriptOffset }, kind)
    }
    case 'underline':
      return { ...style, underline: true }
    case 'keyboard':
      return inlineCode(theme, style)
    case 'mark':
      return { ...style, ground: theme.colours.mark }
    case 'small':
      return smaller(theme, style)
  }
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

  /**
   * An image in the line: a box of its width that stands for the words of its
   * description, as the model counts them (`inlineText` gives the alt text),
   * so that the words after it keep their indices.
   */
  image(image: LineImage, extra: Partial<Piece>): void {
    let first: number | undefined
    for (const char of image.alt) {
      if (/\s/.test(char)) {
        if (this.inWord) this.word++
        this.inWord = false
      } else {
        first ??= this.word
        this.inWord = true
      }
    }
    this.items.push({ type: 'box', width: image.width, content: { text: '', style: this.options.style, word: first ?? this.word, image, ...extra } })
  }

  /** A named destination where the text stands: a box of no width that is no part of a word. */
  anchor(name: string): void {
    this.items.push({ type: 'box', width: 0, content: { text: '', style: this.options.style, word: this.word, anchor: name } })
  }

  penalty(penalty: Penalty): void {
    this.items.push(penalty)
  }

  /** A word space; `tied`: no line may break there (a no-break space, a number and its unit). */
  space(style: RunStyle, tied = false): void {
    if (this.inWord) this.word++
    this.inWord = false
    const last = this.items.at(-1)
    if (!last || last.type === 'glue') return
    // Glue that follows a penalty is no breakpoint: an infinite penalty before it ties the words.
    if (tied && last.type === 'box') this.penalty({ type: 'penalty', width: 0, cost: Infinity, flagged: false })
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
  // The theme's number of words, fewer when the first clause ends sooner; none without the face's small capitals (as in the EPUB).
  let leadIn = options.leadIn === true && measurer.hasFeature(options.style.font, 'smcp') ? Math.max(0, Math.floor(theme.leadIn.words)) : 0

  for (const segment of segments(inlines, { theme, measurer, spans: 0, chapter: options.chapter }, options.style)) {
    const base: Partial<Piece> = {}
    if (segment.link) base.link = segment.link
    if (segment.span !== undefined) base.span = segment.span
    if (segment.lang !== undefined) base.lang = segment.lang
    if (segment.kind === 'break') {
      builder.hardBreak()
      continue
    }
    if (segment.kind === 'anchor') {
      builder.anchor(segment.anchor!)
      continue
    }
    if (segment.kind === 'image') {
      const image = options.image?.(segment.image!, options.measure)
      if (image) {
        builder.image(image, base)
        continue
      }
    }
    if (segment.kind === 'math') {
      const formula = options.formula?.(segment.tex!, segment.around!)
      if (formula) {
        builder.image(formula, base)
        continue
      }
    }
    if (segment.kind === 'note') {
      const id = segment.note!
      builder.box(segment.text, segment.style, measurer.width(segment.text, segment.style), { ...base, note: id, anchor: noteCallAnchor(id), link: { dest: noteAnchor(id) } })
      continue
    }
    const counted = { word: builder.word, inWord: builder.inWord }
    // Characters the face lacks go to a fallback face, in runs of their own.
    for (const run of splitByFace(segment.text, segment.style.font, measurer, options.missing)) {
      const runStyle = run.font === segment.style.font ? segment.style : { ...segment.style, font: run.font }
      const extra: Partial<Piece> = run.missing ? { ...base, missing: true } : base
      const tokens = run.text.split(/(\s+)/)
      tokens.forEach((token, at) => {
        if (token === '') return
        if (/^\s+$/.test(token)) {
          if (leadIn > 0 && builder.inWord) leadIn--
          const keep = options.keep
          builder.space(segment.style, keep !== undefined && ((keep.code && segment.code === true) || (keep.numbers && tiedSpace(tokens[at - 1] ?? '', token, tokens[at + 1] ?? ''))))
          return
        }
        let style = runStyle
        if (leadIn > 0) {
          style = withFeatures(style, 'smallCaps')
          // The lead-in ends with the first clause.
          if (/[.,;:!?]$/.test(token)) leadIn = 1
        }
        const keep = options.keep
        const whole = keep !== undefined && (keep.words || (keep.code && segment.code === true) || (keep.numbers && isNumber(token)))
        const apart = options.direction === 'rtl' && segment.code !== true ? neutralEnds(token) : undefined
        if (apart) {
          // In a right-to-left paragraph: the punctuation around a left-to-right word, boxes of its own with no break between.
          if (apart.before !== '') builder.box(apart.before, style, measurer.width(apart.before, style), { ...extra, neutral: true })
          if (whole) addWhole(builder, apart.core, style, extra, false)
          else addText(builder, apart.core, style, extra)
          if (apart.after !== '') builder.box(apart.after, style, measurer.width(apart.after, style), { ...extra, neutral: true })
        } else if (whole) addWhole(builder, token, style, extra, segment.code === true)
        else addText(builder, token, style, extra)
      })
    }
    if (segment.uncounted) {
      builder.word = counted.word
      builder.inWord = counted.inWord
    }
  }
  return builder.finish()
}

/** Letters of the scripts written from right to left. */
const rightToLeftLetter = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u
const wordEnds = /^([^\p{L}\p{N}]*)(.*?[\p{L}\p{N}])([^\p{L}\p{N}]*)$/su

/**
 * A left-to-right word or number with punctuation before or after it, cut
 * there: `(Paris).` → `(`, `Paris`, `).`. Nothing for a word with none, or in
 * a right-to-left script (shaped right to left as a whole, its punctuation
 * falls in place by itself).
 */
function neutralEnds(token: string): { before: string; core: string; after: string } | undefined {
  if (rightToLeftLetter.test(token)) return undefined
  const match = wordEnds.exec(token)
  if (!match || (match[1] === '' && match[3] === '')) return undefined
  return { before: match[1]!, core: match[2]!, after: match[3]! }
}

export function noteAnchor(id: string): string {
  return `note-${id}`
}

export function noteCallAnchor(id: string): string {
  return `noteref-${id}`
}

/** Chinese and Japanese characters, set without spaces: a line may break between any two. */
const ideograph = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff01-\uff60\u30fc]/u
const ideographs = new RegExp(`(${ideograph.source})`, 'u')
/** No line starts with these: closing marks, small kana, the prolonged sound mark (Japanese kinsoku). */
const noBreakBefore = /^[\p{Pe}\p{Pf}\p{Po}\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30ee\u30f5\u30f6\u30fc\u309d\u309e\u30fd\u30fe\u3005]/u
/** No line ends with an opening mark. */
const noBreakAfter = /[\p{Ps}\p{Pi}]$/u

/**
 * One run of non-white-space in one style. Chinese and Japanese characters
 * are set one box each, with a break allowed between them (unless the next
 * one must not start a line); the rest is set as words.
 */
function addText(builder: ItemBuilder, token: string, style: RunStyle, extra: Partial<Piece>): void {
  if (!ideograph.test(token)) {
    addWord(builder, token, style, extra)
    return
  }
  const parts = token.split(ideographs).filter((part) => part !== '')
  parts.forEach((part, index) => {
    if (index > 0 && (ideograph.test(part) || ideograph.test(parts[index - 1]!)) && !noBreakBefore.test(part) && !noBreakAfter.test(parts[index - 1]!)) {
      const stretch = builder.options.justify ? ideographicStretch * style.size : 0
      // A glue of no width: a place to break, drawn as no space.
      builder.items.push({ type: 'glue', width: 0, stretch, shrink: 0 })
    }
    if (ideograph.test(part)) builder.box(part, style, builder.measurer.width(part, style), extra)
    else addWord(builder, part, style, extra)
  })
}

/**
 * A run of non-white-space kept whole (see `KeepRules`): one box, with no
 * break inside unless it is wider than the emergency width (a table's last
 * resort). Chinese and Japanese, written without spaces, still break between
 * their characters.
 */
function addWhole(builder: ItemBuilder, token: string, style: RunStyle, extra: Partial<Piece>, code: boolean): void {
  const { measurer, options } = builder
  if (ideograph.test(token)) {
    addText(builder, token, style, extra)
    return
  }
  const width = measurer.width(token, style)
  const emergencyWidth = options.emergencyWidth ?? options.measure * longWordFraction
  if (width <= emergencyWidth) builder.box(token, style, width, extra)
  // A word breaks at its hyphenation points first; code and numbers break with no hyphen drawn, which would read as theirs.
  else if (!code && !isNumber(token)) addWord(builder, token, style, extra)
  else addLongPart(builder, token, style, extra, 0, '', emergencyWidth)
}

/**
 * One run of non-white-space in one style: split where the hyphenator allows
 * (after a hyphen already in the word, or at a pattern's hyphenation point).
 */
function addWord(builder: ItemBuilder, token: string, style: RunStyle, extra: Partial<Piece>): void {
  const { measurer, options } = builder
  const parts = options.hyphenate ? options.hyphenate(token, extra.lang) : [token]
  if (parts.length === 0 || parts.join('') !== token) parts.splice(0, parts.length, token)
  const hyphen = measurer.width('-', style)
  let prefix = ''
  let before = 0
  parts.forEach((part, index) => {
    if (index > 0) builder.penalty(/[-\u2010\u2013\u2014]$/u.test(parts[index - 1]!) ? explicitHyphenBreak() : hyphenationPoint(hyphen))
    // A part no line could hold comfortably gets emergency breaks inside it.
    const emergencyWidth = options.emergencyWidth ?? options.measure * longWordFraction
    if (measurer.width(part, style) > emergencyWidth || looksLikeAddress(part)) {
      addLongPart(builder, part, style, extra, hyphen, prefix, emergencyWidth)
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
 * punctuation that is itself too wide may also break where a word of an
 * identifier starts (`finish|Flush`, `v1|5`), and, if a stretch between those
 * is still too wide, between two letters (drawn with `hyphen`, the width of a
 * hyphen so that the broken word still reads as one, or 0 for code and
 * numbers, which a hyphen would change).
 */
function addLongPart(builder: ItemBuilder, part: string, style: RunStyle, extra: Partial<Piece>, hyphen: number, wordBefore: string, emergencyWidth: number): void {
  const { measurer } = builder
  // Segments end after a run of punctuation that follows a letter or digit and that a letter or digit follows.
  const segments = part.split(/(?<=[\p{L}\p{N}][\p{P}\p{S}]+)(?=[\p{L}\p{N}])/u)
  // Each character's width is a difference of prefix widths, as for hyphenated words, so that
  // kerning and ligatures count, from the word's start (a short word then measures what it measures
  // whole); prefixes restart every so often to keep a huge word linear.
  let prefix = wordBefore.length < prefixLimit ? wordBefore : ''
  let before = prefix === '' ? 0 : measurer.width(prefix, style)
  segments.forEach((segment, index) => {
    if (index > 0) builder.penalty(emergencyBreak(0))
    if (measurer.width(segment, style) <= emergencyWidth) {
      // Measured whole, as a word: nothing in it needs a break.
      prefix += segment
      const upTo = measurer.width(prefix, style)
      builder.box(segment, style, upTo - before, extra)
      before = upTo
      if (prefix.length >= prefixLimit) {
        prefix = ''
        before = 0
      }
      return
    }
    const humps = segment.split(humpStart)
    humps.forEach((hump, humpIndex) => {
      if (humpIndex > 0) builder.penalty(emergencyBreak(hyphen))
      const chars = Array.from(hump)
      const breakLetters = measurer.width(hump, style) > emergencyWidth
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
  })
}

/** Where a word of an identifier starts: a capital after a small letter, a digit after a letter, a letter after a digit. */
const humpStart = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u
