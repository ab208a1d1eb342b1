/**
 * Threads that set chapters while the build's own thread draws (see
 * `layout-worker.ts`). The threads live as long as the process, so that a
 * watch's rebuilds find the fonts open; they keep the process alive only
 * while they have work.
 */
import { cpus } from 'node:os'
import { deserialize } from 'node:v8'
import { Worker } from 'node:worker_threads'
import type { Said } from '../diagnostics.js'
import type { Asset, Chapter, Metadata } from '../model/book.js'
import type { PageName, Theme } from '../theme/index.js'
import type { Part } from './compose/index.js'
import type { PartLayout } from './layout-cache.js'

/** A chapter to set, with what of the book its layout reads. */
export interface ChapterTask {
  id: number
  index: number
  chapter: Chapter
  depth: number
  within: Part['within']
  chapterCount: number
  /** The number the theme gives the chapter (see `Theme.numbering`), which its headings' numbers start from. */
  number: string | undefined
  metadata: Metadata
  assets: Asset[]
  theme: Theme
  page: PageName
}

/** A chapter's layout, serialized; or what setting it said before it failed, and the error when it is no fault of the manuscript's. */
export type TaskAnswer = { id: number; layout: Uint8Array } | { id: number; said: Said[]; error?: string }

/** What a thread gives back: the layout, or the failure to tell. */
export type ChapterOutcome = { layout: PartLayout } | { said: Said[]; error?: string }

/**
 * How many threads set chapters: `OCTAVO_THREADS` (1, the default, sets them
 * in the build's own thread; `auto`, one fewer than the processors).
 */
export function layoutThreads(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.OCTAVO_THREADS
  if (asked === 'auto') return Math.max(1, cpus().length - 1)
  const count = Number.parseInt(asked ?? '1', 10)
  return Number.isFinite(count) && count > 1 ? Math.min(count, 64) : 1
}

interface Waiting {
  resolve: (outcome: ChapterOutcome) => void
  reject: (error: unknown) => void
}

class LayoutPool {
  private readonly workers: Worker[] = []
  private readonly idle: Worker[] = []
  private readonly queue: ChapterTask[] = []
  private readonly waiting = new Map<number, Waiting>()
  private readonly busy = new Map<Worker, number>()
  private nextId = 0

  constructor(readonly size: number) {}

  layOut(task: Omit<ChapterTask, 'id'>): Promise<ChapterOutcome> {
    const id = this.nextId++
    return new Promise<ChapterOutcome>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      this.queue.push({ ...task, id })
      this.pump()
    })
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.workers.length < this.size ? this.spawn() : undefined)
      if (!worker) return
      const task = this.queue.shift()!
      this.busy.set(worker, task.id)
      worker.ref()
      worker.postMessage(task)
    }
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./layout-worker.js', import.meta.url))
    this.workers.push(worker)
    worker.on('message', (answer: TaskAnswer) => {
      this.busy.delete(worker)
      worker.unref()
      this.idle.push(worker)
      const waiting = this.waiting.get(answer.id)
      this.waiting.delete(answer.id)
      if ('layout' in answer) waiting?.resolve({ layout: deserialize(answer.layout) as PartLayout })
      else waiting?.resolve(answer.error === undefined ? { said: answer.said } : { said: answer.said, error: answer.error })
      this.pump()
    })
    worker.on('error', (error) => {
      // A thread that dies takes its chapter with it: that chapter's build fails; the others go on, on threads made anew.
      const id = this.busy.get(worker)
      this.busy.delete(worker)
      this.workers.splice(this.workers.indexOf(worker), 1)
      const index = this.idle.indexOf(worker)
      if (index >= 0) this.idle.splice(index, 1)
      if (id !== undefined) {
        this.waiting.get(id)?.reject(error)
        this.waiting.delete(id)
      }
      this.pump()
    })
    return worker
  }
}

const pools = new Map<number, LayoutPool>()

/** The process's threads for setting chapters, `size` of them. */
export function layoutPool(size: number): LayoutPool {
  let pool = pools.get(size)
  if (!pool) {
    pool = new LayoutPool(size)
    pools.set(size, pool)
  }
  return pool
}

export type { LayoutPool }
