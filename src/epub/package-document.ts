import type { Element } from 'xast'
import { x } from 'xastscript'
import type { MetaProperty } from './accessibility.js'
import type { Context } from './context.js'
import { xmlDocument } from './hast/serialize.js'

export interface ManifestItem {
  id: string
  href: string
  mediaType: string
  properties?: string
}

export interface SpineItem {
  idref: string
  linear: boolean
}

/** An image epub-gen-memory fetches (by its URL) and names at random; the template gives it a stable manifest id. */
export interface FetchedImage {
  id: string
  url: string
  mediaType: string
}

export interface PackageInput {
  items: readonly ManifestItem[]
  images: readonly FetchedImage[]
  spine: readonly SpineItem[]
  accessibility: readonly MetaProperty[]
  /** `dcterms:modified`, already in the form EPUB asks for. */
  modified: string
  /** Identifier of the print edition, when the EPUB carries its page list. */
  pageSource?: string
  coverImageId?: string
}

/** W3CDTF, the date forms `dc:date` accepts. */
const w3cdtf = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/

/**
 * `dcterms:modified` as EPUB requires it (CCYY-MM-DDThh:mm:ssZ), from the
 * book's fixed modification time.
 */
export function modifiedStamp(modified: string): string | undefined {
  const time = Date.parse(modified)
  if (Number.isNaN(time)) return undefined
  return `${new Date(time).toISOString().slice(0, 19)}Z`
}

/**
 * The package document as the `contentOPF` template epub-gen-memory renders:
 * every line is ours, written from the Book's metadata, except the manifest
 * items of images, which only epub-gen-memory can name (it gives fetched
 * images random file names, made stable again after it has run).
 */
export function packageTemplate(context: Context, input: PackageInput): string {
  const ids = Object.fromEntries(input.images.map((image) => [image.url, { id: image.id, type: image.mediaType }]))
  const imageItems =
    `<% var stable = ${JSON.stringify(ids)}; %>` +
    '<% images.forEach(function (image) { %><item id="<%= stable[image.url].id %>" href="images/<%= image.id %>.<%= image.extension %>" media-type="<%= stable[image.url].type %>" />\n<% }); %>'
  const xml = xmlDocument({
    type: 'root',
    children: [
      x(
        'package',
        {
          xmlns: 'http://www.idpf.org/2007/opf',
          version: '3.0',
          'unique-identifier': 'pub-id',
          'xml:lang': context.lang,
          prefix: 'ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/',
        },
        [
          '\n',
          metadataElement(context, input),
          '\n',
          x('manifest', [
            ...input.items.flatMap((item) => [
              '\n',
              x('item', { id: item.id, href: item.href, 'media-type': item.mediaType, properties: item.properties }),
            ]),
            '\n',
            { type: 'raw', value: imageItems },
          ]),
          '\n',
          x('spine', { toc: 'ncx' }, [...input.spine.flatMap((item) => ['\n', x('itemref', { idref: item.idref, linear: item.linear ? undefined : 'no' })]), '\n']),
          '\n',
        ],
      ),
    ],
  })
  return xml
}

function metadataElement(context: Context, input: PackageInput): Element {
  const { metadata } = context.book
  const children: Element[] = []
  const meta = (property: string, value: string, refines?: string, scheme?: string): void => {
    children.push(x('meta', { refines, property, scheme }, value))
  }

  children.push(x('dc:identifier', { id: 'pub-id' }, context.identifier))
  children.push(x('dc:title', { id: 'title' }, metadata.title))
  if (metadata.subtitle) {
    meta('title-type', 'main', '#title')
    children.push(x('dc:title', { id: 'subtitle' }, metadata.subtitle))
    meta('title-type', 'subtitle', '#subtitle')
  }
  children.push(x('dc:language', context.lang))
  metadata.authors.forEach((author, index) => {
    const id = `creator-${index + 1}`
    children.push(x('dc:creator', { id }, author))
    meta('role', 'aut', `#${id}`, 'marc:relators')
    if (metadata.authors.length > 1) meta('display-seq', String(index + 1), `#${id}`)
  })
  if (metadata.publisher) children.push(x('dc:publisher', metadata.publisher))
  if (metadata.date && w3cdtf.test(metadata.date.trim())) children.push(x('dc:date', metadata.date.trim()))
  // An empty description is invalid: write one only when there is text.
  if (metadata.description?.trim()) children.push(x('dc:description', metadata.description.trim()))
  for (const subject of metadata.subjects) if (subject.trim()) children.push(x('dc:subject', subject.trim()))
  if (metadata.rights?.trim()) children.push(x('dc:rights', metadata.rights.trim()))
  meta('dcterms:modified', input.modified)
  if (input.pageSource) {
    children.push(x('dc:source', { id: 'print-source' }, input.pageSource))
    meta('source-of', 'pagination', '#print-source')
  }
  for (const { property, value } of input.accessibility) meta(property, value)
  if (input.coverImageId) children.push(x('meta', { name: 'cover', content: input.coverImageId }))
  meta('ibooks:specified-fonts', 'true')

  return x('metadata', { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, children.flatMap((child) => ['\n', child]).concat('\n'))
}
