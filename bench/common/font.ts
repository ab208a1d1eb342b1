/**
 * Literata measured with fontkit (kerning and standard ligatures, as pdfkit draws it), for the
 * benchmarks' own small typesetter and for the face's natural word space.
 */
import path from 'node:path'

import * as fontkit from 'fontkit'

export const LITERATA = path.resolve('node_modules/@expo-google-fonts/literata/400Regular/Literata_400Regular.ttf')
export const LITERATA_DIRS = [
  path.resolve('node_modules/@expo-google-fonts/literata/400Regular'),
  path.resolve('node_modules/@expo-google-fonts/literata/400Regular_Italic'),
  path.resolve('node_modules/@expo-google-fonts/literata/700Bold'),
  path.resolve('node_modules/@expo-google-fonts/literata/700Bold_Italic'),
]

export interface Face {
  /** Width of `text` at `size` points. */
  measure(text: string, size: number): number
  /** Advance of the space glyph, in ems. */
  spaceEm: number
  /** Advance of the hyphen, in ems. */
  hyphenEm: number
}

export function openFace(file = LITERATA): Face {
  const font = fontkit.openSync(file)
  const cache = new Map<string, number>()
  const em = (text: string): number => {
    let width = cache.get(text)
    if (width === undefined) {
      width = font.layout(text).advanceWidth / font.unitsPerEm
      cache.set(text, width)
    }
    return width
  }
  return {
    measure: (text, size) => em(text) * size,
    spaceEm: em(' '),
    hyphenEm: em('-'),
  }
}
