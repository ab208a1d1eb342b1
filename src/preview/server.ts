/**
 * The preview's web server, on the loopback address only: the page and its
 * script, PDF.js from the installed `pdfjs-dist`, the editions of a good
 * build by its number (`/pdf/N`, `/epub/N/…`), and a stream of Server-Sent
 * Events that tells the page of every build, so that it updates in place.
 */
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mediaType } from './epub-entries.js'
import type { PreviewSession, Status } from './session.js'

export interface PreviewServer {
  /** The page's address, e.g. `http://127.0.0.1:3939/`. */
  url: string
  /** Ends every open connection and stops listening (once, however often it is called). */
  close(): Promise<void>
}

/** The page and its script and style, kept as they are beside the compiled code's sources. */
const browserFolder = fileURLToPath(new URL('../../../src/preview/browser/', import.meta.url))
const pdfjsFolder = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')))

/** The files the page loads, by the path it asks for. */
const files: Record<string, string> = {
  '/': path.join(browserFolder, 'page.html'),
  '/preview.js': path.join(browserFolder, 'preview.js'),
  '/print-pane.js': path.join(browserFolder, 'print-pane.js'),
  '/reader-pane.js': path.join(browserFolder, 'reader-pane.js'),
  '/preview.css': path.join(browserFolder, 'preview.css'),
  '/sync.js': fileURLToPath(new URL('./sync.js', import.meta.url)),
  '/pdfjs/pdf.mjs': path.join(pdfjsFolder, 'build/pdf.min.mjs'),
  '/pdfjs/pdf.worker.mjs': path.join(pdfjsFolder, 'build/pdf.worker.min.mjs'),
  '/pdfjs/pdf_viewer.css': path.join(pdfjsFolder, 'web/pdf_viewer.css'),
}

const fileTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** How often an idle event stream is sent a comment: a connection that has gone is found out then. */
const heartbeat = 15_000

export async function startPreviewServer(session: PreviewSession, port: number): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>()
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) respond(response, 500, 'text/plain; charset=utf-8', `internal error: ${error instanceof Error ? error.message : String(error)}`)
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(response, 405, 'text/plain; charset=utf-8', 'only GET')
    const { pathname } = new URL(request.url ?? '/', 'http://localhost')
    if (pathname === '/events') return events(response)
    // The page has no icon: said at once, rather than with a "not found" in the browser's console.
    if (pathname === '/favicon.ico') return void response.writeHead(204).end()
    const file = files[pathname]
    if (file !== undefined) return respond(response, 200, fileTypes[path.extname(file)] ?? 'application/octet-stream', await readFile(file))
    const pdf = /^\/pdf\/(\d+)$/.exec(pathname)
    if (pdf) {
      const shown = session.editions(Number(pdf[1]))
      return shown ? respond(response, 200, 'application/pdf', shown.pdf) : gone(response)
    }
    const epub = /^\/epub\/(\d+)\/(.+)$/.exec(pathname)
    if (epub) {
      const shown = session.editions(Number(epub[1]))
      const name = decodeURIComponent(epub[2]!)
      const bytes = shown?.epub.entries.get(name)
      return bytes ? respond(response, 200, mediaType(name), bytes) : gone(response)
    }
    respond(response, 404, 'text/plain; charset=utf-8', 'not found')
  }

  /** An event stream: the status at once, then every change of it, until the page goes. */
  function events(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
    const send = (status: Status): void => void response.write(`event: status\ndata: ${JSON.stringify(status)}\n\n`)
    response.write('retry: 1000\n\n')
    send(session.current)
    const stop = session.listen(send)
    const beat = setInterval(() => response.write(': still here\n\n'), heartbeat)
    streams.add(response)
    const closed = (): void => {
      stop()
      clearInterval(beat)
      streams.delete(response)
    }
    response.once('close', closed)
    response.once('error', closed)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  let closing: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const stream of streams) stream.end()
        server.close(() => resolve())
        server.closeAllConnections()
      })),
  }
}

/** Nothing is cached: the numbers of builds start again with each preview, and everything comes from this machine. */
function respond(response: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' })
  response.end(body)
}

/** An edition no longer kept (a page that asks for it will be told of a newer one). */
function gone(response: ServerResponse): void {
  respond(response, 404, 'text/plain; charset=utf-8', 'this build is no longer shown')
}
