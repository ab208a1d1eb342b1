import type { Element, ElementContent, Root } from 'hast'
import type { Position } from 'unist'
import { SLOT_TYPE, type SlotNode } from './parse-run.js'
import { ALIGN_VALUES, ALIGNABLE_ELEMENTS, BLOCK_ELEMENTS, INLINE_ELEMENTS, LINK_SCHEMES, PHRASING_ELEMENTS, SLOT_TAG, STRIPPED_ELEMENTS } from './schema.js'

/** Told about each thing dropped: `what` names its kind (an element, an attribute, a URL scheme) for de-duplication. */
export type DropReporter = (what: string, message: string, position: Position | undefined) => void

/**
 * Go through parsed raw HTML before the sanitiser does, reporting what it
 * will not keep and rewriting the tree so that nothing a reader could see is
 * lost with it:
 * - a kept element stays, with its event handler and `style` attributes and
 *   an unsafe link reported (the sanitiser removes them); a `text-align` in
 *   its style becomes its `align`, which is kept, and only the rest of the
 *   style is reported;
 * - an element whose content is not for readers (`script`, `style`, form
 *   controls, embedded objects) goes with its content;
 * - any other element is replaced by its content: in a `span` when it sits
 *   in a line, in a `div` (so its text stays apart from its neighbours') when
 *   it is a block, with its `id` (a link target);
 * - comments go silently; slots become elements the sanitiser lets through.
 *
 * Elements the parser implied (a `tbody`, say) have no position and are
 * rewritten without a report: the manuscript did not write them.
 */
export function vet(root: Root, report: DropReporter): void {
  root.children = vetChildren(root.children as ElementContent[], report)
}

function vetChildren(nodes: readonly ElementContent[], report: DropReporter): ElementContent[] {
  const result: ElementContent[] = []
  for (const node of nodes) {
    if ((node.type as string) === SLOT_TYPE) {
      const slot = node as unknown as SlotNode
      result.push(element(SLOT_TAG, [], slot.position, { dataSlot: slot.index }))
    } else if (node.type === 'text') {
      result.push(node)
    } else if (node.type === 'element') {
      result.push(...vetElement(node, report))
    }
    // Comments and anything else: dropped, silently.
  }
  return result
}

function vetElement(node: Element, report: DropReporter): ElementContent[] {
  const name = node.tagName
  if (INLINE_ELEMENTS.has(name) || BLOCK_ELEMENTS.has(name)) {
    // A picture's sources are the same picture for other screens (a dark mode): its `img` stands for them all.
    if (name === 'picture') node.children = node.children.filter((child) => !(child.type === 'element' && child.tagName === 'source'))
    vetAttributes(node, report)
    node.children = vetChildren(node.children, report)
    return [node]
  }
  if (STRIPPED_ELEMENTS.has(name)) {
    report(name, `raw HTML \`<${name}>\` dropped with its content`, node.position)
    return []
  }
  // The outer element is reported before what it holds.
  report(name, `raw HTML \`<${name}>\` dropped${hasContent(node.children) ? ', its text kept' : ''}`, node.position)
  const children = vetChildren(node.children, report)
  // An id stays with the content: a link may lead there.
  const id = node.properties.id
  return [element(PHRASING_ELEMENTS.has(name) ? 'span' : 'div', children, node.position, typeof id === 'string' ? { id } : {})]
}

/**
 * Report the attributes of a kept element that could run code or restyle the
 * page, and unsafe link targets; keep the alignment a style gives.
 */
function vetAttributes(node: Element, report: DropReporter): void {
  const name = node.tagName
  for (const key of Object.keys(node.properties)) {
    const attribute = key.toLowerCase()
    if (attribute.startsWith('on') && attribute.length > 2) {
      report(`${name}@${attribute}`, `attribute \`${attribute}\` of raw HTML \`<${name}>\` dropped`, node.position)
    } else if (attribute === 'style') {
      const rest = keepStyleHints(node)
      if (rest) report(`${name}@${attribute}`, `attribute \`${attribute}\` of raw HTML \`<${name}>\` dropped`, node.position)
    }
  }
  if (typeof node.properties.align === 'string') node.properties.align = node.properties.align.trim().toLowerCase()
  // A link target is named in one word: HTML allows no white space in an id.
  for (const key of ['id', 'name']) {
    const value = node.properties[key]
    if (typeof value !== 'string' || !/\S\s+\S/.test(value.trim())) continue
    report(`${name}@${key}:${value}`, `\`${key}="${value.trim()}"\` of raw HTML \`<${name}>\` dropped: a link target cannot hold white space`, node.position)
    delete node.properties[key]
  }
  if (name !== 'a' || node.properties.href === undefined) return
  const href = String(node.properties.href).trim()
  const scheme = urlScheme(href)
  if (scheme === undefined) {
    node.properties.href = href
  } else if (LINK_SCHEMES.includes(scheme.toLowerCase())) {
    // The sanitiser compares schemes as written: `HTTPS:` is as safe as `https:`.
    node.properties.href = scheme.toLowerCase() + href.slice(scheme.length)
  } else {
    const name = scheme.toLowerCase().replace(/\s+/g, '')
    report(`scheme:${name}`, `link to a \`${name}:\` URL in raw HTML dropped, its text kept`, node.position)
    delete node.properties.href
  }
}

/**
 * Keep what an element's `style` says that the element's attributes could
 * say too: a `text-align` becomes its `align` where it keeps an alignment, an
 * image's `width` and `height` its attributes (an attribute written wins).
 * Whether anything else was in the style, which is dropped.
 */
function keepStyleHints(node: Element): boolean {
  const style = String(node.properties.style ?? '')
  let rest = false
  for (const declaration of style.split(';')) {
    if (declaration.trim() === '') continue
    const match = /^\s*([a-z-]+)\s*:\s*([^!]*?)\s*(?:!important\s*)?$/i.exec(declaration)
    const property = match?.[1]?.toLowerCase()
    const value = match?.[2]?.toLowerCase() ?? ''
    if (property === 'text-align' && ALIGNABLE_ELEMENTS.has(node.tagName) && ALIGN_VALUES.includes(value)) {
      node.properties.align ??= value
    } else if ((property === 'width' || property === 'height') && node.tagName === 'img' && /^\d+(?:\.\d+)?(?:px|%)$/.test(value) && (property === 'width' || value.endsWith('px'))) {
      node.properties[property] ??= value
    } else {
      rest = true
    }
  }
  return rest
}

/** The scheme of a URL, as the sanitiser reads it: a colon before any `/`, `?` or `#`. */
function urlScheme(url: string): string | undefined {
  const colon = url.indexOf(':')
  if (colon <= 0) return undefined
  for (const mark of ['/', '?', '#']) {
    const index = url.indexOf(mark)
    if (index !== -1 && index < colon) return undefined
  }
  return url.slice(0, colon)
}

/** Whether anything a reader would see is inside: text, Markdown, or an image's alt text. */
function hasContent(nodes: readonly ElementContent[]): boolean {
  return nodes.some((node) => {
    if (node.type === 'text') return node.value.trim() !== ''
    if ((node.type as string) === SLOT_TYPE) return true
    if (node.type !== 'element' || STRIPPED_ELEMENTS.has(node.tagName)) return false
    return (node.tagName === 'img' && typeof node.properties.alt === 'string' && node.properties.alt.trim() !== '') || hasContent(node.children)
  })
}

function element(tagName: string, children: ElementContent[], position: Position | undefined, properties: Element['properties'] = {}): Element {
  return { type: 'element', tagName, properties, children, ...(position ? { position } : {}) }
}
