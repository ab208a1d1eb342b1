import assert from 'node:assert/strict'
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, it } from 'node:test'
import { Diagnostics, formatMessage, ManuscriptError } from '../../src/diagnostics.js'
import { loadThemeFile } from '../../src/load/theme-file.js'
import { defaultTheme, extendTheme, isLocalFont, themes, type Theme } from '../../src/theme/index.js'
import { leafPaths, ruleAt, themeShape } from '../../src/theme/schema.js'
import { themeFile } from '../../src/theme/write.js'
import { root, tempDir } from '../support/tools.js'

const fixtures = path.join(root, 'test/fixtures/theme-file')

/** A theme file written to a fresh folder (with the fixture's fonts beside it), and what loading it gives. */
async function load(text: string, name = 'press.yaml'): Promise<{ theme?: Theme; messages: string[]; file: string }> {
  const folder = await tempDir('octavo-theme-')
  for (const font of ['SourceSerif4-Regular.ttf', 'SourceSerif4-Italic.woff2', 'SourceSerif4-Bold.ttf', 'SourceSerif4-BoldItalic.woff2']) {
    await copyFile(path.join(fixtures, font), path.join(folder, font))
  }
  const file = path.join(folder, name)
  await writeFile(file, text)
  const diag = new Diagnostics()
  try {
    const theme = await loadThemeFile(file, name, diag)
    return { theme, messages: diag.messages.map(formatMessage), file }
  } catch (error) {
    if (!(error instanceof ManuscriptError)) throw error
    return { messages: diag.messages.map(formatMessage), file }
  }
}

/** The one error loading `text` gives. */
async function failure(text: string, name?: string): Promise<string> {
  const { theme, messages } = await load(text, name)
  assert.equal(theme, undefined, 'the theme is refused')
  const errors = messages.filter((message) => message.includes(': error: '))
  assert.equal(errors.length, 1, messages.join('\n'))
  return errors[0]!
}

