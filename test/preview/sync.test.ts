/**
 * The preview's panes are carried one to the other through the pages' knots:
 * a page's top to its marker, and in proportion between two of them.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { carry, knotsBetween, pageAt } from '../../src/preview/sync.js'

describe('keeping the preview\'s panes in step', () => {
  // Pages 3 and 5 have markers; the print pane scrolls to 1000, the reader pane to 600.
  const knots = knotsBetween([{ print: 200, reader: 100 }, { print: 600, reader: 400 }], 1000, 600)

  it('carries a page\'s top to its marker, and back', () => {
    assert.equal(carry(knots, 200, 'print'), 100)
    assert.equal(carry(knots, 600, 'print'), 400)
    assert.equal(carry(knots, 400, 'reader'), 600)
  })

  it('carries a place between two pages in proportion', () => {
    assert.equal(carry(knots, 400, 'print'), 250)
    assert.equal(carry(knots, 250, 'reader'), 400)
    assert.equal(carry(knots, 800, 'print'), 500)
    assert.equal(carry(knots, 100, 'print'), 50, 'before the first marker: from the panes\' tops')
  })

  it('keeps a position within the panes past their ends', () => {
    assert.equal(carry(knots, 5000, 'print'), 600)
    assert.equal(carry(knots, -20, 'reader'), 0)
  })

  it('leaves out a knot that would make the mapping run backwards', () => {
    const kept = knotsBetween([{ print: 200, reader: 300 }, { print: 400, reader: 250 }, { print: 600, reader: 500 }], 800, 700)
    assert.deepEqual(kept, [{ print: 0, reader: 0 }, { print: 200, reader: 300 }, { print: 600, reader: 500 }, { print: 800, reader: 700 }])
  })

  it('names the page at the top of the print pane', () => {
    const tops = [0, 500, 1000]
    assert.equal(pageAt(tops, 0), 1)
    assert.equal(pageAt(tops, 499), 1)
    assert.equal(pageAt(tops, 500), 2)
    assert.equal(pageAt(tops, 4000), 3)
  })
})
