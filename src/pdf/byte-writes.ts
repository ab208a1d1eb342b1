/**
 * pdfkit's output as bytes from the start. pdfkit turns every string it
 * writes (each token of an object, each operator added to a page) into bytes
 * one character at a time in JavaScript, and hands every token of the file to
 * a Node stream whose bookkeeping costs more than the token: for a long book,
 * hundreds of thousands of each. Here Node encodes the strings (`latin1`
 * keeps the low byte of each code unit, as pdfkit's own loop does) and the
 * file's bytes go straight to the caller; the document still ends its stream
 * when it is finished.
 */

/** What of a pdfkit document this replaces: its own methods, which its types do not show. */
interface DocumentWrites {
  _offset: number
  _write(data: string | Uint8Array): void
  ref(data?: object): StreamWrites
}

interface StreamWrites {
  write(chunk: string | Uint8Array): void
}

/** Have `doc` hand its bytes to `sink` as it writes them, instead of to its readable stream. */
export function writeBytesTo(doc: PDFKit.PDFDocument, sink: (bytes: Uint8Array) => void): void {
  // What the document wrote as it was made (the file's header) waits in its stream: it comes first.
  for (let chunk = doc.read() as Uint8Array | null; chunk !== null; chunk = doc.read() as Uint8Array | null) sink(chunk)
  const document = doc as unknown as DocumentWrites
  document._write = function (this: DocumentWrites, data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? line(data) : data
    sink(bytes)
    this._offset += bytes.length
  }
  // Every object pdfkit makes (a page's content among them) comes from `ref`: its writes are encoded here too.
  const ref = document.ref
  document.ref = function (this: DocumentWrites, data?: object): StreamWrites {
    const reference = ref.call(this, data)
    const write = reference.write
    reference.write = (chunk) => write.call(reference, typeof chunk === 'string' ? line(chunk) : chunk)
    return reference
  }
}

/** A string as pdfkit writes it: its code units' low bytes, and a line end. */
function line(text: string): Buffer {
  return Buffer.from(`${text}\n`, 'latin1')
}
