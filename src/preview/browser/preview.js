// The preview page: the print edition's pages, drawn by PDF.js, beside the
// EPUB's documents in frames, kept in step through the page-break markers
// (see sync.ts). The server says after every build which editions to show
// (Server-Sent Events); the page swaps them in without reloading itself.
import * as pdfjs from '/pdfjs/pdf.mjs'
import { carry, knotsBetween, pageAt } from '/sync.js'

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.mjs'

const printPane = document.getElementById('print')
const readerPane = document.getElementById('reader')
const pageInput = document.getElementById('page')
const pageCount = document.getElementById('pages')
const statusLine = document.getElementById('status')
const messages = document.getElementById('messages')

/** The gap between two pages of the print edition, in CSS pixels; half of it stands above the page's top when it is shown. */
const pageGap = 16
/** The largest scale a page is drawn at: its points as CSS pixels, times this. */
const largestScale = 1.6
/** How far below the reader pane's top a page's marker stands when that page is shown, so its line is seen whole. */
const markerInset = 8

/** What is on screen: the good build's number, its PDF and pages, and its documents' frames. */
const shown = { generation: 0, pdf: null, sheets: [], frames: [], knots: null }
/** The status the server sent last. */
let latest = null
/** The build being loaded, while one is. */
let loading = null

// ---- Status and diagnostics -------------------------------------------------

function connect() {
  const events = new EventSource('/events')
  events.addEventListener('status', (event) => onStatus(JSON.parse(event.data)))
  events.addEventListener('error', () => {
    statusLine.textContent = 'Not connected: is octavo preview still running?'
    statusLine.classList.add('failed')
  })
}

function onStatus(status) {
  latest = status
  if (status.title) {
    document.getElementById('title').textContent = status.title
    document.title = `${status.title} — Octavo preview`
  }
  statusLine.classList.toggle('failed', status.failed)
  statusLine.textContent = status.building
    ? 'Building…'
    : status.failed
      ? status.generation > 0
        ? 'The build failed: the editions shown are the last good ones'
        : 'The build failed'
      : status.generation > 0
        ? `Built in ${status.seconds.toFixed(2)} s`
        : 'Building…'
  if (!status.building) showDiagnostics(status.diagnostics)
  if (status.generation > 0 && status.generation !== shown.generation) void showLatest()
}

function showDiagnostics(said) {
  messages.replaceChildren(
    ...said.map((message) => {
      const item = document.createElement('li')
      item.className = message.severity
      item.textContent = message.text
      return item
    }),
  )
  document.getElementById('diagnostics').hidden = said.length === 0
}

// ---- Swapping in a build ------------------------------------------------------

/** Load the newest good build and put it on screen in place of the one there, at the same place in the book. */
async function showLatest() {
  if (loading) return
  while (latest && latest.generation > 0 && latest.generation !== shown.generation) {
    const status = latest
    loading = status.generation
    try {
      const place = shown.generation > 0 ? printPlace() : undefined
      const [print, reader] = await Promise.all([loadPrint(status.generation), loadReader(status.generation, status.documents)])
      if (print === undefined || reader === undefined) break
      swapIn(status.generation, print, reader)
      if (place) restorePrintPlace(place)
      followPrint()
    } catch (error) {
      for (const incoming of readerPane.querySelectorAll('.incoming')) incoming.remove()
      // A build replaced before it loaded: the loop takes the newer one.
      if (latest === status) {
        console.error(error)
        break
      }
    } finally {
      loading = null
    }
  }
}

function swapIn(generation, print, reader) {
  const old = shown.pdf
  printPane.replaceChildren(print.container)
  for (const child of [...readerPane.children]) if (child !== reader.container) child.remove()
  reader.container.classList.remove('incoming')
  Object.assign(shown, { generation, pdf: print.pdf, sheets: print.sheets, frames: reader.frames, knots: null })
  pageCount.textContent = String(print.sheets.length)
  pageInput.max = String(print.sheets.length)
  document.documentElement.dataset.generation = String(generation)
  observeSheets()
  void old?.destroy()
}

// ---- The print edition --------------------------------------------------------

/** The PDF of build `generation` as a column of sheets, each drawn when it comes near the view. */
async function loadPrint(generation) {
  const pdf = await pdfjs.getDocument({ url: `/pdf/${generation}` }).promise
  const container = document.createElement('div')
  container.className = 'pages'
  const room = Math.max(200, printPane.clientWidth - 2 * pageGap - 32)
  const sheets = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    const natural = page.getViewport({ scale: 1 })
    const scale = Math.min(largestScale, room / natural.width)
    const viewport = page.getViewport({ scale })
    const sheet = document.createElement('div')
    sheet.className = 'sheet'
    sheet.dataset.page = String(number)
    sheet.style.width = `${Math.floor(viewport.width)}px`
    sheet.style.height = `${Math.floor(viewport.height)}px`
    sheet.style.setProperty('--scale-factor', String(scale))
    const label = document.createElement('span')
    label.className = 'label'
    label.textContent = String(number)
    sheet.append(label)
    container.append(sheet)
    sheets.push({ number, page, viewport, element: sheet, drawn: null })
  }
  // The pages around the one in view are drawn before the swap: no blank page flashes up.
  const around = shown.generation > 0 ? printPlace().page : 1
  await Promise.all(sheets.slice(Math.max(0, around - 2), around + 1).map(draw))
  return { pdf, container, sheets }
}

