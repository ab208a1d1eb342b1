import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { Diagnostics, formatMessage } from '../../src/diagnostics.js'
import { bookSetting } from '../../src/load/book-theme.js'
import { loadManuscript } from '../../src/load/index.js'
import { defaultTheme } from '../../src/theme/index.js'
import { manuscriptFolder } from './support.js'

/** What a manuscript asks to be set in, and what a build takes with the command line's `choices`. */
async function settle(input: string, choices: { page?: 'a5' | 'a4' | 'letter' | '6x9' } = {}) {
  const diag = new Diagnostics()
  const { settings } = await loadManuscript(input, diag)
  const chosen = await bookSetting(undefined, choices, settings, diag)
  return { settings, ...chosen, messages: diag.messages.map(formatMessage) }
}

describe('a manuscript’s theme, page and toc', () => {
  it('are read from a single file’s front matter, no longer ignored', async () => {
    const folder = await manuscriptFolder({ 'essay.md': '---\ntitle: Essay\nlang: en\npage: letter\ntoc: 2\ntheme: default\n---\n\nText.\n' })
    const { settings, theme, page, messages } = await settle(path.join(folder, 'essay.md'))
    assert.deepEqual(messages, [])
    assert.equal(settings.page, 'letter')
    assert.equal(page, 'letter')
    assert.equal(theme.tocDepth, 2)
    assert.deepEqual({ ...theme, tocDepth: defaultTheme.tocDepth }, defaultTheme)
  })

  it('keep the theme’s own depth for `toc: true`, and the command line’s page over the manuscript’s', async () => {
    const folder = await manuscriptFolder({ 'essay.md': '---\ntitle: Essay\nlang: en\npage: letter\ntoc: true\n---\n\nText.\n' })
    const { theme, page } = await settle(path.join(folder, 'essay.md'), { page: 'a4' })
    assert.equal(page, 'a4')
    assert.equal(theme, defaultTheme)
  })

  it('are read from book.yaml, a theme file relative to it', async () => {
    const folder = await manuscriptFolder({
      'book.yaml': 'title: A Book\nlang: en\npage: 6x9\ntheme: look/mine.yaml\n',
      'look/mine.yaml': 'extends: default\nsize: 11.5\n',
      'one.md': '# One\n\nText.\n',
    })
    const { theme, page, messages } = await settle(folder)
    assert.deepEqual(messages, [])
    assert.equal(page, '6x9')
    assert.equal(theme.size, 11.5)
    assert.equal(theme.name, 'mine')
  })

  it('are read from book.toml’s [book] table', async () => {
    const folder = await manuscriptFolder({
      'book.toml': '[book]\ntitle = "A Book"\nlanguage = "en"\npage = "a4"\ntoc = 1\n',
      'src/SUMMARY.md': '# Summary\n\n- [One](one.md)\n',
      'src/one.md': '# One\n\nText.\n',
    })
    const { theme, page, messages } = await settle(folder)
    assert.deepEqual(messages, [])
    assert.equal(page, 'a4')
    assert.equal(theme.tocDepth, 1)
  })

  it('warn that `toc: false` leaves the contents in', async () => {
    const folder = await manuscriptFolder({ 'essay.md': '---\ntitle: Essay\nlang: en\ntoc: false\n---\n\nText.\n' })
    const { theme, messages } = await settle(path.join(folder, 'essay.md'))
    assert.equal(theme, defaultTheme)
    assert.equal(messages.length, 1)
    assert.match(messages[0]!, /essay\.md:4:6: warning: `toc: false`: both editions keep their contents/)
  })

  it('keep a theme file the book names inside the book’s folder', async () => {
    const folder = await manuscriptFolder({ 'book/book.yaml': 'title: A Book\nlang: en\ntheme: ../outside.yaml\n', 'book/one.md': '# One\n\nText.\n', 'outside.yaml': 'size: 12\n' })
    const diag = new Diagnostics()
    const { settings } = await loadManuscript(path.join(folder, 'book'), diag)
    await assert.rejects(bookSetting(undefined, {}, settings, diag))
    assert.match(formatMessage(diag.messages.at(-1)!), /outside\.yaml: error: theme file .*outside\.yaml is outside the book's folder/)
  })
})
