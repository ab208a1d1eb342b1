/**
 * The suite's output kept short (a `node --test` reporter): a dot for each
 * test that passes and an F for each that fails, then every failure with its
 * file, its suite and test names and its message, then the counts.
 * Everything is still run and checked; only the telling is shorter than TAP's
 * (`node --test --test-reporter=tap` gives it all).
 */
import path from 'node:path'

interface Failure {
  file: string
  names: string[]
  message: string
}

interface TestEvent {
  type: string
  data: {
    name?: string
    nesting?: number
    file?: string
    message?: string
    details?: { error?: unknown; type?: string }
    skip?: unknown
    todo?: unknown
  }
}

const lineWidth = 80

export default async function* shortReporter(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const started = new Map<string, string[]>()
  const failures: Failure[] = []
  const counts = new Map<string, string>()
  let column = 0
  let unloadedFiles = 0
  const mark = (symbol: string): string => {
    column++
    return column % lineWidth === 0 ? `${symbol}\n` : symbol
  }
  for await (const event of source) {
    const { data } = event
    const file = data.file ?? '(no file)'
    const nesting = data.nesting ?? 0
    switch (event.type) {
      case 'test:start': {
        const names = started.get(file) ?? []
        names.length = nesting
        names.push(data.name ?? '')
        started.set(file, names)
        break
      }
      case 'test:pass':
        // Suites pass when their tests do: one mark per test.
        if (data.details?.type !== 'suite') yield mark(data.skip ? 's' : data.todo ? 't' : '.')
        break
      case 'test:fail': {
        const error = data.details?.error as { failureType?: string; cause?: unknown; message?: string } | undefined
        // A suite fails because a test in it did: that test is told already.
        if (error?.failureType === 'subtestsFailed') break
        // A test file that cannot be loaded fails the suite the suite's processes run it as, named by the file.
        const unloaded = nesting === 0 && /\.test\.[cm]?js$/.test(data.name ?? '')
        const names = unloaded ? [] : [...(started.get(file) ?? []).slice(0, nesting), data.name ?? '']
        if (unloaded) unloadedFiles++
        failures.push({ file: unloaded ? data.name! : file, names, message: describe(error) })
        yield mark('F')
        break
      }
      case 'test:diagnostic':
        // The run's own counts come as diagnostics at the top level: "tests 254", "pass 252"…
        if (nesting === 0 && data.message) {
          const match = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) (.+)$/.exec(data.message)
          if (match) counts.set(match[1]!, match[2]!)
        }
        break
      default:
        break
    }
  }
  let out = column % lineWidth === 0 ? '' : '\n'
  for (const failure of failures) {
    out += `\nFAIL ${[path.relative(process.cwd(), failure.file), ...failure.names.filter(Boolean)].join(' › ')}\n`
    out += `${indent(failure.message)}\n`
  }
  const seconds = counts.has('duration_ms') ? `, ${(Number(counts.get('duration_ms')) / 1000).toFixed(1)} s` : ''
  const count = (key: string): string => counts.get(key) ?? '0'
  out += `\n${count('tests')} tests: ${count('pass')} passed, ${count('fail')} failed, ${count('cancelled')} cancelled, ${count('skipped')} skipped, ${count('todo')} todo${unloadedFiles > 0 ? `, ${unloadedFiles} test files not loaded` : ''}${seconds}\n`
  yield out
}

/** A failure's message: the assertion's own, or the error's, with the cause of a wrapped one. */
function describe(error: { cause?: unknown; message?: string } | undefined): string {
  if (!error) return '(no error given)'
  const cause = error.cause as { message?: string; stack?: string } | undefined
  const inner = cause?.message ?? error.message ?? String(error)
  const at = cause?.stack?.split('\n').find((line) => /\.test\.js:\d+/.test(line))?.trim()
  const lines = inner.split('\n')
  const shown = lines.length > 30 ? [...lines.slice(0, 30), `… ${lines.length - 30} more lines`] : lines
  return at ? `${shown.join('\n')}\n${at}` : shown.join('\n')
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')
}
