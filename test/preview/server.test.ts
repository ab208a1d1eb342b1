/**
 * The preview's server, without a browser: what it serves of a build, the
 * event stream that tells of builds, and a stop that ends open streams.
 */
import assert from 'node:assert/strict'
import { get } from 'node:http'
import { after, before, describe, it } from 'node:test'
import { preview, type Status } from '../../src/preview/index.js'
import { manuscriptFolder } from '../load/support.js'

describe('the preview server', () => {
  let url: string
  let stop!: () => void
  let serving: Promise<void>
  const builds: Status[] = []

  before(async () => {
    const folder = await manuscriptFolder({ 'story.md': '---\ntitle: Story\nlang: en\n---\n\nOnce upon a time.\n' })
    let listening!: (url: string) => void
    const address = new Promise<string>((resolve) => (listening = resolve))
    serving = preview(`${folder}/story.md`, {
      port: 0,
      build: { sourceDateEpoch: '1700000000' },
      until: new Promise((resolve) => (stop = resolve)),
      onListening: listening,
      onBuild: (status) => builds.push(status),
    })
    url = await address
    while (builds.length === 0) await new Promise((resolve) => setTimeout(resolve, 20))
  })

  after(async () => {
    stop()
    await serving
  })

  it('listens on the loopback address', () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('serves the page, the PDF and the EPUB\'s files of the build shown', async () => {
    assert.equal(builds[0]!.failed, false)
    const page = await fetch(url)
    assert.match(page.headers.get('content-type') ?? '', /text\/html/)
    assert.match(await page.text(), /<div id="print"/)
    const pdf = await fetch(`${url}pdf/1`)
    assert.equal(pdf.headers.get('content-type'), 'application/pdf')
    assert.equal(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5)), '%PDF-')
    const chapter = builds[0]!.documents.find((name) => /chapter/.test(name))!
    const xhtml = await fetch(`${url}epub/1/${chapter}`)
    assert.match(xhtml.headers.get('content-type') ?? '', /application\/xhtml\+xml/)
    assert.match(await xhtml.text(), /Once upon a time/)
    for (const script of ['preview.js', 'print-pane.js', 'reader-pane.js', 'sync.js', 'pdfjs/pdf.mjs', 'pdfjs/pdf.worker.mjs']) {
      assert.equal((await fetch(`${url}${script}`)).status, 200, script)
    }
  })

  it('answers 404 for a build not kept and for what it does not serve', async () => {
    assert.equal((await fetch(`${url}pdf/7`)).status, 404)
    assert.equal((await fetch(`${url}epub/1/no-such-file.xhtml`)).status, 404)
    assert.equal((await fetch(`${url}../package.json`)).status, 404)
    assert.equal((await fetch(`${url}pdf/1`, { method: 'POST' })).status, 405)
  })

  it('tells a page that connects what is shown, and ends its stream when the preview stops', async () => {
    const { first, ended } = await new Promise<{ first: string; ended: Promise<void> }>((resolve, reject) => {
      get(`${url}events`, (response) => {
        let text = ''
        const ended = new Promise<void>((done) => response.on('close', () => done()))
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString()
          const event = /event: status\ndata: (.*)\n\n/.exec(text)
          if (event) resolve({ first: event[1]!, ended })
        })
      }).on('error', reject)
    })
    const status = JSON.parse(first) as Status
    assert.equal(status.generation, 1)
    assert.equal(status.title, 'Story')
    stop()
    await ended
  })
})
