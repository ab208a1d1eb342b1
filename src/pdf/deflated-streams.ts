/**
 * Pages' content streams as this process last deflated them, found by their
 * bytes. pdfkit deflates a page's content when the page ends; in a rebuild
 * after an edit (`--watch`, the preview, the library) most pages are drawn
 * as before, byte for byte, and deflating them again is a good part of what
 * drawing them costs. A kept stream is what zlib gave for the same bytes
 * with the same settings, so the PDF is the one a fresh build writes.
 */
import { deflateSync } from 'node:zlib'
import { bytesKey, RecentValues } from '../cache/recent.js'

const kept = new RecentValues<Buffer>(64 * 1024 * 1024, (stream) => stream.length)

/** `bytes` deflated with zlib's defaults, as pdfkit deflates a stream: as kept, if they were before. */
export function deflatedOnce(bytes: Uint8Array): Buffer {
  const key = bytesKey(bytes, 'zlib')
  let deflated = kept.get(key)
  if (deflated === undefined) {
    deflated = deflateSync(bytes)
    kept.set(key, deflated)
  }
  return deflated
}

/** What of a pdfkit stream object (`PDFReference`) this reads and sets: its own fields, which its types do not show. */
interface StreamReference {
  compress: boolean
  buffer: Uint8Array[]
  finalize(): void
}

/**
 * Have pdfkit write a stream still being written (a page's content) deflated
 * from what was kept, when its bytes were deflated before; else deflated as
 * pdfkit would (zlib's defaults), and kept.
 */
export function deflateKept(stream: unknown): void {
  const reference = stream as StreamReference
  // A document written uncompressed stays so.
  if (!reference.compress) return
  const finalize = reference.finalize
  reference.finalize = function (this: StreamReference): void {
    if (this.buffer.length > 0) {
      // pdfkit then writes the bytes as they are; the stream's Filter was set as its first bytes came.
      this.buffer = [deflatedOnce(Buffer.concat(this.buffer))]
      this.compress = false
    }
    finalize.call(this)
  }
}
