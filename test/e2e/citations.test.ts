/**
 * Citations: a book citing twenty works of a BibTeX file in every form
 * pandoc reads, formatted by citeproc-js in the default style (APA), each
 * citation a link to its entry in the reference list in both editions; a key
 * the bibliography lacks is a warning at the citation; bad files are errors
 * with their places; CSL-JSON and CSL-YAML bibliographies give the same text.
 */
import assert from 'node:assert/strict'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import JSZip from 'jszip'
import { Diagnostics, ManuscriptError } from '../../src/diagnostics.js'
import { build } from '../../src/pipeline.js'
import { defaultTheme } from '../../src/theme/index.js'
import { lineAt, linksAtWord, readPdf, type PdfReading } from '../support/pdf-links.js'
import { epubcheck, root, tempDir } from '../support/tools.js'

const fixture = path.join(root, 'test/fixtures/citations')

async function epubDocuments(file: string): Promise<Map<string, Root>> {
  const documents = new Map<string, Root>()
  const zip = await JSZip.loadAsync(await readFile(file))
  for (const [name, entry] of Object.entries(zip.files)) {
    if (name.endsWith('.xhtml')) documents.set(path.posix.basename(name), fromHtml(await entry.async('string'), { space: 'html' }))
  }
  return documents
}

function elements(node: Root | Element): Element[] {
  const found: Element[] = []
  for (const child of node.children) {
    if (child.type === 'element') found.push(child, ...elements(child))
  }
  return found
}

function bodyText(documents: Map<string, Root>): string {
  return [...documents.entries()].filter(([name]) => /^chapter-/.test(name)).map(([, tree]) => toString(tree)).join('\n').replace(/\s+/g, ' ')
}

async function buildBook(folder: string, formats: Array<'epub' | 'pdf'>, diag = new Diagnostics()): Promise<{ diag: Diagnostics; out: string }> {
  const out = await tempDir()
  await build(path.join(folder, 'book.md'), { outDir: out, formats, theme: defaultTheme, page: 'a5', sourceDateEpoch: '1700000000' }, diag)
  return { diag, out }
}

/** A copy of the fixture with its book.md changed by `edit`, and other files beside it. */
async function variant(edit: (text: string) => string, files: Record<string, string> = {}): Promise<string> {
  const folder = await tempDir()
  await copyFile(path.join(fixture, 'refs.bib'), path.join(folder, 'refs.bib'))
  await writeFile(path.join(folder, 'book.md'), edit(await readFile(path.join(fixture, 'book.md'), 'utf8')))
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text)
  return folder
}

async function failure(folder: string): Promise<ManuscriptError> {
  try {
    await buildBook(folder, ['epub'])
  } catch (error) {
    if (error instanceof ManuscriptError) return error
    throw error
  }
  assert.fail('the build should fail')
}

