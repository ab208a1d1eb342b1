import type { Root as HastRoot } from 'hast'
import { toXast } from 'hast-util-to-xast'
import type { Nodes as XastNodes, Root as XastRoot } from 'xast'
import { toXml } from 'xast-util-to-xml'
import { xmlSafe } from '../xml-safe.js'

/**
 * Serialise a hast document as XHTML: through xast, so that the output is
 * XML by construction (boolean attributes get values, the namespace is
 * declared), with a final guard that no character XML forbids gets through.
 */
export function toXhtml(tree: HastRoot): string {
  const xast = toXast(tree) as XastRoot
  return xmlDocument(xast)
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

/** Bytes of hast nodes written as XML (UTF-8), as they will stand in a document. */
export function fragmentBytes(nodes: readonly HastRoot['children'][number][]): number {
  const xast = toXast({ type: 'root', children: [...nodes] }) as XastRoot
  return Buffer.byteLength(toXml(xast, { closeEmptyElements: true, allowDangerousXml: true }))
}
