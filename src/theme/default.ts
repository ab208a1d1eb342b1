import type { Theme } from './theme.js'

const mm = 72 / 25.4
const literata = '@expo-google-fonts/literata'

/**
 * The default theme: Literata, a serif drawn for long reading on screens, which
 * also prints well; JetBrains Mono for code. Both under the SIL Open Font Licence.
 */
export const defaultTheme: Theme = {
  name: 'default',
  description: 'A classic book serif: Literata for text and headings, JetBrains Mono for code.',
  fonts: {
    text: { family: 'Literata', weight: 400, style: 'normal', package: literata, file: '400Regular/Literata_400Regular.ttf', license: 'OFL-1.1' },
    textItalic: { family: 'Literata', weight: 400, style: 'italic', package: literata, file: '400Regular_Italic/Literata_400Regular_Italic.ttf', license: 'OFL-1.1' },
    textBold: { family: 'Literata', weight: 700, style: 'normal', package: literata, file: '700Bold/Literata_700Bold.ttf', license: 'OFL-1.1' },
    textBoldItalic: { family: 'Literata', weight: 700, style: 'italic', package: literata, file: '700Bold_Italic/Literata_700Bold_Italic.ttf', license: 'OFL-1.1' },
    // Headings in the text face: the same files, so each is embedded once.
    heading: { family: 'Literata', weight: 400, style: 'normal', package: literata, file: '400Regular/Literata_400Regular.ttf', license: 'OFL-1.1' },
    headingItalic: { family: 'Literata', weight: 400, style: 'italic', package: literata, file: '400Regular_Italic/Literata_400Regular_Italic.ttf', license: 'OFL-1.1' },
    headingBold: { family: 'Literata', weight: 700, style: 'normal', package: literata, file: '700Bold/Literata_700Bold.ttf', license: 'OFL-1.1' },
    headingBoldItalic: { family: 'Literata', weight: 700, style: 'italic', package: literata, file: '700Bold_Italic/Literata_700Bold_Italic.ttf', license: 'OFL-1.1' },
    mono: { family: 'JetBrains Mono', weight: 400, style: 'normal', package: '@expo-google-fonts/jetbrains-mono', file: '400Regular/JetBrainsMono_400Regular.ttf', license: 'OFL-1.1' },
  },
  // Tried in order for characters Literata or JetBrains Mono lacks. Noto Naskh Arabic and Noto Sans Hebrew, for
  // their scripts only (their Latin letters and punctuation are left to the faces after them): a naskh drawn for
  // running text, with its joining forms and marks, and a Hebrew with its points; DejaVu's Arabic and Hebrew are
  // plainer and its Arabic lacks many ligatures. DejaVu Sans: Greek, Cyrillic, arrows, mathematical and other
  // symbols (Bitstream Vera licence; DejaVu's changes are in the public domain). Noto Emoji: emoji, in black and
  // white as print wants them. Noto Sans SC: Chinese and Japanese kana (10 MB a file; only the glyphs used are
  // embedded). Noto Sans KR: Hangul (and what the faces before it lack).
  fallbacks: [
    { family: 'Noto Naskh Arabic', weight: 400, style: 'normal', package: '@expo-google-fonts/noto-naskh-arabic', file: '400Regular/NotoNaskhArabic_400Regular.ttf', license: 'OFL-1.1', scripts: ['Arabic'] },
    { family: 'Noto Naskh Arabic', weight: 700, style: 'normal', package: '@expo-google-fonts/noto-naskh-arabic', file: '700Bold/NotoNaskhArabic_700Bold.ttf', license: 'OFL-1.1', scripts: ['Arabic'] },
    { family: 'Noto Sans Hebrew', weight: 400, style: 'normal', package: '@expo-google-fonts/noto-sans-hebrew', file: '400Regular/NotoSansHebrew_400Regular.ttf', license: 'OFL-1.1', scripts: ['Hebrew'] },
    { family: 'Noto Sans Hebrew', weight: 700, style: 'normal', package: '@expo-google-fonts/noto-sans-hebrew', file: '700Bold/NotoSansHebrew_700Bold.ttf', license: 'OFL-1.1', scripts: ['Hebrew'] },
    { family: 'DejaVu Sans', weight: 400, style: 'normal', package: 'dejavu-fonts-ttf', file: 'ttf/DejaVuSans.ttf', license: 'Bitstream-Vera' },
    { family: 'DejaVu Sans', weight: 400, style: 'italic', package: 'dejavu-fonts-ttf', file: 'ttf/DejaVuSans-Oblique.ttf', license: 'Bitstream-Vera' },
    { family: 'DejaVu Sans', weight: 700, style: 'normal', package: 'dejavu-fonts-ttf', file: 'ttf/DejaVuSans-Bold.ttf', license: 'Bitstream-Vera' },
    { family: 'DejaVu Sans', weight: 700, style: 'italic', package: 'dejavu-fonts-ttf', file: 'ttf/DejaVuSans-BoldOblique.ttf', license: 'Bitstream-Vera' },
    { family: 'Noto Emoji', weight: 400, style: 'normal', package: '@expo-google-fonts/noto-emoji', file: '400Regular/NotoEmoji_400Regular.ttf', license: 'OFL-1.1' },
    { family: 'Noto Sans SC', weight: 400, style: 'normal', package: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf', license: 'OFL-1.1' },
    { family: 'Noto Sans SC', weight: 700, style: 'normal', package: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf', license: 'OFL-1.1' },
    { family: 'Noto Sans KR', weight: 400, style: 'normal', package: '@expo-google-fonts/noto-sans-kr', file: '400Regular/NotoSansKR_400Regular.ttf', license: 'OFL-1.1' },
    { family: 'Noto Sans KR', weight: 700, style: 'normal', package: '@expo-google-fonts/noto-sans-kr', file: '700Bold/NotoSansKR_700Bold.ttf', license: 'OFL-1.1' },
    // For the EPUB's formulas only (see `FontFile.math`): a MATH table, so that a reader's MathML stretches its delimiters.
    { family: 'STIX Two Math', weight: 400, style: 'normal', package: '@expo-google-fonts/stix-two-math', file: '400Regular/STIXTwoMath_400Regular.ttf', license: 'OFL-1.1', math: true },
  ],
  generic: { text: 'serif', heading: 'serif', mono: 'monospace' },
  size: 10.5,
  leading: 1.4,
  indent: 1.2,
  scriptScale: 0.7,
  roles: {
    body: { scale: 1, face: 'text', align: 'justify' },
    title: { scale: 2, leading: 1.15, face: 'text', bold: true, align: 'left', spaceBefore: 2, spaceAfter: 1, colour: 'heading' },
    subtitle: { scale: 1.25, leading: 1.25, face: 'text', italic: true, align: 'left', spaceAfter: 1, colour: 'heading' },
    byline: { scale: 1, face: 'text', smallCaps: true, align: 'left', spaceAfter: 2, colour: 'muted' },
    h1: { scale: 1.6, leading: 1.2, face: 'text', bold: true, align: 'left', spaceBefore: 2, spaceAfter: 1, colour: 'heading' },
    h2: { scale: 1.3, leading: 1.2, face: 'text', bold: true, align: 'left', spaceBefore: 1.5, spaceAfter: 0.5, colour: 'heading' },
    h3: { scale: 1.1, leading: 1.25, face: 'text', bold: true, align: 'left', spaceBefore: 1, spaceAfter: 0.5, colour: 'heading' },
    h4: { scale: 1, face: 'text', bold: true, italic: true, align: 'left', spaceBefore: 1, spaceAfter: 0.5, colour: 'heading' },
    h5: { scale: 1, face: 'text', italic: true, align: 'left', spaceBefore: 1, spaceAfter: 0.5, colour: 'heading' },
    h6: { scale: 1, face: 'text', smallCaps: true, align: 'left', spaceBefore: 1, spaceAfter: 0.5, colour: 'heading' },
    blockquote: { scale: 0.95, face: 'text', align: 'justify', inset: 1.5, spaceBefore: 0.5, spaceAfter: 0.5 },
    code: { scale: 0.85, leading: 1.35, face: 'mono', align: 'left', spaceBefore: 0.5, spaceAfter: 0.5, colour: 'text' },
    caption: { scale: 0.9, face: 'text', italic: true, align: 'center', spaceAfter: 1, colour: 'muted' },
    footnote: { scale: 0.85, leading: 1.3, face: 'text', align: 'justify' },
    table: { scale: 0.9, leading: 1.3, face: 'text', align: 'left', spaceBefore: 0.5, spaceAfter: 0.5 },
    runningHead: { scale: 0.85, face: 'text', italic: true, align: 'center', colour: 'muted' },
    folio: { scale: 0.85, face: 'text', align: 'center', colour: 'muted' },
    partTitle: { scale: 2, leading: 1.2, face: 'text', smallCaps: true, align: 'center', colour: 'heading' },
    contentsPart: { scale: 1, face: 'text', smallCaps: true, align: 'left', spaceBefore: 1, spaceAfter: 0.25, colour: 'heading' },
  },
  // Dark enough on white and on the code ground for WCAG AA contrast.
  codeColours: {
    keyword: '#7a1f5c',
    string: '#2f6b1f',
    comment: '#6a6a6a',
    number: '#8a4b00',
    literal: '#8a4b00',
    type: '#1f4e79',
    function: '#1f4e79',
    variable: '#1a1a1a',
    operator: '#1a1a1a',
    punctuation: '#1a1a1a',
    meta: '#5c3d8a',
  },
  // The sign and a space before a continued row of code.
  codeContinuation: { sign: '↪', indent: 2 },
  colours: {
    text: '#1a1a1a',
    heading: '#1a1a1a',
    link: '#1f4e79',
    muted: '#555555',
    rule: '#999999',
    codeBackground: '#f4f4f1',
    mark: '#fbeaa5',
  },
  pages: {
    a5: { width: 148 * mm, height: 210 * mm },
    a4: { width: 210 * mm, height: 297 * mm },
    letter: { width: 612, height: 792 },
    '6x9': { width: 6 * 72, height: 9 * 72 },
  },
  // A5 keeps a 306 pt measure (29 ems of 10.5 pt text), a book's usual 60–70 characters a line.
  margins: {
    a5: { top: 20 * mm, bottom: 22 * mm, inner: 20 * mm, outer: 20 * mm },
    a4: { top: 25 * mm, bottom: 30 * mm, inner: 30 * mm, outer: 40 * mm },
    letter: { top: 72, bottom: 84, inner: 84, outer: 108 },
    '6x9': { top: 54, bottom: 63, inner: 58, outer: 50 },
  },
  hyphenation: { leftMin: 2, rightMin: 3, capitalised: 'initial' },
  tocDepth: 3,
  contents: { space: 0.5 },
  index: { scale: 0.85, columns: 2, columnGap: 1.5, subentryIndent: 1, runover: 1, groupSpace: 1 },
  numbering: { depth: 0 },
  sectionBreak: '⁂',
  leadIn: { words: 4, chapters: false },
  // Rules as booktabs sets them: the frame a little heavier than the rule under the header. A table too wide
  // for the measure steps down by about a tenth, then by another (7.6 pt, still read with ease in a table),
  // before it is turned.
  tables: { padding: { block: 0.3, inline: 0.5 }, rules: { outer: 0.08, header: 0.05 }, smallerScales: [0.8, 0.72] },
  // Each colour reads at WCAG AA contrast on white, as text does; in greyscale the label alone tells the kinds apart.
  alert: {
    rule: 0.2,
    gap: 0.9,
    space: 0.5,
    colours: { note: '#1f5fa8', tip: '#2f6b1f', important: '#6a3d9a', warning: '#8a5a00', caution: '#a3262a' },
  },
  definitions: { indent: 1.5, space: 0.5 },
  details: { space: 0.5 },
  inline: { emphasisWithinItalic: 'roman', smallScale: 0.85, underlineLinks: false },
  lists: { space: 0.5, gap: 2, indent: 1.8, taskHang: 1.2 },
  sectionBreakSpace: 1,
  figures: { space: 0.5 },
  math: { space: 0.5 },
  footnotes: { space: 1, rule: { length: 0.25, weight: 0.05 } },
  // A chapter opens a sixth of the way down its page, a part's title a third (lower than a chapter), the title a quarter.
  openings: { title: 1 / 4, chapter: 1 / 6, part: 1 / 3 },
  furniture: { head: 2, folio: 2 },
  titlePage: { publisherSpace: 2 },
  colophon: { space: 0.5 },
}
