import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { CacheStore } from './cache/store.js'
import { Diagnostics, formatMessage, ManuscriptError } from './diagnostics.js'
import { WriteError } from './write-atomic.js'
import { editionClashes, editionName, formats, type Format } from './editions.js'
import { papers, type Paper } from './press/cover-geometry.js'
import { pageRefusal, pressNames, pressProfiles, type PressName } from './press/profiles.js'
import { isThemeFileName, pageNames, pagePresets } from './theme/names.js'
import { themes, trimNames } from './theme/index.js'
import type { PageName, Theme } from './theme/index.js'

/** Exit codes: what went wrong decides who has to act. */
export const exitCode = {
  ok: 0,
  /** The manuscript is at fault: the writer fixes it. */
  input: 1,
  /** The command line is at fault. */
  usage: 2,
  /** Octavo is at fault: a bug to report. */
  internal: 3,
  /** An edition cannot be written where it is to go (a file where the folder should be, no permission, a full disk). */
  output: 4,
} as const

/** Where `octavo preview` listens unless told otherwise. */
const defaultPreviewPort = 3939

const usage = `Usage: octavo build <input>... [options]
       octavo cover <input>... --press kdp|ingram [--paper white|cream] [options]
       octavo check <input|edition.epub|edition.pdf>... [--reporter text|json]
       octavo themes [NAME]
       octavo init [DIR]
       octavo preview <input> [--port N] [options]

Publish Markdown manuscripts as an EPUB for e-readers and a PDF for print.
<input> is a .md file, or a folder whose .md files are a book's chapters
(in name order, or as its book.yaml lists them).

\`octavo themes\` lists the built-in themes; \`octavo themes NAME\` writes one out
as a theme file, to start a theme of your own from.

\`octavo init DIR\` writes a new book into DIR (default: the current folder),
which must be new or empty: book.yaml, two chapters, a picture and a theme of
the book's own; \`octavo build DIR\` publishes it as it stands.

\`octavo preview\` shows both editions in the browser, the PDF's pages beside
the EPUB's text, kept in step page by page, and shows them again whenever a file
of the manuscript changes (Ctrl-C stops). It writes no files.

Options:
  -o, --out DIR          where to write NAME.epub and NAME.pdf (default: dist)
  -f, --format LIST      editions to make: epub, pdf or epub,pdf (default: both)
  -t, --theme NAME|FILE  typography theme: a built-in one (${Object.keys(themes).join(', ')}),
                         or a theme file (.yaml, .json) that extends one
                         (default: the manuscript's \`theme\`, else default)
  -p, --page SIZE        print page: ${pagePresets.join(', ')}, or a printer's trim in
                         inches: ${wrapList(trimNames.filter((name) => name !== '6x9'), 56, 25)}
                         (default: the manuscript's \`page\`, else a5; 6x9 for --press kdp)
      --press PRINTER    make the PDF a printer's interior file: kdp (Amazon KDP
                         paperback), ingram (IngramSpark, PDF/X-1a), offset (PDF/X-4
                         with crop marks); default: the manuscript's \`press\`, else
                         the PDF for readers
      --print            the PDF for readers with trim and bleed boxes and crop marks
                         (a proof; a printer's file is --press)
      --pdf-a            write the PDF as PDF/A-2b
      --report           print the typesetting report of each PDF
  -w, --watch            build, then build again whenever a file of the manuscript
                         changes (Ctrl-C stops)
      --port N           the port octavo preview listens on, at 127.0.0.1
                         (default: ${defaultPreviewPort}; 0 for any free port)
      --no-cache         keep nothing in .octavo-cache/ for the next build (the
                         cache only saves time: it never changes an edition)
  -q, --quiet            no progress, warnings only
  -h, --help             show this help
  -v, --version          show the version

octavo check lists everything that can be checked, without writing an edition:
for a manuscript, its faults, links that lead nowhere, images without alt
text, skipped heading levels, text in another script without a language,
images under 300 dpi at their printed size, the typesetting report's faults,
and EPUBCheck on its EPUB (skipped, saying why, without Java); for an .epub,
EPUBCheck; for a .pdf, qpdf and pdffonts. It exits 1 when there is an error.
--reporter json prints one JSON object a line per diagnostic (file, line,
column, severity, rule, message), for editors and CI.

octavo cover writes NAME-cover.pdf: the print cover's full wrap (back, spine,
front and bleed) for the press, its spine as thick as the book that press
prints from the same input, page and theme; --paper (default: white) is the
paper the interior is printed on.

Exit status: 0 published (warnings may be printed), 1 a manuscript is at fault
(every fault found is printed as file:line:column), 2 the command line is wrong,
3 an internal error, 4 an edition cannot be written where --out says (checked
before anything is set).`

