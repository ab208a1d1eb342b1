/**
 * The modules a build loads only when the book asks for them. Loading and
 * compiling a module costs time at every run, and most books never need
 * these: highlight.js's 190 grammars serve only code blocks whose fence names
 * a language, the HTML parser only raw HTML, the SVG and GIF decoders only
 * such pictures, the TOML parser only mdBook's `book.toml`, the YAML parser
 * only front matter, the EPUB's writer only an EPUB, the font subsetter only
 * fonts the subset cache does not hold.
 *
 * Every such import is here, each behind a function that loads the module the
 * first time it is called and hands back the same module after. Modules
 * written as CommonJS are loaded with `require`, synchronously, so the code
 * that draws a picture or reads a file's front matter stays synchronous; ES
 * modules (and Octavo's own modules that import them) come through `import()`
 * and are awaited where the build is asynchronous anyway.
 */
import { createRequire } from 'node:module'
import { setFlagsFromString } from 'node:v8'
import type * as JpegJs from 'jpeg-js'
import type * as Omggif from 'omggif'
import type * as Pngjs from 'pngjs'
import type SvgToPdfkit from 'svg-to-pdfkit'
import type * as SmolToml from 'smol-toml'
import type * as Yaml from 'yaml'
import type SubsetFont from 'subset-font'
import type * as Fontverter from 'fontverter'

const require = createRequire(import.meta.url)

/** The names of the modules loaded so far in this process, for tests to see what a build did without. */
const loaded = new Set<string>()

function once<T>(name: string, load: () => T): () => T {
  let module: { value: T } | undefined
  return () => {
    if (module === undefined) {
      module = { value: load() }
      loaded.add(name)
    }
    return module.value
  }
}

/** The lazy modules this process has loaded, by the names used here. */
export function lazyModulesLoaded(): ReadonlySet<string> {
  return loaded
}

/** lowlight with every grammar highlight.js has: for code blocks whose fence names a language. */
export const loadHighlighter = once('lowlight', async () => {
  const { all, createLowlight } = await import('lowlight')
  return createLowlight(all)
})

/** Raw HTML parsed, vetted and converted to the model (`parse/html`, with parse5 and hast-util-raw): for files that hold raw HTML. */
export const loadRawHtml = once('raw-html', () => import('./parse/html/index.js'))

/** temml and the HTML parser: a book's formulas as MathML, for the EPUB (`math/mathml.ts`); only for a book with mathematics. */
export const loadMathml = once('temml', () => import('./math/mathml.js'))
/** MathJax and the HTML parser: a book's formulas as inline SVG, for the EPUB of a book that asks for it (`math: svg`, see `math/svg-element.ts`). */
export const loadMathSvg = once('mathjax-svg', () => import('./math/svg-element.js'))
/** Citations formatted (citeproc-js, citation.js's BibTeX reader, the CSL styles): for books with a bibliography. */
export const loadCitations = once('citations', () => import('./cite/index.js'))

/** The EPUB edition's writer, with epub-gen-memory and JSZip: only when an EPUB is asked for. */
export const loadEpubWriter = once('epub', () => import('./epub/index.js'))

/** YAML: front matter and `book.yaml`. */
export const yaml = once('yaml', () => require('yaml') as typeof Yaml)

/** TOML: mdBook's `book.toml`. */
export const toml = once('smol-toml', () => require('smol-toml') as typeof SmolToml)

/** SVG drawn into the PDF as vectors. */
export const svgToPdfkit = once('svg-to-pdfkit', () => require('svg-to-pdfkit') as typeof SvgToPdfkit)

/** A GIF's frames decoded, and written again as a PNG (pdfkit embeds PNG and JPEG only). */
export const gifReader = once('omggif', () => (require('omggif') as typeof Omggif).GifReader)
export const pngWriter = once('pngjs', () => (require('pngjs') as typeof Pngjs).PNG)
/** A JPEG decoder, for a picture in RGB that a press wants in CMYK. */
export const jpegDecoder = once('jpeg-js', () => (require('jpeg-js') as typeof JpegJs).decode)

/**
 * harfbuzz's subsetter, compiled to WebAssembly (subset-font). WebAssembly
 * here runs in V8's baseline tier only: left to tier up, V8 recompiles the
 * subsetter's hottest functions on a background thread, which on a small
 * machine held the build up by about 0.4 s while saving nothing a book's few
 * subsets could notice. The setting is the process's and applies to
 * WebAssembly compiled after it; the subsetter's output does not depend on it.
 */
export const subsetFont = once('subset-font', () => {
  setFlagsFromString('--liftoff-only')
  return require('subset-font') as typeof SubsetFont
})

/** fontverter: a writer's own WOFF or WOFF2 font unpacked to the TrueType or OpenType file it holds (what the PDF embeds). */
export const fontverter = once('fontverter', () => require('fontverter') as typeof Fontverter)
