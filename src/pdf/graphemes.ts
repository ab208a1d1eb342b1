/**
 * Grapheme clusters: what a reader sees as one character, and what the
 * typesetter never splits. Code blocks are mostly ASCII, where every
 * character but a carriage return before a line feed is a cluster of its
 * own; those are cut without the segmenter, whose result objects cost more
 * than the cutting.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** ASCII with no carriage return: one cluster per character. */
const plainAscii = /^[\0-\x0c\x0e-\x7f]*$/

/** The grapheme clusters of `text`, in order. */
export function graphemeClusters(text: string): string[] {
  if (plainAscii.test(text)) return text.split('')
  const clusters: string[] = []
  for (const { segment } of segmenter.segment(text)) clusters.push(segment)
  return clusters
}
