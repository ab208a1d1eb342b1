import type { FlowBox, PageKind } from '../flow.js'

/** A box placed on a page: `y` is its baseline, from the top of the text block. */
export interface Placed {
  box: FlowBox
  y: number
  /** A table's header row set again at the top of a page its table continues on. */
  repeated?: true
}

export interface Page {
  /** The page number as printed (pages count from 1, the first being a right-hand page). */
  number: number
  kind: PageKind | 'blank'
  chapter: number | null
  /** The first page of a chapter, the title page or the contents: no running head. */
  opening: boolean
  /** A page set broadside (see `FlowBreak.turned`): its body and notes are drawn turned a quarter to the left. */
  turned?: true
  body: Placed[]
  notes: Placed[]
  /** Where the rule above the footnotes stands, from the top of the text block. */
  noteRule?: number
  /** Whether the page ended because it was full (not at a chapter's end): it is then justified to the foot of the text block. */
  full: boolean
  /**
   * A full page that could not be justified: its text stops short of the foot (of the footnotes' rule,
   * when it has notes), and its last baseline is out of line with its neighbours'.
   */
  short?: true
}

export interface PageParams {
  /** Height of the text block. */
  depth: number
  /** Space taken by the rule between text and footnotes. */
  noteSeparator: number
  /** Body leading: the largest stretch a line gap may take is a fraction of it. */
  leading: number
}
