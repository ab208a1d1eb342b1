/** The characters a font subset is made for: each once, in a fixed order, however the text is written. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { uniqueCharacters } from '../../src/epub/fonts.js'

test('each character once, in the order of its code units: surrogate pairs whole, a lone surrogate on its own', () => {
  assert.equal(uniqueCharacters('banana'), 'abn')
  assert.equal(uniqueCharacters('z😀a😀\ud800b\udc00'), 'abz\ud800😀\udc00')
  const pieces = fc.constantFrom('a', 'Z', ' ', '\n', 'é', 'ﬁ', '日', '😀', '🇫🇷', '\ud800', '\udc00', '\ud83d', '\ufffd', '\u0301', '\u00ad')
  fc.assert(
    fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary' })), { maxLength: 30 }), (parts) => {
      const text = parts.join('')
      assert.equal(uniqueCharacters(text), [...new Set(text)].sort().join(''))
    }),
    { numRuns: 2000, seed: 20261206 },
  )
})
