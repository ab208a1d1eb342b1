import { DISPLAY_SVG_CLASS } from '../math/svg-element-class.js'
import type { MathForm } from '../model/book.js'
import { codeGroundPadding, contentsSpace, displayMathSpace, figureSpaceBefore, footnoteMetrics, headingRoles, resolveStyle, romanWithinItalic, sectionBreakSpace, smallScale, themeFace, type Face, type TextRole, type Theme } from '../theme/index.js'
import { sharedFace } from '../theme/font-files.js'
import { themeFonts, type EmbeddedFont } from './fonts.js'
import { leadInClass } from './hast/lead-in.js'

/** One rule of the style sheet: a selector (or `@font-face`) and its declarations, in order. */
export interface CssRule {
  selector: string
  declarations: Record<string, string>
}

/** A number as CSS writes it: no float noise, no trailing zeros. */
function num(value: number): string {
  return String(Math.round(value * 10000) / 10000)
}

function em(value: number): string {
  return value === 0 ? '0' : `${num(value)}em`
}

function quoted(family: string): string {
  return `"${family.replace(/["\\]/g, '\\$&')}"`
}

/**
 * The declarations of a text role, in units relative to the role's own size:
 * the font size as the ratio of the role's size to the body's (what
 * `resolveStyle` gives the PDF), a unitless line height, and space and inset
 * converted from points to ems of the role's size.
 */
function roleDeclarations(theme: Theme, stacks: FontStacks, role: TextRole): Record<string, string> {
  const style = resolveStyle(theme, role)
  const body = resolveStyle(theme, 'body')
  const spec = theme.roles[role]
  const declarations: Record<string, string> = {}
  if (style.size !== body.size) declarations['font-size'] = em(style.size / body.size)
  declarations['line-height'] = num(style.leading / style.size)
  declarations['font-family'] = stacks[spec.face]
  declarations['font-weight'] = spec.bold === true ? 'bold' : 'normal'
  declarations['font-style'] = spec.italic === true ? 'italic' : 'normal'
  if (style.smallCaps) declarations['font-variant'] = 'small-caps'
  declarations['text-align'] = style.align
  declarations['margin-top'] = em(style.spaceBefore / style.size)
  declarations['margin-bottom'] = em(style.spaceAfter / style.size)
  if (style.inset > 0) {
    declarations['margin-left'] = em(style.inset / style.size)
    declarations['margin-right'] = em(style.inset / style.size)
  }
  // Body text takes the reader's colour (so that night modes work); other colours come from the theme.
  if (style.colour !== theme.colours.text) declarations.color = style.colour
  return declarations
}

type FontStacks = Record<Face, string>

/**
 * The font stack of a face: the theme's family, the fallback faces the book
 * carries for the characters the family lacks, then the generic family for readers that
 * refuse publisher fonts.
 */
function families(theme: Theme, face: Face, carried: readonly EmbeddedFont[]): string {
  // A heading face made of the text face's file is the text face, declared under its family.
  const family = theme.fonts[themeFace(theme, face, false, false)].family
  // The fallback faces the book carries (those some character it shows falls back to), in the theme's order.
  const fallbacks = [...new Set(carried.filter((font) => font.keys.length === 0 && font.font.math !== true).map((font) => font.font.family))].filter((name) => name !== family)
  return [family, ...fallbacks].map(quoted).concat(theme.generic[face]).join(', ')
}

/** The selector of the elements each role is set in; print's page furniture and part title pages have none in the EPUB. */
const roleSelectors: Partial<Record<TextRole, string>> = {
  body: 'body',
  title: '.title',
  subtitle: '.subtitle',
  byline: '.byline',
  h1: 'h1',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h5',
  h6: 'h6',
  blockquote: 'blockquote',
  code: 'pre',
  caption: 'figcaption',
  footnote: 'aside.footnote',
  table: 'table',
  contentsPart: 'nav .toc-part',
}

/** The descent of the code face, in ems. */
function monoDescent(theme: Theme): number {
  const face = sharedFace(theme.fonts.mono)
  return -face.descent / face.unitsPerEm
}

const noHyphens = { hyphens: 'manual', '-webkit-hyphens': 'manual', '-epub-hyphens': 'manual' }
const keepWithNext = { 'page-break-after': 'avoid', 'break-after': 'avoid', 'page-break-inside': 'avoid', 'break-inside': 'avoid' }

