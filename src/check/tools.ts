/**
 * The field's own checkers, run when the machine has them: EPUBCheck (the
 * reference validator of EPUB, a Java program) for an EPUB; qpdf and
 * poppler's pdffonts for a PDF. A checker that cannot run is skipped, and the
 * summary says why.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** Where Debian's epubcheck package puts the jar; `OCTAVO_EPUBCHECK_JAR` names another. */
export const defaultEpubcheckJar = '/usr/share/java/epubcheck.jar'

export interface Finding {
  severity: 'error' | 'warning'
  rule: string
  message: string
  /** A file inside the EPUB, or the checked file itself. */
  file?: string
  line?: number
  column?: number
}

export type ToolRun = { tool: string; ran: true; findings: Finding[] } | { tool: string; ran: false; reason: string }

interface Output {
  code: number
  stdout: string
  stderr: string
  /** Set when the program could not be started at all. */
  missing?: boolean
}

function run(command: string, args: readonly string[]): Promise<Output> {
  return new Promise((resolve) => {
    execFile(command, [...args], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr, ...((error as NodeJS.ErrnoException | null)?.code === 'ENOENT' ? { missing: true } : {}) })
    })
  })
}

interface EpubcheckMessage {
  ID: string
  severity: string
  message: string
  locations?: Array<{ path?: string; line?: number; column?: number }>
}

/** EPUBCheck on an EPUB file: its errors (and fatal errors) and warnings; usage notes are left out. */
export async function epubcheck(file: string, env: NodeJS.ProcessEnv = process.env): Promise<ToolRun> {
  const tool = 'EPUBCheck'
  const jar = env.OCTAVO_EPUBCHECK_JAR ?? defaultEpubcheckJar
  if (!existsSync(jar)) return { tool, ran: false, reason: `its jar is not at ${jar} (install Debian's epubcheck package, or set OCTAVO_EPUBCHECK_JAR)` }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'octavo-check-'))
  try {
    const report = path.join(scratch, 'epubcheck.json')
    const result = await run('java', ['-jar', jar, file, '--json', report, '-q'])
    if (result.missing) return { tool, ran: false, reason: 'Java is not installed (EPUBCheck is a Java program)' }
    let parsed: { messages: EpubcheckMessage[] }
    try {
      parsed = JSON.parse(await readFile(report, 'utf8')) as { messages: EpubcheckMessage[] }
    } catch {
      return { tool, ran: false, reason: `it stopped without a report (exit ${result.code}): ${result.stderr.trim().split('\n')[0] ?? ''}` }
    }
    const findings: Finding[] = []
    for (const message of parsed.messages) {
      const severity = message.severity === 'ERROR' || message.severity === 'FATAL' ? 'error' : message.severity === 'WARNING' ? 'warning' : undefined
      if (!severity) continue
      const where = message.locations?.[0]
      const finding: Finding = { severity, rule: `epubcheck/${message.ID}`, message: message.message }
      if (where?.path) finding.file = where.path
      if (where?.line !== undefined && where.line > 0) finding.line = where.line
      if (where?.column !== undefined && where.column > 0) finding.column = where.column
      findings.push(finding)
    }
    return { tool, ran: true, findings }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** qpdf's structural check of a PDF. */
export async function qpdfCheck(file: string): Promise<ToolRun> {
  const tool = 'qpdf'
  const result = await run('qpdf', ['--check', file])
  if (result.missing) return { tool, ran: false, reason: 'qpdf is not installed' }
  // 0 clean, 3 warnings, 2 errors.
  if (result.code === 0) return { tool, ran: true, findings: [] }
  const lines = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => /WARNING|ERROR|error|damaged/i.test(line))
  const severity = result.code === 3 ? 'warning' : 'error'
  return { tool, ran: true, findings: (lines.length > 0 ? lines : [`qpdf --check ended with status ${result.code}`]).map((message) => ({ severity, rule: 'qpdf', message: message.trim() })) }
}

/** pdffonts: every font embedded (a printer refuses a file whose fonts are not). */
export async function pdfFontsCheck(file: string): Promise<ToolRun> {
  const tool = 'pdffonts'
  const result = await run('pdffonts', [file])
  if (result.missing) return { tool, ran: false, reason: "poppler's pdffonts is not installed" }
  if (result.code !== 0) return { tool, ran: true, findings: [{ severity: 'error', rule: 'pdffonts', message: `pdffonts cannot read the file: ${result.stderr.trim().split('\n')[0]}` }] }
  const findings: Finding[] = []
  for (const line of result.stdout.split('\n').slice(2)) {
    const columns = line.trim().split(/\s+/)
    if (columns.length < 7) continue
    // name type [encoding…] emb sub uni object generation
    const embedded = columns.at(-5)
    if (embedded === 'no') findings.push({ severity: 'error', rule: 'pdffonts', message: `font ${columns[0]} is not embedded` })
  }
  return { tool, ran: true, findings }
}