describe('theme files', () => {
  it('extends a built-in theme with what the file changes, objects merged and the rest kept', async () => {
    const { theme, messages } = await load('extends: default\nsize: 11\ncolours:\n  heading: "#6b2f1a"\nroles:\n  h1:\n    align: center\n')
    assert.deepEqual(messages, [])
    assert.deepEqual(theme, { ...extendTheme(defaultTheme, { size: 11, colours: { heading: '#6b2f1a' }, roles: { h1: { align: 'center' } } }), name: 'press' })
  })

  it('extends the default theme when it names none, and reads JSON as well as YAML', async () => {
    const { theme, messages } = await load('{"leading": 1.5, "tables": {"smallerScales": [0.85]}}', 'mine.json')
    assert.deepEqual(messages, [])
    assert.equal(theme!.leading, 1.5)
    assert.deepEqual(theme!.tables.smallerScales, [0.85])
    assert.equal(theme!.name, 'mine')
    assert.deepEqual(theme!.roles, defaultTheme.roles)
  })

  it('reads family, weight, style and licence from the writer’s own font files, TrueType and WOFF2', async () => {
    const { theme, messages, file } = await load(
      'fonts:\n  text:\n    file: ./SourceSerif4-Regular.ttf\n  textItalic:\n    file: ./SourceSerif4-Italic.woff2\n  textBold:\n    file: SourceSerif4-Bold.ttf\n  textBoldItalic:\n    file: ./SourceSerif4-BoldItalic.woff2\n    family: My Serif\n',
    )
    assert.deepEqual(messages.filter((message) => !message.includes('different families')), [])
    const { text, textItalic, textBold, textBoldItalic } = theme!.fonts
    for (const [font, weight, style] of [[text, 400, 'normal'], [textItalic, 400, 'italic'], [textBold, 700, 'normal'], [textBoldItalic, 700, 'italic']] as const) {
      assert.ok(isLocalFont(font), 'a file of the writer’s own, with no package kept from the base')
      assert.equal(font.weight, weight)
      assert.equal(font.style, style)
      assert.equal(font.license, 'OFL-1.1', 'the name table’s licence description is the SIL OFL 1.1')
      assert.match(font.sha256, /^[0-9a-f]{64}$/)
      assert.equal(path.dirname(font.path), path.dirname(file))
      assert.equal('package' in font, false)
    }
    assert.equal(text.family, 'Source Serif 4')
    assert.equal(textBoldItalic.family, 'My Serif', 'what the theme gives wins over the font’s tables')
    assert.deepEqual(theme!.fonts.mono, defaultTheme.fonts.mono)
  })

  it('takes a font from another package, given whole', async () => {
    const { theme } = await load('fonts:\n  text: { family: Source Serif 4, weight: 400, style: normal, license: OFL-1.1, package: "@expo-google-fonts/source-serif-4", file: 400Regular/SourceSerif4_400Regular.ttf }\n')
    assert.deepEqual(theme!.fonts.text, { family: 'Source Serif 4', weight: 400, style: 'normal', license: 'OFL-1.1', package: '@expo-google-fonts/source-serif-4', file: '400Regular/SourceSerif4_400Regular.ttf' })
  })

  it('warns when the four text faces are not of one family', async () => {
    const { theme, messages } = await load('fonts:\n  text:\n    file: ./SourceSerif4-Regular.ttf\n')
    assert.ok(theme)
    assert.equal(messages.length, 1)
    assert.match(messages[0]!, /^press\.yaml:3:5: warning: the text faces are of different families \(text in Source Serif 4; textItalic, textBold, textBoldItalic in Literata\)/)
  })

  it('is a built-in theme written out: every built-in theme loads back the same', async () => {
    for (const [name, builtIn] of Object.entries(themes)) {
      const { theme, messages } = await load(themeFile(builtIn), `${name}.yaml`)
      assert.deepEqual(messages, [], name)
      assert.deepEqual(theme, builtIn, name)
    }
  })

  const errors: Array<[string, string, RegExp]> = [
    ['a misspelt key', 'colours:\n  headng: "#000000"\n', /^press\.yaml:2:3: error: unknown key `headng` in `colours` \(did you mean `heading`\?\); allowed here: text, heading, link, muted, rule, codeBackground, mark$/],
    ['an unknown top-level key', 'extends: default\nfont-size: 11\n', /^press\.yaml:2:1: error: unknown theme key `font-size`; allowed here: extends, name, description, fonts, .*size/],
    ['a value outside an enumeration', 'roles:\n  h1:\n    align: centre\n', /^press\.yaml:3:12: error: `roles\.h1\.align` must be one of justify, left, center, right, not the text `centre` \(did you mean `center`\?\)$/],
    ['a colour name a role cannot take', 'roles:\n  body:\n    colour: red\n', /^press\.yaml:3:13: error: `roles\.body\.colour` must be one of text, heading, link, muted, rule, codeBackground, mark, not the text `red`$/],
    ['text where a number goes', 'size: big\n', /^press\.yaml:1:7: error: `size` must be a number greater than 0, not the text `big`$/],
    ['a size that is not positive', 'size: 0\n', /^press\.yaml:1:7: error: `size` must be a number greater than 0, not `0`$/],
    ['a negative margin', 'margins:\n  a5:\n    top: -3\n', /^press\.yaml:3:10: error: `margins\.a5\.top` must be a number, 0 or more, not `-3`$/],
    ['a depth out of range', 'tocDepth: 9\n', /^press\.yaml:1:11: error: `tocDepth` must be one of 1, 2, 3, 4, 5, 6, not `9`$/],
    ['a mapping where a number goes', 'leading:\n  body: 1.4\n', /^press\.yaml:2:3: error: `leading` must be a number greater than 0, not a mapping$/],
    ['a number where a mapping goes', 'roles:\n  h1: 3\n', /^press\.yaml:2:7: error: `roles\.h1` must be a mapping of scale, .*, not `3`$/],
    ['a colour not written #rrggbb', 'colours:\n  link: blue\n', /^press\.yaml:2:9: error: `colours\.link` must be a colour written #rrggbb \(such as #1a1a1a\), not the text `blue`$/],
    ['a list item out of range', 'tables:\n  smallerScales: [0.8, 0]\n', /^press\.yaml:2:24: error: `tables\.smallerScales\[1\]` must be a number greater than 0, not `0`$/],
    ['a boolean that is not one', 'roles:\n  h2:\n    bold: yes please\n', /^press\.yaml:3:11: error: `roles\.h2\.bold` must be true or false, not the text `yes please`$/],
    ['a key with no value', 'size:\n', /^press\.yaml:1:6: error: `size` has no value: give a number greater than 0$/],
    ['a built-in theme that does not exist', 'extends: clasic\n', /^press\.yaml:1:10: error: `extends`: no built-in theme `clasic`; the built-in themes are default/],
    ['a font file that is not there', 'fonts:\n  text:\n    file: ./Missing.ttf\n', /^press\.yaml:3:11: error: cannot read the font file \.\/Missing\.ttf \(no such file\)$/],
    ['a file that is not a font', 'fonts:\n  text:\n    file: ./press.ttf\n', /^press\.yaml:3:11: error: cannot read the font file|is not a TrueType, OpenType or WOFF2 font/],
    ['a font of another format', 'fonts:\n  text:\n    file: ./MyFace.pfb\n', /^press\.yaml:3:11: error: `\.\/MyFace\.pfb` is not a font file Octavo reads: give a \.ttf, \.otf or \.woff2 file$/],
    ['a fallback face with no file', 'fallbacks:\n  - family: Noto\n', /^press\.yaml:2:5: error: `fallbacks\[0\]`: a fallback face names its font/],
    ['a package that is a path', 'fonts:\n  text: { family: X, weight: 400, style: normal, license: OFL-1.1, package: ../../etc, file: passwd.ttf }\n', /^press\.yaml:2:77: error: `\.\.\/\.\.\/etc` is not the name of an npm package$/],
    ['a package file outside the package', 'fonts:\n  text: { family: X, weight: 400, style: normal, license: OFL-1.1, package: "@expo-google-fonts/literata", file: ../../x.ttf }\n', /^press\.yaml:2:\d+: error: `\.\.\/\.\.\/x\.ttf` is not a path inside the package `@expo-google-fonts\/literata`$/],
    ['a package font missing its family', 'fonts:\n  text: { package: "@expo-google-fonts/literata", file: 400Regular/Literata_400Regular.ttf }\n', /^press\.yaml:2:9: error: `fonts\.text`: a font from a package states its family, weight, style, license too$/],
    ['invalid YAML', 'size: [11\n', /^press\.yaml:\d+:\d+: error: invalid YAML: /],
  ]
  for (const [label, text, expected] of errors) {
    it(`fails at the file's line and column for ${label}, naming what is allowed`, async () => {
      assert.match(await failure(text), expected)
    })
  }

  it('refuses a file that is not a font though named like one', async () => {
    const folder = await tempDir('octavo-theme-')
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'Fake.ttf'), 'not a font at all')
    await writeFile(path.join(folder, 'press.yaml'), 'fonts:\n  text:\n    file: ./Fake.ttf\n')
    const diag = new Diagnostics()
    await assert.rejects(loadThemeFile(path.join(folder, 'press.yaml'), 'press.yaml', diag), ManuscriptError)
    assert.match(formatMessage(diag.messages[0]!), /^press\.yaml:3:11: error: \.\/Fake\.ttf is not a TrueType, OpenType or WOFF2 font$/)
  })

  it('keeps a theme the book names, and its fonts, inside the book’s folder', async () => {
    const { file } = await load('fonts:\n  text:\n    file: ../../elsewhere/Face.ttf\n')
    const diag = new Diagnostics()
    await assert.rejects(loadThemeFile(file, 'press.yaml', diag, { root: path.dirname(file) }), ManuscriptError)
    assert.match(formatMessage(diag.messages[0]!), /^press\.yaml:3:11: error: font file \.\.\/\.\.\/elsewhere\/Face\.ttf is outside the book's folder$/)
  })
})

