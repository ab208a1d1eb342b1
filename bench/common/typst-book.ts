/**
 * Octavo's Book model as Typst markup, so that Typst can set the same book as Octavo's print edition
 * for the speed benchmark: headings (with labels, so links land), paragraphs with emphasis, strong,
 * struck and styled words, inline code, links (to the web, and to chapters, headings and anchors),
 * footnotes, lists, block quotes, alerts, disclosures, definition lists, code blocks, tables (spans
 * and header rows) and figures, which are set as their captions (Typst is not given the pictures).
 * A title page, the contents, running heads and folios come from the preamble, as Octavo's edition
 * has them.
 *
 * Text is escaped so that Typst sets it as it stands: every character Typst's markup reads as syntax
 * is preceded by a backslash, and code goes in as string literals. A bench-only module: it is not one
 * of Octavo's editions, and it does not try to match Octavo's typography beyond page, faces, sizes and
 * the book's parts.
 */
import type { Block, Book, Chapter, Inline, Note, Table } from '../../src/model/book.js'
import { tableGrid } from '../../src/model/table-grid.js'
import { assertNever, chapterIds } from '../../src/model/walk.js'
import { defaultTheme, fontPath, type RoleSpec, type Theme } from '../../src/theme/index.js'
import { typstPreamble } from './typst.js'

/** What the conversion could not carry over, counted, so the benchmark can say so. */
export interface TypstConversion {
  markup: string
  /** Internal links whose target the converter found no label for: set as their text. */
  unresolvedLinks: number
  /** Pictures (figures and inline images) set as their caption or alt text. */
  pictures: number
}

/**
 * Characters Typst's markup reads as syntax: escapes, code, emphasis, raw, maths, labels and
 * references, content brackets, headings, lists, enumerations, term lists, comments, shorthands
 * (`~`, `--`, `-?`) and smart quotes.
 */
