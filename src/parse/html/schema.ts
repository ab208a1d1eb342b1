import type { Schema } from 'hast-util-sanitize'
import type { Styled } from '../../model/book.js'

/**
 * What raw HTML may keep, in one place: the conversion to the model, the
 * warnings about what is dropped and the sanitiser's schema all read it.
 */

/** What a kept inline element becomes in the model. */
export type InlineKind =
  | { kind: 'strong' }
  | { kind: 'emphasis' }
  | { kind: 'delete' }
  | { kind: 'styled'; style: Styled['style'] }
  | { kind: 'inlineCode' }
  | { kind: 'break' }
  | { kind: 'link' }
  | { kind: 'image' }
  | { kind: 'quote' }
  /** The element goes, its content stays. */
  | { kind: 'transparent' }

export const INLINE_ELEMENTS: ReadonlyMap<string, InlineKind> = new Map<string, InlineKind>([
  ['b', { kind: 'strong' }],
  ['strong', { kind: 'strong' }],
  ['i', { kind: 'emphasis' }],
  ['em', { kind: 'emphasis' }],
  ['u', { kind: 'styled', style: 'underline' }],
  ['ins', { kind: 'styled', style: 'underline' }],
  ['sub', { kind: 'styled', style: 'subscript' }],
  ['sup', { kind: 'styled', style: 'superscript' }],
  ['kbd', { kind: 'styled', style: 'keyboard' }],
  ['mark', { kind: 'styled', style: 'mark' }],
  ['small', { kind: 'styled', style: 'small' }],
  ['s', { kind: 'delete' }],
  ['del', { kind: 'delete' }],
  ['strike', { kind: 'delete' }],
  ['code', { kind: 'inlineCode' }],
  ['br', { kind: 'break' }],
  ['a', { kind: 'link' }],
  ['img', { kind: 'image' }],
  ['q', { kind: 'quote' }],
  ['span', { kind: 'transparent' }],
  ['abbr', { kind: 'transparent' }],
  ['cite', { kind: 'transparent' }],
  // Its `img` is what it shows where its sources (other files for other screens) are not chosen.
  ['picture', { kind: 'transparent' }],
])

/**
 * Block elements kept. `div` and `center` give their content (aligned, when
 * they say so), `p` a paragraph, `h1`–`h6` headings, `blockquote` and the
 * lists theirs, `pre` a code block, `hr` a section break, `table` and its
 * parts a table, `dl` and its parts a definition list, `details` and
 * `summary` a disclosure, `figure` a figure when it holds one image.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'div', 'center', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'hr',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'dl', 'dt', 'dd', 'details', 'summary', 'figure', 'figcaption',
])

/** Elements whose `align` (or `text-align` in their `style`) is kept. */
export const ALIGNABLE_ELEMENTS: ReadonlySet<string> = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'tr', 'col', 'colgroup', 'thead', 'tbody', 'tfoot'])

/** The alignments `align` may name, as the model has them. */
export const ALIGN_VALUES: readonly string[] = ['left', 'center', 'right', 'justify']

/**
 * Elements dropped with everything inside them: what they hold is code,
 * style, form state, metadata, a drawing or a player's fallback, not text a
 * reader sees. (An `object`'s content is what shows when the object cannot:
 * it is kept.)
 */
export const STRIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'template', 'title', 'head', 'meta', 'link', 'base',
  'iframe', 'frame', 'frameset', 'noembed', 'noframes', 'embed', 'applet', 'param',
  'textarea', 'select', 'datalist', 'input', 'option', 'optgroup',
  'svg', 'canvas', 'audio', 'video', 'source', 'track', 'map', 'area',
])

/**
 * Elements that sit inside a line of text (HTML's phrasing content). A dropped
 * one is replaced by its content in the line; any other dropped element
 * separates what comes before and after it like a block.
 */
export const PHRASING_ELEMENTS: ReadonlySet<string> = new Set([
  ...INLINE_ELEMENTS.keys(),
  'bdi', 'bdo', 'button', 'data', 'object', 'picture', 'dfn', 'font', 'big', 'tt', 'nobr', 'samp', 'time', 'var', 'wbr', 'label', 'output',
  'meter', 'progress', 'ruby', 'rb', 'rp', 'rt', 'rtc', 'acronym', 'blink', 'img', 'math', 'mi', 'mo', 'mn', 'ms',
  'mtext', 'mrow', 'msup', 'msub', 'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'slot',
])

/** URL schemes a link in raw HTML may have; a relative URL (no scheme) is kept too. */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto']

/**
 * The element that stands for a Markdown node met inside raw HTML (see
 * `parse-run.ts`). The HTML parser lower-cases every tag name it reads, so no
 * manuscript can write an element of this name.
 */
export const SLOT_TAG = 'octavoSlot'

/**
 * The schema the sanitiser applies last: only the kept elements and the slot,
 * only the attributes the model has a use for, only safe link schemes.
 * Everything else is removed even if an earlier step let it through.
 */
export const sanitizeSchema: Schema = {
  tagNames: [...INLINE_ELEMENTS.keys(), ...BLOCK_ELEMENTS, SLOT_TAG],
  attributes: withAlign({
    // An id on any kept element is a link target (see `to-model.ts`); a `lang` declares the language of its text.
    '*': ['id', 'lang'],
    a: ['href', 'title', 'name'],
    ol: ['start'],
    code: [['className', /^language-[\w#+.-]+$/]],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colSpan', 'rowSpan'],
    th: ['colSpan', 'rowSpan'],
    col: ['span'],
    colgroup: ['span'],
    [SLOT_TAG]: ['dataSlot'],
  }),
  protocols: { href: [...LINK_SCHEMES] },
  ancestors: {},
  required: {},
  strip: [...STRIPPED_ELEMENTS],
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
}

/** The attributes with `align` (one of `ALIGN_VALUES`) allowed on each alignable element. */
function withAlign(attributes: NonNullable<Schema['attributes']>): NonNullable<Schema['attributes']> {
  const result = { ...attributes }
  for (const name of ALIGNABLE_ELEMENTS) result[name] = [...(result[name] ?? []), ['align', ...ALIGN_VALUES]]
  return result
}