/**
 * The EPUB's style sheet as data, generated from the theme: the same faces,
 * size ratios, leading, spacing and indent rule as the print edition, in
 * relative units, so that a reader's own font size and margins still apply.
 */
export function cssRules(theme: Theme, carried: readonly EmbeddedFont[] = themeFonts(theme)): CssRule[] {
  const rules: CssRule[] = []
  const stacks: FontStacks = { text: families(theme, 'text', carried), heading: families(theme, 'heading', carried), mono: families(theme, 'mono', carried) }
  const rule = (selector: string, declarations: Record<string, string>): void => {
    rules.push({ selector, declarations })
  }
  const body = resolveStyle(theme, 'body')

  for (const { font, fileName, format } of carried) {
    rule('@font-face', {
      'font-family': quoted(font.family),
      'font-style': font.style,
      'font-weight': String(font.weight),
      src: `url("fonts/${fileName}") format("${format}")`,
    })
  }

  rule('body', {
    'font-family': stacks.text,
    'line-height': num(theme.leading),
    hyphens: 'auto',
    '-webkit-hyphens': 'auto',
    '-epub-hyphens': 'auto',
    'overflow-wrap': 'break-word',
    'word-wrap': 'break-word',
    widows: '2',
    orphans: '2',
  })

  // Paragraphs: no space between them; the first after a heading or any other
  // block starts flush, a paragraph that follows a paragraph is indented.
  rule('p', { margin: '0', 'text-indent': '0', 'text-align': body.align })
  rule('p + p', { 'text-indent': em(theme.indent) })
  // The article's lead-in: its first words in the text face's small capitals (kept in the subset fonts), as in print.
  if (theme.leadIn.words > 0) rule(`.${leadInClass}`, { 'font-variant': 'small-caps' })

  for (const role of headingRoles) rule(role, { ...roleDeclarations(theme, stacks, role), ...noHyphens, ...keepWithNext })

  rule('.title', { ...roleDeclarations(theme, stacks, 'title'), 'text-indent': '0', ...noHyphens, ...keepWithNext })
  rule('.subtitle', { ...roleDeclarations(theme, stacks, 'subtitle'), 'text-indent': '0', ...noHyphens, ...keepWithNext })
  rule('.byline', { ...roleDeclarations(theme, stacks, 'byline'), 'text-indent': '0', ...noHyphens })
  rule('.titlepage .publisher', { 'margin-top': em(theme.titlePage.publisherSpace * theme.leading), 'text-indent': '0' })

  rule('blockquote', roleDeclarations(theme, stacks, 'blockquote'))
  rule('blockquote p', { 'text-align': resolveStyle(theme, 'blockquote').align })

  const code = resolveStyle(theme, 'code')
  rule('code', { 'font-family': stacks.mono, 'font-size': em(code.size / body.size), ...noHyphens })
  // A code line wider than the reader's page wraps rather than overflows or is cut off: at spaces (which hang at the
  // end of the row, as in print), else anywhere. `anywhere` (where known) also lets a block inside a table or a
  // shrink-to-fit box narrow; readers that do not know it keep the older `word-wrap: break-word`, which breaks the
  // same way in normal flow. The continued rows are indented as in print, by the theme's continuation indent, where
  // the reader knows `hanging` and `each-line` (which leave the first row of every source line at the margin);
  // others drop the whole declaration and indent nothing.
  rule('pre', {
    ...roleDeclarations(theme, stacks, 'code'),
    'white-space': 'pre-wrap',
    'word-wrap': 'break-word',
    'overflow-wrap': 'anywhere',
    'text-indent': `${num(theme.codeContinuation.indent)}ch hanging each-line`,
    color: theme.colours.text,
    'background-color': theme.colours.codeBackground,
    // The ground reaches as far past the text as in print (see `codeGroundPadding`).
    padding: em(codeGroundPadding(theme, monoDescent(theme)) / code.size),
    ...noHyphens,
  })
  // The block's size is set on `pre`; its `code` must not scale it again.
  rule('pre code', { 'font-size': '1em' })
  for (const [kind, colour] of Object.entries(theme.codeColours)) if (colour !== theme.colours.text) rule(`.tok-${kind}`, { color: colour })
  rule('kbd', { 'font-family': stacks.mono, 'font-size': em(code.size / body.size) })

  // Lists: the space around them in lines, as print sets it; the indent the theme gives a reader's markers (print measures its labels).
  const listSpace = em((theme.lists.space * body.leading) / body.size)
  rule('ul, ol', { 'margin-top': listSpace, 'margin-bottom': listSpace, 'padding-left': em(theme.lists.indent) })
  rule('li', { 'text-align': body.align })
  rule('li > p', { 'text-indent': '0' })
  rule('ul ul, ul ol, ol ol, ol ul', { 'margin-top': '0', 'margin-bottom': '0' })
  rule('.loose > li + li', { 'margin-top': listSpace })
  // Right-to-left text (dir="rtl", set on Hebrew and Arabic paragraphs, headings and lists): what the theme sets
  // flush left is flush right, and a list's labels and their room stand on the right.
  rule('ul[dir="rtl"], ol[dir="rtl"]', { 'padding-left': '0', 'padding-right': em(theme.lists.indent) })
  rule('li[dir="rtl"]', { 'list-style-position': 'inside' })
  const flushLeft = headingRoles.filter((role) => resolveStyle(theme, role).align === 'left')
  if (flushLeft.length > 0) rule(flushLeft.map((role) => `${role}[dir="rtl"]`).join(', '), { 'text-align': 'right' })
  rule('.tasks > li.task-done, .tasks > li.task-open', { 'list-style-type': 'none' })
  rule('.task-box', { 'margin-left': em(-theme.lists.taskHang) })

  // In lines of the text around the break: ems of its own size, which it inherits.
  const breakSpace = em(sectionBreakSpace(theme, 'body') / body.size)
  rule('.section-break', { 'text-align': 'center', 'text-indent': '0', 'margin-top': breakSpace, 'margin-bottom': breakSpace, ...noHyphens })

  // Tables as the print edition sets them: across the measure, padding and rules from the theme (in ems of the
  // table's text, as the PDF reads them), a frame of two rules and one under the header rows, and under a header
  // cell that spans columns above others. A table wider than the screen scrolls in its block.
  const tables = theme.tables
  const stroke = (weight: number): string => `${em(weight)} solid ${theme.colours.rule}`
  rule('.table', { 'overflow-x': 'auto' })
  rule('table', { ...roleDeclarations(theme, stacks, 'table'), 'min-width': '100%', 'border-collapse': 'collapse', 'border-top': stroke(tables.rules.outer), 'border-bottom': stroke(tables.rules.outer) })
  rule('th, td', { padding: `${em(tables.padding.block)} ${em(tables.padding.inline)}`, 'vertical-align': 'top', 'text-align': 'left', ...noHyphens })
  rule('th', { 'font-weight': 'bold' })
  rule('thead', { 'border-bottom': stroke(tables.rules.header) })
  rule('thead th[colspan]', { 'border-bottom': stroke(tables.rules.header) })
  rule('th.align-left, td.align-left', { 'text-align': 'left' })
  rule('th.align-center, td.align-center', { 'text-align': 'center' })
  rule('th.align-right, td.align-right', { 'text-align': 'right' })

  // Alignment written in the manuscript (raw HTML's `align`); centred and right-aligned lines take no indent.
  const aligned = ['p', ...headingRoles]
  for (const align of ['left', 'center', 'right', 'justify'] as const) {
    rule(aligned.map((tag) => `${tag}.align-${align}`).join(', '), { 'text-align': align, ...(align === 'center' || align === 'right' ? { 'text-indent': '0' } : {}) })
  }
  // As in print, the paragraph after a centred or right-set one is no continuation of running text.
  rule('p.align-center + p, p.align-right + p', { 'text-indent': '0' })

  // Definition lists: terms in bold, ragged, each item set apart; details indented under their terms.
  const definitions = theme.definitions
  const definitionSpace = em(definitions.space * theme.leading)
  rule('dl', { 'margin-top': definitionSpace, 'margin-bottom': definitionSpace })
  rule('dt', { 'font-weight': 'bold', 'text-align': 'left', ...noHyphens, 'page-break-after': 'avoid', 'break-after': 'avoid' })
  rule('dd + dt', { 'margin-top': definitionSpace })
  rule('dd', { 'margin-left': em(definitions.indent), 'margin-right': '0', 'margin-top': '0', 'margin-bottom': '0' })
  rule('dd > p:first-child', { 'text-indent': '0' })

  // Disclosures: the summary in bold heads the body; shown open.
  const detailsSpace = em(theme.details.space * theme.leading)
  rule('details, div.details', { 'margin-top': detailsSpace, 'margin-bottom': detailsSpace })
  rule('summary', { 'font-weight': 'bold', 'text-align': 'left', ...noHyphens, 'page-break-after': 'avoid', 'break-after': 'avoid' })
  rule('summary + p', { 'text-indent': '0' })

  // GitHub's alerts: a rule down the left and the label in the kind's colour, the text past the rule.
  const alert = theme.alert
  const alertSpace = em(alert.space * theme.leading)
  rule('.alert', { 'margin-top': alertSpace, 'margin-bottom': alertSpace, 'padding-left': em(alert.gap), 'border-left-style': 'solid', 'border-left-width': em(alert.rule) })
  rule('.alert-label', { 'font-weight': 'bold', 'text-indent': '0', 'text-align': 'left', ...noHyphens, 'page-break-after': 'avoid', 'break-after': 'avoid' })
  rule('.alert-label + p', { 'text-indent': '0' })
  for (const [kind, colour] of Object.entries(alert.colours)) {
    rule(`.alert-${kind}`, { 'border-left-color': colour })
    rule(`.alert-${kind} .alert-label`, { color: colour })
  }

  // As in print: the figure space above, the caption's space after below (a caption's own margin collapses with it).
  const caption = resolveStyle(theme, 'caption')
  rule('figure', { 'margin-left': '0', 'margin-right': '0', 'margin-top': em(figureSpaceBefore(theme) / body.size), 'margin-bottom': em(caption.spaceAfter / body.size), 'text-align': 'center', 'page-break-inside': 'avoid', 'break-inside': 'avoid' })
  rule('img', { 'max-width': '100%', height: 'auto' })
  rule('figcaption', { ...roleDeclarations(theme, stacks, 'caption'), 'text-indent': '0' })

  rule('a', { color: theme.colours.link, 'text-decoration': theme.inline.underlineLinks ? 'underline' : 'none' })
  // Inline rules as print sets them: superscripts and subscripts at the script size, smaller text, marked text on its ground.
  rule('sup, sub', { 'font-size': em(theme.scriptScale), 'line-height': '0' })
  rule('small', { 'font-size': em(smallScale(theme)) })
  rule('mark', { 'background-color': theme.colours.mark, color: 'inherit' })
  // Emphasis within italic: upright (or italic still), in emphasis within emphasis and in the italic roles.
  const withinItalic = romanWithinItalic(theme) ? 'normal' : 'italic'
  const italicRoles = Object.entries(roleSelectors)
    .filter(([role]) => theme.roles[role as TextRole].italic === true)
    .map(([, selector]) => selector)
  rule(['em em', ...italicRoles.map((selector) => `${selector} em`)].join(', '), { 'font-style': withinItalic })
  rule(['em em em', ...italicRoles.map((selector) => `${selector} em em`)].join(', '), { 'font-style': 'italic' })
  rule('a.noteref', { 'text-decoration': 'none' })
  rule('aside.footnote', roleDeclarations(theme, stacks, 'footnote'))
  rule('aside.footnote p', { 'text-align': resolveStyle(theme, 'footnote').align })
  // The notes after the text, as print sets them under it: the theme's space, its rule two thirds of the way down, as long and heavy as in print.
  const notes = footnoteMetrics(theme, 100)
  const noteSize = resolveStyle(theme, 'footnote').size
  rule(':not(aside) + aside.footnote', { 'margin-top': em(((2 / 3) * notes.space) / noteSize) })
  rule(':not(aside) + aside.footnote::before', { content: '""', display: 'block', width: `${num(notes.ruleLength)}%`, 'border-top': `${em(notes.ruleWeight / noteSize)} solid ${theme.colours.rule}`, 'margin-bottom': em(notes.space / 3 / noteSize) })
  rule('.note-number', { 'font-weight': 'bold', 'text-decoration': 'none' })

  rule('.colophon p', { 'text-indent': '0', 'text-align': 'left', 'margin-bottom': em(theme.colophon.space) })
  rule('.cover-page', { margin: '0', padding: '0', 'text-align': 'center' })
  rule('.cover img', { 'max-width': '100%', 'max-height': '100vh' })
  rule('nav ol', { 'list-style-type': 'none', 'padding-left': em(theme.indent) })
  // A part in the contents: a heading over its chapters, which stand flush under it, as the print edition sets them.
  rule('nav .toc-part', { ...roleDeclarations(theme, stacks, 'contentsPart'), display: 'block' })
  rule('nav .toc-part + ol', { 'padding-left': '0' })
  // As in print: space above each first-level entry, but under a part's line.
  rule('nav#toc > ol > li + li, nav#toc .toc-part + ol > li + li', { 'margin-top': em(contentsSpace(theme) / body.size) })
  return rules
}

