import path from 'node:path'

/** What one round of building reports back to the watcher. */
export interface WatchedBuild {
  /** Files the build read (chapters, lists, pictures, includes): a change to one of them calls for a new build. */
  read: ReadonlySet<string>
}

export interface WatchOptions {
  /** The folder to watch: the book's, or the single file's. */
  folder: string
  /** Paths never watched (the editions' folder, the cache). */
  ignore: readonly string[]
  /** Build once; resolves even when the manuscript is at fault (the watcher goes on). */
  build: () => Promise<WatchedBuild>
  /** How long to wait after a change for others that come with it (an editor saving several files). */
  settle?: number
  /** Stops the watcher when it resolves (SIGINT for the command line; a test's own signal). */
  until: Promise<void>
}

/**
 * Build, then build again whenever a file the manuscript is made of changes,
 * is added or removed (a new chapter in a book folder counts), until told to
 * stop. Changes that come while a build runs are gathered into the next one,
 * so a burst of saves gives one build, and a build is never run twice at once.
 */
export async function watchManuscript(options: WatchOptions): Promise<void> {
  const { watch } = await import('chokidar')
  const ignored = options.ignore.map((entry) => path.resolve(entry))
  const watcher = watch(options.folder, {
    ignoreInitial: true,
    ignored: (file: string) => ignored.some((entry) => file === entry || file.startsWith(`${entry}${path.sep}`)) || hiddenWithin(options.folder, file),
  })
  // Watching starts before the first build, so that an edit made while it runs is not missed.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  /** The files the last build read; until the first build has said, every change counts. */
  let read: ReadonlySet<string> | undefined
  let pending = true
  let timer: NodeJS.Timeout | undefined
  const rebuild = async (): Promise<void> => {
    while (pending) {
      pending = false
      read = (await options.build()).read
      // A file read from outside the folder (a theme file named on the command line, its fonts) is watched too.
      const outside = [...read].filter((file) => path.relative(options.folder, file).startsWith('..'))
      if (outside.length > 0) watcher.add(outside)
    }
    running = undefined
  }
  let running: Promise<void> | undefined = rebuild()
  const changed = (file: string, event: string): void => {
    const absolute = path.resolve(file)
    // A file the book did not read matters only when it may become part of it (a new or removed Markdown file).
    if (read && !read.has(absolute) && !(event !== 'change' && /\.(md|ya?ml|toml)$/i.test(absolute))) return
    pending = true
    clearTimeout(timer)
    timer = setTimeout(() => {
      running ??= rebuild()
    }, options.settle ?? 100)
  }
  watcher.on('all', (event, file) => changed(file, event))
  await options.until
  clearTimeout(timer)
  await running
  await watcher.close()
}

/** Whether a file inside `folder` is hidden (a dot file or folder) or in `node_modules`; a file outside it is what the book read there. */
function hiddenWithin(folder: string, file: string): boolean {
  const relative = path.relative(folder, file)
  if (relative.startsWith('..')) return false
  return /(^|[/\\])(\.|node_modules$)/.test(relative)
}
