/**
 * A built EPUB opened in memory for the preview: its files by path, and its
 * reading order (the spine), so that the browser can be served its documents
 * with their own style sheet, fonts and pictures, as an e-reader shows them.
 */
import path from 'node:path/posix'
import type { Element, Root, RootContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'

export interface OpenedEpub {
  /** Every file of the EPUB, by its path in the container. */
  entries: Map<string, Uint8Array>
  /** The spine's documents, as paths in the container, in reading order. */
  documents: string[]
}

export async function openEpub(bytes: Uint8Array): Promise<OpenedEpub> {
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(bytes)
  const entries = new Map<string, Uint8Array>()
  await Promise.all(
    Object.values(zip.files)
      .filter((file) => !file.dir)
      .map(async (file) => entries.set(file.name, await file.async('uint8array'))),
  )
  return { entries, documents: spine(entries) }
}

/** The documents of the spine, as the package document (named by the container file) lists them. */
function spine(entries: ReadonlyMap<string, Uint8Array>): string[] {
  const text = (name: string): string => new TextDecoder().decode(entries.get(name) ?? new Uint8Array())
  const rootfile = elements(parse(text('META-INF/container.xml'))).find((element) => element.tagName === 'rootfile')
  const packagePath = String(rootfile?.properties['full-path'] ?? '')
  const found = elements(parse(text(packagePath)))
  const hrefs = new Map(found.filter((element) => element.tagName === 'item').map((item) => [String(item.properties['id']), String(item.properties['href'])]))
  return found
    .filter((element) => element.tagName === 'itemref')
    .map((itemref) => hrefs.get(String(itemref.properties['idref'])))
    .filter((href): href is string => href !== undefined)
    .map((href) => path.join(path.dirname(packagePath), decodeURIComponent(href)))
}

/**
 * The XML read leniently, as HTML: only the elements and their attributes are
 * wanted (an HTML parser nests `<item/>` wrongly, which a flat list does not mind).
 */
function parse(xml: string): Root {
  return fromHtml(xml.replace(/^<\?xml[^>]*\?>/, ''), { fragment: true })
}

/** Every element of a tree, in document order. */
function elements(node: Root | RootContent): Element[] {
  const found: Element[] = node.type === 'element' ? [node] : []
  if ('children' in node) for (const child of node.children) found.push(...elements(child))
  return found
}

const mediaTypes: Record<string, string> = {
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.opf': 'application/oebps-package+xml',
  '.ncx': 'application/x-dtbncx+xml',
  '.xml': 'application/xml',
}

/** The media type to serve an entry with, by its name. */
export function mediaType(name: string): string {
  return mediaTypes[path.extname(name).toLowerCase()] ?? 'application/octet-stream'
}
