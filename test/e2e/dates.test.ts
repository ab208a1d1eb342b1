/**
 * When both editions say they were made: `SOURCE_DATE_EPOCH` when it is set
 * (reproducible builds), else the manuscript's `date`, else the moment of the
 * build — never 1 January 1970 for want of a date. The EPUB states it as
 * `dcterms:modified` (and the writer's `date` as `dc:date`, and in its
 * colophon), the PDF as its CreationDate and ModDate.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { build } from '../../src/index.js'
import { tempDir } from '../support/tools.js'

const run = promisify(execFile)

// The suite may run under `make`, which sets it: each case here says what it wants, and
// the tests that run after these in the same process get it back.
const madeWith = process.env.SOURCE_DATE_EPOCH
before(() => {
  delete process.env.SOURCE_DATE_EPOCH
})
after(() => {
  if (madeWith !== undefined) process.env.SOURCE_DATE_EPOCH = madeWith
})

const body = '# A chapter\n\nA short paragraph of text.\n'

interface Dates {
  /** The EPUB's `dcterms:modified`. */
  modified: string
  /** The EPUB's `dc:date`, if any. */
  date: string | undefined
  /** The colophon's text. */
  colophon: string
  /** The PDF's CreationDate and ModDate, as ISO instants. */
  created: string
  changed: string
}

async function datesOf(frontMatter: string, sourceDateEpoch?: string): Promise<Dates> {
  const folder = await tempDir('octavo-dates-')
  const file = path.join(folder, 'dated.md')
  await writeFile(file, `---\ntitle: Dated\nlang: en\n${frontMatter}---\n\n${body}`)
  const result = await build({ input: file, out: folder, ...(sourceDateEpoch === undefined ? {} : { sourceDateEpoch }) })
  assert.equal(result.ok, true, JSON.stringify(result.diagnostics))
  assert.deepEqual(result.diagnostics, [])

  const zip = await JSZip.loadAsync(result.epub!)
  const opfName = Object.keys(zip.files).find((name) => name.endsWith('.opf'))!
  const opf = await zip.file(opfName)!.async('string')
  const colophonName = Object.keys(zip.files).find((name) => /colophon/.test(name) && name.endsWith('.xhtml'))
  assert.ok(colophonName, 'the EPUB has a colophon')
  const colophon = await zip.file(colophonName)!.async('string')

  // pdfinfo reads the document information dictionary's dates, as ISO instants with -isodates.
  const { stdout: info } = await run('pdfinfo', ['-isodates', path.join(folder, 'dated.pdf')])
  const pdfDate = (key: string): string => {
    const value = new RegExp(`^${key}:\\s*(\\S+)$`, 'm').exec(info)?.[1]
    assert.ok(value, `the PDF has a ${key}`)
    return value
  }
  return {
    modified: /<meta property="dcterms:modified">([^<]+)<\/meta>/.exec(opf)?.[1] ?? 'none',
    date: /<dc:date>([^<]+)<\/dc:date>/.exec(opf)?.[1],
    colophon,
    created: pdfDate('CreationDate'),
    changed: pdfDate('ModDate'),
  }
}

test('SOURCE_DATE_EPOCH dates both editions, from the options or the environment; the writer\'s date stays the publication date', async () => {
  const fromOption = await datesOf('date: 2022-05-04\n', '1700000000')
  assert.equal(fromOption.modified, '2023-11-14T22:13:20Z')
  assert.equal(fromOption.created, '2023-11-14T22:13:20Z')
  assert.equal(fromOption.changed, '2023-11-14T22:13:20Z')
  assert.equal(fromOption.date, '2022-05-04')
  assert.match(fromOption.colophon, /<p>2022-05-04<\/p>/)

  process.env.SOURCE_DATE_EPOCH = '1600000000'
  try {
    const fromEnvironment = await datesOf('')
    assert.equal(fromEnvironment.modified, '2020-09-13T12:26:40Z')
    assert.equal(fromEnvironment.created, '2020-09-13T12:26:40Z')
    assert.equal(fromEnvironment.date, undefined)
  } finally {
    delete process.env.SOURCE_DATE_EPOCH
  }
})

test('without SOURCE_DATE_EPOCH, the manuscript\'s date dates both editions', async () => {
  const dates = await datesOf('date: 2022-05-04\n')
  assert.equal(dates.modified, '2022-05-04T00:00:00Z')
  assert.equal(dates.created, '2022-05-04T00:00:00Z')
  assert.equal(dates.changed, '2022-05-04T00:00:00Z')
  assert.equal(dates.date, '2022-05-04')
  assert.match(dates.colophon, /<p>2022-05-04<\/p>/)
})

test('with neither, both editions are dated at the moment of the build', async () => {
  const before = Math.floor(Date.now() / 1000) * 1000
  const dates = await datesOf('')
  const after = Date.now()
  const made = Date.parse(dates.modified)
  assert.ok(made >= before && made <= after, `dcterms:modified ${dates.modified} is not the moment of the build`)
  assert.equal(dates.created, dates.modified, 'the PDF is dated as the EPUB is')
  assert.equal(dates.changed, dates.modified)
  // The writer gave no publication date: none is made up.
  assert.equal(dates.date, undefined)
  assert.doesNotMatch(dates.colophon, /1970/)
})
