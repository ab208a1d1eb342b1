import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import { bookOf, failure, loadText } from './support.js'

const body = '\nSome text.\n'

test('reads every front-matter key into the metadata', async () => {
  const result = await loadText(
    [
      '---',
      'title: A Title',
      'subtitle: A Subtitle',
      'author: [Ann One, Bob Two]',
      'lang: fr-CA',
      'date: 2021-06-30',
      'publisher: A Press',
      'description: What it is about.',
      'subject: Essays',
      'rights: CC BY 4.0',
      'identifier: urn:isbn:9780000000001',
      '---',
      body,
    ].join('\n'),
  )
  const { metadata } = bookOf(result)
  assert.deepEqual(metadata, {
    title: 'A Title',
    subtitle: 'A Subtitle',
    authors: ['Ann One', 'Bob Two'],
    lang: 'fr-CA',
    date: '2021-06-30',
    publisher: 'A Press',
    description: 'What it is about.',
    subjects: ['Essays'],
    rights: 'CC BY 4.0',
    identifier: 'urn:isbn:9780000000001',
    modified: '2021-06-30T00:00:00Z',
  })
  assert.deepEqual(result.warnings, [])
})

test('a single author is a list of one; no author and no date are valid', async () => {
  const one = bookOf(await loadText(`---\ntitle: T\nauthor: Solo Writer\nlang: en\n---\n${body}`))
  assert.deepEqual(one.metadata.authors, ['Solo Writer'])
  const none = await loadText(`---\ntitle: T\nlang: en\n---\n${body}`)
  assert.deepEqual(bookOf(none).metadata.authors, [])
  assert.equal(bookOf(none).metadata.date, undefined)
  assert.deepEqual(none.warnings, [])
})

test('a wrong type fails at the line and column of the value', async () => {
  const result = await loadText(`---\nlang: en\ntitle: [1, 2]\n---\n${body}`)
  const message = failure(result)
  assert.match(message, /book\.md:3:8: error: `title` must be a single value, not a list/)
})

