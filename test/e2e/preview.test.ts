/**
 * `octavo preview` in a real browser (Debian's Chromium, driven by
 * puppeteer-core): the print edition's pages are drawn, turning to a page in
 * the print pane brings the e-reader pane to the words that begin it (as
 * poppler reads them off the PDF the preview serves), a failed build is shown
 * with its file:line:column and leaves the editions on screen, and an edit
 * reaches both panes without the page being loaded again. Ctrl-C stops it.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import { manuscriptFolder } from '../load/support.js'
import { wordTokens } from '../support/editions.js'
import { cli, pdfText, tempDir } from '../support/tools.js'

const chromium = '/usr/bin/chromium'
const wordsCompared = 4

/** Prose that runs over several pages, its words drawn from a small vocabulary by a fixed seed. */
function prose(paragraphs: number, seed: number): string {
  const vocabulary = 'harbour lantern gravel shutter ember meadow copper willow thistle bramble cinder orchard pebble quarry ripple saddle timber velvet walnut yonder anchor barley candle drizzle furrow gable hollow inkwell juniper kettle'.split(' ')
  let state = seed
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648)
  const sentence = (): string => {
    const words = Array.from({ length: 8 + (next() % 8) }, () => vocabulary[next() % vocabulary.length]!)
    return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`
  }
  return Array.from({ length: paragraphs }, () => Array.from({ length: 4 + (next() % 3) }, sentence).join(' ')).join('\n\n')
}

const chapterOne = (opening: string): string => `# Shore\n\n${opening}${prose(22, 7)}\n`

/** Resolves when `test` holds in the page, checking every few milliseconds. */
function until(page: Page, test: () => unknown, timeout = 20_000): Promise<unknown> {
  return page.waitForFunction(test, { timeout, polling: 50 })
}

/** The PDF's pages as poppler reads them, without the running heads and folios. */
async function printedPages(url: string, folder: string, titles: readonly string[]): Promise<string[][]> {
  const file = path.join(folder, 'shown.pdf')
  await writeFile(file, new Uint8Array(await (await fetch(url)).arrayBuffer()))
  return (await pdfText(file)).map((page) => {
    const lines = page.split('\n').map((line) => line.trim()).filter((line) => line !== '')
    const furniture = (line: string): boolean => titles.includes(line) || /^\d+$/.test(line)
    while (lines.length > 0 && furniture(lines[0]!)) lines.shift()
    while (lines.length > 0 && furniture(lines.at(-1)!)) lines.pop()
    return wordTokens(lines.join('\n'))
  })
}

/** The words the e-reader pane shows from its top down: from the start of the line at the pane's top (read in the frame under it). */
function readerWordsAtTop(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pane = document.getElementById('reader')!
    const y = pane.getBoundingClientRect().top + 12
    for (const frame of Array.from(document.querySelectorAll<HTMLIFrameElement>('#reader iframe'))) {
      const box = frame.getBoundingClientRect()
      if (box.top > y || box.bottom <= y) continue
      const document = frame.contentDocument!
      const caret = document.caretRangeFromPoint(2, y - box.top)
      if (!caret) return ''
      const range = document.createRange()
      range.setStart(caret.startContainer, caret.startOffset)
      range.setEndAfter(document.body.lastChild!)
      return range.toString()
    }
    return ''
  })
}

/** Turn the print pane to `page` as a reader does: type its number and press Enter. */
async function goToPage(page: Page, number: number): Promise<void> {
  await page.click('#page', { clickCount: 3 })
  await page.type('#page', String(number))
  await page.keyboard.press('Enter')
  await until(page, () => document.getElementById('reader')!.scrollTop > 0 || document.getElementById('print')!.scrollTop === 0)
}

