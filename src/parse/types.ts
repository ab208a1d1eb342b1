import type { Block, Place } from '../model/book.js'

/** A footnote's content as defined in its file, before it is numbered. */
export interface FootnoteDraft {
  blocks: Block[]
  place?: Place
}

/**
 * One chapter file turned into model blocks, before the book-wide passes.
 *
 * Footnote calls in `blocks` are `noteRef`s whose `note` is still the label
 * written in the manuscript (normalised as mdast normalises it) and whose
 * `number` is 0: numbering is per chapter, and chapters are only known after
 * the split (see `transform/number-notes.ts`).
 */
export interface ParsedFile {
  /** Path used in messages and `Chapter.source`. */
  file: string
  blocks: Block[]
  footnotes: Map<string, FootnoteDraft>
}

/** YAML front matter as found in a file. */
export interface FrontMatterSource {
  text: string
  /** Line of the file on which the YAML's first line stands. */
  firstLine: number
  /** Where the front matter starts (its opening `---`). */
  place: Place
}

/** What an image's URL turned out to be. */
export type ImageResolution =
  | { kind: 'asset'; id: string }
  /** Not a file inside the manuscript (a remote or `data:` URL): the image is set as its alt text. */
  | { kind: 'remote' }
  /** A file the resolver refused, the fault already told: the image is left out, and the build stops once the book is read. */
  | { kind: 'refused' }

/**
 * Resolves image URLs to assets. The loader supplies it; it fails (through
 * `Diagnostics`) for a missing file or a path outside the manuscript's folder.
 */
export interface ImageSource {
  resolve(url: string, place: Place): ImageResolution
}
