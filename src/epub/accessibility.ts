import type { ImageUse } from './hast/state.js'

/** What the content shows, as far as accessibility metadata is concerned. */
export interface ContentFacts {
  images: ReadonlyArray<Pick<ImageUse, 'alt'>>
  /** Whether the EPUB has the print edition's page list. */
  pageList: boolean
  tables: boolean
  notes: boolean
  /**
   * How the text's formulas are set, each with its TeX as text alternative:
   * as MathML, or as SVG images (`math: svg`); absent when it holds none.
   */
  math?: 'mathml' | 'svg'
}

export interface MetaProperty {
  property: string
  value: string
}

/**
 * EPUB Accessibility 1.1 metadata, derived from the content: what is in the
 * book decides the access modes, the features claimed and whether the book
 * can claim WCAG conformance at all (not when an image lacks a text alternative).
 */
export function accessibilityMetadata(facts: ContentFacts): MetaProperty[] {
  const meta: MetaProperty[] = []
  const add = (property: string, value: string): void => {
    meta.push({ property, value })
  }
  // Formulas drawn as SVG are images to a reader's software, each described by its TeX.
  const hasImages = facts.images.length > 0 || facts.math === 'svg'
  const allDescribed = facts.images.every((image) => image.alt.trim() !== '')

  add('schema:accessMode', 'textual')
  if (hasImages) add('schema:accessMode', 'visual')
  if (allDescribed) add('schema:accessModeSufficient', 'textual')
  if (hasImages) add('schema:accessModeSufficient', 'textual,visual')

  for (const feature of ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability']) add('schema:accessibilityFeature', feature)
  if (facts.images.some((image) => image.alt.trim() !== '') || facts.math === 'svg') add('schema:accessibilityFeature', 'alternativeText')
  if (facts.math === 'mathml') add('schema:accessibilityFeature', 'MathML')
  if (facts.math) add('schema:accessibilityFeature', 'describedMath')
  if (facts.pageList) {
    add('schema:accessibilityFeature', 'pageNavigation')
    add('schema:accessibilityFeature', 'printPageNumbers')
  }
  add('schema:accessibilityHazard', 'none')
  add('schema:accessibilitySummary', summary(facts, hasImages, allDescribed))
  if (allDescribed) add('dcterms:conformsTo', 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA')
  return meta
}

function summary(facts: ContentFacts, hasImages: boolean, allDescribed: boolean): string {
  const sentences = [
    'This publication has a table of contents, structured headings and a defined reading order; its text reflows and takes the reader’s own font size, spacing and colours.',
  ]
  if (hasImages) {
    sentences.push(
      allDescribed
        ? 'Every image has a text alternative.'
        : 'Some images have no text alternative, so the publication does not claim WCAG conformance.',
    )
  }
  if (facts.tables) sentences.push('Tables have header rows.')
  if (facts.notes) sentences.push('Footnotes are linked from their calls and back.')
  if (facts.math === 'mathml') sentences.push('Mathematics is set as MathML, each formula with its TeX as a text alternative.')
  if (facts.math === 'svg') sentences.push('Mathematics is set as images (SVG), each formula with its TeX as a text alternative.')
  if (facts.pageList) sentences.push('Page breaks and a page list match the print edition.')
  sentences.push('It has no known hazards.')
  return sentences.join(' ')
}
