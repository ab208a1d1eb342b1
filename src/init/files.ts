/**
 * What `octavo init` writes: a book folder that builds as it stands, with no
 * warning, and shows a writer where each thing goes — the book's facts in
 * `book.yaml`, a chapter a file, a picture with its description, a theme of
 * the book's own that changes two values of the default.
 */
import { pictureAlt } from './picture.js'

export interface NewBook {
  title: string
  author: string
  /** The publication date, `YYYY-MM-DD`. */
  date: string
}

export const pictureFile = 'images/lighthouse.png'
export const chapterFiles = ['01-beginning.md', '02-pictures-and-notes.md'] as const
export const themeFileName = 'theme.yaml'

/** A YAML string, always quoted: a title may hold a colon, a hash or a leading digit. */
const quoted = (text: string): string => JSON.stringify(text)

export function bookYaml(book: NewBook): string {
  return `# The book's facts: both editions (the EPUB and the PDF) state them.
# Every key is described in Octavo's README, under "Front matter" and "Book folders".
title: ${quoted(book.title)}
author: ${quoted(book.author)}
# The language decides hyphenation and how e-readers read the book aloud (en, en-GB, fr, de …).
lang: en
# The publication date; it also dates the editions unless SOURCE_DATE_EPOCH is set.
date: ${book.date}
# The book's own theme: the default one with two values changed (see theme.yaml).
theme: ${themeFileName}
# The chapters, in reading order; a chapter is a Markdown file.
chapters:
${chapterFiles.map((file) => `  - ${file}`).join('\n')}
`
}

export const themeYaml = `# This book's theme: the built-in \`default\` with what it changes, and nothing else.
# \`octavo themes default\` writes out every value the default has; copy here the ones to change.
extends: default
size: 11
colours:
  heading: "#6b2f1a"
`

export const firstChapter = `# Beginning

This is the first chapter of a new book. Each chapter is a Markdown file in this folder, and
\`book.yaml\` lists them in the order they are read. Write here, then publish both editions with
\`octavo build\` and the path of this folder: an EPUB for e-readers and a PDF for print, set in one
typography.

## Writing in Markdown

A blank line starts a new paragraph. A word in *italic* or in **bold** is marked with asterisks,
and quotation marks, apostrophes and dashes -- like these -- are set as a typesetter sets them:
"curly" quotes, and an en dash for two hyphens.

A list is a run of lines that begin with a hyphen:

- a chapter opens with a heading of the first level;
- its sections have headings of the second level;
- a blank line ends the list.

> A quotation is a paragraph that begins with a greater-than sign. It is set apart from the
> text, in both editions.

The next chapter shows a picture, a footnote and a link.
`

export const secondChapter = `# Pictures and Notes

A picture is an image file in this folder, named by a line that starts with an exclamation
mark. The words in its brackets describe it to a reader who cannot see it: e-readers read
them aloud, and the PDF carries them too.

![${pictureAlt}](${pictureFile})

A footnote is marked where it belongs[^note] and written anywhere in the chapter; the PDF sets
it at the foot of its page, the EPUB at the end of the chapter.

[^note]: Like this one.

A link can lead to a web page, or to another chapter, like the one about
[writing in Markdown](01-beginning.md#writing-in-markdown).

## The book's look

The faces, sizes, spacing and colours of both editions come from a theme. This book's theme is
in \`${themeFileName}\`: the default theme, one size larger, with headings in a dark red. Change a
value there and build again to see both editions change.
`

/** Kept out of version control: the editions a build writes, and what it keeps for the next. */
export const gitignore = `dist/
.octavo-cache/
`
