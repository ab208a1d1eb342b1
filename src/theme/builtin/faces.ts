import type { FontFile, FontKey } from '../theme.js'

/**
 * The four faces of a family (regular, italic, bold, bold italic) as an
 * `@expo-google-fonts/*` package ships them: `400Regular/Stem_400Regular.ttf`
 * and so on. The families these packages carry are under the SIL Open Font
 * Licence.
 */
export function googleFamily(family: string, name: string, stem: string): Record<'regular' | 'italic' | 'bold' | 'boldItalic', FontFile> {
  const face = (weight: 400 | 700, style: 'normal' | 'italic'): FontFile => {
    const folder = `${weight}${weight === 400 ? 'Regular' : 'Bold'}${style === 'italic' ? '_Italic' : ''}`
    return { family, weight, style, package: `@expo-google-fonts/${name}`, file: `${folder}/${stem}_${folder}.ttf`, license: 'OFL-1.1' }
  }
  return { regular: face(400, 'normal'), italic: face(400, 'italic'), bold: face(700, 'normal'), boldItalic: face(700, 'italic') }
}

type Family = ReturnType<typeof googleFamily>

/** A family as the text faces of a theme. */
export function textFaces(family: Family): Pick<Record<FontKey, FontFile>, 'text' | 'textItalic' | 'textBold' | 'textBoldItalic'> {
  return { text: family.regular, textItalic: family.italic, textBold: family.bold, textBoldItalic: family.boldItalic }
}

/** A family as the heading faces of a theme. */
export function headingFaces(family: Family): Pick<Record<FontKey, FontFile>, 'heading' | 'headingItalic' | 'headingBold' | 'headingBoldItalic'> {
  return { heading: family.regular, headingItalic: family.italic, headingBold: family.bold, headingBoldItalic: family.boldItalic }
}
