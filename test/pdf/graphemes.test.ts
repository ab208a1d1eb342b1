/** Grapheme clusters cut without the segmenter where the text allows, the same as with it. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { graphemeClusters } from '../../src/pdf/graphemes.js'

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const segmented = (text: string): string[] => Array.from(segmenter.segment(text), ({ segment }) => segment)

describe('grapheme clusters', () => {
  const samples = [
    '',
    'const x = require("node:fs");',
    '\tindented\x00with\x7fcontrols\x1b[0m',
    'a line ending in a carriage return\r',
    'a\r\nb',
    'café, cafe\u0301, naïve',
    'emoji 👍🏽 and flags 🇫🇷, a family 👨‍👩‍👧',
    '漢字とかな',
  ]
  for (const text of samples) {
    it(`cuts ${JSON.stringify(text)} as the segmenter does`, () => {
      assert.deepEqual(graphemeClusters(text), segmented(text))
    })
  }

  it('cuts every ASCII character on its own but a carriage return and line feed together', () => {
    let all = ''
    for (let code = 0; code < 128; code++) all += String.fromCharCode(code)
    assert.deepEqual(graphemeClusters(all), segmented(all))
    assert.deepEqual(graphemeClusters('x\r\ny'), ['x', '\r\n', 'y'])
  })
})
