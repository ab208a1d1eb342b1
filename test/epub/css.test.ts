import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { cssRules, themeCss, type CssRule } from '../../src/epub/css.js'
import { defaultTheme, fontPath, headingRoles, resolveStyle, type Theme } from '../../src/theme/index.js'

function rule(rules: readonly CssRule[], selector: string): Record<string, string> {
  const found = rules.find((candidate) => candidate.selector === selector)
  assert.ok(found, `a rule for ${selector}`)
  return found.declarations
}

function ems(value: string | undefined): number {
  const match = /^(-?[\d.]+)em$/.exec(value ?? '')
  assert.ok(match, `${value} is in ems`)
  return Number(match[1])
}

/** A theme that differs from the default in everything the CSS reads. */
function otherTheme(): Theme {
  return {
    ...defaultTheme,
    fonts: { ...defaultTheme.fonts, text: { ...defaultTheme.fonts.text, family: 'Other Serif' } },
    fallbacks: [{ family: 'Fallback Face', weight: 400, style: 'normal', package: '@expo-google-fonts/literata', file: '500Medium/Literata_500Medium.ttf', license: 'OFL-1.1' }],
    generic: { text: 'sans-serif', heading: 'sans-serif', mono: 'monospace' },
    leading: 1.6,
    indent: 2,
    codeContinuation: { sign: '→', indent: 3 },
    roles: { ...defaultTheme.roles, h1: { ...defaultTheme.roles.h1, scale: 2.5 }, h2: { ...defaultTheme.roles.h2, scale: 1.75, leading: 1.1 } },
  }
}

describe('CSS from the theme', () => {
  for (const [name, theme] of [['default theme', defaultTheme], ['another theme', otherTheme()]] as const) {
    describe(name, () => {
      const rules = cssRules(theme)

      it('sets the text in the theme’s face, then its fallback faces, then its generic family', () => {
        // Each fallback family once, though the theme lists a file per weight and style.
        // (A face for formulas alone is not among them: see `mathCss`.)
        const fallbacks = [...new Set(theme.fallbacks.filter((font) => font.math !== true).map((font) => font.family))].map((family) => `"${family}", `).join('')
        assert.equal(rule(rules, 'body')['font-family'], `"${theme.fonts.text.family}", ${fallbacks}${theme.generic.text}`)
        assert.equal(rule(rules, 'code')['font-family'], `"${theme.fonts.mono.family}", ${fallbacks}${theme.generic.mono}`)
        assert.equal(rule(rules, 'body')['line-height'], String(theme.leading))
      })

      it('gives headings the size ratios to the body that the PDF uses', () => {
        const body = resolveStyle(theme, 'body').size
        for (const role of headingRoles) {
          const expected = resolveStyle(theme, role).size / body
          const declared = rule(rules, role)['font-size']
          assert.equal(declared === undefined ? 1 : ems(declared), Math.round(expected * 10000) / 10000, role)
        }
      })

      it('indents a paragraph that follows a paragraph, and no other', () => {
        assert.equal(rule(rules, 'p')['text-indent'], '0')
        assert.equal(ems(rule(rules, 'p + p')['text-indent']), theme.indent)
        for (const selector of ['.section-break', 'figcaption', '.title', '.subtitle', '.byline']) assert.equal(rule(rules, selector)['text-indent'], '0', selector)
      })

      it('declares every theme font, fallback faces too, with @font-face', () => {
        const faces = rules.filter((candidate) => candidate.selector === '@font-face')
        // A face made of a file an earlier face is made of is that face (a heading face that is the text face).
        const files = new Map([...Object.values(theme.fonts), ...theme.fallbacks].reverse().map((font) => ['file' in font ? font.file : font.path, font]))
        for (const font of files.values()) {
          assert.ok(
            faces.some(
              (face) =>
                face.declarations['font-family'] === `"${font.family}"` &&
                face.declarations['font-weight'] === String(font.weight) &&
                face.declarations['font-style'] === font.style &&
                face.declarations.src!.includes(path.basename(fontPath(font)).replace(/\.\w+$/, "")),
            ),
            `${font.family} ${font.weight} ${font.style}`,
          )
        }
      })

      it('hyphenates, breaks long words, and keeps to relative units', () => {
        assert.equal(rule(rules, 'body').hyphens, 'auto')
        assert.equal(rule(rules, 'body')['overflow-wrap'], 'break-word')
        const css = themeCss(theme)
        assert.doesNotMatch(css, /!important/)
        assert.doesNotMatch(css, /\d(px|pt|pc|cm|mm|in|Q)\b/, 'no absolute lengths')
        // A part of the line, as the rule over the notes is, is no fixed width.
        assert.doesNotMatch(css, /(^|[^-])width: (?![\d.]+%;)/m, 'no fixed widths')
        assert.doesNotMatch(css, /line-height: [\d.]+[a-z%]/, 'unitless line heights')
      })

      it('wraps a long code line at spaces, else anywhere, its continued rows indented by the theme’s continuation indent', () => {
        const pre = rule(rules, 'pre')
        assert.equal(pre['white-space'], 'pre-wrap')
        assert.equal(pre['overflow-wrap'], 'anywhere')
        // The older name, for readers that know only it, declared first so that the newer one wins where both are known.
        assert.equal(pre['word-wrap'], 'break-word')
        assert.ok(Object.keys(pre).indexOf('word-wrap') < Object.keys(pre).indexOf('overflow-wrap'))
        assert.equal(pre['text-indent'], `${theme.codeContinuation.indent}ch hanging each-line`)
        assert.match(themeCss(theme), /pre \{[^}]*text-indent: [\d.]+ch hanging each-line;/)
      })
    })
  }
})
