import type { ElementContent, Root } from 'hast'
import { sanitize } from 'hast-util-sanitize'
import type { Parents, RootContent } from 'mdast'
import type { Block, Inline, Place } from '../../model/book.js'
import { MAX_NESTING } from '../limit-nesting.js'
import type { State } from '../state.js'
import { withPlace } from '../with-place.js'
import { flatHtmlText, MAX_HTML_DEPTH, parseRun } from './parse-run.js'
import { sanitizeSchema } from './schema.js'
import { HtmlToModel } from './to-model.js'
import { vet, type DropReporter } from './vet.js'

/**
 * Raw HTML, the unified way: a run of sibling mdast nodes that holds `html`
 * nodes is parsed as one piece of HTML (`parse-run.ts`), what will not be
 * kept is reported (`vet.ts`), `hast-util-sanitize` applies a strict schema
 * (`schema.ts`), and what is left becomes model blocks or inlines
 * (`to-model.ts`), the Markdown among it converted by the ordinary handlers.
 *
 * Why the run and not each `html` node alone: micromark cuts inline HTML
 * into single tags (`a <sup>2</sup> b` is text, `<sup>`, text, `</sup>`), and
 * a block element is often opened in one HTML block and closed in another
 * with Markdown between. Parsing the run lets the HTML parser pair them as a
 * browser would. Why not mdast-util-to-hast: every other node would go
 * through a second set of handlers; here they stay opaque slots and keep
 * Octavo's own (images resolved in the manuscript's folder, footnote calls,
 * safe links).
 */

/** Block children of `parent`, of which at least one is an `html` node. */
export function htmlBlocks(state: State, parent: Parents): Block[] {
  const run = parent.children as RootContent[]
  const tree = parseRun(run)
  if (tree === undefined) return flatBlocks(state, parent, run)
  const { converter, clean, report } = prepare(state, parent, run, tree, 'block')
  const blocks = converter.blocks(clean.children as ElementContent[])
  report.flush()
  reportFlattened(state, converter, run)
  return blocks
}

/** Phrasing children of `parent`, of which at least one is an `html` node. */
export function htmlInlines(state: State, parent: Parents): Inline[] {
  const run = parent.children as RootContent[]
  const tree = parseRun(run)
  if (tree === undefined) return flatInlines(state, parent, run)
  const { converter, clean, report } = prepare(state, parent, run, tree, 'inline')
  const inlines = converter.inlines(clean.children as ElementContent[])
  report.flush()
  reportFlattened(state, converter, run)
  return inlines
}

/** Report and rewrite what is dropped, sanitise, and set up the conversion. */
function prepare(state: State, parent: Parents, run: readonly RootContent[], tree: Root, mode: 'block' | 'inline'): { converter: HtmlToModel; clean: Root; report: DropReport } {
  const report = new DropReport(state, run, mode)
  vet(tree, report.report)
  const clean = sanitize(tree, sanitizeSchema) as Root
  const beforeSlot = (node: RootContent): void => report.flush(node.position?.start.offset)
  // What the conversion itself reports comes after the warnings about what stands before it.
  const warn = (reason: string, place: Place, ruleId: string, offset: number | undefined): void => {
    report.flush(offset)
    state.diag.warn(reason, place, ruleId)
  }
  return { converter: new HtmlToModel(state, parent, run, { mode, beforeSlot, warn }), clean, report }
}

/**
 * Warnings about what raw HTML loses, at the line of each element: one per
 * kind of thing per block (an `html` node in block position, the whole run
 * in a line of text), so that a pasted page does not bury the reader in them.
 * They are held back and given out as the conversion passes their place, so
 * that they come in the order of the manuscript among the warnings about the
 * Markdown between.
 */
class DropReport {
  private readonly seen = new Set<string>()
  /** Start offsets of the run's `html` nodes, in order, and their indices. */
  private readonly htmlStarts: Array<[number, number]> = []
  private readonly pending: Array<{ offset: number; message: string; place: Place }> = []
  private next = 0

  constructor(
    private readonly state: State,
    run: readonly RootContent[],
    private readonly mode: 'block' | 'inline',
  ) {
    run.forEach((node, index) => {
      const offset = node.position?.start.offset
      if (node.type === 'html' && offset !== undefined) this.htmlStarts.push([offset, index])
    })
  }

  readonly report: DropReporter = (what, message, position) => {
    // An element without a position was implied by the parser, not written.
    if (position === undefined) return
    const key = `${this.blockOf(position.start.offset)}:${what}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    const place = { file: this.state.file, line: position.start.line, column: position.start.column }
    this.pending.push({ offset: position.start.offset ?? 0, message, place })
  }

  /** Give out the warnings about HTML that stands before `offset` (all of them, without it). */
  flush(offset = Number.POSITIVE_INFINITY): void {
    while (this.next < this.pending.length && this.pending[this.next]!.offset < offset) {
      const { message, place } = this.pending[this.next]!
      this.state.diag.warn(message, place, 'html')
      this.next++
    }
  }

  /** The index of the `html` node an offset falls in (its block), by binary search; 0 in a line of text. */
  private blockOf(offset: number | undefined): number {
    if (this.mode === 'inline') return 0
    if (offset === undefined) return -1
    let low = 0
    let high = this.htmlStarts.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (this.htmlStarts[middle]![0] <= offset) {
        found = this.htmlStarts[middle]![1]
        low = middle + 1
      } else {
        high = middle - 1
      }
    }
    return found
  }
}

function reportFlattened(state: State, converter: HtmlToModel, run: readonly RootContent[]): void {
  if (!converter.flattened) return
  const first = run.find((node) => node.type === 'html') ?? run[0]
  state.diag.warn(`raw HTML nested deeper than ${MAX_NESTING} levels: flattened into its content`, first ? state.placeOrFile(first) : state.file, 'nesting')
}

/** A run nested too deep to parse into elements: each `html` node gives its text, the rest converts as usual. */
function flatBlocks(state: State, parent: Parents, run: readonly RootContent[]): Block[] {
  warnTooDeep(state, run)
  return run.flatMap((node): Block[] => {
    if (node.type !== 'html') return state.block(node, parent)
    const text = flatHtmlText(node.value)
    return text === '' ? [] : [withPlace({ type: 'paragraph', children: [{ type: 'text', value: text }] }, state.place(node))]
  })
}

function flatInlines(state: State, parent: Parents, run: readonly RootContent[]): Inline[] {
  warnTooDeep(state, run)
  return run.flatMap((node): Inline[] => {
    if (node.type !== 'html') return state.inline(node, parent)
    const text = flatHtmlText(node.value)
    return text === '' ? [] : [{ type: 'text', value: text }]
  })
}

function warnTooDeep(state: State, run: readonly RootContent[]): void {
  const first = run.find((node) => node.type === 'html')!
  state.diag.warn(`raw HTML nested more than ${MAX_HTML_DEPTH} elements deep: only its text kept`, state.placeOrFile(first), 'nesting')
}