describe('octavo preview', { timeout: 120_000 }, () => {
  let folder: string
  let scratch: string
  let url: string
  let browser: Browser
  let page: Page
  let child: ReturnType<typeof spawn>
  let exited: Promise<number | null>
  let stderr = ''

  before(async () => {
    folder = await manuscriptFolder({
      'book.yaml': 'title: Tides\nauthor: A. Writer\nlang: en\n',
      '01-shore.md': chapterOne(''),
      '02-harbour.md': `# Harbour\n\n${prose(3, 11)}\n`,
    })
    scratch = await tempDir('octavo-preview-')
    child = spawn(process.execPath, [cli, 'preview', folder, '--port', '0', '--no-cache'], { env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } })
    exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    url = await new Promise<string>((resolve, reject) => {
      let stdout = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)
        if (found) resolve(found[1]!)
      })
      child.once('exit', () => reject(new Error(`octavo preview stopped: ${stderr}`)))
    })
    browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
    page = await browser.newPage()
    await page.setViewport({ width: 1200, height: 800 })
    await page.goto(url)
    await until(page, () => document.documentElement.dataset.generation === '1')
  })

  after(async () => {
    await browser?.close()
    child?.kill('SIGINT')
    await rm(folder, { recursive: true, force: true })
    await rm(scratch, { recursive: true, force: true })
  })

  it('draws the print edition\'s pages', async () => {
    await until(page, () => document.querySelector('#print .sheet canvas') !== null)
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#print .sheet canvas')!
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
      let dark = 0
      for (let index = 0; index < data.length; index += 4) if (data[index]! < 128 && data[index + 3]! > 0) dark++
      return { dark, all: data.length / 4 }
    })
    assert.ok(inked.dark > 100, `the first page has ink on it (${inked.dark} dark pixels of ${inked.all})`)
    const sheets = await page.$$eval('#print .sheet', (found) => found.length)
    const pages = await printedPages(`${url}pdf/1`, scratch, [])
    assert.equal(sheets, pages.length, 'a sheet for every page of the PDF')
  })

  it('brings the e-reader pane to the words that begin the page turned to in the print pane', async () => {
    const pages = await printedPages(`${url}pdf/1`, scratch, ['Tides', 'Shore', 'Harbour', 'A. Writer'])
    const marked = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLIFrameElement>('#reader iframe')).flatMap((frame) =>
        Array.from(frame.contentDocument!.querySelectorAll('[role~="doc-pagebreak"]')).map((marker) => Number(marker.id.replace('page-', ''))),
      ),
    )
    // Most of them begin inside a paragraph, in the middle of a line of the EPUB.
    assert.ok(marked.length >= 4, `pages marked in the EPUB (${marked.join(', ')})`)
    for (const number of marked) {
      await goToPage(page, number)
      const printed = pages[number - 1]!.slice(0, wordsCompared)
      const shown = wordTokens(await readerWordsAtTop(page)).slice(0, 30)
      // A page may open inside a word hyphenated over the page before: its rest is compared without it.
      const compared = shown[0] !== undefined && !shown.includes(printed[0]!) ? printed.slice(1) : printed
      assert.ok(shown.join(' ').includes(compared.join(' ')), `page ${number}: the e-reader pane shows "${compared.join(' ')}" at its top, not "${shown.slice(0, 12).join(' ')}"`)
    }
  })

  it('moves the print pane to the page the e-reader pane is scrolled to', async () => {
    await goToPage(page, 1)
    // The last page that has a marker: scrolled to in the e-reader pane, far from page 1.
    const target = await page.evaluate(() => {
      const found = Array.from(document.querySelectorAll<HTMLIFrameElement>('#reader iframe')).flatMap((frame) =>
        Array.from(frame.contentDocument!.querySelectorAll('[role~="doc-pagebreak"]')).map((marker) => ({ page: marker.id.replace('page-', ''), top: frame.offsetTop + marker.getBoundingClientRect().top })),
      )
      return found.at(-1)
    })
    assert.ok(target !== undefined, 'the EPUB has page-break markers')
    await page.evaluate((top) => document.getElementById('reader')!.scrollTo(0, top), target.top)
    await page.waitForFunction((number: string) => (document.getElementById('page') as HTMLInputElement).value === number, { timeout: 20_000, polling: 50 }, target.page)
  })

  it('shows a failed build\'s error with its place, keeping the editions, then an edit in both panes without loading the page again', async () => {
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
    await writeFile(path.join(folder, '01-shore.md'), `---\ntitle: [broken\n---\n\n${chapterOne('')}`)
    await until(page, () => document.querySelector('#messages li.error') !== null)
    const error = await page.$eval('#messages li.error', (item) => item.textContent ?? '')
    assert.match(error, /01-shore\.md:\d+:\d+: error: /)
    assert.equal(await page.evaluate(() => document.documentElement.dataset.generation), '1', 'the last good editions stay')
    assert.ok((await page.$$('#print .sheet canvas')).length > 0, 'its pages are still drawn')

    await writeFile(path.join(folder, '01-shore.md'), chapterOne('Zebras quietly juggled marmalade.\n\n'))
    await until(page, () => document.documentElement.dataset.generation === '2')
    assert.equal(await page.$('#messages li.error'), null, 'the error is gone with the good build')
    const reader = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLIFrameElement>('#reader iframe')).map((frame) => frame.contentDocument!.body.textContent).join(' '))
    assert.match(reader, /Zebras quietly juggled marmalade/)
    const pages = await printedPages(`${url}pdf/2`, scratch, [])
    const number = pages.findIndex((words) => words.includes('marmalade')) + 1
    assert.ok(number > 0, 'the new words are in the PDF served')
    await goToPage(page, number)
    await until(page, () => /juggled marmalade/.test(document.querySelector(`#print .sheet[data-page="${(document.getElementById('page') as HTMLInputElement).value}"] .textLayer`)?.textContent ?? ''))
    assert.equal(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true, 'the page was not loaded again')
  })

  it('stops on Ctrl-C', async () => {
    await browser.close()
    child.kill('SIGINT')
    assert.equal(await exited, 0, stderr)
  })
})
