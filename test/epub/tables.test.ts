/**
 * Tables in the EPUB: header rows in `thead`, spans as written, each table in
 * a block that scrolls sideways, padding and rules from the theme; the print edition's pages marked inside a long
 * table at the word they start with. Both editions of one book holding every
 * case, made in this process; EPUBCheck checks the book once.
 */
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { cssRules } from '../../src/epub/css.js'
import type { PageStart } from '../../src/model/page-map.js'
import { defaultTheme } from '../../src/theme/index.js'
import { bothEditions, wordTokens } from '../support/editions.js'
import { tablesBook } from '../support/tables.js'
import { epubcheck } from '../support/tools.js'
import type { EpubcheckResult } from '../support/tools.js'


describe('tables in the EPUB', () => {
  let chapter: string
  let check: EpubcheckResult
  let starts: PageStart[]
  let pdfPages: string[]
  let markers: Map<number, string>

  before(async () => {
    const editions = await bothEditions(tablesBook(), 'tables')
    ;({ starts, pdfPages, markers } = editions)
    chapter = editions.documents.find((document) => document.xhtml.includes('<table>'))!.xhtml
    check = await epubcheck(editions.epubFile)
  })

  it('passes EPUBCheck', () => {
    assert.deepEqual(check.problems, [])
    assert.equal(check.code, 0)
  })

  it('sets every table in a block that scrolls, header rows in thead, spans as written', () => {
    assert.equal([...chapter.matchAll(/<div class="table"><table><thead>/g)].length, 6)
    assert.match(chapter, /<th scope="col" rowspan="2">Station<\/th><th scope="colgroup" colspan="2" class="align-center">Distance<\/th><\/tr><tr><th scope="col" class="align-right">Miles<\/th>/)
    assert.match(chapter, /<\/thead><tbody><tr><td rowspan="2">North harbour, where the ferry leaves in the morning<\/td>/)
    assert.match(chapter, /<td colspan="2" class="align-center">unknown<\/td>/)
  })

  it('marks the print edition’s pages inside a long table at the words those pages start with', () => {
    const inside = starts.filter((start) => start.block[0] === 13 && start.word > 0)
    assert.ok(inside.length >= 2)
    // The first page opens with the article's title block, which stands before the first marker.
    for (const { page, block } of starts.slice(1)) {
      // The PDF page without its running head; a turned page's folio, drawn upright, reads first.
      const pdfWords = wordTokens(pdfPages[page - 1]!).filter((word, index) => !(index === 0 && (word === 'Tables' || word === String(page))))
      // Inside the long table rows read across as written; elsewhere poppler may read a header's rows in its own order.
      const compared = block[0] === 13 ? 4 : 1
      assert.deepEqual(wordTokens(markers.get(page) ?? '').slice(0, compared), pdfWords.slice(0, compared), `page ${page}`)
    }
  })

  it('reads padding and rules from the theme, in ems of the table’s text, as the print edition does', () => {
    const theme = { ...defaultTheme, tables: { ...defaultTheme.tables, padding: { block: 0.25, inline: 0.75 }, rules: { outer: 0.1, header: 0.04 } } }
    const rules = cssRules(theme)
    const rule = (selector: string): Record<string, string> => rules.find((entry) => entry.selector === selector)!.declarations
    assert.equal(rule('.table')['overflow-x'], 'auto')
    assert.equal(rule('th, td').padding, '0.25em 0.75em')
    assert.equal(rule('table')['border-top'], `0.1em solid ${theme.colours.rule}`)
    assert.equal(rule('thead')['border-bottom'], `0.04em solid ${theme.colours.rule}`)
  })
})
