// The preview page: the print edition's pages, drawn by PDF.js, beside the
// EPUB's documents in frames, kept in step through the page-break markers
// (see sync.ts). The server says after every build which editions to show
// (Server-Sent Events); the page swaps them in without reloading itself.
import { drawWhenNear, loadPrint, pageGap, sheetTop } from '/print-pane.js'
import { fitFrame, frameTop, loadReader, markerInset, markers } from '/reader-pane.js'
import { carry, knotsBetween, pageAt } from '/sync.js'

const printPane = document.getElementById('print')
const readerPane = document.getElementById('reader')
const pageInput = document.getElementById('page')
const pageCount = document.getElementById('pages')
const statusLine = document.getElementById('status')
const messages = document.getElementById('messages')

/** What is on screen: the good build's number, its PDF and pages, and its documents' frames. */
const shown = { generation: 0, pdf: null, sheets: [], frames: [], knots: null, stopDrawing: () => {} }
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
      const around = place ? place.page : 1
      const [print, reader] = await Promise.all([loadPrint(printPane, status.generation, around), loadReader(readerPane, status.generation, status.documents, turnTo)])
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
  drawSheets()
  void old?.destroy()
}

function drawSheets() {
  shown.stopDrawing()
  shown.stopDrawing = drawWhenNear(printPane, shown.sheets)
}

/** Turn the e-reader pane to a link's target (a document's top without an element); the print pane follows. */
function turnTo(frame, element) {
  const within = element ? element.getBoundingClientRect().top : 0
  setScroll(readerPane, frameTop(readerPane, frame) + within - markerInset)
  followReader()
}

// ---- Where the print pane is -------------------------------------------------------

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

// ---- Keeping the panes in step --------------------------------------------------

/** The knots that carry a position from one pane to the other (see sync.ts), measured again when the layout changes. */
function knots() {
  if (shown.knots) return shown.knots
  const byPage = new Map(shown.sheets.map((sheet) => [sheet.number, sheetTop(sheet)]))
  const pairs = markers(readerPane, shown.frames)
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
    for (const frame of shown.frames) fitFrame(frame, turnTo)
    const print = await loadPrint(printPane, shown.generation, place.page)
    const old = shown.pdf
    printPane.replaceChildren(print.container)
    Object.assign(shown, { pdf: print.pdf, sheets: print.sheets, knots: null })
    drawSheets()
    void old?.destroy()
    restorePrintPlace(place)
    followPrint()
  }, 200)
})

connect()
