/**
 * Press profiles: what each printer accepts in an interior PDF, as data the
 * print edition is made by. The figures are the printers' published rules
 * (KDP's paperback help, IngramSpark's file creation guide, ISO 15930 for
 * PDF/X); each is named where it is used.
 */
import type { Diagnostics } from '../diagnostics.js'
import type { PressName } from '../model/book.js'
import type { PageName, TrimName } from '../theme/index.js'
import { trimNames } from '../theme/index.js'

export type { PressName } from '../model/book.js'

export const pressNames: readonly PressName[] = ['kdp', 'ingram', 'offset']

const inch = 72
const mm = 72 / 25.4

/** How a PDF/X file identifies itself and the printing condition it was made for. */
export interface PdfxIdentity {
  /** `GTS_PDFXVersion` in the document information (and the XMP, for PDF/X-4). */
  version: 'PDF/X-1a:2001' | 'PDF/X-4'
  /** `GTS_PDFXConformance`, which PDF/X-1a:2001 asks for. */
  conformance?: 'PDF/X-1a:2001'
  /**
   * A characterised printing condition of the ICC's registry (color.org), named
   * by its identifier: PDF/X may name one there instead of embedding its profile.
   */
  condition: { identifier: string; info: string }
  /**
   * An ICC output profile of the condition, shipped in `assets/icc/`, embedded
   * as the output intent's `DestOutputProfile`: PDF/X-4 requires one,
   * PDF/X-1a may name a registered condition instead.
   */
  profile?: string
}

export interface PressProfile {
  name: PressName
  /** Who prints it, for messages and the README. */
  printer: string
  /** Trims the printer prints (`--page`); any page when not given. */
  trims?: readonly TrimName[]
  /** Bleed beyond the trim, in points: the page is this much bigger than the trim on each side that bleeds (0: none). */
  bleed: number
  /** Whether the bleed goes on at the spine too; single pages bound at the spine bleed only at the top, bottom and outside. */
  spineBleed: boolean
  /** Crop marks in a slug beyond the bleed. */
  marks: boolean
  /** Least distance from the trim to anything printed, on the outside, top and bottom (running heads and folios too), in points. */
  safety: number
  /** The least inside margin for a book of so many pages, in points; the theme's when it is wider. */
  gutter?: (pages: number) => number
  /** The most pages the printer binds. */
  maxPages?: number
  /** The fewest pages the printer binds (fewer are refused at upload: a warning, so that a proof can still be made). */
  minPages?: number
  /** Reading aids a print file has no use for, and that printers refuse or flag: links, outline, tags. */
  links: boolean
  outline: boolean
  tagged: boolean
  pdfVersion: '1.3' | '1.6' | '1.7'
  /** Colour written as the press prints it: process colours (CMYK, text in black alone) or as the theme states them. */
  colour: 'cmyk' | 'theme'
  /** Transparency allowed (soft masks, constant alpha); without, pictures are flattened on white. */
  transparency: boolean
  /** The page count made even, the last page blank. */
  blankLastPage: boolean
  pdfx?: PdfxIdentity
}

/**
 * KDP's inside margin by page count (KDP help, "Set trim size, bleed, and
 * margins"): 24–150 pages 0.375 in, 151–300 0.5 in, 301–500 0.625 in,
 * 501–700 0.75 in, 701–828 0.875 in.
 */
export function kdpGutter(pages: number): number {
  const bands: Array<[number, number]> = [
    [150, 0.375],
    [300, 0.5],
    [500, 0.625],
    [700, 0.75],
  ]
  for (const [upTo, gutter] of bands) if (pages <= upTo) return gutter * inch
  return 0.875 * inch
}

