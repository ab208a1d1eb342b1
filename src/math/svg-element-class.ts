/** The class of a displayed formula set as SVG in the EPUB: the style sheet centres it on a line of its own (see `epub/css.ts`). */
export const DISPLAY_SVG_CLASS = 'math-display'
