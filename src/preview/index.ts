/**
 * `octavo preview`: both editions of a manuscript side by side in the
 * browser, the print edition's pages beside the EPUB's text, kept in step
 * page by page, and made again whenever a file of the manuscript changes.
 * Nothing is written: the editions live in memory.
 */
import path from 'node:path'
import { watchManuscript } from '../watch.js'
import { startPreviewServer, type PreviewServer } from './server.js'
import { PreviewSession, type PreviewBuildOptions, type Said, type Status } from './session.js'

export type { PreviewBuildOptions, Status } from './session.js'

export interface PreviewOptions {
  /** The port to listen on (127.0.0.1 only); 0 for any free one. */
  port: number
  build: PreviewBuildOptions
  /** Folders never watched (the cache). */
  ignore?: readonly string[]
  /** Told of the page's address once the server listens. */
  onListening?: (url: string) => void
  /** Told of each build's outcome. */
  onBuild?: (status: Status, messages: readonly Said[]) => void
  /** Settle time after a change, in milliseconds (see `watchManuscript`). */
  settle?: number
  /** The preview stops when this resolves (Ctrl-C for the command line). */
  until: Promise<void>
}

/** Serve the preview of `input` until told to stop; rejects only when the server cannot listen (the port is taken). */
export async function preview(input: string, options: PreviewOptions): Promise<void> {
  const session = new PreviewSession(input, options.build, options.onBuild)
  const server: PreviewServer = await startPreviewServer(session, options.port)
  // The page can be opened at once: it shows the first build when it is done.
  options.onListening?.(server.url)
  // Stopping closes the page's connections at once; a build under way is let finish (the watcher waits for it).
  void options.until.then(() => server.close())
  const absolute = path.resolve(input)
  try {
    await watchManuscript({
      folder: /\.md$/i.test(absolute) ? path.dirname(absolute) : absolute,
      ignore: options.ignore ?? [],
      until: options.until,
      ...(options.settle === undefined ? {} : { settle: options.settle }),
      build: async () => ({ read: await session.build() }),
    })
  } finally {
    await server.close()
  }
}
