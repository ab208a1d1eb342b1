/**
 * What the preview shows: the editions of the last build that succeeded, kept
 * in memory, and what the last build said. A build that fails leaves the
 * editions on screen and adds its error; the next good one replaces both.
 */
import path from 'node:path'
import type { CacheStore } from '../cache/store.js'
import { Diagnostics, formatMessage, ManuscriptError } from '../diagnostics.js'
import { formats } from '../editions.js'
import type { PressName } from '../press/profiles.js'
import type { PageName, Theme } from '../theme/index.js'
import { openEpub, type OpenedEpub } from './epub-entries.js'

export interface PreviewBuildOptions {
  theme?: Theme | undefined
  themeFile?: string | undefined
  page?: PageName | undefined
  press?: PressName | undefined
  print?: boolean
  sourceDateEpoch?: string | undefined
  cache?: CacheStore | undefined
}

/** Both editions of one good build. */
export interface Shown {
  /** Counts the good builds: the browser asks for an edition by it, so a page never mixes two builds. */
  generation: number
  title: string
  pdf: Uint8Array
  epub: OpenedEpub
}

/** A diagnostic as the page lists it. */
export interface Said {
  severity: 'error' | 'warning'
  file: string | undefined
  line: number | undefined
  column: number | undefined
  reason: string
  /** The line the command line prints for it: `file:line:column: severity: reason`. */
  text: string
}

/** What the page is told after each build, and when it connects. */
export interface Status {
  /** The good build on screen (0 before the first). */
  generation: number
  title: string
  /** The spine's documents, as paths under `/epub/GENERATION/`. */
  documents: string[]
  building: boolean
  /** Whether the last build failed (the editions shown are from an earlier one). */
  failed: boolean
  /** What the last build said. */
  diagnostics: Said[]
  /** How long the last build took, in seconds. */
  seconds: number
}

export class PreviewSession {
  /** The good build on screen, and the one before it (a page still loading it may ask for its files). */
  private shown: Shown[] = []
  private status: Status = { generation: 0, title: '', documents: [], building: false, failed: false, diagnostics: [], seconds: 0 }
  private readonly listeners = new Set<(status: Status) => void>()

  constructor(
    private readonly input: string,
    private readonly options: PreviewBuildOptions,
    /** Told of each build's outcome (the command line prints it). */
    private readonly report: (status: Status, messages: readonly Said[]) => void = () => {},
  ) {}

  get current(): Status {
    return this.status
  }

  /** The editions of good build `generation`, while it is kept. */
  editions(generation: number): Shown | undefined {
    return this.shown.find((shown) => shown.generation === generation)
  }

  /** Be told of every change of status; returns how to stop. */
  listen(listener: (status: Status) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Build both editions in memory; resolves to the files the book was made of (what a watcher watches), also when the build fails. */
  async build(): Promise<Set<string>> {
    const read = new Set<string>([path.resolve(this.input)])
    const diag = new Diagnostics()
    const started = performance.now()
    this.update({ building: true })
    const seconds = (): number => Math.round((performance.now() - started) / 10) / 100
    try {
      const { makeEditions } = await import('../pipeline.js')
      const made = await makeEditions(this.input, { ...this.options, formats, onRead: (file) => read.add(file) }, diag)
      const bytes = (format: string): Uint8Array => made.editions.find((edition) => edition.format === format)!.bytes
      const generation = this.status.generation + 1
      const epub = await openEpub(bytes('epub'))
      this.shown = [{ generation, title: made.book.metadata.title, pdf: bytes('pdf'), epub }, ...this.shown].slice(0, 2)
      this.update({ generation, title: made.book.metadata.title, documents: epub.documents, building: false, failed: false, diagnostics: diag.messages.map(said), seconds: seconds() })
    } catch (error) {
      const messages = diag.messages.map(said)
      // Octavo's own fault is shown too, and the preview goes on: the next edit may avoid it.
      if (!(error instanceof ManuscriptError)) messages.push(internal(error))
      this.update({ building: false, failed: true, diagnostics: messages, seconds: seconds() })
    }
    this.report(this.status, this.status.diagnostics)
    return read
  }

  private update(change: Partial<Status>): void {
    this.status = { ...this.status, ...change }
    for (const listener of this.listeners) listener(this.status)
  }
}

function said(message: Diagnostics['messages'][number]): Said {
  return {
    severity: message.fatal === true ? 'error' : 'warning',
    file: message.file || undefined,
    line: message.line ?? undefined,
    column: message.column ?? undefined,
    reason: message.reason,
    text: formatMessage(message),
  }
}

function internal(error: unknown): Said {
  const reason = `internal error: ${error instanceof Error ? error.message : String(error)} (a fault in Octavo, not in the manuscript: please report it)`
  return { severity: 'error', file: undefined, line: undefined, column: undefined, reason, text: `octavo: error: ${reason}` }
}