const markupSyntax = /[\\#*_`$<>@[\]=\-+/~"']/g

/**
 * Text as Typst markup that sets exactly that text. Line breaks and tabs become spaces (a paragraph is
 * one line). Beyond the syntax characters: a dot before a dot (`...` would be an ellipsis), and at the
 * start, a dot or an opening parenthesis (either would continue a `#` expression just before the text:
 * `#emph[x].y`, `#raw("x")(y)`) and a number followed by a dot (an enumeration at a line's start).
 */
export function escapeMarkup(text: string): string {
  let escaped = text.replace(/[\r\n\t]/g, ' ').replace(markupSyntax, '\\$&').replace(/\.(?=\.)/g, '\\.')
  if (/^(?:[.(]|\d+\.)/.test(escaped)) escaped = `\\${escaped}`
  return escaped
}

/** A Typst string literal holding `text` exactly. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`
}

/** The font files of a theme (its faces and fallbacks), to give Typst exactly the faces Octavo sets. */
export function themeFontFiles(theme: Theme = defaultTheme): string[] {
  return [...Object.values(theme.fonts), ...theme.fallbacks].map(fontPath)
}

const pt = (value: number): string => `${Number(value.toFixed(3))}pt`

/**
 * Page, body text and paragraphs as `typstPreamble` sets them (A5, the theme's margins, Literata at
 * the body size and leading, justified and hyphenated), then the rest of the theme's roles that the
 * book uses: headings, code, quotes, tables, footnotes, running heads and folios.
 */
function preamble(book: Book, theme: Theme): string {
  const role = theme.roles
  const colour = (hex: string): string => `rgb(${stringLiteral(hex)})`
  const title = stringLiteral(book.metadata.title)
  // The theme's space around a block is in body lines.
  const line = theme.size * theme.leading
  const space = (spec: RoleSpec): string => `above: ${pt((spec.spaceBefore ?? 0) * line)}, below: ${pt((spec.spaceAfter ?? 0) * line)}`
  return [
    typstPreamble(book.metadata.lang),
    `#set document(title: ${title}, author: (${book.metadata.authors.map((a) => `${stringLiteral(a)},`).join(' ')}))`,
    `#set text(fill: ${colour(theme.colours.text)})`,
    `#show heading: set text(fill: ${colour(theme.colours.heading)})`,
    `#show heading.where(level: 2): set text(size: ${role.h2.scale}em)`,
    `#show heading.where(level: 3): set text(size: ${role.h3.scale}em)`,
    '#show heading.where(level: 4): set text(style: "italic")',
    '#show heading.where(level: 5): set text(weight: "regular", style: "italic")',
    '#show heading.where(level: 6): set text(weight: "regular")',
    ...([2, 3, 4, 5, 6] as const).map((level) => `#show heading.where(level: ${level}): set block(${space(role[`h${level}`])})`),
    // Typst sets raw text at 0.8 em of the surrounding text: the theme's scale is asked of the whole.
    `#show raw: set text(font: ${stringLiteral(theme.fonts.mono.family)}, size: ${Number((role.code.scale / 0.8).toFixed(4))}em)`,
    `#show raw.where(block: true): set par(justify: false, leading: ${Number(((role.code.leading ?? theme.leading) - 1).toFixed(3))}em)`,
    `#show raw.where(block: true): block.with(fill: ${colour(theme.colours.codeBackground)}, inset: 0.5em, width: 100%, ${space(role.code)})`,
    `#show link: set text(fill: ${colour(theme.colours.link)})`,
    `#show quote.where(block: true): it => pad(left: ${role.blockquote.inset ?? 1.5}em, text(size: ${role.blockquote.scale}em, it.body))`,
    `#show table: set text(size: ${role.table.scale}em)`,
    `#show table: set block(${space(role.table)})`,
    '#show table: set par(justify: false)',
    `#set table(stroke: none, inset: (x: ${theme.tables.padding.inline}em, y: ${theme.tables.padding.block}em))`,
    `#show footnote.entry: set text(size: ${role.footnote.scale}em)`,
    `#set page(`,
    '  header: context {',
    '    let page = here().page()',
    '    if query(heading.where(level: 1)).any(h => h.location().page() == page) { return }',
    '    let chapters = query(heading.where(level: 1).before(here()))',
    `    let head = if calc.even(page) { ${title} } else if chapters.len() > 0 { chapters.last().body } else { none }`,
    `    align(center, text(size: ${role.runningHead.scale}em, style: "italic", fill: ${colour(theme.colours.muted)}, head))`,
    '  },',
    `  footer: context align(center, text(size: ${role.folio.scale}em, fill: ${colour(theme.colours.muted)}, counter(page).display())),`,
    ')',
    '',
    `#page(header: none, footer: none)[#v(20%) #text(size: ${role.title.scale}em, weight: "bold", ${title}) #v(1em) ${book.metadata.authors.map((a) => escapeMarkup(a)).join(', ')}]`,
    `#outline(depth: ${theme.tocDepth})`,
    '',
  ].join('\n')
}

/** Typst's name for an alignment. */
function alignment(align: 'left' | 'right' | 'center' | 'justify'): string {
  return align === 'justify' ? 'left' : align
}

class Converter {
  /** Labels by `chapter-id#id`, and by chapter id for the chapter's start. */
  private readonly labels = new Map<string, string>()
  private notes = new Map<string, Note>()
  /** Footnotes already set, with the label a second call refers to. */
  private readonly noteLabels = new Map<string, string>()
  private chapter!: Chapter
  private count = 0
  unresolvedLinks = 0
  pictures = 0

  constructor(
    private readonly book: Book,
    private readonly theme: Theme,
  ) {}

  private newLabel(): string {
    return `l${++this.count}`
  }

  /**
   * A label for every link target of the book: its headings' ids and anchors (`chapterIds`), and each
   * chapter's start. Links are resolved by the loader (`Link.target`): a chapter, and an id in it.
   */
  private collectLabels(): void {
    for (const chapter of this.book.chapters) {
      for (const id of chapterIds(chapter)) this.labels.set(`${chapter.id}#${id}`, this.newLabel())
      // A chapter's start is its opening heading where it has one, so that a link lands on the
      // chapter's first page rather than before the page break the heading makes.
      const first = chapter.blocks[0]
      const opening = first?.type === 'heading' && (first.anchors ?? []).length === 0 ? first : undefined
      this.labels.set(chapter.id, opening === undefined || opening.id === '' ? this.newLabel() : this.labels.get(`${chapter.id}#${opening.id}`)!)
    }
  }

  convert(): string {
    this.collectLabels()
    const out: string[] = []
    for (const chapter of this.book.chapters) {
      this.chapter = chapter
      this.notes = new Map(chapter.notes.map((note) => [note.id, note]))
      const start = this.labels.get(chapter.id)!
      const first = chapter.blocks[0]
      if (first?.type === 'heading' && first.id === '' && (first.anchors ?? []).length === 0) {
        out.push(this.heading(first, start), '', this.blocks(chapter.blocks.slice(1)))
      } else {
        const labelled = first?.type === 'heading' && this.labels.get(`${chapter.id}#${first.id}`) === start
        out.push(labelled ? '' : `#metadata(none) <${start}>\n`, this.blocks(chapter.blocks))
      }
      out.push('')
    }
    return out.join('\n')
  }

  /** A heading, with the label of its id (or `label`, for a chapter's opening heading without one). */
  private heading(block: Extract<Block, { type: 'heading' }>, label = block.id === '' ? undefined : this.labels.get(`${this.chapter.id}#${block.id}`)): string {
    return `${'='.repeat(block.depth)} ${this.inlines(block.children)}${label === undefined ? '' : ` <${label}>`}`
  }

  private blocks(blocks: readonly Block[]): string {
    return blocks.map((block) => this.block(block)).join('\n\n')
  }

  private block(block: Block): string {
    const anchors = (block.anchors ?? []).map((id) => `#metadata(none) <${this.labels.get(`${this.chapter.id}#${id}`)!}>\n`).join('')
    return anchors + this.blockBody(block)
  }

  private blockBody(block: Block): string {
    switch (block.type) {
      case 'heading':
        return this.heading(block)
      case 'paragraph': {
        const text = this.inlines(block.children)
        return block.align === undefined || block.align === 'justify' ? text : `#align(${alignment(block.align)})[${text}]`
      }
      case 'blockquote':
        return `#quote(block: true)[${this.blocks(block.children)}]`
      case 'alert': {
        const hex = this.theme.alert.colours[block.kind]
        return `#block(stroke: (left: 1.5pt + rgb(${stringLiteral(hex)})), inset: (left: 0.9em, y: 0.2em))[#strong[${escapeMarkup(block.label)}] \\ ${this.blocks(block.children)}]`
      }
      case 'details':
        return `#block[${block.summary.length > 0 ? `#strong[${this.inlines(block.summary)}] ` : ''}${this.blocks(block.children)}]`
      case 'list': {
        const items = block.items.map((item) => {
          const box = item.checked === null ? '' : item.checked ? '☒ ' : '☐ '
          return `[${box}${this.blocks(item.children)}]`
        })
        const tight = `tight: ${!block.spread}`
        return block.ordered ? `#enum(start: ${block.start}, ${tight}, ${items.join(', ')})` : `#list(${tight}, ${items.join(', ')})`
      }
      case 'definitionList': {
        const items = block.items.map((item) => `terms.item([${item.terms.map((term) => this.inlines(term)).join(' \\ ')}], [${item.details.map((detail) => this.blocks(detail)).join('\n\n')}])`)
        return `#terms(${items.join(', ')})`
      }
      case 'code':
        return `#raw(block: true, ${block.lang === undefined ? '' : `lang: ${stringLiteral(block.lang)}, `}${stringLiteral(block.value)})`
      case 'thematicBreak':
        return `#align(center)[${escapeMarkup(this.theme.sectionBreak)}]`
      case 'table':
        return this.table(block)
      case 'figure': {
        this.pictures++
        const caption = block.caption && block.caption.length > 0 ? this.inlines(block.caption) : escapeMarkup(block.alt)
        return `#align(center)[#emph[${caption}]]`
      }
      case 'math':
        // Typst's mathematics is not TeX: the bench sets the formula's TeX as code, the same length of work.
        return `#align(center)[#raw(${stringLiteral(block.tex)})]`
      default:
        return assertNever(block)
    }
  }

  private table(table: Table): string {
    const grid = tableGrid(table)
    // Columns as wide as their content, up to the measure: Typst shares the rest as Octavo does.
    const columns = `columns: ${grid.columns}`
    const align = `align: (${Array.from({ length: grid.columns }, (_, i) => alignment(table.align[i] ?? 'left')).join(', ')},)`
    const rule = (y: number, stroke: number): string => `table.hline(y: ${y}, stroke: ${pt(stroke * this.theme.size)})`
    const cell = (c: (typeof grid.cells)[number]): string => {
      const args = [`x: ${c.column}`, `y: ${c.row}`]
      if (c.colspan > 1) args.push(`colspan: ${c.colspan}`)
      if (c.rowspan > 1) args.push(`rowspan: ${c.rowspan}`)
      if (c.cell.align !== undefined) args.push(`align: ${c.cell.align}`)
      const body = this.inlines(c.cell.children)
      return `table.cell(${args.join(', ')})[${c.header ? `#strong[${body}]` : body}]`
    }
    const header = grid.cells.filter((c) => c.header).map(cell)
    const body = grid.cells.filter((c) => !c.header).map(cell)
    const parts = [columns, align]
    const rules = this.theme.tables.rules
    parts.push(rule(0, rules.outer))
    if (header.length > 0) parts.push(`table.header(${header.join(', ')})`, rule(table.headerRows, rules.header))
    parts.push(...body, rule(grid.rows, rules.outer))
    return `#table(${parts.join(', ')})`
  }

  private inlines(inlines: readonly Inline[]): string {
    let out = ''
    for (const inline of inlines) out += this.inline(inline)
    return out
  }

  private inline(inline: Inline): string {
    switch (inline.type) {
      case 'text':
        return escapeMarkup(inline.value)
      case 'emphasis':
        return `#emph[${this.inlines(inline.children)}]`
      case 'strong':
        return `#strong[${this.inlines(inline.children)}]`
      case 'delete':
        return `#strike[${this.inlines(inline.children)}]`
      case 'inlineCode':
        return `#raw(${stringLiteral(inline.value)})`
      case 'break':
        return '#linebreak()'
      case 'anchor':
        return `#metadata(none)<${this.labels.get(`${this.chapter.id}#${inline.id}`)!}>`
      case 'image':
        this.pictures++
        return escapeMarkup(inline.alt)
      case 'noteRef':
        return this.noteRef(inline.note)
      case 'indexMark':
        return ''
      case 'link':
        return this.link(inline)
      case 'styled':
        return this.styled(inline)
      case 'inlineMath':
        return `#raw(${stringLiteral(inline.tex)})`
      case 'citation':
      case 'crossRef':
        return this.inlines(inline.children)
      default:
        return assertNever(inline)
    }
  }

  private link(link: Extract<Inline, { type: 'link' }>): string {
    const text = this.inlines(link.children)
    const target = link.target
    if (target === undefined) return text
    if (target.kind === 'web') return `#link(${stringLiteral(target.url)})[${text}]`
    const label = this.labels.get(target.id === undefined ? target.chapter : `${target.chapter}#${target.id}`)
    if (label === undefined) {
      this.unresolvedLinks++
      return text
    }
    return `#link(<${label}>)[${text}]`
  }

  private noteRef(id: string): string {
    const known = this.noteLabels.get(id)
    if (known !== undefined) return `#footnote(<${known}>)`
    const note = this.notes.get(id)
    if (note === undefined) return ''
    const label = this.newLabel()
    this.noteLabels.set(id, label)
    return `#footnote[${this.blocks(note.blocks)}]<${label}>`
  }

  private styled(styled: Extract<Inline, { type: 'styled' }>): string {
    const body = this.inlines(styled.children)
    switch (styled.style) {
      case 'superscript':
        return `#super[${body}]`
      case 'subscript':
        return `#sub[${body}]`
      case 'underline':
        return `#underline[${body}]`
      case 'keyboard':
        return `#text(font: ${stringLiteral(this.theme.fonts.mono.family)}, size: 0.85em)[${body}]`
      case 'mark':
        return `#highlight(fill: rgb(${stringLiteral(this.theme.colours.mark)}))[${body}]`
      case 'small':
        return `#text(size: 0.85em)[${body}]`
      default:
        return assertNever(styled.style)
    }
  }
}

/** The whole book as one Typst file: the preamble, then every chapter. */
export function typstBook(book: Book, theme: Theme = defaultTheme): TypstConversion {
  const converter = new Converter(book, theme)
  const body = converter.convert()
  return { markup: `${preamble(book, theme)}\n${body}`, unresolvedLinks: converter.unresolvedLinks, pictures: converter.pictures }
}