class UsageError extends Error {}

/** Names joined by commas in lines of at most `width` characters, each line after the first indented by `indent` spaces. */
function wrapList(names: readonly string[], width: number, indent: number): string {
  const lines: string[] = []
  let line = ''
  for (const name of names) {
    const next = line === '' ? name : `${line}, ${name}`
    if (next.length > width && line !== '') {
      lines.push(`${line},`)
      line = name
    } else line = next
  }
  lines.push(line)
  return lines.join(`\n${' '.repeat(indent)}`)
}

interface Options {
  command: 'build' | 'cover' | 'check' | 'preview'
  reporter: 'text' | 'json'
  inputs: string[]
  outDir: string
  formats: Format[]
  /** A built-in theme's name, or a theme file's path; absent when the command line names none. */
  theme?: string | undefined
  /** Undefined when not named: the manuscript's, else the build chooses (see `pressPage`). */
  page: PageName | undefined
  press: PressName | undefined
  print: boolean
  pdfA: boolean
  report: boolean
  quiet: boolean
  watch: boolean
  cache: boolean
  paper: Paper
  port: number
}

/**
 * The command line as `bin/octavo.js` runs it: `main`, with anything
 * unexpected turned into one line and exit 3 rather than a stack trace
 * (`OCTAVO_DEBUG` shows it). Resolves to the exit code, so that tests can run
 * the command in process exactly as a writer's shell does.
 */
export async function run(argv: readonly string[], stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await main(argv, stdout, stderr, env)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    stderr.write(
      `octavo: internal error: ${detail}\n` +
        'This is a fault in Octavo, not in the manuscript: please report it with the input that caused it (OCTAVO_DEBUG=1 shows where it happened).\n',
    )
    if (env.OCTAVO_DEBUG && error instanceof Error) stderr.write(`${error.stack}\n`)
    return exitCode.internal
  }
}

/** Run the command line; resolves to the exit code instead of exiting. */
export async function main(argv: readonly string[], stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let options: Options | { themes: string | undefined } | { init: string } | 'help' | 'version'
  try {
    options = parseCommandLine(argv)
  } catch (error) {
    if (!(error instanceof UsageError || isParseArgsError(error))) throw error
    stderr.write(`octavo: ${(error as Error).message}\nTry 'octavo --help'.\n`)
    return exitCode.usage
  }
  if (options === 'help') {
    stdout.write(`${usage}\n`)
    return exitCode.ok
  }
  if (options === 'version') {
    stdout.write(`${version()}\n`)
    return exitCode.ok
  }
  if ('themes' in options) {
    const { listThemes, themeFile } = await import('./theme/write.js')
    stdout.write(options.themes === undefined ? listThemes(themes) : themeFile(themes[options.themes]!))
    return exitCode.ok
  }
  if ('init' in options) return init(options.init, stderr)

  // Two inputs of one name would overwrite each other's editions: nothing is built.
  const clashes = options.command === 'check' ? [] : editionClashes(options.inputs)
  if (clashes.length > 0) {
    for (const [first, second] of clashes) {
      const name = editionName(second)
      stderr.write(`octavo: ${first} and ${second} would both be published as ${path.join(options.outDir, name)}.epub and .pdf: build them one at a time with different --out folders, or rename one\n`)
    }
    return exitCode.usage
  }

  const { CacheStore } = await import('./cache/store.js')
  const rebuilds = options.watch || options.command === 'preview'
  const cache = new CacheStore(options.cache ? { folder: path.resolve(cacheFolder), rebuilds } : { rebuilds, oneOff: !rebuilds })
  if (options.command === 'preview') return previewOne(options.inputs[0]!, options, cache, stdout, stderr, env)
  if (options.watch) {
    await watchAll(options, cache, stdout, stderr, env)
    return exitCode.ok
  }
  let status: number = exitCode.ok
  for (const input of options.inputs) {
    if (options.command === 'check') {
      status = Math.max(status, await checkOne(input, options, stdout, env))
      continue
    }
    if (options.command === 'cover') {
      status = Math.max(status, await coverOne(input, options, cache, stderr, env))
      continue
    }
    status = Math.max(status, await buildOne(input, options, cache, stdout, stderr, env))
  }
  return status
}

/** Where builds keep what the next one can use (see `cache/store.ts`), from the folder they run in. */
const cacheFolder = '.octavo-cache'

