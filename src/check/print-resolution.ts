/**
 * Pictures too coarse for print: each raster picture's pixels against the
 * width the print edition sets it at. Under 300 pixels to the inch a printed
 * picture shows its pixels (KDP and IngramSpark ask for 300 dpi).
 */
import type { Diagnostics } from '../diagnostics.js'
import type { Book, Place } from '../model/book.js'
import type { Page } from '../pdf/paginate/index.js'

export const printResolution = 300

/** A raster picture as the print edition sets it. */
interface Printed {
  asset: string
  /** Points. */
  width: number
  place: Place | string
}

/** The pictures of laid-out pages, each where the manuscript uses it (the chapter's file when the layout kept no place). */
export function printedPictures(book: Book, pages: readonly Page[]): Printed[] {
  const printed: Printed[] = []
  for (const page of pages) {
    const source = page.chapter === null ? undefined : book.chapters[page.chapter]?.source
    for (const { box } of [...page.body, ...page.notes]) {
      for (const drawing of box.drawings) {
        if (drawing.kind !== 'image' || drawing.mediaType === 'image/svg+xml') continue
        printed.push({ asset: drawing.asset, width: drawing.width, place: drawing.place ?? source ?? book.metadata.title })
      }
    }
  }
  return printed
}

/** One warning per picture and place that prints under `printResolution` pixels to the inch. */
export function checkPrintResolution(book: Book, printed: readonly Printed[], diag: Diagnostics): void {
  const told = new Set<string>()
  for (const picture of printed) {
    const asset = book.assets.find((entry) => entry.id === picture.asset)
    const pixels = asset?.image.pixels
    if (!asset || !pixels) continue
    const inches = picture.width / 72
    const dpi = pixels.width / inches
    const key = `${asset.id}\n${JSON.stringify(picture.place)}`
    if (dpi >= printResolution || told.has(key)) continue
    told.add(key)
    const name = asset.path.split(/[\\/]/).at(-1)
    const needed = Math.ceil(inches * printResolution)
    diag.warn(
      `image ${name} prints ${(inches * 2.54).toFixed(1)} cm wide at ${Math.round(dpi)} dpi, under the ${printResolution} dpi print needs: use a version at least ${needed} pixels wide (it has ${pixels.width})`,
      picture.place,
      'image-resolution',
    )
  }
}
