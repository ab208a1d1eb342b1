import type { Inline, LinkTarget } from '../model/book.js'

/**
 * citeproc-js's HTML output as model inlines, so both editions set a
 * citation or an entry of the reference list with the theme: `<i>` is
 * emphasis, `<b>` strong, `<sup>`/`<sub>` the raised and lowered styles,
 * `<a href>` a link; spans of small capitals or upright text keep their
 * text. citeproc writes a small, fixed set of elements, without nesting
 * surprises, so a tokenizer of tags and text is enough.
 *
 * Two private-use characters mark where each work cited begins and ends
 * (see `format.ts`): the text between them becomes a link to the work's
 * entry, through `linkTo`.
 */
export const ITEM_START = '\uE000'
export const ITEM_END = '\uE001'
/** The work's index follows `ITEM_START`, as this code point plus the index. */
export const ITEM_INDEX_BASE = 0xe100

interface Frame {
  children: Inline[]
  close: string
  wrap: (children: Inline[]) => Inline[]
}

export function htmlToInlines(html: string, linkTo?: (index: number) => LinkTarget | undefined): Inline[] {
  const root: Frame = { children: [], close: '', wrap: (children) => children }
  const stack: Frame[] = [root]
  const top = (): Frame => stack[stack.length - 1]!
  const pushText = (value: string): void => {
    if (value === '') return
    const children = top().children
    const last = children[children.length - 1]
    if (last?.type === 'text' && last.lang === undefined) last.value += value
    else children.push({ type: 'text', value })
  }
  const open = (close: string, wrap: Frame['wrap']): void => void stack.push({ children: [], close, wrap })
  const closeTo = (close: string): void => {
    // Close up to the innermost frame of this kind; a stray end tag is dropped.
    const at = stack.map((frame) => frame.close).lastIndexOf(close)
    if (at <= 0) return
    while (stack.length > at) {
      const frame = stack.pop()!
      top().children.push(...frame.wrap(frame.children))
    }
  }
  const token = new RegExp(`<(/?)([a-z]+)([^>]*)>|${ITEM_START}([\\s\\S])|${ITEM_END}|[^<${ITEM_START}${ITEM_END}]+`, 'g')
  for (const match of html.matchAll(token)) {
    const [whole, slash, tag, attributes = '', index] = match
    if (index !== undefined) {
      const target = linkTo?.(index.codePointAt(0)! - ITEM_INDEX_BASE)
      open('item', (children) => (target ? [{ type: 'link', url: target.kind === 'web' ? target.url : `#${target.id ?? ''}`, target, children }] : children))
    } else if (whole === ITEM_END) {
      closeTo('item')
    } else if (tag === undefined) {
      pushText(decodeEntities(whole))
    } else if (slash === '/') {
      closeTo(tag)
    } else {
      switch (tag) {
        case 'i':
          open('i', (children) => [{ type: 'emphasis', children }])
          break
        case 'b':
          open('b', (children) => [{ type: 'strong', children }])
          break
        case 'sup':
          open('sup', (children) => [{ type: 'styled', style: 'superscript', children }])
          break
        case 'sub':
          open('sub', (children) => [{ type: 'styled', style: 'subscript', children }])
          break
        case 'a': {
          const href = /href="([^"]*)"/.exec(attributes)?.[1]
          const url = href === undefined ? undefined : decodeEntities(href)
          open('a', (children) => (url !== undefined && /^https?:/i.test(url) ? [{ type: 'link', url, target: { kind: 'web', url }, children }] : children))
          break
        }
        default:
          // `span` (small capitals, upright text), `div` (an entry and its parts): their text only.
          open(tag, (children) => children)
      }
    }
  }
  closeTo(stack[1]?.close ?? '')
  while (stack.length > 1) closeTo(top().close)
  return trimEnds(root.children)
}

/** The entities citeproc writes (`&#38;`, `&amp;`, `&lt;`, numeric references). */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return String.fromCodePoint(Number(decimal))
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16))
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
    return named[name!.toLowerCase()] ?? whole
  })
}

/** Without the white space citeproc puts around an entry's markup. */
function trimEnds(inlines: Inline[]): Inline[] {
  const first = inlines[0]
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '')
  const last = inlines[inlines.length - 1]
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '')
  return inlines.filter((inline) => inline.type !== 'text' || inline.value !== '')
}
