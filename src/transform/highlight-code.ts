import type { ElementContent, Root } from 'hast'
import type { createLowlight } from 'lowlight'
import { RecentValues } from '../cache/recent.js'
import { loadHighlighter } from '../lazy.js'
import type { Chapter, CodeBlock, CodeToken, TokenKind } from '../model/book.js'
import { forEachBlock } from '../model/walk.js'

/**
 * What each highlight.js scope is in the model, `null` for a scope that
 * holds code of its own (an interpolation, parameters) and so is plain.
 * A scope not listed passes on the kind of the scope around it; one with
 * no listed scope around it is plain. Sub-scopes (`title.function`) are
 * looked up whole first, then by their leading parts.
 */
const SCOPE_KINDS: Readonly<Record<string, TokenKind | null>> = {
  keyword: 'keyword',
  built_in: 'function',
  type: 'type',
  literal: 'literal',
  number: 'number',
  operator: 'operator',
  punctuation: 'punctuation',
  property: 'variable',
  regexp: 'string',
  string: 'string',
  char: 'string',
  subst: null,
  symbol: 'literal',
  class: 'type',
  function: 'function',
  variable: 'variable',
  'variable.language': 'keyword',
  'variable.constant': 'literal',
  title: 'function',
  'title.class': 'type',
  'title.function': 'function',
  params: null,
  comment: 'comment',
  doctag: 'comment',
  quote: 'comment',
  meta: 'meta',
  section: 'keyword',
  tag: 'punctuation',
  name: 'keyword',
  attr: 'variable',
  attribute: 'variable',
  bullet: 'punctuation',
  code: 'string',
  link: 'string',
  'selector-tag': 'keyword',
  'selector-id': 'type',
  'selector-class': 'type',
  'selector-attr': 'type',
  'selector-pseudo': 'type',
  'template-tag': 'keyword',
  'template-variable': 'variable',
  addition: 'string',
  deletion: 'keyword',
  emphasis: null,
  strong: null,
  formula: null,
}

type Lowlight = ReturnType<typeof createLowlight>

/**
 * Fill in `tokens` of every code block whose fence names a language that
 * highlight.js knows (by name or alias, any case), in chapters and notes.
 * A block with no language, or one not known, stays plain: the language is
 * never guessed from the code. The grammars are loaded only for a book that
 * has a block with a language.
 */
export async function highlightCode(chapters: readonly Chapter[]): Promise<void> {
  const blocks: CodeBlock[] = []
  for (const chapter of chapters) {
    for (const list of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      forEachBlock(list, (block) => {
        if (block.type === 'code') blocks.push(block)
      })
    }
  }
  const lowlight = blocks.some(wantsHighlighting) ? await loadHighlighter() : undefined
  for (const block of blocks) {
    const tokens = lowlight && wantsHighlighting(block) ? tokensOf(lowlight, block.lang!, block.value) : undefined
    if (tokens) block.tokens = tokens
    else delete block.tokens
  }
}

/** Whether a block could be highlighted: it names a language and has code (a name no grammar has is known only once they are loaded). */
function wantsHighlighting(block: CodeBlock): boolean {
  return block.lang !== undefined && block.lang.trim() !== '' && block.value !== ''
}

/**
 * Code cut into tokens by highlight.js's grammar for `language`, or
 * `undefined` when no grammar has that name. The tokens' texts joined are
 * `value`, exactly; neighbours of one kind are merged.
 */
export async function codeTokens(language: string, value: string): Promise<CodeToken[] | undefined> {
  if (language.trim() === '' || value === '') return undefined
  return tokensOf(await loadHighlighter(), language, value)
}

/**
 * Code already cut into tokens in this process, by language and code: a
 * rebuild after an edit (`--watch`, the preview) parses the edited chapter
 * again, and most of its code is as it was. Up to some 16 million characters
 * of code are kept.
 */
const highlighted = new RecentValues<{ tokens: readonly CodeToken[] | undefined; size: number }>(16_000_000, (entry) => entry.size)

function tokensOf(lowlight: Lowlight, language: string, value: string): CodeToken[] | undefined {
  const name = language.trim()
  if (name === '' || value === '') return undefined
  const key = `${name}\u0000${value}`
  let entry = highlighted.get(key)
  if (entry === undefined) {
    entry = { tokens: highlight(lowlight, name, value), size: key.length }
    highlighted.set(key, entry)
  }
  // Copies: the model's tokens are its own.
  return entry.tokens?.map((token) => ({ ...token }))
}

function highlight(lowlight: Lowlight, name: string, value: string): CodeToken[] | undefined {
  if (!lowlight.registered(name)) return undefined
  const tokens: CodeToken[] = []
  collect(lowlight.highlight(name, value), undefined, tokens)
  // Guard the promise the model makes: if the highlighter ever changed the text, the code is set plain.
  if (tokens.map((token) => token.text).join('') !== value) return undefined
  return tokens
}

function collect(node: Root | ElementContent, kind: TokenKind | undefined, into: CodeToken[]): void {
  if (node.type === 'text') {
    const last = into.at(-1)
    if (last && last.kind === kind) last.text += node.value
    else into.push(kind ? { text: node.value, kind } : { text: node.value })
    return
  }
  if (node.type !== 'element' && node.type !== 'root') return
  const inner = node.type === 'element' ? kindOf(node.properties.className, kind) : kind
  for (const child of node.children) collect(child as ElementContent, inner, into)
}

/** The kind of a span from its classes (`hljs-title function_` is the scope `title.function`). */
function kindOf(className: unknown, outer: TokenKind | undefined): TokenKind | undefined {
  if (!Array.isArray(className)) return outer
  const [first, ...modifiers] = className.map(String)
  if (!first?.startsWith('hljs-')) return outer
  const parts = [first.slice('hljs-'.length), ...modifiers.map((modifier) => modifier.replace(/_+$/, ''))]
  for (let length = parts.length; length > 0; length--) {
    const scope = parts.slice(0, length).join('.')
    if (Object.hasOwn(SCOPE_KINDS, scope)) return SCOPE_KINDS[scope] ?? undefined
  }
  return outer
}
