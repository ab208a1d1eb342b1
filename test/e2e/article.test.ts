/**
 * The first manuscript end to end: `content/article.md` through the command
 * line, checked by the outside tools a publisher would use.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { epubBodyText, pdfBodyText } from '../support/editions.js'
import { epubcheck, octavo, octavoInProcess, pdfFonts, pdfInfo, root, tempDir } from '../support/tools.js'
import { countWords, extraWords, joinHyphenatedLines, manuscriptWords, missingWords } from '../support/words.js'

const manuscript = path.join(root, 'content/article.md')
const title = 'Trump submitted his phone number to the heads of government of the world, officials say'
// A fixed "now", as the Makefile sets it from the last commit.
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }

describe('content/article.md', () => {
  let first: string
  let second: string

  before(async () => {
    first = await tempDir()
    second = await tempDir()
    // Once as a writer's shell runs it, once in this process: two processes, one edition.
    for (const [out, command] of [[first, octavo], [second, octavoInProcess]] as const) {
      const result = await command(['build', manuscript, '--out', out, '--quiet'], env)
      assert.equal(result.code, 0, result.stderr)
      assert.equal(result.stderr, '', 'the article builds without a warning')
    }
  })

  it('builds byte-identical editions twice', async () => {
    for (const name of ['article.epub', 'article.pdf']) {
      assert.ok((await readFile(path.join(first, name))).equals(await readFile(path.join(second, name))), `${name} differs between builds`)
    }
  })

  it('passes EPUBCheck with no error and no warning', async () => {
    const result = await epubcheck(path.join(first, 'article.epub'))
    assert.deepEqual(result.problems, [])
    assert.equal(result.code, 0)
  })

  it('embeds every PDF font as a subset', async () => {
    const fonts = await pdfFonts(path.join(first, 'article.pdf'))
    assert.ok(fonts.length >= 2, 'text and italic or bold faces at least')
    for (const font of fonts) {
      assert.ok(font.embedded && font.subset, `${font.name} is embedded and subset`)
      assert.match(font.name, /^[A-Z]{6}\+/, 'a subset tag before the name')
    }
  })

  it('gives the PDF its title, language and tags', async () => {
    const file = path.join(first, 'article.pdf')
    const info = await pdfInfo(file)
    assert.equal(info.Title, title)
    assert.equal(info.Tagged, 'yes')
    assert.match(info['Page size']!, /^419.528 x 595.276 pts/, 'A5, the default page')
    assert.match((await readFile(file)).toString('latin1'), /\/Lang \(en\)/)
  })

  it('loses no word of the manuscript in either edition', async () => {
    const expected = manuscriptWords(manuscript)
    // Each edition opens with the title block; nothing else may be added.
    countWords(title, expected)

    const epubWords = countWords(await epubBodyText(path.join(first, 'article.epub')))
    countWords(title, epubWords)
    assert.deepEqual(missingWords(expected, epubWords), [], 'words missing from the EPUB')
    assert.deepEqual(extraWords(expected, epubWords), [], 'words the EPUB added')

    const pdfRaw = await pdfBodyText(path.join(first, 'article.pdf'), [title])
    const pdfWords = countWords(joinHyphenatedLines(pdfRaw, expected))
    assert.deepEqual(missingWords(expected, pdfWords), [], 'words missing from the PDF')
    assert.deepEqual(extraWords(expected, pdfWords), [], 'words the PDF added')
  })
})