/**
 * The rules of the back-of-book index, added only to the style sheet of a book
 * that has one: entries without markers, flush left, each subentry indented
 * by the theme's paragraph indent, as print sets them.
 */
export function indexCss(theme: Theme): string {
  const rules: CssRule[] = [
    { selector: '.book-index ul', declarations: { 'list-style-type': 'none', margin: '0', 'padding-left': '0' } },
    { selector: '.book-index ul ul', declarations: { 'padding-left': em(theme.indent) } },
    { selector: '.book-index li', declarations: { 'text-indent': '0', 'text-align': 'left' } },
  ]
  return cssText(rules)
}

/** The style sheet as text, for an EPUB that carries the fonts `carried` (by default every font of the theme). */
/**
 * The rules a book with mathematics adds: a displayed formula centred, with
 * the theme's space above and below (the print edition's, see
 * `displayMathSpace`), never split across pages; MathML in the theme's math
 * face when the book carries one, then the reader's own (`math`). Only such a
 * book carries them.
 */
export function mathCss(theme: Theme, form: MathForm = 'mathml', carried: readonly EmbeddedFont[] = themeFonts(theme)): string {
  const body = resolveStyle(theme, 'body')
  const space = em(displayMathSpace(theme, 'body') / body.size)
  if (form === 'svg') {
    // A displayed formula drawn as SVG: a block centred by its margins, as wide as its drawing.
    return `svg.${DISPLAY_SVG_CLASS} {\n  display: block;\n  margin: ${space} auto;\n  page-break-inside: avoid;\n  break-inside: avoid;\n}\n\n.equation svg.${DISPLAY_SVG_CLASS} {\n  margin: 0 auto;\n}\n\n`
  }
  const face = carried.find((font) => font.font.math === true)
  const inFace = face === undefined ? '' : `math {\n  font-family: ${quoted(face.font.family)}, math;\n}\n\n`
  return `${inFace}math[display="block"] {\n  margin: ${space} 0;\n  text-align: center;\n  page-break-inside: avoid;\n  break-inside: avoid;\n}\n\n`
}

