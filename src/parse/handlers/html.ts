import type { Html } from 'mdast'
import type { Block, Inline } from '../../model/book.js'
import { htmlText, openedElement } from '../html-text.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'

/** Elements whose content arrives as Markdown text after the opening tag, and is not for readers. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style'])

/**
 * A block of raw HTML: its text is kept as a paragraph, the markup dropped
 * (with a warning). Script and style content is dropped entirely.
 */
export function blockHtml(state: State, node: Html): Block[] {
  const text = htmlText(node.value)
  warnDropped(state, node, text)
  if (text === '') return []
  return [withPlace({ type: 'paragraph', children: [{ type: 'text', value: text }] }, state.place(node))]
}

/**
 * Inline raw HTML (one tag, or a comment): its text, usually none. After an
 * inline `<script>` or `<style>`, the text up to the closing tag is dropped too.
 */
export function inlineHtml(state: State, node: Html): Inline[] {
  const value = node.value
  // A closing tag loses nothing its opening tag did not already report.
  if (value.startsWith('</')) return []
  const element = openedElement(value)
  if (element !== undefined && RAW_TEXT_ELEMENTS.has(element) && !new RegExp(`</${element}\\s*>`, 'i').test(value)) {
    state.rawTextElement = element
  }
  const text = htmlText(value)
  warnDropped(state, node, text)
  return text === '' ? [] : [{ type: 'text', value: text }]
}

function warnDropped(state: State, node: Html, text: string): void {
  const value = node.value.trim()
  const what = value.startsWith('<!--') ? 'HTML comment' : `raw HTML ${quote(value)}`
  state.diag.warn(`${what} dropped${text === '' ? '' : ', its text kept'}`, state.placeOrFile(node), 'html')
}

function quote(html: string): string {
  const firstLine = html.split('\n')[0]!
  return '`' + (firstLine.length > 40 ? `${firstLine.slice(0, 37)}...` : firstLine) + '`'
}
