/**
 * A GIF for the PDF: its first frame, decoded and written as a PNG, which
 * pdfkit can embed (it reads PNG and JPEG only). Pure JavaScript and
 * deterministic: the same GIF gives the same bytes. Print shows one frame;
 * an animation's first is the one a viewer shows before it starts.
 */
import type { PNG as Png } from 'pngjs'
import { gifReader, pngWriter } from '../lazy.js'

/** The first frame of a GIF as PNG bytes (the decoders are loaded by the first GIF: see `lazy.ts`). */
export function gifFirstFrameAsPng(gif: Uint8Array): Buffer {
  const GifReader = gifReader()
  const PNG = pngWriter()
  const reader = new GifReader(gif)
  const { width, height } = reader
  const rgba = Buffer.alloc(width * height * 4)
  // Pixels the first frame leaves uncovered, or its transparent ones, stay transparent (zero).
  reader.decodeAndBlitFrameRGBA(0, rgba)
  let opaque = true
  for (let at = 3; at < rgba.length; at += 4) {
    if (rgba[at] !== 255) {
      opaque = false
      break
    }
  }
  // An opaque picture is written without an alpha channel, so the PDF holds no soft mask for it.
  return PNG.sync.write({ width, height, data: rgba } as Png, { colorType: opaque ? 2 : 6, inputHasAlpha: true })
}
