/**
 * Property: formulas drawn at random from a small TeX grammar (fractions,
 * roots, scripts, sums with limits, matrices, accents, and now and then a
 * formula broken on purpose) never crash either edition and never cost a
 * word of the text around them. Fixed seeds, one book, one build.
 */
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import fc from 'fast-check'
import { epubBodyText, pdfBodyText } from '../support/editions.js'
import { hyphenatedIn, proseWords } from '../support/math.js'
import { epubcheck, octavoInProcess, tempDir } from '../support/tools.js'
import { countWords, joinHyphenatedLines, missingWords } from '../support/words.js'

const atom = fc.constantFrom('x', 'y', 'n', '2', '10', '\\alpha', '\\pi', '\\infty', 'a_i', 'e')

const formula: fc.Arbitrary<string> = fc.letrec<{ tex: string }>((tie) => ({
  tex: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('tex'), tie('tex')).map(([a, b]) => `\\frac{${a}}{${b}}`),
    tie('tex').map((a) => `\\sqrt{${a}}`),
    fc.tuple(tie('tex'), tie('tex')).map(([a, b]) => `${a}^{${b}}`),
    fc.tuple(atom, tie('tex')).map(([a, b]) => `\\sum_{i=1}^{${a}} ${b}`),
    fc.tuple(tie('tex'), tie('tex')).map(([a, b]) => `${a} + ${b}`),
    fc.tuple(atom, atom, atom, atom).map(([a, b, c, d]) => `\\begin{pmatrix} ${a} & ${b} \\\\ ${c} & ${d} \\end{pmatrix}`),
    fc.tuple(fc.constantFrom('hat', 'vec', 'bar', 'tilde'), atom).map(([accent, a]) => `\\${accent}{${a}}`),
    // Broken on purpose: a brace left open, an unknown command.
    fc.constantFrom('\\frac{1', '\\nosuchcommand{x}', 'x^{'),
  ),
})).tex

const prose = fc.array(fc.constantFrom('light', 'wave', 'sum', 'matrix', 'proof', 'measure', 'reader', 'margin', 'page', 'number'), { minLength: 1, maxLength: 4 }).map((words) => words.join(' '))

const paragraph = fc.tuple(prose, formula, prose, fc.boolean()).map(([before, tex, after, display]) =>
  display ? `${before} comes first.\n\n$$\n${tex}\n$$\n\n${after} comes after.` : `${before} $${tex}$ ${after}.`,
)

const seeds = [11, 12, 13]

describe(`random formulas (${seeds.length} seeds, 12 paragraphs each, one book)`, () => {
  let out: string
  let code: number
  let stderr: string
  let markdown: string

  before(async () => {
    out = await tempDir()
    const paragraphs = seeds.flatMap((seed) => fc.sample(paragraph, { seed, numRuns: 12 }))
    markdown = `---\ntitle: Random formulas\nlang: en\n---\n\n${paragraphs.join('\n\n')}\n`
    const file = path.join(out, 'formulas.md')
    await writeFile(file, markdown)
    const result = await octavoInProcess(['build', file, '--out', out, '--quiet', '--no-cache'], { ...process.env, SOURCE_DATE_EPOCH: '1700000000' })
    ;({ code, stderr } = result)
  })

  it('never crashes, and every warning is about a formula, with its place', () => {
    assert.equal(code, 0, stderr)
    for (const line of stderr.split('\n').filter((entry) => entry !== '')) {
      assert.match(line, /formulas\.md:\d+:\d+: warning: formula cannot be read \(.+\); it is set as code$/)
    }
  })

  it('makes a valid EPUB and loses no word of the text around the formulas in either edition', async () => {
    const expected = proseWords(markdown)
    const epub = path.join(out, 'formulas.epub')
    const check = await epubcheck(epub)
    assert.deepEqual(check.problems, [])
    assert.deepEqual(missingWords(expected, countWords(await epubBodyText(epub))), [], 'words missing from the EPUB')
    const pdfRaw = await pdfBodyText(path.join(out, 'formulas.pdf'), ['Random formulas'])
    const missing = missingWords(expected, countWords(joinHyphenatedLines(pdfRaw, expected)))
    assert.deepEqual(missing.filter(([word]) => !hyphenatedIn(pdfRaw, word)), [], 'words missing from the PDF')
    assert.ok((await readFile(path.join(out, 'formulas.pdf'))).length > 0)
  })
})
