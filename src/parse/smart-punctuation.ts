import type { Nodes, Root, RootContent, Text } from 'mdast'
import { smartypantsTransform as smartypants } from './smartypants.js'

/** Source characters handed to smartypants at a time. */
const CHUNK_LENGTH = 32_000

type Transform = (tree: Root) => void

/**
 * Smart punctuation: curly quotes, en and em dashes (`--` and `---`, as typists
 * have long written them), ellipses.
 * The one place in Octavo where they are made (for Markdown's text here, for
 * other text through the functions below); code and raw HTML markup are left alone.
 *
 * SmartyPants (`smartypants.ts`) does the work, but on a whole document at once it
 * costs more than linear time (it joins all the text into one string for
 * retext): 1.2 MB took 1.9 s and 4.8 MB 23 s. It is run here on runs of
 * top-level blocks of about 32,000 characters instead. Quotes never pair
 * across blocks anyway: smartypants puts a space between blocks itself.
 */
export function remarkSmartPunctuation(): Transform {
  const transform = smartypantsTransform()
  return (tree) => {
    let chunk: RootContent[] = []
    let length = 0
    const flush = (): void => {
      if (chunk.length > 0) {
        const shielded = shieldAddresses(chunk)
        transform({ type: 'root', children: chunk })
        for (const node of shielded) (node as unknown as { type: string }).type = 'text'
      }
      chunk = []
      length = 0
    }
    for (const child of tree.children) {
      chunk.push(child)
      const start = child.position?.start.offset ?? 0
      const end = child.position?.end.offset ?? start
      length += end - start
      if (length >= CHUNK_LENGTH) flush()
    }
    flush()
  }
}

/**
 * Smart punctuation for text that is not Markdown (front-matter titles,
 * image titles used as captions), done by the same transform as the text.
 */
export function smartPunctuation(text: string): string {
  if (!/['"`.-]/.test(text)) return text
  const node: Text = { type: 'text', value: text }
  singleTransform ??= smartypantsTransform()
  singleTransform({ type: 'root', children: [{ type: 'paragraph', children: [node] }] })
  return node.value
}

let singleTransform: Transform | undefined

/**
 * Smart punctuation for the pieces of text of one paragraph that did not come
 * from Markdown (raw HTML's own text), in place. The pieces are smartened
 * together, so that a quotation mark pairs across formatting as in Markdown.
 */
export function smartPunctuationAcross(pieces: ReadonlyArray<{ value: string }>): void {
  if (!pieces.some((piece) => /['"`.-]/.test(piece.value))) return
  const nodes: Text[] = pieces.map((piece) => ({ type: 'text', value: piece.value }))
  singleTransform ??= smartypantsTransform()
  singleTransform({ type: 'root', children: [{ type: 'paragraph', children: nodes }] })
  pieces.forEach((piece, index) => {
    piece.value = nodes[index]!.value
  })
}

function smartypantsTransform(): Transform {
  return smartypants({ dashes: 'oldschool' })
}

/**
 * Hide the text of autolinks (`<https://…>`, `www.…`, e-mail addresses)
 * from smartypants by passing it off as inline code, which it leaves alone:
 * an address shown to the reader must stay exactly as written (`a--b` is not
 * `a–b`). Returns the nodes to turn back into text.
 */
function shieldAddresses(nodes: RootContent[]): Text[] {
  const shielded: Text[] = []
  const stack: Nodes[] = [...nodes]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'link' && node.children.length === 1) {
      const child = node.children[0]!
      if (child.type === 'text' && isAddressOf(child.value, node.url)) {
        shielded.push(child)
        ;(child as unknown as { type: string }).type = 'inlineCode'
        continue
      }
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  return shielded
}

function isAddressOf(text: string, url: string): boolean {
  return url === text || url === `mailto:${text}` || url === `http://${text}` || url === `https://${text}`
}
