import type { Diagnostics } from '../diagnostics.js'
import { loadMathml } from '../lazy.js'
import { formulaSvg } from '../math/svg.js'
import type { Block, Chapter, Inline, Place } from '../model/book.js'
import { blockInlines, inlineChildren, nestedBlocks } from '../model/walk.js'

/** Whether any formula, in a line or displayed, stands anywhere in the chapters or their notes. */
export function holdsMath(chapters: readonly Chapter[]): boolean {
  let found = false
  for (const chapter of chapters) {
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      visitBlocks(blocks, (block) => {
        if (block.type === 'math') found = true
        for (const inlines of blockInlines(block)) visitInlineLists(inlines, (list) => (found ||= list.some((inline) => inline.type === 'inlineMath')))
      })
    }
  }
  return found
}

/**
 * Read every formula with both converters the editions use (temml for the
 * EPUB's MathML, MathJax for the PDF's outlines). A formula either cannot
 * read is reported where it stands and set as code in both editions, its TeX
 * as written: never dropped, and never set one way in one edition and another
 * in the other. Loads the converters only for a book with mathematics.
 */
export async function checkMath(chapters: readonly Chapter[], diag: Diagnostics): Promise<void> {
  if (!holdsMath(chapters)) return
  const { formulaMathml } = await loadMathml()
  const fault = (tex: string, display: boolean): string | undefined => {
    for (const convert of [formulaMathml, formulaSvg]) {
      try {
        convert(tex, display)
      } catch (error) {
        return reasonOf(error)
      }
    }
    return undefined
  }
  const report = (reason: string, place: Place | undefined): void => {
    diag.warn(`formula cannot be read (${reason}); it is set as code`, place, 'math')
  }
  const checkInlines = (list: Inline[]): void => {
    list.forEach((inline, index) => {
      if (inline.type !== 'inlineMath') return
      const reason = fault(inline.tex, false)
      if (reason === undefined) return
      report(reason, inline.place)
      list[index] = { type: 'inlineCode', value: inline.tex }
    })
  }
  for (const chapter of chapters) {
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      // In document order, so that the warnings come in the order of the text.
      replaceBlocks(blocks, (block) => {
        if (block.type !== 'math') {
          for (const inlines of blockInlines(block)) visitInlineLists(inlines, checkInlines)
          return block
        }
        const reason = fault(block.tex, true)
        if (reason === undefined) return block
        report(reason, block.place)
        const code: Block = { type: 'code', value: block.tex }
        if (block.place) code.place = block.place
        if (block.anchors) code.anchors = block.anchors
        return code
      })
    }
  }
}

function visitBlocks(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block)
    for (const nested of nestedBlocks(block)) visitBlocks(nested.blocks, visit)
  }
}

function replaceBlocks(blocks: Block[], replace: (block: Block) => Block): void {
  blocks.forEach((block, index) => {
    blocks[index] = replace(block)
    for (const nested of nestedBlocks(blocks[index]!)) replaceBlocks(nested.blocks, replace)
  })
}

/** Every list of inlines, at every depth: the list itself, then the lists its inlines hold. */
function visitInlineLists(inlines: Inline[], visit: (list: Inline[]) => void): void {
  visit(inlines)
  for (const inline of inlines) {
    const children = inlineChildren(inline)
    if (children.length > 0) visitInlineLists(children as Inline[], visit)
  }
}

/** A converter's error in one line: temml's own words without the underlined copy of the TeX it adds. */
function reasonOf(error: unknown): string {
  const raw = (error as { rawMessage?: unknown }).rawMessage
  const message = typeof raw === 'string' ? raw : error instanceof Error ? error.message : String(error)
  return message.replace(/\u0332/g, '').replace(/\s+/g, ' ').trim()
}
