export type * from './theme.js'
export { defaultTheme } from './default.js'
export { extendTheme, type ThemeOverrides } from './extend.js'
export { fallbackServes, fontIdentity, fontPath, isLocalFont } from './fonts.js'
export { derivedMargins, isTrimName, trimInches, trimNames, trimSize, type TrimName } from './trims.js'
export { headingNumber, numberSeparator, themeChapterNumbers, themeHeadingNumbers, themeSectionNumbers, type SectionNumbers } from './numbering.js'
export { alertMetrics, definitionMetrics, detailsSpace, faceParts, fontKey, headingRoles, sameFontFile, themeFace, pageGeometry, paragraphIndent, resolveStyle } from './style.js'
export type { PageGeometry, ResolvedStyle } from './style.js'
export { codeGroundPadding, contentsSpace, displayMathSpace, figureSpaceBefore, footnoteMetrics, furnitureDistances, listMetrics, openingDrop, romanWithinItalic, sectionBreakSpace, smallScale } from './rules.js'

import { manualTheme } from './builtin/manual.js'
import { modernTheme } from './builtin/modern.js'
import { novelTheme } from './builtin/novel.js'
import { defaultTheme } from './default.js'
import type { Theme } from './theme.js'

/** Built-in themes by name, for `--theme`. */
export const themes: Readonly<Record<string, Theme>> = { default: defaultTheme, modern: modernTheme, novel: novelTheme, manual: manualTheme }
