import { defaultTheme } from '../default.js'
import { extendTheme } from '../extend.js'
import type { Theme } from '../theme.js'
import { googleFamily, headingFaces, textFaces } from './faces.js'

const mm = 72 / 25.4

/**
 * Modern: Source Serif 4 for text, a serif of today drawn for screens and
 * print, with headings, titles and running heads in its companion sans,
 * Source Sans 3; JetBrains Mono for code. A little more air between lines,
 * headings in a dark blue, a measure of about 65 characters.
 */
export const modernTheme: Theme = extendTheme(defaultTheme, {
  name: 'modern',
  description: 'Contemporary: Source Serif 4 text, Source Sans 3 headings, JetBrains Mono code; open spacing.',
  fonts: { ...textFaces(googleFamily('Source Serif 4', 'source-serif-4', 'SourceSerif4')), ...headingFaces(googleFamily('Source Sans 3', 'source-sans-3', 'SourceSans3')) },
  generic: { heading: 'sans-serif' },
  size: 10,
  leading: 1.5,
  indent: 1,
  roles: {
    title: { scale: 2.1, leading: 1.1, face: 'heading', bold: true, spaceBefore: 1, spaceAfter: 0.75 },
    subtitle: { scale: 1.3, face: 'heading', italic: false, colour: 'muted' },
    byline: { face: 'heading', smallCaps: false, colour: 'muted' },
    h1: { scale: 1.7, leading: 1.15, face: 'heading', spaceBefore: 2, spaceAfter: 0.75 },
    h2: { scale: 1.35, leading: 1.2, face: 'heading', spaceBefore: 1.5, spaceAfter: 0.5 },
    h3: { scale: 1.15, leading: 1.25, face: 'heading', spaceBefore: 1, spaceAfter: 0.25 },
    h4: { face: 'heading', italic: false },
    h5: { face: 'heading' },
    h6: { face: 'heading', smallCaps: false, italic: true },
    caption: { face: 'heading', italic: false },
    runningHead: { face: 'heading', italic: false, smallCaps: true },
    folio: { face: 'heading' },
    partTitle: { face: 'heading', smallCaps: false, bold: true },
    contentsPart: { face: 'heading', smallCaps: false, bold: true },
  },
  colours: { heading: '#1c2e4a', link: '#1c4f8a' },
  // Source Serif 4 has no ⁂.
  sectionBreak: '* * *',
  // No small capitals at an opening: the title and the first words stand apart by size and face alone.
  leadIn: { words: 0 },
  margins: {
    a5: { top: 18 * mm, bottom: 22 * mm, inner: 19 * mm, outer: 19 * mm },
  },
})
