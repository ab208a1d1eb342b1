import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, it } from 'node:test'
import JSZip from 'jszip'
import { Diagnostics } from '../../src/diagnostics.js'
import { writeEpub } from '../../src/epub/index.js'
import { defaultTheme, type LocalFont, type Theme } from '../../src/theme/index.js'
import { epubcheck, root, tempDir } from '../support/tools.js'
import { articleBook } from './books.js'

describe('the colophon of a book set in a writer’s own font', () => {
  it('names the licence the font’s name table describes, linked to the address it gives', async () => {
    const file = path.join(root, 'test/fixtures/theme-file/SourceSerif4-Regular.ttf')
    const bytes = await readFile(file)
    const own: LocalFont = {
      family: 'House Serif',
      weight: 400,
      style: 'normal',
      license: 'Licensed to the house for its books only.',
      licenseUrl: 'https://example.org/house-licence',
      path: file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    }
    const theme: Theme = { ...defaultTheme, fonts: { ...defaultTheme.fonts, text: own } }
    const epub = await writeEpub(articleBook(), theme, new Diagnostics())
    const zip = await JSZip.loadAsync(epub)
    const colophon = await zip.file('OEBPS/colophon.xhtml')!.async('string')
    assert.match(colophon, /House Serif \(<a href="https:\/\/example\.org\/house-licence">licence Licensed to the house for its books only\.<\/a>\); Literata and JetBrains Mono \(<a href="https:\/\/openfontlicense\.org\/">SIL Open Font License 1\.1<\/a>\)/)
    const out = path.join(await tempDir(), 'house.epub')
    await writeFile(out, epub)
    assert.deepEqual((await epubcheck(out)).problems, [])
  })
})
