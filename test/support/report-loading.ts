/**
 * Loaded with `node --import` before the command line, in a test's own
 * process: when the process ends, writes to the file named by
 * `OCTAVO_LOADING_REPORT` what it loaded lazily and which font files it read
 * (the same module instances the command line uses, so it sees what the
 * build did).
 */
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { lazyModulesLoaded } from '../../src/lazy.js'
import { fontFacesParsed, fontFilesRead } from '../../src/theme/font-files.js'

export interface LoadingReport {
  /** The names `lazy.ts` gives the modules it loaded. */
  modules: string[]
  /** The packages of every CommonJS module loaded, however it was reached (ES modules leave no such trace). */
  packages: string[]
  fontFilesRead: string[]
  fontFacesParsed: string[]
}

const target = process.env.OCTAVO_LOADING_REPORT
if (target) {
  process.on('exit', () => {
    const files = Object.keys(createRequire(import.meta.url).cache)
    const packages = [...new Set(files.map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1]).filter((name) => name !== undefined))]
    const report: LoadingReport = { modules: [...lazyModulesLoaded()], packages, fontFilesRead: [...fontFilesRead()], fontFacesParsed: [...fontFacesParsed()] }
    writeFileSync(target, JSON.stringify(report))
  })
}