test('invalid YAML fails with the line and column in the file, past the opening ---', async () => {
  const nested = await loadText(`---\nlang: en\ntitle: a: b\n---\n${body}`)
  assert.match(failure(nested), /book\.md:3:8: error: invalid YAML: Nested mappings are not allowed/)
  // An unclosed quote is found where the YAML ends: the last line of the front matter.
  const unclosed = await loadText(`---\ntitle: Fine\nauthor: "unclosed\nlang: en\n---\n${body}`)
  assert.match(failure(unclosed), /book\.md:4:\d+: error: invalid YAML: Missing closing "quote/)
})

test('a repeated key fails at its second appearance', async () => {
  const result = await loadText(`---\ntitle: One\nlang: en\ntitle: Two\n---\n${body}`)
  assert.match(failure(result), /book\.md:4:1: error: invalid YAML: .*unique/i)
})

test('front matter that is not a mapping fails', async () => {
  const result = await loadText(`---\n- just\n- a list\n---\n${body}`)
  assert.match(failure(result), /book\.md:2:1: error: front matter must be/)
})

test('an unknown key is a warning with its line, and the build goes on', async () => {
  const result = await loadText(`---\ntitle: T\nlang: en\nauthors: Someone\ncolour: blue\n---\n${body}`)
  const book = bookOf(result)
  assert.equal(book.metadata.title, 'T')
  assert.equal(result.warnings.length, 2)
  assert.match(result.warnings[0]!, /book\.md:4:1: warning: unknown front-matter key `authors` \(did you mean `author`\?\)/)
  assert.match(result.warnings[1]!, /book\.md:5:1: warning: unknown front-matter key `colour`: ignored/)
})

test('numbers and other plain scalars keep their written text', async () => {
  const book = bookOf(await loadText(`---\ntitle: 1984\nlang: en\ndate: 2020\nidentifier: 0123\n---\n${body}`))
  assert.equal(book.metadata.title, '1984')
  assert.equal(book.metadata.date, '2020')
  assert.equal(book.metadata.identifier, '0123')
  assert.equal(book.metadata.modified, '2020-01-01T00:00:00Z')
})

test('an empty value is ignored with a warning', async () => {
  const result = await loadText(`---\ntitle:\nlang: en\n---\n# Heading\n${body}`)
  assert.equal(bookOf(result).metadata.title, 'Heading')
  assert.match(result.warnings.join('\n'), /book\.md:2:\d+: warning: `title` is empty: ignored/)
})

test('a missing title falls back to the first heading, then to the file name', async () => {
  const fromHeading = await loadText(`---\nlang: en\n---\nIntro.\n\n## The *First* Heading\n\n# Second\n`)
  assert.equal(bookOf(fromHeading).metadata.title, 'The First Heading')
  const fromName = await loadText('No heading here.\n', {}, 'my-essay.md')
  assert.equal(bookOf(fromName).metadata.title, 'my-essay')
  assert.equal(path.basename(fromName.file), 'my-essay.md')
})

test('a missing lang is English, with one warning', async () => {
  const result = await loadText(`---\ntitle: T\n---\n${body}`)
  assert.equal(bookOf(result).metadata.lang, 'en')
  assert.equal(result.warnings.length, 1)
  assert.match(result.warnings[0]!, /book\.md:1:1: warning: no `lang` given: assuming `en`/)
})

test('a lang that is no language tag fails at its value', async () => {
  const result = await loadText(`---\ntitle: T\nlang: English please\n---\n${body}`)
  assert.match(failure(result), /book\.md:3:7: error: `lang` must be a BCP 47 language tag/)
})

test('a date that is no ISO 8601 date fails at its value', async () => {
  assert.match(failure(await loadText(`---\nlang: en\ndate: 2024-13-01\n---\n${body}`)), /book\.md:3:7: error: `date` must be an ISO 8601 date/)
  assert.match(failure(await loadText(`---\nlang: en\ndate: last Tuesday\n---\n${body}`)), /book\.md:3:7: error: `date`/)
  assert.match(failure(await loadText(`---\nlang: en\ndate: 2023-02-29\n---\n${body}`)), /`date`/)
})

test('modified: SOURCE_DATE_EPOCH first, then the date, then the moment of the build', async () => {
  const dated = `---\nlang: en\ndate: 2022-05-04T10:30:00+02:00\n---\n${body}`
  assert.equal(bookOf(await loadText(dated)).metadata.modified, '2022-05-04T08:30:00Z')
  assert.equal(bookOf(await loadText(dated, { sourceDateEpoch: '1700000000' })).metadata.modified, '2023-11-14T22:13:20Z')
  const undated = `---\nlang: en\n---\n${body}`
  assert.equal(bookOf(await loadText(undated, { sourceDateEpoch: '1700000000' })).metadata.modified, '2023-11-14T22:13:20Z')
  // Undated and without SOURCE_DATE_EPOCH: the build's own moment, to the second.
  for (const options of [{}, { sourceDateEpoch: undefined }, { sourceDateEpoch: ' ' }]) {
    const before = Math.floor(Date.now() / 1000) * 1000
    const modified = bookOf(await loadText(undated, options)).metadata.modified
    const after = Date.now()
    assert.match(modified, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    assert.ok(Date.parse(modified) >= before && Date.parse(modified) <= after, `${modified} is not the moment of the build`)
  }

  const bad = await loadText(dated, { sourceDateEpoch: 'yesterday' })
  assert.equal(bookOf(bad).metadata.modified, '2022-05-04T08:30:00Z')
  assert.match(bad.warnings.join('\n'), /SOURCE_DATE_EPOCH="yesterday" is not a number of seconds/)
})

test('titles and descriptions get the same smart punctuation as the text; names and identifiers do not', async () => {
  const book = bookOf(
    await loadText(`---\ntitle: "Don't -- stop"\nsubtitle: "'Quoted' words..."\ndescription: 'A "short" one.'\nauthor: "O'Brien"\nidentifier: "urn:x:a--b"\nlang: en\n---\n${body}`),
  )
  assert.equal(book.metadata.title, 'Don’t – stop')
  assert.equal(book.metadata.subtitle, '‘Quoted’ words…')
  assert.equal(book.metadata.description, 'A “short” one.')
  assert.deepEqual(book.metadata.authors, ["O'Brien"])
  assert.equal(book.metadata.identifier, 'urn:x:a--b')
})
