import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extendTheme } from '../../src/theme/extend.js'
import { defaultTheme } from '../../src/theme/index.js'

describe('extendTheme', () => {
  it('merges objects key by key and leaves the base unchanged', () => {
    const before = JSON.stringify(defaultTheme)
    const theme = extendTheme(defaultTheme, { size: 11, colours: { heading: '#123456' }, roles: { h1: { scale: 2 } } })
    assert.equal(theme.size, 11)
    assert.equal(theme.colours.heading, '#123456')
    assert.equal(theme.colours.link, defaultTheme.colours.link)
    assert.equal(theme.roles.h1.scale, 2)
    assert.equal(theme.roles.h1.bold, defaultTheme.roles.h1.bold)
    assert.equal(theme.roles.h2, defaultTheme.roles.h2)
    assert.equal(JSON.stringify(defaultTheme), before)
  })

  it('replaces lists whole', () => {
    const only = defaultTheme.fallbacks.slice(0, 1)
    const theme = extendTheme(defaultTheme, { fallbacks: only, tables: { smallerScales: [0.9] } })
    assert.deepEqual(theme.fallbacks, only)
    assert.deepEqual(theme.tables.smallerScales, [0.9])
  })
})
