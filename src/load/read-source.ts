import { readFile } from 'node:fs/promises'
import type { Diagnostics } from '../diagnostics.js'
import type { Place } from '../model/book.js'
import { firstInvalidUtf8Byte, lineAndColumnOfByte } from './utf8.js'

/**
 * Characters XML 1.0 forbids (and so every EPUB reader chokes on), or that
 * mean nothing in a manuscript: C0 controls other than tab, LF and CR, and
 * the non-characters U+FFFE and U+FFFF. Pasted text from word processors and
 * the web carries them (form feeds, vertical tabs, NULs).
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

/** Individual warnings per file before the rest are summed up in one. */
const MAX_CONTROL_WARNINGS = 10

/** A manuscript file's text, and where characters were taken out of it. */
export interface SourceText {
  text: string
  /** Line and column (in the file as written) of each removed control character, in order. */
  removed: Array<{ line: number; column: number }>
}

/**
 * Read a manuscript file as text: UTF-8 (a leading byte order mark is
 * dropped), failing at the first byte that is not UTF-8, with control
 * characters removed and reported.
 *
 * `file` is the path used in messages.
 */
export async function readSource(path: string, file: string, diag: Diagnostics): Promise<SourceText> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    diag.fail(`cannot read the file (${describeError(error)})`, file, 'read')
  }
  return decodeSource(bytes, file, diag)
}

/** The decoding half of `readSource`, for bytes already in memory. */
export function decodeSource(bytes: Uint8Array, file: string, diag: Diagnostics): SourceText {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const offset = firstInvalidUtf8Byte(bytes)
    const { line, column } = lineAndColumnOfByte(bytes, Math.max(offset, 0))
    const byte = offset >= 0 ? ` (byte 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')})` : ''
    diag.fail(`not UTF-8${byte}: save the manuscript as UTF-8`, { file, line, column }, 'encoding')
  }
  return removeControlCharacters(text, file, diag)
}

function removeControlCharacters(text: string, file: string, diag: Diagnostics): SourceText {
  CONTROL_CHARACTERS.lastIndex = 0
  if (!CONTROL_CHARACTERS.test(text)) return { text, removed: [] }

  let count = 0
  let line = 1
  let lineStart = 0
  let scanned = 0
  let firstUnreported: Place | undefined
  const removed: SourceText['removed'] = []
  const result = text.replace(CONTROL_CHARACTERS, (character: string, offset: number) => {
    count += 1
    // Advance the line count lazily, only as far as this match: linear overall.
    for (; scanned < offset; scanned++) {
      const code = text.charCodeAt(scanned)
      if (code === 10 || (code === 13 && text.charCodeAt(scanned + 1) !== 10)) {
        line += 1
        lineStart = scanned + 1
      }
    }
    const place = { file, line, column: offset - lineStart + 1 }
    removed.push({ line: place.line, column: place.column })
    if (count <= MAX_CONTROL_WARNINGS) {
      diag.warn(`control character ${codePoint(character)} removed`, place, 'control-character')
    } else {
      firstUnreported ??= place
    }
    return ''
  })
  if (firstUnreported) {
    diag.warn(
      `${count - MAX_CONTROL_WARNINGS} more control characters removed, the first of them here`,
      firstUnreported,
      'control-character',
    )
  }
  return { text: result, removed }
}

function codePoint(character: string): string {
  return 'U+' + character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
}

export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code
    if (code === 'ENOENT') return 'no such file'
    if (code === 'EACCES') return 'permission denied'
    if (code === 'EISDIR') return 'is a folder'
    if (typeof code === 'string') return code
  }
  return error instanceof Error ? error.message : String(error)
}
