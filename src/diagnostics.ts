import { VFileMessage } from 'vfile-message'
import type { Place } from './model/book.js'

/**
 * Messages about a manuscript, in unified's vfile conventions.
 *
 * Every layer reports through one `Diagnostics`: a warning is collected and the
 * build goes on; a failure throws `ManuscriptError`, which the CLI turns into
 * exit code 1 with no stack trace. An error (`error`) is a failure that lets
 * the reading go on, so that one run names every fault it can find: the
 * loader stops with `stopIfFailed` once it has read what it can.
 */
export class Diagnostics {
  readonly messages: VFileMessage[] = []
  private readonly listeners = new Set<(said: Said) => void>()

  /** `where` is a place in a file, or a file (or folder) as a whole. */
  warn(reason: string, where?: Place | string, ruleId?: string): VFileMessage {
    const message = createMessage(reason, where, ruleId)
    message.fatal = false
    this.messages.push(message)
    for (const listener of this.listeners) listener({ reason, where, ruleId, fatal: false })
    return message
  }

  fail(reason: string, where?: Place | string, ruleId?: string): never {
    throw new ManuscriptError(this.error(reason, where, ruleId))
  }

  /** A fault of the manuscript, told now; the build stops at the next `stopIfFailed`, after what else can be read. */
  error(reason: string, where?: Place | string, ruleId?: string): VFileMessage {
    const message = createMessage(reason, where, ruleId)
    message.fatal = true
    this.messages.push(message)
    for (const listener of this.listeners) listener({ reason, where, ruleId, fatal: true })
    return message
  }

  /** Whether some fault of the manuscript has been told. */
  get failed(): boolean {
    return this.messages.some((message) => message.fatal === true)
  }

  /** Stop (with the first fault told) if any fault has been told. */
  stopIfFailed(): void {
    const first = this.messages.find((message) => message.fatal === true)
    if (first) throw new ManuscriptError(first)
  }

  /** Be told of every message from now on, as it was given (to replay it later); returns how to stop. */
  listen(listener: (said: Said) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get warnings(): VFileMessage[] {
    return this.messages.filter((message) => message.fatal !== true)
  }
}

/** A message as it was given: plain data, that can be kept and given again. */
export interface Said {
  reason: string
  where: Place | string | undefined
  ruleId: string | undefined
  fatal: boolean
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

function createMessage(reason: string, where: Place | string | undefined, ruleId: string | undefined): VFileMessage {
  const place = typeof where === 'object' ? { line: where.line, column: where.column } : undefined
  const message = new VFileMessage(reason, { place, ruleId, source: 'octavo' })
  if (where !== undefined) message.file = typeof where === 'string' ? where : where.file
  return message
}

/**
 * One line in the style of unified's reporter: `file:line:column: warning: text`,
 * or `file: error: text` for a file as a whole, or `octavo: …` when no file is at issue.
 */
export function formatMessage(message: VFileMessage): string {
  const where = [message.file || 'octavo']
  if (message.file && message.line != null) where.push(String(message.line), String(message.column ?? 1))
  const severity = message.fatal === true ? 'error' : 'warning'
  return `${where.join(':')}: ${severity}: ${message.reason}`
}
