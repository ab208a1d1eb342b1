import { VFileMessage } from 'vfile-message'
import type { Place } from './model/book.js'

/**
 * Messages about a manuscript, in unified's vfile conventions.
 *
 * Every layer reports through one `Diagnostics`: a warning is collected and the
 * build goes on; a failure throws `ManuscriptError`, which the CLI turns into
 * exit code 1 with no stack trace.
 */
export class Diagnostics {
  readonly messages: VFileMessage[] = []

  warn(reason: string, place?: Place, ruleId?: string): VFileMessage {
    const message = createMessage(reason, place, ruleId)
    message.fatal = false
    this.messages.push(message)
    return message
  }

  fail(reason: string, place?: Place, ruleId?: string): never {
    const message = createMessage(reason, place, ruleId)
    message.fatal = true
    this.messages.push(message)
    throw new ManuscriptError(message)
  }

  get warnings(): VFileMessage[] {
    return this.messages.filter((message) => message.fatal !== true)
  }
}

/** The manuscript (not Octavo) is at fault: the build stops with exit code 1. */
export class ManuscriptError extends Error {
  readonly diagnostic: VFileMessage

  constructor(diagnostic: VFileMessage) {
    super(diagnostic.reason)
    this.name = 'ManuscriptError'
    this.diagnostic = diagnostic
  }
}

function createMessage(reason: string, place: Place | undefined, ruleId: string | undefined): VFileMessage {
  const message = new VFileMessage(reason, {
    place: place ? { line: place.line, column: place.column } : undefined,
    ruleId,
    source: 'octavo',
  })
  if (place) message.file = place.file
  return message
}

/** One line in the style of unified's reporter: `file:line:column: warning: text`. */
export function formatMessage(message: VFileMessage): string {
  const where = [message.file || '<input>']
  if (message.line != null) where.push(String(message.line), String(message.column ?? 1))
  const severity = message.fatal === true ? 'error' : 'warning'
  return `${where.join(':')}: ${severity}: ${message.reason}`
}
