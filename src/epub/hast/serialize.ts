import type { RootContent as HastContent, Root as HastRoot } from 'hast'
import { toXast } from 'hast-util-to-xast'
import { createHash } from 'node:crypto'
import type { Nodes as XastNodes, Root as XastRoot } from 'xast'
import { toXml } from 'xast-util-to-xml'
import { RecentValues } from '../../cache/recent.js'
import { xmlSafe } from '../xml-safe.js'

/**
 * Documents written in this process, by their trees' content: a rebuild
 * after an edit (`--watch`, the preview) composes every document again, and
 * all but the edited chapter's come out as before. Bounded (characters,
 * some 64 million), the documents used longest ago let go first. Only a
 * session's editions are kept: in a one-off build the keys would cost a
 * third of serializing (0.35 s of the Node.js docs' 1 s) and find nothing.
 */
const written = new RecentValues<string>(64 * 1024 * 1024, (xhtml) => xhtml.length)

/**
 * Serialise a hast document as XHTML: through xast, so that the output is
 * XML by construction (boolean attributes get values, the namespace is
 * declared), with a final guard that no character XML forbids gets through.
 * `remember`: the edition is one of a session of rebuilds (see above).
 */
export function toXhtml(tree: HastRoot, remember: boolean): string {
  if (!remember) return xmlDocument(toXast(tree) as XastRoot)
  const key = contentKey(tree)
  let xhtml = written.get(key)
  if (xhtml === undefined) {
    xhtml = xmlDocument(toXast(tree) as XastRoot)
    written.set(key, xhtml)
  }
  return xhtml
}

/** Serialise an XML tree with its declaration, after the same guard. */
export function xmlDocument(tree: XastRoot): string {
  guard(tree)
  return `<?xml version="1.0" encoding="UTF-8"?>\n${toXml(tree, { closeEmptyElements: true, allowDangerousXml: true })}\n`
}

/**
 * Make every node safe to write: strip forbidden code points from text and
 * attributes, drop comments and instructions, and escape `]]>` (which XML
 * forbids in text but the serialiser leaves alone).
 */
function guard(node: XastNodes): void {
  if (node.type === 'root' || node.type === 'element') {
    const children = node.children as XastNodes[]
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index]!
      if (child.type === 'comment' || child.type === 'instruction') {
        children.splice(index, 1)
        index -= 1
        continue
      }
      if (child.type === 'text' || child.type === 'cdata') {
        const value = xmlSafe(child.value)
        children[index] = value.includes(']]>')
          ? { type: 'raw', value: value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') }
          : { type: 'text', value }
        continue
      }
      guard(child)
    }
    if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.attributes)) {
        if (typeof value === 'string') node.attributes[name] = xmlSafe(value)
      }
    }
  }
}

/**
 * A key for hast nodes by their content. Their JSON is all that serializing
 * them reads (hast holds strings, finite numbers, booleans, arrays and plain
 * objects), and JSON is written natively, many times faster than the XML is.
 */
function contentKey(nodes: HastRoot | readonly HastContent[]): string {
  return createHash('sha256').update(JSON.stringify(nodes)).digest('base64')
}

/** Sizes measured in this process (see `fragmentSizes`), by the nodes' content; some million sizes at most. */
const measured = new RecentValues<readonly number[]>(1 << 20, (sizes) => sizes.length)

/** The bytes each of `nodes` takes written as XML (UTF-8), as it will stand in a document; `remember` as for `toXhtml`. */
export function fragmentSizes(nodes: readonly HastContent[], remember: boolean): readonly number[] {
  if (!remember) return nodes.map((node) => fragmentBytes([node]))
  const key = contentKey(nodes)
  let sizes = measured.get(key)
  if (sizes === undefined) {
    sizes = nodes.map((node) => fragmentBytes([node]))
    measured.set(key, sizes)
  }
  return sizes
}

/** Bytes of hast nodes written as XML (UTF-8), as they will stand in a document. */
export function fragmentBytes(nodes: readonly HastContent[]): number {
  const xast = toXast({ type: 'root', children: [...nodes] }) as XastRoot
  return Buffer.byteLength(toXml(xast, { closeEmptyElements: true, allowDangerousXml: true }))
}
