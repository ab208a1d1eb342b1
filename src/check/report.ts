/**
 * What `octavo check` prints: the diagnostics, one a line, then a summary
 * naming each checker run or skipped (and why); or, for editors and CI, one
 * JSON object a line per diagnostic, and one per checker skipped.
 */
import type { VFileMessage } from 'vfile-message'
import { formatMessage } from '../diagnostics.js'
import type { ToolRun } from './tools.js'

/** One diagnostic as JSON: where, how bad, which rule, what. */
export interface JsonDiagnostic {
  file: string | null
  line: number | null
  column: number | null
  severity: 'error' | 'warning' | 'info'
  rule: string | null
  message: string
}

export function jsonDiagnostic(message: VFileMessage): JsonDiagnostic {
  return {
    file: message.file || null,
    line: message.line ?? null,
    column: message.line == null ? null : (message.column ?? 1),
    severity: message.fatal === true ? 'error' : 'warning',
    rule: message.ruleId ?? null,
    message: message.reason,
  }
}

/** The report of one input's check; `runs` is absent when the manuscript's faults stopped the check before its checkers. */
export function checkReport(input: string, messages: readonly VFileMessage[], runs: readonly ToolRun[] | undefined, reporter: 'text' | 'json'): string {
  const skipped = (runs ?? []).filter((run): run is Extract<ToolRun, { ran: false }> => !run.ran)
  if (reporter === 'json') {
    const lines = messages.map((message) => JSON.stringify(jsonDiagnostic(message)))
    for (const run of skipped) {
      lines.push(JSON.stringify({ file: input, line: null, column: null, severity: 'info', rule: 'skipped', message: `${run.tool} skipped: ${run.reason}` } satisfies JsonDiagnostic))
    }
    return lines.map((line) => `${line}\n`).join('')
  }
  const lines = messages.map((message) => `${formatMessage(message)}${message.ruleId ? ` [${message.ruleId}]` : ''}`)
  const errors = messages.filter((message) => message.fatal === true).length
  const warnings = messages.length - errors
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`
  const checkers =
    runs === undefined
      ? 'the manuscript has faults: fix them, and the print layout and EPUBCheck run too'
      : runs.map((run) => (run.ran ? `${run.tool} ran` : `${run.tool} skipped: ${run.reason}`)).join('; ')
  lines.push(`octavo: check ${input}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}; ${checkers}`)
  return lines.map((line) => `${line}\n`).join('')
}