export const pressProfiles: Readonly<Record<PressName, PressProfile>> = {
  // KDP paperback: no bleed unless something bleeds (nothing does in Octavo's books), no marks, no links or
  // bookmarks, 0.25 in clear of the outside, top and bottom, a gutter that grows with the page count.
  kdp: {
    name: 'kdp',
    printer: 'Amazon KDP (paperback)',
    trims: trimNames,
    bleed: 0,
    spineBleed: false,
    marks: false,
    safety: 0.25 * inch,
    gutter: kdpGutter,
    maxPages: 828,
    minPages: 24,
    links: false,
    outline: false,
    tagged: false,
    pdfVersion: '1.7',
    colour: 'theme',
    transparency: true,
    blankLastPage: false,
  },
  // IngramSpark: PDF/X-1a:2001 (PDF 1.3, CMYK or grey only, no transparency, an output intent), 0.125 in bleed
  // on the top, bottom and outside edges, content 0.5 in inside the trim, no marks, an even page count ending on a blank page.
  ingram: {
    name: 'ingram',
    printer: 'IngramSpark',
    // "Bleed: 0.125 in on the top, bottom and outside edges" (IngramSpark's file creation guide): none at the spine.
    bleed: 0.125 * inch,
    spineBleed: false,
    marks: false,
    safety: 0.5 * inch,
    links: false,
    outline: false,
    tagged: false,
    pdfVersion: '1.3',
    colour: 'cmyk',
    transparency: false,
    blankLastPage: true,
    pdfx: {
      version: 'PDF/X-1a:2001',
      conformance: 'PDF/X-1a:2001',
      condition: { identifier: 'CGATS TR 001', info: 'SWOP (Publication) Grade 5 Paper' },
    },
  },
  // An offset printer: PDF/X-4 (PDF 1.6, transparency allowed), 3 mm bleed, crop marks in the slug beyond it.
  offset: {
    name: 'offset',
    printer: 'an offset printer (PDF/X-4)',
    bleed: 3 * mm,
    spineBleed: true,
    marks: true,
    safety: 0,
    links: false,
    outline: true,
    tagged: true,
    pdfVersion: '1.6',
    colour: 'cmyk',
    transparency: true,
    blankLastPage: false,
    pdfx: {
      version: 'PDF/X-4',
      condition: { identifier: 'FOGRA39', info: 'Coated FOGRA39 (ISO 12647-2:2004)' },
      profile: 'FOGRA39L.icc',
    },
  },
}

/** The page a press file is set on when none is named: a5, or 6x9 for a press that does not print a5. */
export function defaultPage(press: PressProfile | undefined): PageName {
  return press?.trims && !(press.trims as readonly string[]).includes('a5') ? '6x9' : 'a5'
}

/** Why a press cannot print a page, or undefined when it can. */
export function pageRefusal(press: PressProfile, page: PageName): string | undefined {
  if (!press.trims || (press.trims as readonly string[]).includes(page)) return undefined
  return `${press.printer} does not print the page ${page}: choose one of its trims with --page (${press.trims.join(', ')})`
}

/** The page for a build: the one named, else the press's default; a page the press does not print fails the build. */
export function pressPage(press: PressProfile | undefined, page: PageName | undefined, diag: Diagnostics): PageName {
  const chosen = page ?? defaultPage(press)
  const refusal = press && pageRefusal(press, chosen)
  if (refusal) diag.fail(refusal, undefined, 'press')
  return chosen
}

/** The pages a press file has for a book of `count` pages: an even count ending on a blank page where the press asks for one. */
export function pressPageCount(press: PressProfile, count: number): number {
  return press.blankLastPage ? count + (count % 2 === 1 ? 1 : 2) : count
}

/** Fail the build when the press binds fewer pages than the book takes. */
export function checkMaxPages(press: PressProfile, pages: number, diag: Diagnostics): void {
  if (press.maxPages !== undefined && pages > press.maxPages) {
    diag.fail(`${press.printer} binds at most ${press.maxPages} pages, and this book takes ${pages}: choose a larger trim (--page) or a smaller type`, undefined, 'press')
  }
}
