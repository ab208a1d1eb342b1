import type { CaptionNumber, Figure, Inline } from '../../model/book.js'
import { figureSpaceBefore } from '../../theme/index.js'
import type { FlowBox } from '../flow.js'
import { askedScale } from '../image-size.js'
import type { BlockContext, Composer } from './context.js'

/**
 * A figure: the image (PNG, JPEG, GIF or SVG) scaled to fit the measure and
 * the page, never enlarged unless the manuscript asks for a size, centred,
 * with its caption below; neither split from the other. (The loader refuses
 * a damaged file; a figure naming no image of the book is set as its
 * description, with a warning.)
 */
export function figure(c: Composer, node: Figure, ctx: BlockContext): void {
  const caption = c.style('caption')
  const asset = c.book.assets.find((entry) => entry.id === node.asset)
  const figureStruct = c.struct('Figure', ctx.struct, node.alt)
  const size = asset?.image
  c.space(figureSpaceBefore(c.theme))
  const words = captionWords(node)
  const captionLines = words.length > 0 ? c.setText(words, c.runStyle('caption'), caption.align, ctx.region.width, { images: true }) : []
  if (asset && size) {
    const maxHeight = c.geometry.depth - (captionLines.length + 1) * caption.leading
    const scale = Math.min(askedScale(node, size, ctx.region.width), ctx.region.width / size.width, maxHeight / size.height)
    const width = size.width * scale
    const height = size.height * scale
    const box: FlowBox = {
      kind: 'box',
      height: height + caption.leading - caption.size,
      top: height,
      depth: 0,
      drawings: [{ kind: 'image', x: ctx.region.x + (ctx.region.width - width) / 2, y: -height, width, height, path: asset.path, mediaType: asset.mediaType, asset: asset.id, ...(node.place ? { place: node.place } : {}), struct: figureStruct }],
      keepWithPrevious: false,
      notes: [],
      anchors: [],
      source: { chapter: c.chapter, block: ctx.path, word: 0 },
    }
    c.box(box)
  } else {
    const where = node.place
    c.diag.warn(`image \`${node.asset}\` cannot be set in the PDF (the book has no such image); its description is set instead`, where, 'pdf-image')
    const lines = c.setText([{ type: 'text', value: node.alt }], c.runStyle('caption'), 'center', ctx.region.width)
    for (const box of c.lineBoxes(lines, caption, ctx.region, figureStruct, { chapter: c.chapter, block: ctx.path }, false)) c.box(box)
  }
  if (captionLines.length > 0) {
    const captionStruct = c.struct('Caption', figureStruct)
    for (const box of c.lineBoxes(captionLines, caption, ctx.region, captionStruct, null, false)) {
      box.keepWithPrevious = true
      c.box(box)
    }
  }
  c.space(caption.spaceAfter)
  c.afterParagraph = false
}


/** A caption's words, led by the figure's or table's number when it has one (`Figure 2.3: `). */
export function captionWords(node: { caption?: Inline[]; number?: CaptionNumber }): Inline[] {
  const caption = node.caption ?? []
  return node.number === undefined ? caption : [{ type: 'text', value: node.number.lead }, ...caption]
}
