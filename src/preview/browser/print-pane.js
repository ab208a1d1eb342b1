// The print pane: the PDF's pages as sheets, drawn by PDF.js on canvases with
// its text layer over them, each when it comes near the view.
import * as pdfjs from '/pdfjs/pdf.mjs'

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.mjs'

/** The gap between two pages, in CSS pixels; half of it stands above a page's top when it is shown. */
export const pageGap = 16
/** The largest scale a page is drawn at: its points as CSS pixels, times this. */
const largestScale = 1.6

/** The PDF of build `generation` as a column of sheets, each drawn when it comes near the view. */
export async function loadPrint(pane, generation, around) {
  const pdf = await pdfjs.getDocument({ url: `/pdf/${generation}` }).promise
  const container = document.createElement('div')
  container.className = 'pages'
  const room = Math.max(200, pane.clientWidth - 2 * pageGap - 32)
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

/** Draw each sheet as it comes within a screen of the view; returns how to stop. */
export function drawWhenNear(pane, sheets) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) void draw(sheets[Number(entry.target.dataset.page) - 1])
    },
    { root: pane, rootMargin: '100% 0px' },
  )
  for (const sheet of sheets) observer.observe(sheet.element)
  return () => observer.disconnect()
}

/** Where a page stands in the print pane: its top, less half the gap above it. */
export function sheetTop(sheet) {
  return sheet.element.offsetTop - pageGap / 2
}
