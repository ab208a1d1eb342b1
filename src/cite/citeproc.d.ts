declare module 'citeproc' {
  /** The parts of citeproc-js's engine that Octavo calls (citeproc-js documents them; the package ships no types). */
  export interface CslCitation {
    citationID: string
    citationItems: Array<Record<string, unknown> & { id: string }>
    properties: { noteIndex: number; mode?: string }
  }
  export class Engine {
    constructor(sys: { retrieveLocale(lang: string): string | undefined; retrieveItem(id: string): unknown }, style: string, lang?: string, forceLang?: boolean)
    opt: { development_extensions: Record<string, boolean> }
    setOutputFormat(format: string): void
    updateItems(ids: string[]): void
    rebuildProcessorState(citations: CslCitation[], mode?: string, uncited?: unknown[]): Array<[string, number, string]>
    makeBibliography(): [{ entry_ids: string[][]; bibstart: string; bibend: string }, string[]] | false
  }
}
