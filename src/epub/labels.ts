/**
 * The few words the EPUB writes itself (navigation headings, landmarks, the
 * colophon's captions), in the book's language where Octavo knows it.
 */
export interface Labels {
  contents: string
  landmarks: string
  pages: string
  cover: string
  titlePage: string
  startOfText: string
  colophon: string
  notes: string
  done: string
  toDo: string
  by: string
  publisher: string
  rights: string
  identifier: string
  typeset: string
  licence: string
}

const english: Labels = {
  contents: 'Contents',
  landmarks: 'Landmarks',
  pages: 'Pages',
  cover: 'Cover',
  titlePage: 'Title page',
  startOfText: 'Start of text',
  colophon: 'Colophon',
  notes: 'Notes',
  done: 'done',
  toDo: 'to do',
  by: 'by',
  publisher: 'Published by',
  rights: 'Rights',
  identifier: 'Identifier',
  typeset: 'Set in',
  licence: 'licence',
}

const byLanguage: Record<string, Labels> = {
  en: english,
  fr: {
    contents: 'Table des matières',
    landmarks: 'Repères',
    pages: 'Pages',
    cover: 'Couverture',
    titlePage: 'Page de titre',
    startOfText: 'Début du texte',
    colophon: 'Colophon',
    notes: 'Notes',
    done: 'fait',
    toDo: 'à faire',
    by: 'par',
    publisher: 'Publié par',
    rights: 'Droits',
    identifier: 'Identifiant',
    typeset: 'Composé en',
    licence: 'licence',
  },
  de: {
    contents: 'Inhalt',
    landmarks: 'Orientierungspunkte',
    pages: 'Seiten',
    cover: 'Umschlag',
    titlePage: 'Titelseite',
    startOfText: 'Textbeginn',
    colophon: 'Impressum',
    notes: 'Anmerkungen',
    done: 'erledigt',
    toDo: 'offen',
    by: 'von',
    publisher: 'Verlag',
    rights: 'Rechte',
    identifier: 'Kennung',
    typeset: 'Gesetzt aus der',
    licence: 'Lizenz',
  },
  es: {
    contents: 'Índice',
    landmarks: 'Puntos de referencia',
    pages: 'Páginas',
    cover: 'Cubierta',
    titlePage: 'Portada',
    startOfText: 'Inicio del texto',
    colophon: 'Colofón',
    notes: 'Notas',
    done: 'hecho',
    toDo: 'pendiente',
    by: 'por',
    publisher: 'Publicado por',
    rights: 'Derechos',
    identifier: 'Identificador',
    typeset: 'Compuesto en',
    licence: 'licencia',
  },
}

/** Labels for a BCP 47 language tag: its primary language's, else English. */
export function labelsFor(lang: string): Labels {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en'
  return byLanguage[primary] ?? english
}
