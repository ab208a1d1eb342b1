/** What formats citations: loaded only for a book with a bibliography (see `lazy.ts`). */
export { readBibliography, type BibliographyFile, type CslItem } from './read.js'
export { DEFAULT_STYLE, entryId, formatCitations, readStyle } from './format.js'
