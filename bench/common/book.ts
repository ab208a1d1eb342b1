/**
 * A deterministic prose book: sentences of words drawn, with a seeded generator, from the article's own
 * vocabulary. Same seed, same book.
 */
import { readParagraphs } from './article.js'

/** mulberry32: small, fast, good enough to pick words. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Chapter {
  title: string
  paragraphs: string[]
}

export function vocabulary(articleFile: string): string[] {
  const words: string[] = []
  for (const paragraph of readParagraphs(articleFile)) {
    for (const token of paragraph.split(' ')) {
      const word = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
      if (/^[\p{L}][\p{L}’'-]*$/u.test(word)) words.push(word)
    }
  }
  return words
}

/** About `words` words in `chapters` chapters of paragraphs of 2–7 sentences of 6–28 words. */
export function generateBook(articleFile: string, words: number, chapters: number, seed = 1981): Chapter[] {
  const vocab = vocabulary(articleFile)
  const next = seeded(seed)
  const pick = (): string => vocab[Math.floor(next() * vocab.length)]!
  const book: Chapter[] = []
  const perChapter = Math.ceil(words / chapters)
  for (let c = 1; c <= chapters; c++) {
    const paragraphs: string[] = []
    let count = 0
    while (count < perChapter) {
      const sentences: string[] = []
      const n = 2 + Math.floor(next() * 6)
      for (let s = 0; s < n; s++) {
        const length = 6 + Math.floor(next() * 23)
        const sentence: string[] = []
        for (let w = 0; w < length; w++) {
          let word = pick()
          if (w === 0) word = word[0]!.toUpperCase() + word.slice(1)
          if (w > 0 && w < length - 1 && next() < 0.07) word += ','
          sentence.push(word)
        }
        sentences.push(sentence.join(' ') + (next() < 0.1 ? '?' : '.'))
        count += length
      }
      paragraphs.push(sentences.join(' '))
    }
    book.push({ title: `Chapter ${c}`, paragraphs })
  }
  return book
}
