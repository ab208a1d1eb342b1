/**
 * The outside checkers the suite trusts more than Octavo itself: EPUBCheck,
 * poppler and qpdf, run on the files the editions are written to.
 */
import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { PassThrough } from 'node:stream'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The repository's root, from lib/test/support/ where this file runs compiled. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const cli = path.join(root, 'bin/octavo.js')

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

/** Run a program to the end and report how it ended, whatever the exit code. */
export async function runCommand(file: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(file, [...args], { env, maxBuffer: 256 * 1024 * 1024, cwd: root })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string }
    if (typeof failed.code !== 'number') throw error
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}

/**
 * Run the octavo command line in this process (`run` in src/cli.ts, what
 * `bin/octavo.js` runs), with its output collected: the same exit codes and
 * messages, without paying for Node's start and the program's loading on
 * every build.
 */
export async function octavoInProcess(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  const { run: runCli } = await import('../../src/cli.js')
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const text = { stdout: '', stderr: '' }
  stdout.on('data', (chunk: Buffer) => (text.stdout += chunk.toString()))
  stderr.on('data', (chunk: Buffer) => (text.stderr += chunk.toString()))
  const code = await runCli(args, stdout, stderr, env)
  return { code, ...text }
}

/** Run the octavo command line as a user would. */
export function octavo(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  return runCommand(process.execPath, [cli, ...args], env)
}

export function tempDir(prefix = 'octavo-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix))
}

export { epubcheck, epubcheckJar, type EpubcheckResult } from './epubcheck.js'

/**
 * The PDF's text, page by page, a line of words per line set. It is read from
 * poppler's word boxes (`-bbox-layout`) rather than its plain text, whose
 * `-raw` mode runs words together on tightly set lines and whose other modes
 * join hyphenated line ends themselves, which the caller must judge.
 */
export async function pdfText(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 1024 * 1024 * 1024 })
  return [...stdout.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map(([, page]) =>
    [...page!.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)]
      .map(([, line]) => [...line!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map(([, word]) => decodeXml(word!)).join(' '))
      .join('\n'),
  )
}

/**
 * XML character references and the five predefined entities, decoded in one
 * pass: `&#x26;#65;` is the text `&#65;`, not `A`.
 */
export function decodeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex?: string, decimal?: string, name?: string) => {
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16))
    if (decimal !== undefined) return String.fromCodePoint(Number(decimal))
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!]!
  })
}

export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file])
  const info: Record<string, string> = {}
  for (const line of stdout.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line)
    if (match) info[match[1]!] = match[2]!
  }
  return info
}

export interface PdfFont {
  name: string
  embedded: boolean
  subset: boolean
}

export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [file])
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields = line.trim().split(/\s+/)
      // name type… encoding emb sub uni object-number generation
      return { name: fields[0]!, embedded: fields.at(-5) === 'yes', subset: fields.at(-4) === 'yes' }
    })
}

export async function qpdfCheck(file: string): Promise<CommandResult> {
  return runCommand('qpdf', ['--check', file])
}