describe('the theme’s shape', () => {
  it('covers every leaf key of every built-in theme, each with a rule', () => {
    const shape = themeShape()
    for (const theme of Object.values(themes)) {
      for (const leaf of leafPaths(theme)) {
        let at = shape
        for (const key of leaf.split('.')) {
          if (at.kind === 'list') at = at.item
          else if (at.kind === 'map' || at.kind === 'font') {
            const child = at.keys.get(key)
            assert.ok(child, `${leaf}: ${key} is a theme key`)
            at = child
          } else assert.fail(`${leaf}: ${key} under a leaf`)
        }
        assert.equal(at.kind, 'leaf', leaf)
        const value = leaf.split('.').reduce<unknown>((object, key) => (key === '*' ? (object as unknown[])[0] : (object as Record<string, unknown>)[key]), theme)
        if (typeof value === 'string') assert.ok(ruleAt(leaf.split('.')), `${leaf}: a text value has its rule in valueRules`)
      }
    }
  })

  it('takes a role’s optional keys in every role, as some role of the default has them', () => {
    const shape = themeShape()
    assert.ok(shape.kind === 'map')
    const roles = shape.keys.get('roles')
    assert.ok(roles?.kind === 'map')
    const body = roles.keys.get('body')
    assert.ok(body?.kind === 'map')
    assert.deepEqual([...body.keys.keys()].sort(), [...new Set(Object.values(defaultTheme.roles).flatMap((role) => Object.keys(role)))].sort())
  })
})
