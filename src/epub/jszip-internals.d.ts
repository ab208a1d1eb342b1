// The parts of JSZip's own modules that `deflated-entries.ts` uses: an entry's
// compressed bytes, which JSZip copies into a zip as they are when their
// compression is the zip's.
declare module 'jszip/lib/compressedObject.js' {
  export default class CompressedObject {
    constructor(compressedSize: number, uncompressedSize: number, crc32: number, compression: unknown, data: Uint8Array)
    compressedSize: number
    uncompressedSize: number
    crc32: number
    compression: { magic: string }
    compressedContent: Uint8Array
  }
}