/** Draw a sheet's page on a canvas, with PDF.js's text layer over it (the text can be selected and found). */
function draw(sheet) {
  sheet.drawn ??= (async () => {
    const ratio = window.devicePixelRatio || 1
    const canvas = document.createElement('canvas')
    canvas.width = Math.floor(sheet.viewport.width * ratio)
    canvas.height = Math.floor(sheet.viewport.height * ratio)
    canvas.style.width = sheet.element.style.width
    canvas.style.height = sheet.element.style.height
    const transform = ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0]
    await sheet.page.render({ canvasContext: canvas.getContext('2d'), viewport: sheet.viewport, transform }).promise
    const text = document.createElement('div')
    text.className = 'textLayer'
    await new pdfjs.TextLayer({ textContentSource: sheet.page.streamTextContent(), container: text, viewport: sheet.viewport }).render()
    sheet.element.prepend(canvas)
    sheet.element.append(text)
  })()
  return sheet.drawn
}

let sheetObserver = null
function observeSheets() {
  sheetObserver?.disconnect()
  sheetObserver = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) void draw(shown.sheets[Number(entry.target.dataset.page) - 1])
    },
    { root: printPane, rootMargin: '100% 0px' },
  )
  for (const sheet of shown.sheets) sheetObserver.observe(sheet.element)
}

/** Where a page stands in the print pane: its top, less half the gap above it. */
function sheetTop(sheet) {
  return sheet.element.offsetTop - pageGap / 2
}

/** The page at the top of the print pane, and how far down it the pane is. */
function printPlace() {
  const tops = shown.sheets.map(sheetTop)
  const page = pageAt(tops, printPane.scrollTop + 1)
  const sheet = shown.sheets[page - 1]
  const fraction = sheet ? (printPane.scrollTop - tops[page - 1]) / (sheet.element.offsetHeight + pageGap) : 0
  return { page, fraction: Math.max(0, Math.min(1, fraction)) }
}

function restorePrintPlace({ page, fraction }) {
  const sheet = shown.sheets[Math.min(page, shown.sheets.length) - 1]
  if (sheet) setScroll(printPane, sheetTop(sheet) + fraction * (sheet.element.offsetHeight + pageGap))
}

// ---- The EPUB -----------------------------------------------------------------

/** The EPUB's documents of build `generation`, each in a frame as tall as its content, loaded out of sight. */
async function loadReader(generation, documents) {
  const container = document.createElement('div')
  container.className = 'documents incoming'
  readerPane.append(container)
  const frames = documents.map((name) => {
    const frame = document.createElement('iframe')
    frame.title = name
    frame.src = `/epub/${generation}/${name.split('/').map(encodeURIComponent).join('/')}`
    // A screen's height to begin with: a cover sized to the screen (100vh) is then a screen tall.
    frame.style.height = `${readerPane.clientHeight}px`
    container.append(frame)
    return frame
  })
  try {
    await Promise.all(frames.map((frame) => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }))))
    await Promise.all(frames.map((frame) => frame.contentDocument?.fonts?.ready))
  } catch (error) {
    container.remove()
    throw error
  }
  for (const frame of frames) fitFrame(frame)
  return { container, frames }
}

/**
 * The preview's own addition to the EPUB's documents: the print edition's page
 * numbers in a margin left of the text, where each page begins. The text keeps
 * the width the frame gives it.
 */
const pageNumbersInMargin = `
html { padding-left: 2.5rem !important; }
[role~="doc-pagebreak"]::after {
  content: attr(title); position: absolute; left: 0; width: 2rem; text-align: right;
  font: 11px/1 system-ui, sans-serif; color: #9a9385; text-indent: 0; margin-top: 0.45em;
}`

/**
 * A frame as tall as its document, which then never scrolls: the pane scrolls instead, through every document in
 * turn. Measured once its pictures and fonts are in, and again when the window's width changes; not whenever the
 * document's height does, since a cover sized to the screen (100vh) would grow with each measure.
 */
function fitFrame(frame) {
  const document = frame.contentDocument
  if (!document?.documentElement) return
  document.documentElement.style.overflow = 'hidden'
  if (!document.getElementById('octavo-preview-margin')) {
    const style = document.createElementNS('http://www.w3.org/1999/xhtml', 'style')
    style.id = 'octavo-preview-margin'
    style.textContent = pageNumbersInMargin
    document.head?.append(style)
  }
  // The root element's own height, not the scroll height, which is never less than the frame's.
  frame.style.height = `${Math.ceil(document.documentElement.getBoundingClientRect().height)}px`
  if (!frame.dataset.links) {
    frame.dataset.links = 'followed'
    document.addEventListener('click', (event) => followLink(event, frame))
  }
}

