import type { ListedTarget } from '../model/cross-targets.js'
import { inlineText } from '../model/text.js'

/**
 * The words of cross-references in the book's language: what a figure, a
 * table, an equation and a section are called (one, several), how a caption's
 * number is set apart from its words, how the print edition says on which
 * page a target stands, and the titles of the lists of figures and tables.
 * English, French, German and Spanish; another language takes English words.
 */

export type TargetKind = 'figure' | 'table' | 'equation' | 'section'

export interface CrossReferenceWords {
  /** Singular and plural, as the words stand in running text. */
  names: Record<TargetKind, [string, string]>
  /** Between a caption's number and its words (`Figure 2.3: Caption`). */
  captionSeparator: string
  /** Before a page number in print (`Figure 2.3 on page 45`), and before several (`on pages 45 and 61`). */
  onPage: string
  onPages: string
  /** Around a section's title when the theme numbers no sections (`Section “Setup”`). */
  quotes: [string, string]
  listOfFigures: string
  listOfTables: string
  /** The locale lists of numbers are joined in (`Figures 3, 4 and 5`). */
  listLocale: string
}

const words: Record<string, CrossReferenceWords> = {
  en: {
    names: { figure: ['Figure', 'Figures'], table: ['Table', 'Tables'], equation: ['Equation', 'Equations'], section: ['Section', 'Sections'] },
    captionSeparator: ': ',
    onPage: 'on page',
    onPages: 'on pages',
    quotes: ['\u201c', '\u201d'],
    listOfFigures: 'List of Figures',
    listOfTables: 'List of Tables',
    // As pandoc-crossref and British usage join them: no comma before the last.
    listLocale: 'en-GB',
  },
  fr: {
    names: { figure: ['figure', 'figures'], table: ['tableau', 'tableaux'], equation: ['équation', 'équations'], section: ['section', 'sections'] },
    captionSeparator: '\u00a0: ',
    onPage: 'à la page',
    onPages: 'aux pages',
    quotes: ['«\u00a0', '\u00a0»'],
    listOfFigures: 'Liste des figures',
    listOfTables: 'Liste des tableaux',
    listLocale: 'fr',
  },
  de: {
    names: { figure: ['Abbildung', 'Abbildungen'], table: ['Tabelle', 'Tabellen'], equation: ['Gleichung', 'Gleichungen'], section: ['Abschnitt', 'Abschnitte'] },
    captionSeparator: ': ',
    onPage: 'auf Seite',
    onPages: 'auf den Seiten',
    quotes: ['\u201e', '\u201c'],
    listOfFigures: 'Abbildungsverzeichnis',
    listOfTables: 'Tabellenverzeichnis',
    listLocale: 'de',
  },
  es: {
    names: { figure: ['figura', 'figuras'], table: ['tabla', 'tablas'], equation: ['ecuación', 'ecuaciones'], section: ['sección', 'secciones'] },
    captionSeparator: ': ',
    onPage: 'en la página',
    onPages: 'en las páginas',
    quotes: ['«', '»'],
    listOfFigures: 'Índice de figuras',
    listOfTables: 'Índice de tablas',
    listLocale: 'es',
  },
}

/** The words of a BCP 47 language: its primary language's, else English. */
export function crossReferenceWords(lang: string): CrossReferenceWords {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en'
  const found = words[primary] ?? words.en!
  // A regional English (`en-US`) joins lists as its region does.
  return primary === 'en' && lang.includes('-') ? { ...found, listLocale: lang } : found
}

/** A word with its first letter a capital, as a caption and a sentence's start want it. */
export function capitalised(word: string, lang: string): string {
  return word.charAt(0).toLocaleUpperCase(lang) + word.slice(1)
}

/** An entry of a list of figures or tables: the number's lead, then the caption as plain text (`Figure 2.3: A plot`). */
export function listEntryLabel(entry: ListedTarget, lang: string, kind: 'figure' | 'table'): string {
  const words = crossReferenceWords(lang)
  const caption = inlineText(entry.caption).replace(/\s+/g, ' ').trim()
  const lead = `${capitalised(words.names[kind][0], lang)} ${entry.number}`
  return caption === '' ? lead : `${lead}${words.captionSeparator}${caption}`
}
