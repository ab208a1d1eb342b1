import { createHash } from 'node:crypto'
import type { Metadata } from '../model/book.js'

/**
 * Namespace of the name-based UUIDs Octavo derives (RFC 9562 §5.5, like v5):
 * any fixed UUID will do, as long as it never changes.
 */
const octavoNamespace = '5f1c1b1e-8a5e-4c1e-9d0a-6f63746176f0'

/** A name-based UUID: SHA-1 of the namespace and the name, with the version and variant bits of v5. */
export function nameBasedUuid(name: string, namespace: string = octavoNamespace): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
  const bytes = hash.subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * The EPUB's unique identifier: the writer's own when the front matter gives
 * one, otherwise a UUID derived from what names the work (title, authors,
 * language), so that every build of the same book carries the same identifier.
 */
export function bookIdentifier(metadata: Metadata): string {
  const given = metadata.identifier?.trim()
  if (given) return given
  return `urn:uuid:${nameBasedUuid(JSON.stringify(['book', metadata.title, metadata.authors, metadata.lang]))}`
}

/**
 * The identifier of the print edition made from the same manuscript, which the
 * EPUB names as the source of its page list.
 */
export function printEditionIdentifier(metadata: Metadata): string {
  return `urn:uuid:${nameBasedUuid(JSON.stringify(['print', bookIdentifier(metadata)]))}`
}