/** A link between the EPUB's documents scrolls the pane to its target, as an e-reader turns to it. */
function followLink(event, from) {
  const link = event.target.closest?.('a[href]')
  if (!link) return
  const target = new URL(link.getAttribute('href'), from.contentDocument.URL)
  if (target.origin !== location.origin) {
    event.preventDefault()
    window.open(target.href, '_blank', 'noopener')
    return
  }
  const frame = shown.frames.find((candidate) => new URL(candidate.src).pathname === target.pathname)
  if (!frame) return
  event.preventDefault()
  const element = target.hash ? frame.contentDocument.getElementById(decodeURIComponent(target.hash.slice(1))) : null
  const within = element ? element.getBoundingClientRect().top : 0
  setScroll(readerPane, frameTop(frame) + within - markerInset)
  followReader()
}

/** Where a frame's document begins in the reader pane. */
function frameTop(frame) {
  return frame.offsetTop + (frame.offsetParent === readerPane ? 0 : (frame.offsetParent?.offsetTop ?? 0))
}

/** The page-break markers of the EPUB, with where each stands in the reader pane. */
function markers() {
  const found = []
  for (const frame of shown.frames) {
    const document = frame.contentDocument
    if (!document) continue
    const top = frameTop(frame)
    for (const marker of document.querySelectorAll('[role~="doc-pagebreak"][id]')) {
      const page = /^page-(\d+)$/.exec(marker.id)
      if (!page) continue
      // A page that begins its document (a chapter's first page) begins where the document does, above its margin.
      const before = document.createRange()
      before.setStart(document.body, 0)
      before.setEndBefore(marker)
      const opening = before.toString().trim() === ''
      found.push({ page: Number(page[1]), reader: opening ? top - markerInset : top + marker.getBoundingClientRect().top - markerInset })
    }
  }
  return found
}

// ---- Keeping the panes in step --------------------------------------------------

/** The knots that carry a position from one pane to the other (see sync.ts), measured again when the layout changes. */
function knots() {
  if (shown.knots) return shown.knots
  const byPage = new Map(shown.sheets.map((sheet) => [sheet.number, sheetTop(sheet)]))
  const pairs = markers()
    .filter((marker) => byPage.has(marker.page))
    .map((marker) => ({ print: byPage.get(marker.page), reader: marker.reader }))
  shown.knots = knotsBetween(pairs, printPane.scrollHeight - printPane.clientHeight, readerPane.scrollHeight - readerPane.clientHeight)
  return shown.knots
}

/** The scroll position each pane was last moved to by the other: its scroll event is then not carried back. */
const expected = new Map()

function setScroll(pane, top) {
  pane.scrollTop = Math.max(0, top)
  expected.set(pane, pane.scrollTop)
}

/** Whether this scroll event of `pane` is the one the other pane set off. */
function echoed(pane) {
  const value = expected.get(pane)
  expected.delete(pane)
  return value !== undefined && Math.abs(pane.scrollTop - value) < 2
}

function followPrint() {
  showPageNumber()
  setScroll(readerPane, carry(knots(), printPane.scrollTop, 'print'))
}

function followReader() {
  setScroll(printPane, carry(knots(), readerPane.scrollTop, 'reader'))
  showPageNumber()
}

/**
 * The page number shown: the page at a little below the pane's top, so that the last few pixels of a page
 * (a link followed to a chapter's start lands just above its page) do not name it.
 */
function showPageNumber() {
  if (document.activeElement === pageInput || shown.sheets.length === 0) return
  const lookAhead = Math.min(96, printPane.clientHeight / 4)
  pageInput.value = String(pageAt(shown.sheets.map(sheetTop), printPane.scrollTop + lookAhead))
}

/** Turn the print edition to page `number`; the e-reader pane follows to where that page begins. */
function goToPage(number) {
  const sheet = shown.sheets[Math.max(1, Math.min(number, shown.sheets.length)) - 1]
  if (!sheet) return
  setScroll(printPane, sheetTop(sheet))
  followPrint()
}

printPane.addEventListener('scroll', () => {
  if (!echoed(printPane)) followPrint()
})
readerPane.addEventListener('scroll', () => {
  if (!echoed(readerPane)) followReader()
})
document.getElementById('go').addEventListener('submit', (event) => {
  event.preventDefault()
  goToPage(Number(pageInput.value))
  pageInput.blur()
})
pageInput.addEventListener('change', () => goToPage(Number(pageInput.value)))

// A new width sets the pages at a new scale: the build on screen is laid out again, at the same place.
let resizing
window.addEventListener('resize', () => {
  clearTimeout(resizing)
  resizing = setTimeout(async () => {
    if (shown.generation === 0 || loading) return
    const place = printPlace()
    for (const frame of shown.frames) fitFrame(frame)
    const print = await loadPrint(shown.generation)
    const old = shown.pdf
    printPane.replaceChildren(print.container)
    Object.assign(shown, { pdf: print.pdf, sheets: print.sheets, knots: null })
    observeSheets()
    void old?.destroy()
    restorePrintPlace(place)
    followPrint()
  }, 200)
})

connect()
