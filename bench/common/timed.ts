/**
 * One command run under `/usr/bin/time -v`: wall-clock seconds (measured around the process), processor
 * seconds, peak resident memory (the maximum resident set size `time` reports), exit status and what the command
 * wrote, with `time`'s report taken off its standard error. The machine's load average is read just
 * before the run, as a figure means little without it.
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'

export interface TimedRun {
  status: number | null
  seconds: number
  /** Processor seconds, user and system, of the command and its children: steadier than `seconds` on a busy machine. */
  cpuSeconds: number
  peakMegabytes: number
  /** One-minute load average just before the run. */
  loadBefore: number
  stdout: string
  /** The command's own standard error, without `time`'s report. */
  stderr: string
}

export function timedRun(command: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): TimedRun {
  const loadBefore = os.loadavg()[0]!
  const started = performance.now()
  const result = spawnSync('/usr/bin/time', ['-v', ...command], { encoding: 'utf8', maxBuffer: 1 << 28, cwd: options.cwd, env: options.env ?? process.env })
  const seconds = (performance.now() - started) / 1000
  const stderr = result.stderr ?? ''
  const report = stderr.lastIndexOf('\tCommand being timed:')
  const tail = stderr.slice(Math.max(report, 0))
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(tail)
  const user = /User time \(seconds\): ([\d.]+)/.exec(tail)
  const system = /System time \(seconds\): ([\d.]+)/.exec(tail)
  return {
    status: result.status,
    seconds,
    cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : Number.NaN,
    peakMegabytes: rss ? Number(rss[1]) / 1024 : Number.NaN,
    loadBefore,
    stdout: result.stdout ?? '',
    stderr: (report >= 0 ? stderr.slice(0, report) : stderr).trim(),
  }
}

/** Pages of a PDF, as poppler's `pdfinfo` counts them; NaN when it cannot read the file. */
export function pdfPages(file: string): number {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(info.stdout ?? '')?.[1] ?? Number.NaN)
}
