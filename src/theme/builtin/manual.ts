import { defaultTheme } from '../default.js'
import { extendTheme } from '../extend.js'
import type { Theme } from '../theme.js'
import { googleFamily, headingFaces, textFaces } from './faces.js'

const mm = 72 / 25.4
const mono = googleFamily('IBM Plex Mono', 'ibm-plex-mono', 'IBMPlexMono')

/**
 * Manual: a technical manual. IBM Plex Serif for text, set ragged right so
 * that long names never stretch a line; IBM Plex Sans for headings, titles,
 * running heads, captions and tables; IBM Plex Mono for code, a little
 * larger than in a book and on a ground. Sections numbered 1, 1.1, 1.1.1 in
 * the headings and the contents; a wider measure.
 */
export const manualTheme: Theme = extendTheme(defaultTheme, {
  name: 'manual',
  description: 'Technical manual: IBM Plex Serif, Sans and Mono; numbered sections, a wide measure, code and tables set large.',
  fonts: { ...textFaces(googleFamily('IBM Plex Serif', 'ibm-plex-serif', 'IBMPlexSerif')), ...headingFaces(googleFamily('IBM Plex Sans', 'ibm-plex-sans', 'IBMPlexSans')), mono: mono.regular },
  generic: { heading: 'sans-serif' },
  size: 10,
  leading: 1.45,
  indent: 1,
  roles: {
    body: { align: 'left' },
    blockquote: { align: 'left' },
    footnote: { align: 'left' },
    title: { scale: 2, leading: 1.15, face: 'heading', bold: true },
    subtitle: { face: 'heading', italic: false, colour: 'muted' },
    byline: { face: 'heading', smallCaps: false },
    h1: { scale: 1.6, face: 'heading', spaceBefore: 1.5, spaceAfter: 0.75 },
    h2: { scale: 1.3, face: 'heading', spaceBefore: 1.25, spaceAfter: 0.5 },
    h3: { scale: 1.1, face: 'heading', spaceBefore: 1, spaceAfter: 0.25 },
    h4: { face: 'heading', italic: false, spaceAfter: 0.25 },
    h5: { face: 'heading', bold: true, italic: false, spaceAfter: 0.25 },
    h6: { face: 'heading', smallCaps: false, italic: true },
    code: { scale: 0.9, leading: 1.4 },
    caption: { face: 'heading', italic: false, align: 'left' },
    table: { scale: 0.9, leading: 1.35, face: 'heading' },
    runningHead: { face: 'heading', italic: false },
    folio: { face: 'heading' },
    partTitle: { face: 'heading', smallCaps: false, bold: true },
    contentsPart: { face: 'heading', smallCaps: false, bold: true },
  },
  colours: { heading: '#0f2f57', codeBackground: '#eef1f5', rule: '#8a8f99' },
  numbering: { depth: 3 },
  // IBM Plex has no ⁂.
  sectionBreak: '* * *',
  leadIn: { words: 0 },
  tables: { padding: { block: 0.35, inline: 0.6 }, rules: { outer: 0.1, header: 0.06 } },
  // The measure of a manual: about 80 characters, for code and tables to fit.
  margins: {
    a5: { top: 17 * mm, bottom: 20 * mm, inner: 15 * mm, outer: 13 * mm },
    a4: { top: 20 * mm, bottom: 25 * mm, inner: 25 * mm, outer: 25 * mm },
    letter: { top: 60, bottom: 72, inner: 72, outer: 72 },
    '6x9': { top: 48, bottom: 56, inner: 54, outer: 42 },
  },
})
