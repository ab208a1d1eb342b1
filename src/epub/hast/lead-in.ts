import type { Element, ElementContent } from 'hast'
import { sharedFace } from '../../theme/font-files.js'
import type { Theme } from '../../theme/index.js'
import { isPageMarker } from './page-marker.js'

/** The class of the small-capital lead-in; its CSS comes from the theme (see `css.ts`). */
export const leadInClass = 'lead-in'

/**
 * How many words the lead-in of an article's first paragraph covers: the
 * theme's number, or none when the text face has no small capitals, as in
 * print (the PDF sets the lead-in only with the face's `smcp` feature).
 */
export function leadInWords(theme: Theme): number {
  const words = Math.max(0, Math.floor(theme.leadIn.words))
  if (words === 0) return 0
  return sharedFace(theme.fonts.text).availableFeatures.includes('smcp') ? words : 0
}

/**
 * Set the first `words` words of a paragraph's content in small capitals:
 * each run of their text wrapped in `span.lead-in`, inside whatever
 * formatting holds it. Words are counted exactly as the print edition counts
 * them (`src/pdf/prepare.ts`), so that both editions open on the same words:
 * a word ends at white space; a word that ends a clause (`.,;:!?`) ends the
 * lead-in; a footnote call belongs to the word before it; a line break ends a
 * word without counting it; an image counts the words of its alt text, a
 * formula is one word.
 * Code keeps its own face: its words count but are not set in small capitals.
 */
export function applyLeadIn(content: ElementContent[], words: number): ElementContent[] {
  const counter = { remaining: words, inWord: false }
  return leadInNodes(content, counter, true)
}

interface Counter {
  remaining: number
  inWord: boolean
}

function leadInNodes(nodes: readonly ElementContent[], counter: Counter, wrap: boolean): ElementContent[] {
  const result: ElementContent[] = []
  for (const node of nodes) {
    if (counter.remaining === 0) {
      result.push(node)
    } else if (node.type === 'text') {
      result.push(...leadInText(node.value, counter, wrap))
    } else if (node.type !== 'element' || isPageMarker(node)) {
      result.push(node)
    } else if (node.tagName === 'br') {
      counter.inWord = false
      result.push(node)
    } else if (isNoteCall(node)) {
      counter.inWord = true
      result.push(node)
    } else if (node.tagName === 'img') {
      leadInText(String(node.properties.alt ?? ''), counter, false)
      result.push(node)
    } else if (node.tagName === 'math' || node.tagName === 'svg') {
      // A formula is one word of the lead-in, as print counts it; nothing inside it is set in small capitals.
      counter.inWord = true
      result.push(node)
    } else {
      const inCode = node.tagName === 'code' || node.tagName === 'kbd'
      result.push({ ...node, children: leadInNodes(node.children, counter, wrap && !inCode) })
    }
  }
  return result
}

/** Text cut where the lead-in ends, its lead-in part in a span. */
function leadInText(value: string, counter: Counter, wrap: boolean): ElementContent[] {
  let lead = ''
  let rest = ''
  for (const token of value.split(/(\s+)/)) {
    if (token === '') continue
    if (counter.remaining === 0) {
      rest += token
    } else if (/^\s+$/.test(token)) {
      if (counter.inWord) counter.remaining--
      counter.inWord = false
      if (counter.remaining === 0) rest += token
      else lead += token
    } else {
      lead += token
      counter.inWord = true
      if (/[.,;:!?]$/.test(token)) counter.remaining = 1
    }
  }
  const result: ElementContent[] = []
  if (lead !== '') result.push(wrap ? span(lead) : { type: 'text', value: lead })
  if (rest !== '') result.push({ type: 'text', value: rest })
  return result
}

function span(text: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: [leadInClass] }, children: [{ type: 'text', value: text }] }
}

/** A footnote call as the inline handlers write it: `sup > a.noteref`. */
function isNoteCall(node: Element): boolean {
  if (node.tagName !== 'sup') return false
  const link = node.children[0]
  return link?.type === 'element' && link.tagName === 'a' && Array.isArray(link.properties.className) && link.properties.className.includes('noteref')
}
