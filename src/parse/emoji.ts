import type { Root, Text as MdastText } from 'mdast'
import remarkGemoji from 'remark-gemoji'
import type { Text } from '../model/book.js'

const transform = remarkGemoji() as (tree: Root) => void

/**
 * GitHub's emoji shortcodes (`:rocket:` → 🚀) in text that is not Markdown's
 * (raw HTML's own text), by the transform the parser runs on Markdown's text,
 * so that both know the same names. An unknown shortcode stays as written.
 */
export function emojiShortcodes(texts: readonly Text[]): void {
  if (!texts.some((text) => /:[^:\s]+:/.test(text.value))) return
  // One paragraph per text, so that each text's pieces can be joined back into it.
  const tree: Root = { type: 'root', children: texts.map((text) => ({ type: 'paragraph', children: [{ type: 'text', value: text.value }] })) }
  transform(tree)
  tree.children.forEach((paragraph, index) => {
    if (paragraph.type !== 'paragraph') return
    texts[index]!.value = paragraph.children.map((piece) => (piece as MdastText).value).join('')
  })
}
