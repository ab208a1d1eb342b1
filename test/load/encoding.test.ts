import assert from 'node:assert/strict'
import { test } from 'node:test'
import { firstInvalidUtf8Byte, lineAndColumnOfByte } from '../../src/load/utf8.js'
import { blockText } from '../../src/model/text.js'
import { bookOf, failure, loadText } from './support.js'

const utf8 = (text: string): number[] => [...Buffer.from(text, 'utf8')]

test('bytes that are not UTF-8 fail at the line and column of the first bad byte', async () => {
  // Line 3, after "ab é" (4 characters, 5 bytes): a Latin-1 "é".
  const bytes = Uint8Array.from([...utf8('---\nlang: en\n---\nab é'), 0xe9, ...utf8(' rest\n')])
  const message = failure(await loadText(bytes))
  assert.match(message, /book\.md:4:5: error: not UTF-8 \(byte 0xE9\)/)
})

test('a truncated character at the end of the file is found too', async () => {
  const bytes = Uint8Array.from([...utf8('Fine line.\r\nThen '), 0xe2, 0x82])
  assert.match(failure(await loadText(bytes)), /book\.md:2:6: error: not UTF-8/)
})

test('the scan agrees with the WHATWG decoder on overlong forms, surrogates and the upper limit', () => {
  assert.equal(firstInvalidUtf8Byte(Uint8Array.from(utf8('plain ascii'))), -1)
  assert.equal(firstInvalidUtf8Byte(Uint8Array.from(utf8('ünïcödé 😀 中文'))), -1)
  assert.equal(firstInvalidUtf8Byte(Uint8Array.from([0x61, 0xc0, 0xaf])), 1) // overlong '/'
  assert.equal(firstInvalidUtf8Byte(Uint8Array.from([0x61, 0x62, 0xed, 0xa0, 0x80])), 2) // a surrogate
  assert.equal(firstInvalidUtf8Byte(Uint8Array.from([0xf4, 0x90, 0x80, 0x80])), 0) // above U+10FFFF
  assert.equal(firstInvalidUtf8Byte(Uint8Array.from([0x61, 0x80])), 1) // a lone continuation byte
  assert.deepEqual(lineAndColumnOfByte(Uint8Array.from(utf8('\uFEFFé\nxy')), 7), { line: 2, column: 2 })
})

test('a leading byte order mark is fine', async () => {
  const result = await loadText(`\uFEFF---\ntitle: With BOM\nlang: en\n---\n\nText.\n`)
  assert.equal(bookOf(result).metadata.title, 'With BOM')
  assert.deepEqual(result.warnings, [])
})

test('control characters are removed, each with a warning at its line and column', async () => {
  const result = await loadText('---\nlang: en\n---\nBell\u0007 here.\n\nForm\u000Cfeed and NUL\u0000 and \uFFFF.\n')
  const book = bookOf(result)
  const text = blockText(book.chapters[0]!.blocks)
  assert.equal(text, 'Bell here.\nFormfeed and NUL and .')
  assert.deepEqual(
    result.warnings.map((warning) => warning.replace(/^.*book\.md:/, '')),
    [
      '4:5: warning: control character U+0007 removed',
      '6:5: warning: control character U+000C removed',
      '6:18: warning: control character U+0000 removed',
      '6:24: warning: control character U+FFFF removed',
    ],
  )
})

test('thousands of control characters give ten warnings and a count', async () => {
  const result = await loadText(`---\nlang: en\n---\n${'x\u0001'.repeat(5000)}\n`)
  assert.equal(result.warnings.length, 11)
  assert.match(result.warnings[10]!, /4:22: warning: 4990 more control characters removed/)
  assert.equal(blockText(bookOf(result).chapters[0]!.blocks), 'x'.repeat(5000))
})

test('tabs, line feeds and carriage returns stay', async () => {
  const result = await loadText('---\r\nlang: en\r\n---\r\n\r\n```\r\na\tb\r\n```\r\n')
  const block = bookOf(result).chapters[0]!.blocks[0]!
  assert.equal(block.type === 'code' ? block.value : '', 'a\tb')
  assert.deepEqual(result.warnings, [])
})

test('places after a removed control character still count columns as written', async () => {
  const result = await loadText('---\nlang: en\n---\n\nA\u0007\u0008 <font>bold</font>.\n')
  assert.match(result.warnings.at(-1)!, /book\.md:5:5: warning: raw HTML `<font>` dropped/)
})
