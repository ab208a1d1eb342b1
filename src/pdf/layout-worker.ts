/**
 * A thread that sets chapters (see `layout-pool.ts`): told a chapter and
 * the few facts of the book its layout reads, it answers with the chapter's
 * layout, serialized, or with what setting it said before it failed. It
 * opens a theme's fonts once, for every chapter and every build after.
 */
import { serialize } from 'node:v8'
import { parentPort } from 'node:worker_threads'
import { Diagnostics, ManuscriptError, type Said } from '../diagnostics.js'
import type { Book } from '../model/book.js'
import { pageGeometry } from '../theme/index.js'
import { Composer } from './compose/context.js'
import { composeChapterPart } from './compose/index.js'
import { createLanguageHyphenator } from './hyphenate.js'
import type { ChapterTask, TaskAnswer } from './layout-pool.js'
import { createMeasurer, type Measurer } from './measure.js'
import { pageParams, setPart } from './set-part.js'

/** Measurers by theme: a theme's fonts are opened once. */
const measurers = new Map<string, Measurer>()

function answer(task: ChapterTask): TaskAnswer {
  const { theme, page, index } = task
  const themeKey = JSON.stringify(theme)
  let measurer = measurers.get(themeKey)
  if (!measurer) {
    measurer = createMeasurer(theme)
    measurers.set(themeKey, measurer)
  }
  // The book as the chapter's layout sees it: its metadata, pictures, number of chapters, and this chapter.
  const chapters = new Array<Book['chapters'][number]>(task.chapterCount)
  chapters[index] = task.chapter
  const book: Book = { metadata: task.metadata, assets: task.assets, chapters }
  const geometry = pageGeometry(theme, page)
  const diag = new Diagnostics()
  const composer = new Composer(book, theme, measurer, geometry, diag, createLanguageHyphenator(task.metadata.lang, theme.hyphenation))
  composer.chapterNumbers = []
  composer.chapterNumbers[index] = task.number
  const params = pageParams(theme, geometry)
  const said: Said[] = []
  const stop = diag.listen((message) => said.push(message))
  try {
    const layout = setPart(() => composeChapterPart(composer, index, task.depth, task.within), params, diag)
    return { id: task.id, layout: new Uint8Array(serialize(layout)) }
  } catch (error) {
    if (error instanceof ManuscriptError) return { id: task.id, said }
    return { id: task.id, said, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  } finally {
    stop()
  }
}

parentPort?.on('message', (task: ChapterTask) => {
  const reply = answer(task)
  parentPort!.postMessage(reply, 'layout' in reply ? [reply.layout.buffer as ArrayBuffer] : [])
})
