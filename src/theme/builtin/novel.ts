import { defaultTheme } from '../default.js'
import { extendTheme } from '../extend.js'
import type { Theme } from '../theme.js'
import { googleFamily, headingFaces, textFaces } from './faces.js'

const mm = 72 / 25.4
const garamond = googleFamily('EB Garamond', 'eb-garamond', 'EBGaramond')

/**
 * Novel: fiction set as a trade book is. EB Garamond throughout (its own
 * small capitals), chapter titles centred in roman, no section numbers;
 * each chapter opens with its first words in small capitals; a scene break
 * is a hedera (❧); generous margins, the outer and lower the widest.
 */
export const novelTheme: Theme = extendTheme(defaultTheme, {
  name: 'novel',
  description: 'Fiction: EB Garamond, centred chapter titles, small-capital openings, ornamental scene breaks, generous margins.',
  // The heading faces are the text faces' files: each is embedded once.
  fonts: { ...textFaces(garamond), ...headingFaces(garamond) },
  size: 11.5,
  leading: 1.35,
  indent: 1.3,
  roles: {
    title: { scale: 2, leading: 1.2, bold: false, smallCaps: true, align: 'center', spaceBefore: 2, spaceAfter: 0.5 },
    subtitle: { scale: 1.2, italic: true, align: 'center', spaceAfter: 1.5 },
    byline: { smallCaps: true, align: 'center', spaceAfter: 2 },
    h1: { scale: 1.5, leading: 1.25, bold: false, align: 'center', spaceBefore: 2, spaceAfter: 2 },
    h2: { scale: 1.15, leading: 1.25, bold: false, italic: true, align: 'center', spaceBefore: 1.5, spaceAfter: 1 },
    h3: { scale: 1, bold: false, smallCaps: true, align: 'center', spaceBefore: 1, spaceAfter: 0.5 },
    h4: { bold: false, italic: true, align: 'left' },
    runningHead: { italic: false, smallCaps: true },
    partTitle: { scale: 1.8 },
  },
  colours: { heading: '#1a1a1a', link: '#1a1a1a' },
  numbering: { depth: 0 },
  // The hedera, EB Garamond's own.
  sectionBreak: '❧',
  leadIn: { words: 4, chapters: true },
  margins: {
    a5: { top: 22 * mm, bottom: 28 * mm, inner: 22 * mm, outer: 25 * mm },
    a4: { top: 30 * mm, bottom: 40 * mm, inner: 35 * mm, outer: 50 * mm },
    letter: { top: 84, bottom: 108, inner: 96, outer: 132 },
    '6x9': { top: 63, bottom: 76, inner: 66, outer: 63 },
  },
})
