/**
 * Words shaped once (`src/pdf/glyph-runs.ts`): what the measurer or an
 * earlier drawing shaped is reused only where fontkit, shaping the word in
 * another face of the file, would give the same glyphs and advances; and a
 * book set after another in one process is the book set in a process of its
 * own, byte for byte.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { build } from '../../src/api.js'
import { glyphsOf, keepRun, plainRun } from '../../src/pdf/glyph-runs.js'
import { openFace } from '../../src/theme/font-files.js'
import { defaultTheme } from '../../src/theme/index.js'
import { manuscriptFolder } from '../load/support.js'
import { octavo, root, tempDir } from '../support/tools.js'

const text = defaultTheme.fonts.text
const scale = (face: { unitsPerEm: number }): number => 1000 / face.unitsPerEm
let identities = 0
/** A file identity of this test's own: runs are kept for the whole process, which other test files share. */
const identity = (): string => `glyph-runs-test-${identities++}`

function kept(word: string, features?: 'smallCaps' | 'code', spaced = false): { id: string; face: ReturnType<typeof openFace> } {
  const id = identity()
  const face = openFace(text)
  const run = face.layout(word, features === 'smallCaps' ? { smcp: true } : features === 'code' ? { calt: false, liga: false } : undefined)
  keepRun(id, features, word, { glyphs: run.glyphs, positions: run.positions, scale: scale(face), width: run.advanceWidth / face.unitsPerEm }, face, spaced)
  return { id, face }
}

test('a plain word is kept, and another face of the file makes the same glyphs and advances of it', () => {
  for (const word of ['Wavy', 'AVATAR', 'naïve', 'Ελλάδα', '“quoted”—dash', '3.14']) {
    const { id } = kept(word)
    const run = plainRun(id, undefined, word)
    assert.ok(run, `${word} is kept`)
    const other = openFace(text)
    const glyphs = glyphsOf(other, word, run)
    assert.ok(glyphs, `${word}: the glyphs of another face are its own`)
    const shaped = other.layout(word)
    assert.deepEqual([...run.ids], shaped.glyphs.map((glyph) => glyph.id))
    assert.deepEqual([...run.advances], shaped.positions.map((position) => position.xAdvance * scale(other)))
    assert.equal(run.width, shaped.advanceWidth / other.unitsPerEm)
  }
  // Kerning is kept: AV and TA are set closer than their glyphs' advances.
  const run = plainRun(kept('AVATAR').id, undefined, 'AVATAR')!
  const face = openFace(text)
  assert.ok([...run.advances].some((advance, index) => advance < face.glyphForCodePoint('AVATAR'.charCodeAt(index)).advanceWidth * scale(face)))
})

test('what shaping changes, moves or joins is not kept: ligatures, marks, small capitals, spaces between words', () => {
  const refused: Array<[string, 'smallCaps' | undefined]> = [
    ['office', undefined], // Literata joins ffi
    ['e\u0301te\u0301', undefined], // combining accents
    ['Cafe\u0301', undefined],
    ['small', 'smallCaps'], // every glyph substituted
    ['two words', undefined], // pdfkit shapes word by word without features; the measurer shapes whole
    ['co\u00adop', undefined], // a soft hyphen is hidden
    ['𝑥', undefined], // outside the basic plane
  ]
  for (const [word, features] of refused) assert.equal(plainRun(kept(word, features).id, features, word), undefined, word)
  // With features, pdfkit shapes a spaced string whole, as the measurer does.
  const code = 'let x = 1'
  assert.ok(plainRun(kept(code, 'code', true).id, 'code', code))
})

test('a face whose glyph first stood for another character shapes the word itself', () => {
  const word = 'well-known'
  const { id } = kept(word)
  const run = plainRun(id, undefined, word)!
  // In this face the hyphen's glyph is first made for a soft hyphen, as when a face maps both to one glyph.
  const face = openFace(text)
  const hyphen = face.glyphForCodePoint(0x2d).id
  const other = openFace(text) as unknown as { getGlyph(id: number, codePoints: number[]): unknown } & ReturnType<typeof openFace>
  other.getGlyph(hyphen, [0xad])
  assert.equal(glyphsOf(other, word, run), undefined, 'the kept run is not taken')
  // What fontkit then makes of the word is not the kept run (it hides the glyph as it would the soft hyphen).
  assert.notEqual(other.layout(word).advanceWidth / other.unitsPerEm, run.width)
  assert.ok(glyphsOf(face, word, run), 'a face whose glyphs are their own takes it')
})

test('a book set after others in one process is the book set in a process of its own, byte for byte', async () => {
  const folder = await manuscriptFolder({
    'book.yaml': 'title: Shared Words\nauthor: A. Writer\nlang: en\ndate: 2024-05-01\n',
    'one.md': '# One\n\nThe naïve café’s owner — a well-known figure — met 10\u00a0km away, at 3.14 o’clock. Co\u00adop\u00aderation, office and effort.\n\n`const x = 1` and `let y = 2`.\n\n```js\nconst words = [\'one\', \'two\']\n```\n',
    'two.md': '# Two\n\nΕλλάδα and Россия; ﬁ ligature, e\u0301te\u0301 with marks. AVATAR WAVY Type.\n',
  })
  const out = await tempDir()
  const alone = await octavo(['build', folder, '--out', out, '--no-cache', '--quiet'])
  assert.equal(alone.code, 0, alone.stderr)
  const name = path.basename(folder)
  const expected = { pdf: await readFile(path.join(out, `${name}.pdf`)), epub: await readFile(path.join(out, `${name}.epub`)) }
  // Another book first (its words kept), then this one twice.
  await build({ input: path.join(root, 'content/article.md') })
  for (const round of [1, 2]) {
    const result = await build({ input: folder })
    assert.ok(Buffer.from(result.pdf!).equals(expected.pdf), `round ${round}: the PDF differs`)
    assert.ok(Buffer.from(result.epub!).equals(expected.epub), `round ${round}: the EPUB differs`)
  }
})
