import { headingRoles, resolveStyle, type TextRole, type Theme } from '../theme/index.js'
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

type FontStacks = Record<'text' | 'mono', string>

/**
 * The font stack of a face: the theme's family, the fallback faces the book
 * carries for the characters the family lacks, then the generic family for readers that
 * refuse publisher fonts.
 */
function families(theme: Theme, face: 'text' | 'mono', carried: readonly EmbeddedFont[]): string {
  const family = face === 'mono' ? theme.fonts.mono.family : theme.fonts.text.family
  const fallbacks = [...new Set(carried.filter((font) => font.keys.length === 0).map((font) => font.font.family))].filter((name) => name !== family)
  return [family, ...fallbacks].map(quoted).concat(theme.generic[face]).join(', ')
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
  const stacks: FontStacks = { text: families(theme, 'text', carried), mono: families(theme, 'mono', carried) }
  const rule = (selector: string, declarations: Record<string, string>): void => {
    rules.push({ selector, declarations })
  }
  const body = resolveStyle(theme, 'body')

  for (const { font, fileName } of carried) {
    rule('@font-face', {
      'font-family': quoted(font.family),
      'font-style': font.style,
      'font-weight': String(font.weight),
      src: `url("fonts/${fileName}") format("truetype")`,
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
  rule('.titlepage .publisher', { 'margin-top': em(2 * theme.leading), 'text-indent': '0' })

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
    padding: '0.5em',
    ...noHyphens,
  })
  // The block's size is set on `pre`; its `code` must not scale it again.
  rule('pre code', { 'font-size': '1em' })
  for (const [kind, colour] of Object.entries(theme.codeColours)) if (colour !== theme.colours.text) rule(`.tok-${kind}`, { color: colour })
  rule('kbd', { 'font-family': stacks.mono, 'font-size': em(code.size / body.size) })

  rule('ul, ol', { 'margin-top': em(body.leading / body.size / 2), 'margin-bottom': em(body.leading / body.size / 2), 'padding-left': em(theme.indent * 1.5) })
  rule('li', { 'text-align': body.align })
  rule('li > p', { 'text-indent': '0' })
  rule('ul ul, ul ol, ol ol, ol ul', { 'margin-top': '0', 'margin-bottom': '0' })
  rule('.loose > li + li', { 'margin-top': em(body.leading / body.size / 2) })
  // Right-to-left text (dir="rtl", set on Hebrew and Arabic paragraphs, headings and lists): what the theme sets
  // flush left is flush right, and a list's labels and their room stand on the right.
  rule('ul[dir="rtl"], ol[dir="rtl"]', { 'padding-left': '0', 'padding-right': em(theme.indent * 1.5) })
  rule('li[dir="rtl"]', { 'list-style-position': 'inside' })
  const flushLeft = headingRoles.filter((role) => resolveStyle(theme, role).align === 'left')
  if (flushLeft.length > 0) rule(flushLeft.map((role) => `${role}[dir="rtl"]`).join(', '), { 'text-align': 'right' })
  rule('.tasks > li.task-done, .tasks > li.task-open', { 'list-style-type': 'none' })
  rule('.task-box', { 'margin-left': em(-1.2) })

  rule('.section-break', { 'text-align': 'center', 'text-indent': '0', 'margin-top': em(body.leading / body.size), 'margin-bottom': em(body.leading / body.size), ...noHyphens })

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

  rule('figure', { 'margin-left': '0', 'margin-right': '0', 'margin-top': em(body.leading / body.size), 'margin-bottom': em(body.leading / body.size), 'text-align': 'center', 'page-break-inside': 'avoid', 'break-inside': 'avoid' })
  rule('img', { 'max-width': '100%', height: 'auto' })
  rule('figcaption', { ...roleDeclarations(theme, stacks, 'caption'), 'text-indent': '0' })

  rule('a', { color: theme.colours.link })
  rule('sup', { 'line-height': '0' })
  rule('a.noteref', { 'text-decoration': 'none' })
  rule('aside.footnote', roleDeclarations(theme, stacks, 'footnote'))
  rule('aside.footnote p', { 'text-align': resolveStyle(theme, 'footnote').align })
  rule(':not(aside) + aside.footnote', { 'margin-top': em((2 * body.leading) / resolveStyle(theme, 'footnote').size), 'border-top': `thin solid ${theme.colours.rule}`, 'padding-top': em(0.5) })
  rule('.note-number', { 'font-weight': 'bold', 'text-decoration': 'none' })

  rule('.colophon p', { 'text-indent': '0', 'text-align': 'left', 'margin-bottom': em(0.5) })
  rule('.cover-page', { margin: '0', padding: '0', 'text-align': 'center' })
  rule('.cover img', { 'max-width': '100%', 'max-height': '100vh' })
  rule('nav ol', { 'list-style-type': 'none', 'padding-left': em(theme.indent) })
  // A part in the contents: a heading over its chapters, which stand flush under it, as the print edition sets them.
  rule('nav .toc-part', { ...roleDeclarations(theme, stacks, 'contentsPart'), display: 'block' })
  rule('nav .toc-part + ol', { 'padding-left': '0' })
  return rules
}

/** The style sheet as text, for an EPUB that carries the fonts `carried` (by default every font of the theme). */
export function themeCss(theme: Theme, carried?: readonly EmbeddedFont[]): string {
  const lines = ['@charset "UTF-8";', '']
  for (const { selector, declarations } of cssRules(theme, carried)) {
    lines.push(`${selector} {`)
    for (const [property, value] of Object.entries(declarations)) lines.push(`  ${property}: ${value};`)
    lines.push('}', '')
  }
  return lines.join('\n')
}
