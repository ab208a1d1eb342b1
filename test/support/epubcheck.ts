/**
 * EPUBCheck, the reference validator, run as few times as it can be started:
 * starting its JVM and loading its schemas costs about six seconds, checking a
 * small book a tenth of that. `EpubcheckBatch.java` checks book after book in
 * one Java process; the suite's runner (`test/run-suite.ts`) starts one for
 * the whole suite and names its socket in `OCTAVO_EPUBCHECK_SOCKET`; a test
 * file run on its own starts one of its own.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const epubcheckJar = '/usr/share/java/epubcheck.jar'
const batchSource = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/support/EpubcheckBatch.java')

export interface EpubcheckResult {
  code: number
  /** Lines reporting a FATAL, ERROR or WARNING. */
  problems: string[]
}

/** EPUBCheck's verdict on one book: from the suite's shared process when there is one, else from this process's own. */
export function epubcheck(file: string): Promise<EpubcheckResult> {
  const socket = process.env.OCTAVO_EPUBCHECK_SOCKET
  if (socket) return askService(socket, path.resolve(file))
  own ??= new EpubcheckProcess({ keepAlive: false })
  return own.check(path.resolve(file))
}

let own: EpubcheckProcess | undefined

/** One long-lived Java process checking the books it is given, one after another. */
export class EpubcheckProcess {
  private readonly child: ChildProcessWithoutNullStreams
  private readonly waiting: Array<(result: EpubcheckResult) => void> = []
  private buffer = ''

  /** `keepAlive: false`: with no book waiting, the process does not keep Node running (a test file's own). */
  constructor(private readonly options: { keepAlive: boolean }) {
    this.child = spawn('java', ['-cp', epubcheckJar, batchSource], { stdio: ['pipe', 'pipe', 'pipe'] })
    this.child.stdout.setEncoding('utf8')
    this.child.stdout.on('data', (chunk: string) => this.read(chunk))
    this.child.stderr.setEncoding('utf8')
    this.child.stderr.on('data', (chunk: string) => (this.buffer += chunk))
    this.child.on('exit', (code) => {
      for (const resolve of this.waiting.splice(0)) resolve(verdict(code ?? 2, `FATAL(batch): EPUBCheck's process ended (${code})\n${this.buffer}`))
      if (own === this) own = undefined
    })
    this.idle()
  }

  check(file: string): Promise<EpubcheckResult> {
    return new Promise((resolve) => {
      this.busy()
      this.waiting.push(resolve)
      this.child.stdin.write(`${file}\n`)
    })
  }

  stop(): void {
    this.child.stdin.end()
  }

  private read(chunk: string): void {
    this.buffer += chunk
    for (;;) {
      const match = /\u0000EPUBCHECK-EXIT (\d+)\n/.exec(this.buffer)
      if (!match) return
      const text = this.buffer.slice(0, match.index)
      this.buffer = this.buffer.slice(match.index + match[0].length)
      this.waiting.shift()?.(verdict(Number(match[1]), text))
      if (this.waiting.length === 0) this.idle()
    }
  }

  private idle(): void {
    if (this.options.keepAlive) return
    this.child.unref()
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as unknown as { unref?: () => void }).unref?.()
  }

  private busy(): void {
    if (this.options.keepAlive) return
    this.child.ref()
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as unknown as { ref?: () => void }).ref?.()
  }
}

function verdict(code: number, text: string): EpubcheckResult {
  return { code, problems: text.split('\n').filter((line) => /^(FATAL|ERROR|WARNING)/.test(line)) }
}

/**
 * Serve EPUBCheck to the suite's test processes over a Unix socket: each
 * connection sends one path and a line break, and gets the verdict back as a
 * line of JSON.
 */
export async function startEpubcheckService(socket: string): Promise<{ stop: () => Promise<void> }> {
  const checker = new EpubcheckProcess({ keepAlive: true })
  const server = net.createServer((connection) => {
    let request = ''
    connection.setEncoding('utf8')
    connection.on('data', (chunk: string) => {
      request += chunk
      if (!request.includes('\n')) return
      void checker.check(request.trim()).then((result) => connection.end(`${JSON.stringify(result)}\n`))
    })
    connection.on('error', () => {})
  })
  await new Promise<void>((resolve) => server.listen(socket, resolve))
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        checker.stop()
        server.close(() => resolve())
      }),
  }
}

function askService(socket: string, file: string): Promise<EpubcheckResult> {
  return new Promise((resolve, reject) => {
    let answer = ''
    const connection = net.createConnection(socket, () => connection.write(`${file}\n`))
    connection.setEncoding('utf8')
    connection.on('data', (chunk: string) => (answer += chunk))
    connection.on('end', () => {
      try {
        resolve(JSON.parse(answer) as EpubcheckResult)
      } catch {
        reject(new Error(`EPUBCheck's service gave no verdict for ${file}: ${answer}`))
      }
    })
    connection.on('error', reject)
  })
}