/**
 * `--watch`: each input built, then built again when a file it is made of
 * changes, until Ctrl-C; a build that fails says why and the watch goes on.
 * The builds share one cache, so a change to one chapter re-reads only it.
 */
async function watchAll(options: Options, cache: CacheStore, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv): Promise<void> {
  const { watchManuscript } = await import('./watch.js')
  const stop = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()))
  await Promise.all(
    options.inputs.map(async (input) => {
      const absolute = path.resolve(input)
      const folder = /\.md$/i.test(absolute) ? path.dirname(absolute) : absolute
      await watchManuscript({
        folder,
        ignore: [options.outDir, cacheFolder],
        until: stop,
        build: async () => {
          const read = new Set<string>([absolute])
          await buildOne(input, options, cache, stdout, stderr, env, (file) => read.add(file))
          if (!options.quiet) stderr.write(`octavo: ${input}: watching for changes (Ctrl-C stops)\n`)
          return { read }
        },
      })
    }),
  )
}

async function buildOne(
  input: string,
  options: Options,
  cache: CacheStore,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv,
  onRead?: (file: string) => void,
): Promise<number> {
  const diag = new Diagnostics()
  const started = performance.now()
  // Progress goes to stderr; a terminal gets one line that updates in place, a log one line per step.
  const live = !options.quiet && (stderr as NodeJS.WriteStream).isTTY === true
  const progress = (phase: string): void => {
    if (options.quiet) return
    stderr.write(live ? `\r\x1b[Koctavo: ${input}: ${phase}…` : `octavo: ${input}: ${phase}…\n`)
  }
  try {
    // Loaded when a build is asked for: `--help`, `--version` and a wrong command line answer at once.
    const [{ build }, { formatReport }] = await Promise.all([import('./pipeline.js'), import('./pdf/report.js')])
    const result = await build(
      input,
      {
        outDir: options.outDir,
        formats: options.formats,
        ...chosenTheme(options),
        page: options.page,
        press: options.press,
        print: options.print,
        pdfA: options.pdfA,
        sourceDateEpoch: env.SOURCE_DATE_EPOCH,
        onPhase: progress,
        cache,
        onRead,
      },
      diag,
    )
    if (live) stderr.write('\r\x1b[K')
    for (const message of diag.warnings) stderr.write(`${formatMessage(message)}\n`)
    if (!options.quiet) {
      const seconds = ((performance.now() - started) / 1000).toFixed(2)
      stderr.write(`octavo: ${input}: wrote ${result.outputs.join(', ')} in ${seconds} s\n`)
    }
    if (options.report) stdout.write(`${formatReport(result.report, input)}\n`)
    return exitCode.ok
  } catch (error) {
    if (live) stderr.write('\r\x1b[K')
    if (error instanceof WriteError) return cannotWrite(error, diag, stderr)
    if (!(error instanceof ManuscriptError)) throw error
    // The failure is among the messages already, after any warnings that came before it.
    for (const message of diag.messages) stderr.write(`${formatMessage(message)}\n`)
    return exitCode.input
  }
}

/**
 * Whether the command line starts a session of rebuilds (`--watch`, the
 * preview), which runs in a process of its own (see `session-process.ts`).
 * A command line that does not parse starts none: `run` says what is wrong.
 */
export function startsSession(argv: readonly string[]): boolean {
  try {
    const options = parseCommandLine(argv)
    return typeof options === 'object' && 'command' in options && (options.watch || options.command === 'preview')
  } catch {
    return false
  }
}

/** `octavo preview`: serves the preview until Ctrl-C. */
async function previewOne(input: string, options: Options, cache: CacheStore, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv): Promise<number> {
  // A manuscript that is not there is said at once, as `build` says it, rather than watched for.
  if (!existsSync(input)) {
    stderr.write(`${input}: error: no such file or folder\n`)
    return exitCode.input
  }
  const { preview } = await import('./preview/index.js')
  const stop = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()))
  try {
    await preview(input, {
      port: options.port,
      build: { ...chosenTheme(options), page: options.page, press: options.press, print: options.print, sourceDateEpoch: env.SOURCE_DATE_EPOCH, cache },
      ignore: [cacheFolder],
      until: stop,
      onListening: (url) => stdout.write(`octavo: previewing ${input} at ${url} (Ctrl-C stops)\n`),
      onBuild: (status, messages) => {
        for (const message of messages) stderr.write(`${message.text}\n`)
        if (!options.quiet && !status.failed) stderr.write(`octavo: ${input}: shown in ${status.seconds.toFixed(2)} s\n`)
      },
    })
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error
    stderr.write(`octavo: cannot listen on port ${options.port}: ${code === 'EADDRINUSE' ? 'it is in use' : 'not allowed'}; name another with --port, or --port 0 for any free port\n`)
    return exitCode.usage
  }
  return exitCode.ok
}

