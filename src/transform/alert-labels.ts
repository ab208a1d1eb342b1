import type { AlertKind, Chapter } from '../model/book.js'
import { forEachBlock } from '../model/walk.js'

/**
 * The word each kind of alert is labelled with, by language: English and the
 * languages whose labels the editions know (see `epub/labels.ts`), the words
 * their readers meet in software they use.
 */
const alertLabels: Record<string, Record<AlertKind, string>> = {
  en: { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' },
  fr: { note: 'Remarque', tip: 'Astuce', important: 'Important', warning: 'Avertissement', caution: 'Attention' },
  de: { note: 'Hinweis', tip: 'Tipp', important: 'Wichtig', warning: 'Warnung', caution: 'Achtung' },
  es: { note: 'Nota', tip: 'Consejo', important: 'Importante', warning: 'Advertencia', caution: 'Precaución' },
}

/** The label of an alert of `kind` in a BCP 47 language: its primary language's, else English. */
export function alertLabel(kind: AlertKind, lang: string): string {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en'
  return (alertLabels[primary] ?? alertLabels.en!)[kind]
}

/**
 * Give every alert (in chapters and notes) its label in the book's language:
 * known only once the front matter is read, after the files are parsed.
 */
export function labelAlerts(chapters: readonly Chapter[], lang: string): void {
  for (const chapter of chapters) {
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      forEachBlock(blocks, (block) => {
        if (block.type === 'alert') block.label = alertLabel(block.kind, lang)
      })
    }
  }
}
