import assert from 'node:assert/strict'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, it } from 'node:test'
import { main } from '../../src/cli.js'
import { Diagnostics } from '../../src/diagnostics.js'
import { loadThemeFile } from '../../src/load/theme-file.js'
import { themes } from '../../src/theme/index.js'
import { octavo, octavoInProcess, root, tempDir } from '../support/tools.js'

describe('octavo command line', () => {
  it('prints usage for --help and exits 0', async () => {
    const result = await octavo(['--help'])
    assert.equal(result.code, 0)
    assert.match(result.stdout, /^Usage: octavo build <input>\.\.\./)
    assert.match(result.stdout, /--page SIZE/)
  })

  it('prints the package version for --version', async () => {
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }
    const result = await octavo(['--version'])
    assert.equal(result.code, 0)
    assert.equal(result.stdout.trim(), `octavo ${manifest.version}`)
  })

  for (const [label, args, pattern] of [
    ['no command', [], /missing command/],
    ['an unknown command', ['publish', 'x.md'], /unknown command 'publish'/],
    ['no input', ['build'], /missing input/],
    ['an unknown option', ['build', 'x.md', '--colour'], /Unknown option '--colour'/],
    ['an unknown format', ['build', 'x.md', '--format', 'mobi'], /unknown format 'mobi'/],
    ['an unknown page size', ['build', 'x.md', '--page', 'a3'], /unknown page size 'a3'/],
    ['an unknown theme', ['build', 'x.md', '--theme', 'gothic'], /unknown theme 'gothic'/],
  ] as const) {
    it(`exits 2 with a one-line reason for ${label}`, async () => {
      const result = await octavo([...args])
      assert.equal(result.code, 2)
      assert.match(result.stderr, pattern)
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace')
    })
  }

  it('refuses two inputs that would write the same editions, before anything is written', async () => {
    const folder = await tempDir()
    const out = path.join(folder, 'out')
    await mkdir(path.join(folder, 'a'))
    await mkdir(path.join(folder, 'b'))
    await writeFile(path.join(folder, 'a/notes.md'), '# Notes\n\nOne.\n')
    await writeFile(path.join(folder, 'b/Notes.md'), '# Notes\n\nTwo.\n')
    await writeFile(path.join(folder, 'c.md'), '# C\n\nThree.\n')
    const stderr = new PassThrough()
    let text = ''
    stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
    const code = await main(['build', path.join(folder, 'c.md'), path.join(folder, 'a/notes.md'), path.join(folder, 'b/Notes.md'), '--out', out, '--quiet'], new PassThrough(), stderr)
    assert.equal(code, 2)
    assert.match(text, /a\/notes\.md and .*b\/Notes\.md would both be published as .*out\/Notes\.epub and \.pdf/)
    assert.equal(text.trim().split('\n').length, 1, 'one line')
    assert.deepEqual(await readdir(out).catch(() => []), [], 'not even the first input is built')
  })

  it('exits 1 naming a manuscript that does not exist, and writes nothing', async () => {
    const out = await tempDir()
    const result = await octavo(['build', 'no/such/book.md', '--out', out])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /no\/such\/book\.md/)
    assert.doesNotMatch(result.stderr, /\n\s+at /)
  })

  it('lists the built-in themes with their descriptions and faces', async () => {
    const result = await octavoInProcess(['themes'])
    assert.equal(result.code, 0, result.stderr)
    for (const [name, theme] of Object.entries(themes)) {
      const families = [...new Set(Object.values(theme.fonts).map((font) => font.family))].join(', ')
      assert.ok(result.stdout.includes(`${name}\n  ${theme.description}\n  faces: ${families}\n`), result.stdout)
    }
  })

  it('writes a built-in theme out as a theme file that builds as the theme does', async () => {
    const result = await octavoInProcess(['themes', 'default'])
    assert.equal(result.code, 0, result.stderr)
    const dir = await tempDir()
    await writeFile(path.join(dir, 'mine.yaml'), result.stdout)
    const diag = new Diagnostics()
    assert.deepEqual(await loadThemeFile(path.join(dir, 'mine.yaml'), 'mine.yaml', diag), themes.default)
    assert.deepEqual(diag.messages, [])
  })

  it('exits 2 for a theme `octavo themes` does not know', async () => {
    const result = await octavoInProcess(['themes', 'gothic'])
    assert.equal(result.code, 2)
    assert.match(result.stderr, /unknown theme 'gothic' \(expected default/)
  })

  it('reports a manuscript error as file:line:column and keeps the previous editions', async () => {
    const dir = await tempDir()
    const good = path.join(dir, 'story.md')
    await writeFile(good, '---\ntitle: A story\n---\n\nOnce upon a time.\n')
    assert.equal((await octavo(['build', good, '--out', dir, '--quiet'])).code, 0)
    const before = await readFile(path.join(dir, 'story.pdf'))

    await writeFile(good, '---\ntitle: [1, 2]\n---\n\nOnce upon a time.\n')
    const result = await octavo(['build', good, '--out', dir])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /story\.md:2:\d+: error: /)
    assert.deepEqual(await readFile(path.join(dir, 'story.pdf')), before, 'the earlier PDF is untouched')
  })
})
