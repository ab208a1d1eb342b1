/**
 * The index's groups by the book's language: a letter's accented and joined
 * forms under the letter they are sorted with (É under E, Œ under O, Æ under
 * A; Ä under A in German), terms starting with a sign, then those starting
 * with a digit, first, under the language's words for them.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildIndex } from '../../src/model/index-entries.js'
import { loadText } from '../load/support.js'

const terms = ['Émile', 'Œuvre', 'Ædificium', 'Ärger', 'Zèbre', 'apple', 'Orange', 'écluse', '42nd Street', '3D', '@home', '§ 12', 'œil', 'Ångström']

async function groupsIn(lang: string): Promise<Array<[string, string[]]>> {
  const text = ['---', 'title: Groups', `lang: ${lang}`, '---', '', ...terms.map((term) => `A line :index[${term}] here.\n`)].join('\n')
  const { book, messages } = await loadText(text)
  assert.ok(book, messages.join('\n'))
  return buildIndex(book).groups.map((group) => [group.label, group.entries.map((entry) => entry.term)])
}

describe('the index\'s letter groups', () => {
  it('in English, puts É under E, Œ under O, Æ and Å under A, signs then digits first', async () => {
    const groups = new Map(await groupsIn('en'))
    assert.deepEqual([...groups.keys()], ['Symbols', 'Numbers', 'A', 'E', 'O', 'Z'])
    assert.deepEqual(new Set(groups.get('Symbols')), new Set(['@home', '§ 12']))
    assert.deepEqual(groups.get('Numbers'), ['3D', '42nd Street'])
    assert.deepEqual(new Set(groups.get('A')), new Set(['Ædificium', 'Ärger', 'apple', 'Ångström']))
    assert.deepEqual(new Set(groups.get('E')), new Set(['Émile', 'écluse']))
    assert.deepEqual(new Set(groups.get('O')), new Set(['Œuvre', 'Orange', 'œil']))
  })

  it('in French, with the French words for signs and numbers', async () => {
    const groups = new Map(await groupsIn('fr'))
    assert.deepEqual([...groups.keys()], ['Symboles', 'Nombres', 'A', 'E', 'O', 'Z'])
    assert.deepEqual(new Set(groups.get('O')), new Set(['Œuvre', 'Orange', 'œil']))
    assert.deepEqual(new Set(groups.get('A')), new Set(['Ædificium', 'Ärger', 'apple', 'Ångström']))
  })

  it('in German, puts Ä under A', async () => {
    const groups = new Map(await groupsIn('de'))
    assert.deepEqual([...groups.keys()], ['Symbole', 'Zahlen', 'A', 'E', 'O', 'Z'])
    assert.ok(groups.get('A')!.includes('Ärger'))
  })
})
