/**
 * Faults that say what to do: every fault of a manuscript is exit 1 with
 * file:line:column, a damaged picture included, and one run names the faults
 * of every chapter; an edition that cannot be written is exit 4, found before
 * anything is set; a link's warning points at the link.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { assertNoCrash, placedMessages, stderrLines, writeTree } from '../support/conformance.js'
import { octavoInProcess, tempDir } from '../support/tools.js'
import type { CommandResult } from '../support/tools.js'

const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..')
const fixtures = path.join(root, 'test/fixtures')
const cli = path.join(root, 'bin/octavo.js')

function build(input: string, out: string, extra: readonly string[] = []): Promise<CommandResult> {
  return octavoInProcess(['build', input, '--out', out, ...extra], env)
}

async function filesIn(folder: string): Promise<string[]> {
  return (await readdir(folder).catch(() => [] as string[])).sort()
}

describe('a damaged picture', () => {
  it('is the manuscript’s fault: exit 1 at the line that names it, nothing written, no internal error', async () => {
    const dir = await tempDir('octavo-faults-')
    const png = await readFile(path.join(fixtures, 'images/diagram.png'))
    await writeTree(dir, { 'story.md': '---\ntitle: Story\nlang: en\n---\n\nSome text.\n\n![A diagram](cut.png)\n', 'cut.png': png.subarray(0, 400) })
    const out = path.join(dir, 'dist')
    const result = await build(path.join(dir, 'story.md'), out, ['--quiet'])
    assert.equal(result.code, 1, result.stderr)
    assertNoCrash(result)
    const errors = placedMessages(result).filter((message) => message.severity === 'error')
    assert.deepEqual(
      errors.map(({ file, line, column }) => ({ file, line, column })),
      [{ file: path.join(dir, 'story.md'), line: 8, column: 1 }],
      result.stderr,
    )
    assert.match(errors[0]!.text, /image cut\.png is a damaged PNG file: .*cut short.*export it again/)
    assert.deepEqual(await filesIn(out), [])
  })
})

describe('the faults of every chapter, in one run', () => {
  let result: CommandResult
  let book: string

  before(async () => {
    const dir = await tempDir('octavo-faults-')
    book = path.join(dir, 'book')
    const png = await readFile(path.join(fixtures, 'images/diagram.png'))
    await writeTree(book, {
      'book.yaml': 'title: Faults\nlang: en\n',
      '01-yaml.md': '---\ntitle: [broken\n---\n\n# One\n\nText.\n',
      '02-fine.md': '# Two\n\nNothing wrong here.\n',
      '03-images.md': '# Three\n\n![gone](gone.png)\n\nAnd ![cut](cut.png) inline.\n',
      '04-bytes.md': Buffer.concat([Buffer.from('# Four\n\nBad '), Buffer.from([0xff]), Buffer.from(' byte.\n')]),
      'cut.png': png.subarray(0, 100),
    })
    result = await build(book, path.join(dir, 'dist'), ['--quiet'])
  })

  it('exits 1 and names each fault with its file, line and column, in the order of the chapters', () => {
    assert.equal(result.code, 1, result.stderr)
    assertNoCrash(result)
    const errors = placedMessages(result).filter((message) => message.severity === 'error')
    assert.deepEqual(
      errors.map(({ file, line }) => `${path.basename(file)}:${line}`),
      ['01-yaml.md:2', '03-images.md:3', '03-images.md:5', '04-bytes.md:3'],
      result.stderr,
    )
    assert.match(errors[1]!.text, /image file not found: gone\.png/)
    assert.equal(errors[2]!.column, 5)
    assert.match(errors[2]!.text, /damaged PNG/)
  })

  it('prints every error once, and no line that is neither a message nor a placed one', () => {
    const lines = stderrLines(result)
    assert.equal(new Set(lines).size, lines.length, result.stderr)
    assert.equal(lines.filter((line) => / error: /.test(line)).length, 4, result.stderr)
  })
})

describe('an edition that cannot be written', () => {
  let dir: string
  let story: string

  before(async () => {
    dir = await tempDir('octavo-output-')
    story = path.join(dir, 'story.md')
    await writeFile(story, '---\ntitle: Story\nlang: en\n---\n\nOnce upon a time.\n')
  })

  it('--out naming a file: exit 4 in plain words, before anything is read or set', async () => {
    const file = path.join(dir, 'a-file')
    await writeFile(file, 'not a folder')
    const result = await build(story, file)
    assert.equal(result.code, 4, result.stderr)
    assertNoCrash(result)
    assert.deepEqual(stderrLines(result), [`octavo: cannot write to ${file}: it is a file, not a folder`])
    assert.equal(await readFile(file, 'utf8'), 'not a folder')
  })

  it('--out below a file: exit 4 naming the file in the way', async () => {
    const file = path.join(dir, 'a-file')
    const result = await build(story, path.join(file, 'deeper', 'still'), ['--quiet'])
    assert.equal(result.code, 4, result.stderr)
    assert.deepEqual(stderrLines(result), [`octavo: cannot write to ${file}: it is a file, not a folder`])
  })

  it('a folder where an edition goes: exit 4 naming it, the other edition left as it was', async () => {
    const out = path.join(dir, 'blocked')
    await mkdir(path.join(out, 'story.epub'), { recursive: true })
    await writeFile(path.join(out, 'story.pdf'), 'the previous edition')
    const result = await build(story, out, ['--quiet'])
    assert.equal(result.code, 4, result.stderr)
    assert.deepEqual(stderrLines(result), [`octavo: cannot write to ${path.join(out, 'story.epub')}: a folder of that name stands where the file is to be written`])
    assert.equal(await readFile(path.join(out, 'story.pdf'), 'utf8'), 'the previous edition')
  })

  it('a folder the writer may not write in: exit 4, permission denied', async () => {
    const locked = path.join(dir, 'locked')
    await mkdir(locked, { mode: 0o555 })
    await chmod(locked, 0o555)
    const isRoot = process.getuid?.() === 0
    // Root writes in every folder: the build is then run as \`nobody\`, whom the folder's mode keeps out.
    if (isRoot) await chmod(dir, 0o755)
    const result = isRoot
      ? await new Promise<{ code: number; stderr: string }>((resolve) => {
          execFile(process.execPath, [cli, 'build', story, '--out', locked, '--quiet'], { uid: 65534, gid: 65534 }, (error, _stdout, stderr) =>
            resolve({ code: typeof error?.code === 'number' ? error.code : 0, stderr }),
          )
        })
      : await build(story, locked, ['--quiet'])
    assert.equal(result.code, 4, result.stderr)
    assert.equal(result.stderr, `octavo: cannot write to ${locked}: permission denied\n`)
  })

  it('a folder that does not exist yet is made, and the build succeeds', async () => {
    const out = path.join(dir, 'new', 'nested')
    const result = await build(story, out, ['--quiet', '--format', 'epub'])
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual(await filesIn(out), ['story.epub'])
  })

  it('octavo cover checks its output the same way', async () => {
    const file = path.join(dir, 'a-file')
    const result = await octavoInProcess(['cover', story, '--press', 'kdp', '--out', file, '--quiet'], env)
    assert.equal(result.code, 4, result.stderr)
    assert.deepEqual(stderrLines(result), [`octavo: cannot write to ${file}: it is a file, not a folder`])
  })

  it('--help documents every exit status', async () => {
    const result = await octavoInProcess(['--help'], env)
    for (const status of ['0 published', '1 a manuscript is at fault', '2 the command line is wrong', '3 an internal error', '4 an edition cannot be written']) {
      assert.match(result.stdout.replace(/\s+/g, ' '), new RegExp(status), status)
    }
  })
})

describe('a link’s warning', () => {
  it('points at the link itself, wherever the link stands', async () => {
    const dir = await tempDir('octavo-links-')
    const text = [
      '---',
      'title: Links',
      'lang: en',
      '---',
      '',
      'A paragraph whose link comes late: [late](#nowhere-1).',
      '',
      '- an item, then [listed](#nowhere-2)',
      '',
      '| a | b |',
      '|---|---|',
      '| cell | [in a table](#nowhere-3) |',
      '',
      '## A heading [headed](#nowhere-4)',
      '',
      'First line of a paragraph,',
      'second line with [a second-line link](#nowhere-5) and [a reference][ref].',
      '',
      'Raw HTML: <a href="#nowhere-6">anchor</a>, and a note.[^n]',
      '',
      '[^n]: The note holds [a link](#nowhere-7).',
      '',
      '[ref]: #nowhere-8',
      '',
    ].join('\n')
    await writeFile(path.join(dir, 'links.md'), text)
    const result = await build(path.join(dir, 'links.md'), path.join(dir, 'dist'), ['--quiet', '--format', 'epub'])
    assert.equal(result.code, 0, result.stderr)
    const lines = text.split('\n')
    const warnings = placedMessages(result).filter((message) => /^link to/.test(message.text))
    assert.equal(warnings.length, 8, result.stderr)
    const targets: string[] = []
    for (const warning of warnings) {
      const target = /`(#nowhere-\d)`/.exec(warning.text)![1]!
      targets.push(target)
      // At the column stands the link itself: Markdown's `[text](target)` or `[text][label]`, or raw HTML's `<a href="target">`.
      const at = lines[warning.line - 1]!.slice(warning.column - 1)
      const link = /^\[[^\]]*\]\(([^)]*)\)|^\[[^\]]*\]\[ref\]|^<a href="([^"]*)">/.exec(at)
      assert.ok(link, `${target}: line ${warning.line}, column ${warning.column} is \`${at}\`, not a link`)
      assert.equal(link[1] ?? link[2] ?? '#nowhere-8', target, `${target}: the link at ${warning.line}:${warning.column} is another`)
    }
    assert.deepEqual([...targets].sort(), Array.from({ length: 8 }, (_, index) => `#nowhere-${index + 1}`))
  })
})