describe('a book with citations from a BibTeX file', () => {
  let diag: Diagnostics
  let epub: string
  let documents: Map<string, Root>
  let pdf: PdfReading

  before(async () => {
    const built = await buildBook(fixture, ['epub', 'pdf'])
    diag = built.diag
    epub = path.join(built.out, 'book.epub')
    documents = await epubDocuments(epub)
    pdf = await readPdf(path.join(built.out, 'book.pdf'))
  })

  it('warns once, at the citation, of the one key the bibliography lacks, and else only of the figures no label names', () => {
    assert.deepEqual(diag.warnings.filter((warning) => warning.ruleId === 'citation').map(String), ['19:23: citation key `nobody2000` is not in the bibliography'])
    // `@fig:…` are cross-references, not citations: the book has no such figures.
    assert.deepEqual(diag.warnings.filter((warning) => warning.ruleId !== 'citation').map(String), [
      '19:60: cross-reference `fig:layout` leads nowhere: no figure has this label',
      '20:7: cross-reference `fig:a` leads nowhere: no figure has this label',
      '20:7: cross-reference `fig:b` leads nowhere: no figure has this label',
    ])
  })

  it('passes EPUBCheck', async () => {
    assert.deepEqual((await epubcheck(epub)).problems, [])
  })

  it('sets each citation as the style formats it, and a missing key in bold with a question mark', () => {
    const text = bodyText(documents)
    for (const expected of [
      'an old problem (Knuth & Plass, 1981, pp. 1119–1120).',
      'Knuth (1984) says that boxes and glue',
      'and Bringhurst (2004, p. 25) agrees',
      '(see Doe & Roe, 2020; Roe, 2019, Chapter 2; Tschichold, 1991)',
      'Doe argued it again a year later (2021).',
      '(Brown, 2016; Liang, 1983)',
      '(García, 2017, p. 210)',
      'Pagination is treated by Chen (2012)',
      'See (White, 2000, p. 12) on the page.',
    ]) {
      assert.ok(text.includes(expected), `${expected} in: ${text}`)
    }
    const strong = elements(documents.get('chapter-1.xhtml')!).filter((element) => element.tagName === 'strong').map((element) => toString(element))
    assert.ok(strong.includes('nobody2000?'))
  })

  it('loses no word of the text around the citations, sets cross-references as such, and leaves addresses as written', () => {
    const text = bodyText(documents)
    const source = 'Breaking lines well is an old problem | says that boxes and glue are enough, and | agrees about the measure. | Several authors have written on it | Doe argued it again a year later | Hyphenation follows patterns | Two papers of one year | and a chapter | and | A key that is missing | and a figure reference fig:layout stay as they are, as do fig:a and fig:b and an address like writer@example.org.'
    for (const words of source.split(' | ')) assert.ok(text.includes(words), words)
  })

  it('EPUB: links each work cited to its entry, an element of the reference list with its id', () => {
    const entries = elements(documents.get('chapter-3.xhtml')!).filter((element) => element.properties['epubType'] === 'biblioentry' || element.properties['epub:type'] === 'biblioentry')
    assert.equal(entries.length, 20, 'one entry per work cited (the missing key has none)')
    for (const entry of entries) assert.deepEqual(entry.properties['role'], 'doc-biblioentry')
    const ids = new Set(entries.map((entry) => String(entry.properties['id'])))
    const links = [...documents.entries()].filter(([name]) => name !== 'chapter-3.xhtml').flatMap(([, tree]) => elements(tree).filter((element) => element.tagName === 'span' && (element.properties['className'] as string[] | undefined)?.includes('citation')).flatMap((span) => elements(span).filter((element) => element.tagName === 'a')))
    assert.ok(links.length >= 25, `${links.length} links`)
    for (const link of links) {
      const href = String(link.properties['href'])
      assert.match(href, /^chapter-3\.xhtml#ref-/)
      assert.ok(ids.has(href.split('#')[1]!), href)
    }
    const tschichold = links.find((link) => toString(link).startsWith('Tschichold'))
    assert.equal(tschichold?.properties['href'], 'chapter-3.xhtml#ref-tschichold1991')
    const section = elements(documents.get('chapter-3.xhtml')!).find((element) => element.tagName === 'section')
    assert.equal(section?.properties['role'], 'doc-bibliography')
  })

  it('sets the reference list in the style’s order, at the end of the book, under a title in the book’s language', () => {
    const list = documents.get('chapter-3.xhtml')!
    assert.equal(toString(elements(list).find((element) => element.tagName === 'h1')!), 'References')
    const order = elements(list).filter((element) => element.properties['role'] === 'doc-biblioentry').map((element) => String(element.properties['id']).replace(/^ref-/, ''))
    assert.deepEqual(order, ['black1999', 'bringhurst2004', 'brown2016', 'chen2012', 'doe2021', 'doe2020', 'garcia2017', 'gray2005b', 'gray2005a', 'green2022', 'knuth1984', 'knuth1981', 'lee2015', 'liang1983', 'muller2010', 'roe2019', 'smith2018', 'octavo2026', 'tschichold1991', 'white2000'])
    const knuth = elements(list).find((element) => element.properties['id'] === 'ref-knuth1981')!
    assert.equal(toString(knuth), 'Knuth, D. E., & Plass, M. F. (1981). Breaking Paragraphs into Lines. Software: Practice and Experience, 11(11), 1119–1184. https://doi.org/10.1002/spe.4380111102')
    // The journal in italics, the DOI a link.
    assert.deepEqual(elements(knuth).filter((element) => element.tagName === 'em').map((element) => toString(element)), ['Software: Practice and Experience', '11'])
    assert.equal(elements(knuth).find((element) => element.tagName === 'a')?.properties['href'], 'https://doi.org/10.1002/spe.4380111102')
  })

  it('PDF: each work cited is a link to the named destination of its entry, on the page and line where the entry begins', () => {
    for (const [word, key, entryStart] of [
      ['Tschichold', 'tschichold1991', 'Tschichold, J.'],
      ['Bringhurst', 'bringhurst2004', 'Bringhurst, R.'],
      ['Liang', 'liang1983', 'Liang, F. M.'],
      ['García', 'garcia2017', 'García, L.'],
    ] as const) {
      const found = linksAtWord(pdf, word)
      assert.ok(found, `${word} is in the PDF`)
      assert.equal(found.links.length, 1, `${word} is a link`)
      const [link] = found.links
      assert.match(link!.dest ?? '', new RegExp(`ref-${key}$`))
      assert.ok(link!.lands, `${link!.dest} exists`)
      assert.ok(lineAt(pdf, link!.lands)!.text.trim().startsWith(entryStart), `${word} leads to ${lineAt(pdf, link!.lands)?.text}`)
    }
  })
})

describe('citations: where the list goes, other bibliographies, and errors', () => {
  it('sets the reference list after a `{#refs}` heading, not in a chapter of its own', async () => {
    const folder = await variant((text) => text.replace('# Pages', '# Works cited {#refs}\n\n# Pages'))
    const documents = await epubDocuments(path.join((await buildBook(folder, ['epub'])).out, 'book.epub'))
    const second = documents.get('chapter-2.xhtml')!
    assert.equal(toString(elements(second).find((element) => element.tagName === 'h1')!), 'Works cited')
    assert.equal(elements(second).filter((element) => element.properties['role'] === 'doc-biblioentry').length, 20)
    assert.ok(!documents.has('chapter-4.xhtml'), 'no chapter is added')
  })

  it('reads CSL-JSON and CSL-YAML bibliographies, and a list of them', async () => {
    const json = JSON.stringify([{ id: 'ada1843', type: 'article-journal', title: 'Notes on the Analytical Engine', author: [{ family: 'Lovelace', given: 'Ada' }], issued: { 'date-parts': [[1843]] }, 'container-title': 'Scientific Memoirs' }])
    const yamlText = 'references:\n- id: turing1936\n  type: article-journal\n  title: On Computable Numbers\n  author:\n  - family: Turing\n    given: Alan\n  issued:\n    date-parts:\n    - [1936]\n'
    const folder = await variant(
      (text) => text.replace('bibliography: refs.bib', 'bibliography:\n  - refs.bib\n  - more.json\n  - more.yaml').replace('# Pages', 'As @ada1843 and [@turing1936, p. 230] showed.\n\n# Pages'),
      { 'more.json': json, 'more.yaml': yamlText },
    )
    const documents = await epubDocuments(path.join((await buildBook(folder, ['epub'])).out, 'book.epub'))
    const text = bodyText(documents)
    assert.ok(text.includes('As Lovelace (1843) and (Turing, 1936, p. 230) showed.'), text)
    assert.ok(text.includes('Turing, A. (1936). On Computable Numbers.'), text)
  })

  it('fails with the place of a bibliography that is missing, a bad .bib with its line, and a file that is no CSL style', async () => {
    const missing = await failure(await variant((text) => text.replace('bibliography: refs.bib', 'bibliography: nowhere.bib')))
    assert.match(missing.message, /cannot read the bibliography .*nowhere\.bib: no such file/)
    assert.equal(missing.diagnostic.line, 5)
    assert.equal(missing.diagnostic.column, 15)

    const bad = await failure(await variant((text) => text.replace('bibliography: refs.bib', 'bibliography: bad.bib'), { 'bad.bib': '@book{a,\n  title = {One},\n  year = 2000\n}\n\n@book{b,\n  title = {Two\n  year = 2001\n}\n' }))
    assert.match(bad.message, /^bad BibTeX/)
    assert.ok(bad.diagnostic.file?.endsWith('bad.bib'), bad.diagnostic.file ?? '')
    assert.ok((bad.diagnostic.line ?? 0) >= 6, `line ${bad.diagnostic.line}`)

    const style = await failure(await variant((text) => text.replace('bibliography: refs.bib', 'bibliography: refs.bib\ncsl: style.csl'), { 'style.csl': '<html>not a style</html>' }))
    assert.match(style.message, /style\.csl is not a CSL style/)
    assert.equal(style.diagnostic.line, 6)

    const outside = await failure(await variant((text) => text.replace('bibliography: refs.bib', 'bibliography: ../refs.bib')))
    assert.match(outside.message, /outside the book's folder/)
  })

  it('without a bibliography, sets citations as written, with no warning of them', async () => {
    const folder = await variant((text) => text.replace('bibliography: refs.bib\n', ''))
    const { diag, out } = await buildBook(folder, ['epub'])
    assert.deepEqual(diag.warnings.filter((warning) => warning.ruleId !== 'cross-reference').map(String), [])
    const text = bodyText(await epubDocuments(path.join(out, 'book.epub')))
    assert.ok(text.includes('an old problem [@knuth1981, pp. 1119–1120]. @knuth1984 says'), text)
  })
})
