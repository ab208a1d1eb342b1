/**
 * Typst (through `@myriaddreamin/typst-ts-node-compiler`, which carries its compiler) set up like
 * Octavo's default theme: A5, the theme's margins, Literata at the body size and leading, justified,
 * hyphenated, first-line indents.
 */
import { createRequire } from 'node:module'

import { LITERATA_DIRS } from './font.js'
import { page, type } from './setting.js'

interface TypstDiagnostics {
  shortDiagnostics: Array<{ message: string; severity: number }>
}
export interface TypstDocument {
  numOfPages: number
}
interface TypstResult {
  result: TypstDocument | null
  hasError(): boolean
  takeWarnings(): TypstDiagnostics | null
  takeError(): TypstDiagnostics | null
}
export interface TypstCompiler {
  pdf(args: { mainFileContent: string } | TypstDocument): Buffer
  compile(args: { mainFileContent: string }): TypstResult
}
interface TypstModule {
  NodeCompiler: { create(args: { fontArgs: { fontPaths: string[] }[] }): TypstCompiler }
}

const require = createRequire(import.meta.url)

/** A compiler that knows the fonts in `fontPaths` (folders or files): Literata's four faces unless told. */
export function typstCompiler(fontPaths: string[] = LITERATA_DIRS): TypstCompiler {
  const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler') as TypstModule
  return NodeCompiler.create({ fontArgs: [{ fontPaths }] })
}

/** A Typst string literal: the text is set as it is, with no markup. */
function literal(text: string): string {
  return `#"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

export function typstPreamble(lang = 'en'): string {
  const m = page.mm
  // Lines 1 em high from the baseline, so that `leading` is the gap that makes baselines `leading` apart.
  return [
    `#set page(width: ${m.width}mm, height: ${m.height}mm, margin: (inside: ${m.inner}mm, outside: ${m.outer}mm, top: ${m.top}mm, bottom: ${m.bottom}mm))`,
    `#set text(font: "Literata", size: ${type.size}pt, lang: "${lang}", hyphenate: true, top-edge: 1em, bottom-edge: "baseline")`,
    `#set par(justify: true, leading: ${(type.leading - 1).toFixed(3)}em, spacing: ${(type.leading - 1).toFixed(3)}em, first-line-indent: ${type.indent}em)`,
    `#show heading.where(level: 1): it => { pagebreak(weak: true, to: "odd"); set text(size: 1.6em); block(below: 1em, it.body) }`,
    '',
  ].join('\n')
}

export function typstParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.map(literal).join('\n\n')
}

export function typstChapter(title: string, paragraphs: readonly string[]): string {
  return `= ${literal(title)}\n\n${typstParagraphs(paragraphs)}\n\n`
}
