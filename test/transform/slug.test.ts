import assert from 'node:assert/strict'
import { test } from 'node:test'
import { slug, Slugger } from '../../src/transform/slug.js'

test('slugs are lower-case ASCII words joined by hyphens', () => {
  assert.equal(slug('The Storm'), 'the-storm')
  assert.equal(slug('Don’t Panic!'), 'dont-panic')
  assert.equal(slug('Café à la crème'), 'cafe-a-la-creme')
  assert.equal(slug('  --Edge--  '), 'edge')
  assert.equal(slug('中文'), '')
  assert.ok(slug('word '.repeat(40)).length <= 60)
  assert.doesNotMatch(slug('word '.repeat(40)), /-$/)
})

test('the slugger makes ids unique, valid as XML ids, and respects reserved ones', () => {
  const slugger = new Slugger()
  slugger.reserve('chapter-1')
  assert.equal(slugger.unique('Intro'), 'intro')
  assert.equal(slugger.unique('Intro'), 'intro-2')
  assert.equal(slugger.unique('intro'), 'intro-3')
  assert.equal(slugger.unique('Chapter 1'), 'chapter-1-2')
  assert.equal(slugger.unique('1984'), 'section-1984')
  assert.equal(slugger.unique('中文'), 'section')
  assert.equal(slugger.unique('!!!'), 'section-2')
})