/** `octavo cover`: one input's print cover. */
async function coverOne(input: string, options: Options, cache: CacheStore, stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv): Promise<number> {
  const diag = new Diagnostics()
  const started = performance.now()
  const progress = (phase: string): void => {
    if (!options.quiet) stderr.write(`octavo: ${input}: ${phase}…\n`)
  }
  try {
    const { buildCover } = await import('./pipeline.js')
    const press = options.press!
    const result = await buildCover(input, { outDir: options.outDir, ...chosenTheme(options), press, paper: options.paper, page: options.page, sourceDateEpoch: env.SOURCE_DATE_EPOCH, onPhase: progress, cache }, diag)
    for (const message of diag.warnings) stderr.write(`${formatMessage(message)}\n`)
    if (!options.quiet) {
      const { geometry } = result
      const inches = (points: number): string => (points / 72).toFixed(3)
      const seconds = ((performance.now() - started) / 1000).toFixed(2)
      stderr.write(`octavo: ${input}: wrote ${result.output} (${inches(geometry.width)} × ${inches(geometry.height)} in, spine ${inches(geometry.spine.width)} in for ${geometry.pages} pages on ${geometry.paper} paper) in ${seconds} s\n`)
    }
    return exitCode.ok
  } catch (error) {
    if (error instanceof WriteError) return cannotWrite(error, diag, stderr)
    if (!(error instanceof ManuscriptError)) throw error
    for (const message of diag.messages) stderr.write(`${formatMessage(message)}\n`)
    return exitCode.input
  }
}

/** An edition that cannot be written: the warnings so far, then what is in the way, in one line. */
function cannotWrite(error: WriteError, diag: Diagnostics, stderr: NodeJS.WritableStream): number {
  for (const message of diag.warnings) stderr.write(`${formatMessage(message)}\n`)
  stderr.write(`octavo: ${error.message}\n`)
  return exitCode.output
}

/** `octavo check`: one input's diagnostics and the checkers run or skipped, as text or JSON lines; 1 when there is an error. */
async function checkOne(input: string, options: Options, stdout: NodeJS.WritableStream, env: NodeJS.ProcessEnv): Promise<number> {
  const diag = new Diagnostics()
  const [{ check }, { checkReport }] = await Promise.all([import('./check/index.js'), import('./check/report.js')])
  let runs: Awaited<ReturnType<typeof check>> | undefined
  try {
    runs = await check(input, { ...chosenTheme(options), page: options.page, press: options.press, sourceDateEpoch: env.SOURCE_DATE_EPOCH, env }, diag)
  } catch (error) {
    if (!(error instanceof ManuscriptError)) throw error
  }
  stdout.write(checkReport(input, diag.messages, runs, options.reporter))
  return diag.failed ? exitCode.input : exitCode.ok
}

/** `octavo init`: a new book folder; a folder that is not new or empty is refused (exit 2), and nothing is written. */
async function init(folder: string, stderr: NodeJS.WritableStream): Promise<number> {
  const { initBook, InitRefusal } = await import('./init/index.js')
  try {
    const written = await initBook(folder)
    stderr.write(`octavo: wrote a new book in ${folder}: ${written.join(', ')}\nPublish it with: octavo build ${folder}\n`)
    return exitCode.ok
  } catch (error) {
    if (!(error instanceof InitRefusal)) throw error
    stderr.write(`octavo: ${error.message}\n`)
    return exitCode.usage
  }
}

/** The command line's theme: a built-in one by name, or a theme file by its path; neither when it names none. */
function chosenTheme(options: Options): { theme: Theme | undefined; themeFile: string | undefined } {
  const named = options.theme
  if (named === undefined) return { theme: undefined, themeFile: undefined }
  return Object.hasOwn(themes, named) ? { theme: themes[named], themeFile: undefined } : { theme: undefined, themeFile: named }
}

