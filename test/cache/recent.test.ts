/**
 * What a process keeps of one build for the next: the values used longest
 * ago go first once the total passes the capacity, and a key names both the
 * bytes and how they were made.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bytesKey, RecentValues } from '../../src/cache/recent.js'

test('the values used longest ago go first, and a value used again is kept longer', () => {
  const values = new RecentValues<string>(10, (value) => value.length)
  values.set('a', 'aaaa')
  values.set('b', 'bbbb')
  assert.equal(values.get('a'), 'aaaa') // a is now used more recently than b
  values.set('c', 'cccc') // 12 > 10: b goes
  assert.deepEqual(['a', 'b', 'c'].map((key) => values.has(key)), [true, false, true])
  values.set('a', 'aa') // replaced: its old size no longer counts
  values.set('d', 'dddd') // 2 + 4 + 4 = 10: nothing goes
  assert.deepEqual(['a', 'c', 'd'].map((key) => values.has(key)), [true, true, true])
  values.set('e', 'eeeeeeeeeeee') // larger than everything: all go, itself too
  assert.deepEqual(['a', 'c', 'd', 'e'].map((key) => values.has(key)), [false, false, false, false])
})

test('bytes made one way are not taken for the same bytes made another', () => {
  const bytes = new TextEncoder().encode('the same bytes')
  assert.equal(bytesKey(bytes, 'deflate-9'), bytesKey(Uint8Array.from(bytes), 'deflate-9'))
  assert.notEqual(bytesKey(bytes, 'deflate-9'), bytesKey(bytes, 'deflate-6'))
  assert.notEqual(bytesKey(bytes, 'zlib'), bytesKey(new TextEncoder().encode('other bytes'), 'zlib'))
})
