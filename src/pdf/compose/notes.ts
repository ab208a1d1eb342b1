import type { Note } from '../../model/book.js'
import type { FlowBox } from '../flow.js'
import { noteAnchor, noteCallAnchor } from '../prepare.js'
import type { Composer, Region } from './context.js'
import { blocks } from './blocks.js'

/**
 * A footnote's boxes, set in the footnote role to the measure. Its number
 * links back to the call; its first line is the destination of the call.
 */
export function composeNote(c: Composer, note: Note, region: Region, parentStruct: number): FlowBox[] {
  const struct = c.struct('Note', parentStruct)
  const label = { type: 'link' as const, url: `#${noteCallAnchor(note.id)}`, children: [{ type: 'text' as const, value: `${note.number}.` }] }
  const withLabel = note.blocks.map((block, index) => {
    if (index > 0 || block.type !== 'paragraph') return block
    return { ...block, children: [label, { type: 'text' as const, value: ' ' }, ...block.children] }
  })
  if (withLabel[0]?.type !== 'paragraph') withLabel.unshift({ type: 'paragraph', children: [label] })
  const saved = { afterParagraph: c.afterParagraph, pendingKeep: c.pendingKeep }
  const boxes = c.capture(() => {
    c.afterParagraph = false
    c.pendingKeep = 0
    blocks(c, withLabel, { region, role: 'footnote', path: [], struct })
  })
  c.afterParagraph = saved.afterParagraph
  c.pendingKeep = saved.pendingKeep
  const notes = boxes.filter((item): item is FlowBox => item.kind === 'box')
  notes.forEach((box, index) => {
    delete box.source
    delete box.para
    box.keepWithPrevious = index > 0
  })
  notes[0]?.anchors.push(noteAnchor(note.id))
  return notes
}
