import type { Margins, PageSize, Theme } from './theme.js'

/**
 * Trim sizes that book printers print, in inches (width × height), named as
 * `--page` takes them. These are Amazon KDP's paperback trims; IngramSpark
 * prints all of them too. `6x9` is also a preset of the themes, with margins
 * of its own.
 */
export const trimInches = {
  '5x8': [5, 8],
  '5.06x7.81': [5.06, 7.81],
  '5.25x8': [5.25, 8],
  '5.5x8.5': [5.5, 8.5],
  '6x9': [6, 9],
  '6.14x9.21': [6.14, 9.21],
  '6.69x9.61': [6.69, 9.61],
  '7x10': [7, 10],
  '7.44x9.69': [7.44, 9.69],
  '7.5x9.25': [7.5, 9.25],
  '8x10': [8, 10],
  '8.25x6': [8.25, 6],
  '8.25x8.25': [8.25, 8.25],
  '8.5x8.5': [8.5, 8.5],
  '8.5x11': [8.5, 11],
  '8.27x11.69': [8.27, 11.69],
} as const satisfies Record<string, readonly [number, number]>

export type TrimName = keyof typeof trimInches

export const trimNames = Object.keys(trimInches) as TrimName[]

export function isTrimName(name: string): name is TrimName {
  return Object.hasOwn(trimInches, name)
}

/** A trim's size in points. */
export function trimSize(name: TrimName): PageSize {
  const [width, height] = trimInches[name]
  return { width: width * 72, height: height * 72 }
}

/**
 * Margins for a page the theme gives none for: the margins of the theme's
 * page closest in width, scaled with the page — inner and outer by the ratio
 * of the widths, top and bottom by the ratio of the heights — so that the
 * text block keeps the theme's proportions on a trim it was not drawn for.
 */
export function derivedMargins(theme: Theme, size: PageSize): Margins {
  const presets = Object.keys(theme.margins).filter((name) => Object.hasOwn(theme.pages, name)) as Array<keyof Theme['pages']>
  let nearest = presets[0]!
  for (const name of presets) if (Math.abs(theme.pages[name].width - size.width) < Math.abs(theme.pages[nearest].width - size.width)) nearest = name
  const page = theme.pages[nearest]
  const margins = theme.margins[nearest]
  const across = size.width / page.width
  const down = size.height / page.height
  return { top: margins.top * down, bottom: margins.bottom * down, inner: margins.inner * across, outer: margins.outer * across }
}
