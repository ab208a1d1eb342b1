/**
 * The print cover's geometry: the full wrap a printer prints on one sheet —
 * bleed, back, spine, front, bleed across; bleed, trim, bleed down — with the
 * spine as wide as the book is thick, the band of the spine that text may
 * use, and the back's place for the barcode, which must stay clear.
 */
import type { PageSize } from '../theme/index.js'
import type { PressName } from './profiles.js'

export type Paper = 'white' | 'cream'
export const papers: readonly Paper[] = ['white', 'cream']

const inch = 72

/**
 * Thickness of a page (a leaf's side) in inches, as KDP's cover calculator
 * counts it: white 0.002252 in, cream 0.0025 in. IngramSpark publishes its
 * own per paper through its cover template generator, which Octavo cannot
 * consult: KDP's are used for it too (they are within a few thousandths of an
 * inch of IngramSpark's 50 lb papers over a 300-page book).
 */
export const pageThickness: Readonly<Record<PressName, Record<Paper, number>>> = {
  kdp: { white: 0.002252, cream: 0.0025 },
  ingram: { white: 0.002252, cream: 0.0025 },
  offset: { white: 0.002252, cream: 0.0025 },
}

/** Cover bleed on every side: 0.125 in (KDP and IngramSpark). */
export const coverBleed = 0.125 * inch
/** Pages a spine needs before it carries text (KDP: more than 79). */
export const spineTextMinPages = 80
/** Clear space on each side of the spine's text, from the folds: 0.0625 in (KDP). */
export const spineClearance = 0.0625 * inch
/** Clear space above and below the spine's text, from the trim: half an inch, well inside the 0.125 in KDP asks of all text. */
export const spineEnds = 0.5 * inch
/** The barcode's place on the back: 2 in wide, 1.2 in high, 0.25 in from the spine's fold and from the foot of the trim (KDP). */
export const barcode = { width: 2 * inch, height: 1.2 * inch, inset: 0.25 * inch }

/** A rectangle in points, from the top-left corner of the sheet. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface CoverGeometry {
  pages: number
  paper: Paper
  /** The whole sheet, bleed included. */
  width: number
  height: number
  bleed: number
  /** The trimmed cover (back, spine and front), inside the bleed. */
  trim: Box
  back: Box
  spine: Box
  front: Box
  /** Where the spine's text may stand (undefined: the spine is too thin for any). */
  spineText?: Box
  /** The barcode's place on the back, left clear. */
  barcode: Box
}

/** The cover of a book of `pages` pages of `trim` size, printed on `paper` by `press`. */
export function coverGeometry(trim: PageSize, pages: number, paper: Paper, press: PressName): CoverGeometry {
  const spineWidth = pages * pageThickness[press][paper] * inch
  const bleed = coverBleed
  const width = 2 * bleed + 2 * trim.width + spineWidth
  const height = 2 * bleed + trim.height
  const back: Box = { x: bleed, y: bleed, width: trim.width, height: trim.height }
  const spine: Box = { x: bleed + trim.width, y: bleed, width: spineWidth, height: trim.height }
  const front: Box = { x: spine.x + spineWidth, y: bleed, width: trim.width, height: trim.height }
  const geometry: CoverGeometry = {
    pages,
    paper,
    width,
    height,
    bleed,
    trim: { x: bleed, y: bleed, width: width - 2 * bleed, height: trim.height },
    back,
    spine,
    front,
    barcode: {
      x: back.x + back.width - barcode.inset - barcode.width,
      y: back.y + back.height - barcode.inset - barcode.height,
      width: barcode.width,
      height: barcode.height,
    },
  }
  if (pages >= spineTextMinPages) {
    geometry.spineText = { x: spine.x + spineClearance, y: spine.y + spineEnds, width: spineWidth - 2 * spineClearance, height: spine.height - 2 * spineEnds }
  }
  return geometry
}