/**
 * The rules a book with table captions or numbered formulas adds: a
 * caption above its table, in the caption's role; a numbered formula centred
 * in a row with its number flush right, as print sets it.
 */
export function crossReferenceCss(theme: Theme, carried: readonly EmbeddedFont[] = themeFonts(theme)): string {
  const stacks: FontStacks = { text: families(theme, 'text', carried), heading: families(theme, 'heading', carried), mono: families(theme, 'mono', carried) }
  const body = resolveStyle(theme, 'body')
  const space = em(displayMathSpace(theme, 'body') / body.size)
  const numberWidth = '3em'
  const rules: CssRule[] = [
    { selector: 'caption', declarations: { ...roleDeclarations(theme, stacks, 'caption'), 'caption-side': 'top', 'text-indent': '0' } },
    { selector: '.equation', declarations: { display: 'flex', 'align-items': 'center', margin: `${space} 0`, 'page-break-inside': 'avoid', 'break-inside': 'avoid' } },
    { selector: '.equation::before', declarations: { content: '""', flex: 'none', width: numberWidth } },
    { selector: '.equation math[display="block"]', declarations: { flex: '1 1 auto', margin: '0' } },
    { selector: '.equation-number', declarations: { flex: 'none', width: numberWidth, 'text-align': 'right', 'text-indent': '0' } },
  ]
  return cssText(rules)
}

export function themeCss(theme: Theme, carried?: readonly EmbeddedFont[]): string {
  return ['@charset "UTF-8";', '', cssText(cssRules(theme, carried))].join('\n')
}

function cssText(rules: readonly CssRule[]): string {
  const lines: string[] = []
  for (const { selector, declarations } of rules) {
    lines.push(`${selector} {`)
    for (const [property, value] of Object.entries(declarations)) lines.push(`  ${property}: ${value};`)
    lines.push('}', '')
  }
  return lines.join('\n')
}
