import { EPub, type Chapter } from 'epub-gen-memory'

/** One XHTML document for epub-gen-memory to write. */
export interface GeneratedDocument {
  /** File name inside the package (no folders: epub-gen-memory refuses them). */
  fileName: string
  title: string
  /** The complete XHTML document, written as it is through the chapter template. */
  xhtml: string
  /** `file://` URLs of the images the document shows, for epub-gen-memory to fetch. */
  imageUrls: readonly string[]
}

export interface GeneratorInput {
  title: string
  lang: string
  css: string
  fonts: ReadonlyArray<{ fileName: string; url: string }>
  documents: readonly GeneratedDocument[]
  /** Templates of the package document, the NCX and the navigation document. */
  contentOPF: string
  tocNCX: string
  tocXHTML: string
  cover?: { fileName: string; mediaType: string; bytes: Uint8Array }
}

/**
 * The chapter template: the document we made, as it is. epub-gen-memory's own
 * handling of a chapter's `content` reparses it and loses things on the way
 * (`start` on `ol`, empty `alt` replaced by "image-placeholder", every non-ASCII
 * character turned into a numeric reference), so `content` only carries the
 * images it must fetch and the file is written from the extra `xhtml` field.
 */
const chapterTemplate = '<%- xhtml %>'

/** Run epub-gen-memory with our templates; its zip, its entries stored, is then post-processed by `repack`. */
export async function runEpubGenMemory(input: GeneratorInput): Promise<Uint8Array> {
  const chapters = input.documents.map((document) => {
    const chapter: Chapter & { xhtml: string } = {
      title: document.title,
      filename: document.fileName,
      content: document.imageUrls.map((url) => `<img src="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" alt="" />`).join(''),
      xhtml: document.xhtml,
    }
    return chapter
  })
  const options = {
    title: input.title,
    lang: input.lang,
    css: input.css,
    fonts: input.fonts.map((font) => ({ filename: font.fileName, url: font.url })),
    // The chapter template is ours, but say it anyway: a chapter's heading is in its own content.
    prependChapterTitles: false,
    chapterXHTML: chapterTemplate,
    contentOPF: input.contentOPF,
    tocNCX: input.tocNCX,
    tocXHTML: input.tocXHTML,
    version: 3,
    verbose: false,
    ignoreFailedDownloads: false,
    ...(input.cover ? { cover: new File([input.cover.bytes.slice()], input.cover.fileName, { type: input.cover.mediaType, lastModified: 0 }) } : {}),
  }
  const epub = await new EPub(options, chapters).render()
  // Stored, not compressed: `repack` reads every entry back and compresses each once, for the final EPUB.
  return epub.generateAsync({ type: 'uint8array', compression: 'STORE' })
}
