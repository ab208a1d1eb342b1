#!/usr/bin/env node
// The README's pictures of `octavo preview`: the article and the fixture book,
// each turned to a page, as Chromium shows them (Debian's /usr/bin/chromium,
// driven by puppeteer-core). Run after compiling: node docs/preview-pictures.mjs
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import puppeteer from 'puppeteer-core'
import { preview } from '../lib/src/preview/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pictures = [
  { input: 'content/article.md', page: 2, file: 'docs/preview-article.png' },
  { input: 'test/fixtures/book', page: 7, file: 'docs/preview-book.png' },
]

const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] })
try {
  for (const picture of pictures) {
    let stop
    let listening
    const url = new Promise((resolve) => (listening = resolve))
    const serving = preview(path.join(root, picture.input), { port: 0, build: { sourceDateEpoch: '1700000000' }, until: new Promise((resolve) => (stop = resolve)), onListening: listening })
    const page = await browser.newPage()
    await page.setViewport({ width: 1280, height: 800 })
    await page.goto(await url)
    await page.waitForFunction(() => document.documentElement.dataset.generation === '1', { timeout: 60_000 })
    await page.click('#page', { clickCount: 3 })
    await page.type('#page', String(picture.page))
    await page.keyboard.press('Enter')
    // The pages around the one turned to are drawn as they come into view.
    await page.waitForFunction((number) => document.querySelector(`.sheet[data-page="${number}"] canvas`), { timeout: 20_000 }, picture.page)
    await new Promise((resolve) => setTimeout(resolve, 500))
    await page.screenshot({ path: path.join(root, picture.file) })
    await page.close()
    stop()
    await serving
    console.log(`wrote ${picture.file}`)
  }
} finally {
  await browser.close()
}
