/**
 * The printed index's rows cut into pages of columns: full columns but on
 * the last page, whose columns are balanced; a letter's heading never alone
 * at a column's foot; an entry's continued lines never opening a column; no
 * white at a column's head or foot.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { columnsOfPages, type IndexRow } from '../../src/pdf/compose/book-index.js'

/** Rows from a pattern: `L` a letter's heading, `e` an entry's first line, `+` a continued line, `_` white. */
function rows(pattern: string): IndexRow[] {
  return [...pattern].map((sign) => ({ kind: sign === 'L' ? 'letter' : sign === '_' ? 'space' : 'line', drawings: [], continues: sign === '+' }))
}

function pattern(columns: readonly IndexRow[][]): string[] {
  return columns.map((column) => column.map((row) => (row.kind === 'letter' ? 'L' : row.kind === 'space' ? '_' : row.continues ? '+' : 'e')).join(''))
}

describe('the index in columns', () => {
  it('fills each page\'s columns and balances the last page\'s', () => {
    const all = rows('Leeeeeeee_Leeeeeeee_Leeeeeeee')
    const pages = columnsOfPages(all, 2, 10, 10)
    assert.deepEqual(pages.map(pattern), [['Leeeeeeee', 'Leeeeeeee'], ['Leeee', 'eeee']])
  })

  it('never leaves a letter\'s heading alone at a column\'s foot, nor opens a column with a continued line', () => {
    for (let capacity = 4; capacity <= 12; capacity++) {
      const all = rows('Le+e+e_Leee+e_Le++ee_Le_Lee+eee+e_Leeee')
      for (const page of columnsOfPages(all, 2, capacity, capacity)) {
        for (const column of page) {
          const signs = pattern([column])[0]!
          assert.ok(column.length <= capacity, `${signs} holds at most ${capacity}`)
          assert.ok(!signs.endsWith('L'), `${signs} ends with a heading`)
          assert.ok(!signs.startsWith('+') && !signs.startsWith('_') && !signs.endsWith('_'), `${signs} opens or ends badly`)
        }
      }
    }
  })

  it('loses no row but the white at the columns\' edges', () => {
    const all = rows('Le+e+e_Leee+e_Le++ee_Le_Lee+eee+e_Leeee')
    const kept = columnsOfPages(all, 2, 6, 7).flat(2)
    assert.deepEqual(kept, all.filter((row) => kept.includes(row)))
    assert.equal(kept.filter((row) => row.kind !== 'space').length, all.filter((row) => row.kind !== 'space').length)
  })

  it('starts the first page\'s columns lower, under the title', () => {
    const pages = columnsOfPages(rows('Leeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee'), 2, 5, 20)
    assert.ok(pages[0]!.every((column) => column.length <= 5))
    assert.ok(pages[1]!.some((column) => column.length > 5))
  })
})
