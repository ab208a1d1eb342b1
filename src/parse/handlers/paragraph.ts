import type { Image, ImageReference, Paragraph, Parents } from 'mdast'
import type { Block, Figure, Inline, MathBlock } from '../../model/book.js'
import type { State } from '../state.js'
import { smartPunctuation } from '../smart-punctuation.js'
import { withPlace } from '../with-place.js'
import { loneFigure } from '../html/to-model.js'
import { resolveImage } from './image.js'
import { isTableCaption } from './table.js'

/** A paragraph; an image standing alone in one is a figure, captioned by the image's title (a Markdown image's). */
export function paragraph(state: State, node: Paragraph, parent: Parents): Block[] {
  const display = displayFormula(node)
  if (display) return [withPlace<MathBlock>({ type: 'math', tex: display.tex, ...(display.id ? { id: display.id } : {}) }, state.place(node))]
  if (isTableCaption(node, parent)) return []
  const labelled = labelledImage(node)
  const only = labelled?.image ?? (node.children.length === 1 ? node.children[0] : undefined)
  const lone = only?.type === 'image' || only?.type === 'imageReference' ? loneImage(state, only) : undefined
  if (lone !== undefined && !Array.isArray(lone)) {
    if (labelled) {
      lone.id = labelled.id
      // pandoc-crossref's figure is captioned by its alt text, which then describes the picture too.
      if (lone.caption === undefined && lone.alt.trim() !== '') lone.caption = [{ type: 'text', value: smartPunctuation(lone.alt) }]
    }
    return [withPlace(lone, state.place(node))]
  }
  const children = lone ?? state.inlines(node)
  if (children.length === 0) return []
  // A raw `<img>` alone in the paragraph (its tag broken over lines, so no HTML block) is a figure too.
  const figure = lone === undefined && node.children.some((child) => child.type === 'html') ? loneFigure(children) : undefined
  if (figure) return [withPlace(figure, state.place(node))]
  return [withPlace({ type: 'paragraph', children }, state.place(node))]
}

/**
 * A lone image as a figure, or as its alt text when it is not a local file;
 * `undefined` when an image reference has no definition (left to the inline handlers).
 */
function loneImage(state: State, node: Image | ImageReference): Figure | Inline[] | undefined {
  let url: string
  let title: string | null | undefined
  if (node.type === 'image') {
    url = node.url
    title = node.title
  } else {
    const definition = state.definitions.get(node.identifier)
    if (!definition) return undefined
    url = definition.url
    title = definition.title
  }
  const alt = node.alt ?? ''
  const asset = resolveImage(state, node, url, alt)
  if (asset === undefined) return alt === '' ? [] : [{ type: 'text', value: alt }]
  const figure: Figure = { type: 'figure', asset, alt }
  if (title) figure.caption = [{ type: 'text', value: smartPunctuation(title) }]
  return figure
}

/**
 * A paragraph that is only a formula between double dollars, `$$ … $$` on one
 * line, with perhaps a label after it (`$$ E = mc^2 $$ {#eq:energy}`, as
 * pandoc-crossref writes an equation to refer to): a displayed formula, as
 * pandoc reads it.
 */
function displayFormula(node: Paragraph): { tex: string; id?: string } | undefined {
  const [first, label, ...rest] = node.children
  if (first?.type !== 'inlineMath' || rest.length > 0) return undefined
  const start = first.position?.start.offset
  const end = first.position?.end.offset
  if (start === undefined || end === undefined || end - start - first.value.length < 4) return undefined
  if (label === undefined) return { tex: first.value.trim() }
  const id = label.type === 'text' ? /^\s*\{#([^\s{}]+)\}\s*$/.exec(label.value)?.[1] : undefined
  return id === undefined ? undefined : { tex: first.value.trim(), id }
}

/** `{#fig:label}` after an image, with perhaps other attributes (`{#fig:plot width=50%}`), which are ignored. */
const FIGURE_ATTRIBUTES = /^\{#(fig:[^\s{}]+)(?:[ \t]+[^{}]*)?\}\s*$/

/** An image alone in its paragraph but for a figure label after it (`![Caption](x.png){#fig:label}`), as pandoc-crossref writes one. */
function labelledImage(node: Paragraph): { image: Image | ImageReference; id: string } | undefined {
  const [image, attributes, ...rest] = node.children
  if (rest.length > 0 || (image?.type !== 'image' && image?.type !== 'imageReference') || attributes?.type !== 'text') return undefined
  const id = FIGURE_ATTRIBUTES.exec(attributes.value)?.[1]
  return id === undefined ? undefined : { image, id }
}
