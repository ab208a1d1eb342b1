// The e-reader pane: the EPUB's documents in frames, one after another, each as
// tall as its content, with the print edition's page numbers in their margin.

/** How far below the pane's top a page's marker stands when that page is shown, so its line is seen whole. */
export const markerInset = 8

/** The EPUB's documents of build `generation`, each in a frame as tall as its content, loaded out of sight. */
export async function loadReader(pane, generation, documents, onLink) {
  const container = document.createElement('div')
  container.className = 'documents incoming'
  pane.append(container)
  const frames = documents.map((name) => {
    const frame = document.createElement('iframe')
    frame.title = name
    frame.src = `/epub/${generation}/${name.split('/').map(encodeURIComponent).join('/')}`
    // A screen's height to begin with: a cover sized to the screen (100vh) is then a screen tall.
    frame.style.height = `${pane.clientHeight}px`
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
  for (const frame of frames) fitFrame(frame, onLink)
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
export function fitFrame(frame, onLink) {
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
    document.addEventListener('click', (event) => followLink(event, frame, onLink))
  }
}

/**
 * A link between the EPUB's documents is given to `onLink` with its target's frame and element (none for a
 * document's top), for the pane to turn to it as an e-reader does; a link out of the book opens a new tab.
 */
function followLink(event, from, onLink) {
  const link = event.target.closest?.('a[href]')
  if (!link) return
  const target = new URL(link.getAttribute('href'), from.contentDocument.URL)
  if (target.origin !== location.origin) {
    event.preventDefault()
    window.open(target.href, '_blank', 'noopener')
    return
  }
  const frame = [...from.parentElement.querySelectorAll('iframe')].find((candidate) => new URL(candidate.src).pathname === target.pathname)
  if (!frame) return
  event.preventDefault()
  onLink(frame, target.hash ? frame.contentDocument.getElementById(decodeURIComponent(target.hash.slice(1))) : null)
}

/** Where a frame's document begins in the reader pane. */
export function frameTop(pane, frame) {
  return frame.offsetTop + (frame.offsetParent === pane ? 0 : (frame.offsetParent?.offsetTop ?? 0))
}

/** The page-break markers of the EPUB, with where each stands in the reader pane. */
export function markers(pane, frames) {
  const found = []
  for (const frame of frames) {
    const document = frame.contentDocument
    if (!document) continue
    const top = frameTop(pane, frame)
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