function parseCommandLine(argv: readonly string[]): Options | { themes: string | undefined } | { init: string } | 'help' | 'version' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o', default: 'dist' },
      format: { type: 'string', short: 'f', default: formats.join(',') },
      theme: { type: 'string', short: 't' },
      page: { type: 'string', short: 'p' },
      press: { type: 'string' },
      paper: { type: 'string', default: 'white' },
      port: { type: 'string' },
      print: { type: 'boolean', default: false },
      'pdf-a': { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
      watch: { type: 'boolean', short: 'w', default: false },
      'no-cache': { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
      reporter: { type: 'string', default: 'text' },
    },
  })
  if (values.help) return 'help'
  if (values.version) return 'version'

  const [command, ...inputs] = positionals
  if (command === undefined) throw new UsageError('missing command: octavo build <input>...')
  if (command === 'themes') {
    if (inputs.length > 1) throw new UsageError('octavo themes takes one theme name at most')
    const name = inputs[0]
    if (name !== undefined && !Object.hasOwn(themes, name)) throw new UsageError(`unknown theme '${name}' (expected ${Object.keys(themes).join(', ')})`)
    return { themes: name }
  }
  if (command === 'init') {
    if (inputs.length > 1) throw new UsageError('octavo init takes one folder at most')
    return { init: inputs[0] ?? '.' }
  }
  if (command !== 'build' && command !== 'cover' && command !== 'check' && command !== 'preview') throw new UsageError(`unknown command '${command}' (expected build, check, cover, init, preview or themes)`)
  if (values.reporter !== 'text' && values.reporter !== 'json') throw new UsageError(`unknown reporter '${values.reporter}' (expected text or json)`)
  if (command === 'check' && values.watch) throw new UsageError('--watch is for octavo build')
  if (inputs.length === 0) throw new UsageError('missing input: name a .md file or a book folder')
  if (command === 'preview' && inputs.length > 1) throw new UsageError('octavo preview shows one manuscript at a time')
  if (command === 'preview' && values.watch) throw new UsageError('octavo preview always watches: --watch is for octavo build')
  if (command !== 'preview' && values.port !== undefined) throw new UsageError('--port is for octavo preview')
  const port = values.port === undefined ? defaultPreviewPort : Number(values.port)
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) throw new UsageError(`--port takes a port number from 0 to 65535, not '${values.port}'`)

  const wanted = values.format.split(',').map((format) => format.trim()).filter(Boolean)
  for (const format of wanted) {
    if (!formats.includes(format as Format)) throw new UsageError(`unknown format '${format}' (expected ${formats.join(', ')})`)
  }
  if (wanted.length === 0) throw new UsageError('--format names no edition')
  const theme = values.theme
  if (theme !== undefined && !Object.hasOwn(themes, theme) && !isThemeFileName(theme)) {
    throw new UsageError(`unknown theme '${theme}' (expected ${Object.keys(themes).join(', ')}, or a theme file such as ./press.yaml)`)
  }
  if (values.page !== undefined && !pageNames.includes(values.page as PageName)) throw new UsageError(`unknown page size '${values.page}' (expected ${pageNames.join(', ')})`)
  const press = values.press
  if (press !== undefined && !pressNames.includes(press as PressName)) throw new UsageError(`unknown press '${press}' (expected ${pressNames.join(', ')})`)
  if (press !== undefined && values['pdf-a']) throw new UsageError('--pdf-a and --press: an archive file and a printer\'s file are made for different readers; name one')
  if (press !== undefined && values.print) throw new UsageError('--print and --press both say how to print: --press makes the printer\'s file, --print a proof with marks; name one')
  const refusal = press !== undefined && values.page !== undefined ? pageRefusal(pressProfiles[press as PressName], values.page as PageName) : undefined
  if (refusal) throw new UsageError(refusal)
  if (command === 'cover') {
    if (press !== 'kdp' && press !== 'ingram') throw new UsageError('octavo cover needs --press kdp or --press ingram: the printer decides the cover\'s bleed, colour and spine')
    if (values.watch) throw new UsageError('--watch is for octavo build')
  }
  if (!papers.includes(values.paper as Paper)) throw new UsageError(`unknown paper '${values.paper}' (expected ${papers.join(', ')})`)

  return {
    command,
    reporter: values.reporter,
    inputs,
    outDir: values.out,
    formats: formats.filter((format) => wanted.includes(format)),
    theme,
    page: values.page as PageName | undefined,
    press: press as PressName | undefined,
    print: values.print,
    pdfA: values['pdf-a'],
    report: values.report,
    quiet: values.quiet,
    watch: values.watch,
    cache: !values['no-cache'],
    paper: values.paper as Paper,
    port,
  }
}

/** parseArgs throws a TypeError whose code names the mistake (unknown option, missing value …). */
function isParseArgsError(error: unknown): boolean {
  const code: unknown = (error as { code?: unknown } | null)?.code
  return error instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return `octavo ${manifest.version}`
}
