import type { FlowBox, PageKind } from '../flow.js'

/** A box placed on a page: `y` is its baseline, from the top of the text block. */
export interface Placed {
  box: FlowBox
  y: number
}

export interface Page {
  /** The page number as printed (pages count from 1, the first being a right-hand page). */
  number: number
  kind: PageKind | 'blank'
  chapter: number | null
  /** The first page of a chapter, the title page or the contents: no running head. */
  opening: boolean
  body: Placed[]
  notes: Placed[]
  /** Where the rule above the footnotes stands, from the top of the text block. */
  noteRule?: number
  /** Whether the page was filled to the foot of the text block (its last baseline aligned with the other full pages'). */
  full: boolean
}

export interface PageParams {
  /** Height of the text block. */
  depth: number
  /** Space taken by the rule between text and footnotes. */
  noteSeparator: number
  /** Body leading: the largest stretch a line gap may take is a fraction of it. */
  leading: number
}
