/**
 * Where a byte sequence stops being UTF-8.
 *
 * `TextDecoder` with `fatal: true` says only *that* the bytes are bad, not
 * where; this scan follows the same rules (WHATWG UTF-8: no overlong forms, no
 * surrogates, nothing above U+10FFFF) to name the first bad byte.
 */

/** Offset of the first byte that is not part of well-formed UTF-8, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    if (lead < 0x80) {
      index += 1
      continue
    }
    let length: number
    let lower = 0x80
    let upper = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) lower = 0xa0 // overlong
      if (lead === 0xed) upper = 0x9f // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) lower = 0x90 // overlong
      if (lead === 0xf4) upper = 0x8f // above U+10FFFF
    } else {
      return index
    }
    for (let offset = 1; offset < length; offset++) {
      const byte = bytes[index + offset]
      // A truncated or broken sequence: the lead byte is where the character went wrong.
      if (byte === undefined || byte < lower || byte > upper) return index
      lower = 0x80
      upper = 0xbf
    }
    index += length
  }
  return -1
}

/**
 * Line and column (1-based) of a byte offset in UTF-8 text that is well formed
 * up to that offset. Columns count characters, not bytes; a leading byte order
 * mark is not counted. CR LF, LF and a lone CR each end a line, as in CommonMark.
 */
export function lineAndColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1
  let column = 1
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  for (; index < offset; index++) {
    const byte = bytes[index]!
    if (byte === 0x0a) {
      if (bytes[index - 1] !== 0x0d) line += 1
      column = 1
    } else if (byte === 0x0d) {
      line += 1
      column = 1
    } else if ((byte & 0xc0) !== 0x80) {
      // Count lead bytes only, so a multi-byte character is one column.
      column += 1
    }
  }
  return { line, column }
}
