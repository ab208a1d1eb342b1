/**
 * Plain paragraphs of a Markdown manuscript without markup (the article is plain prose), with the
 * straight quotes curled the way Octavo's smart punctuation does, so every engine sets the same text.
 */
import { readFileSync } from 'node:fs'

export function readParagraphs(file: string): string[] {
  let text = readFileSync(file, 'utf8')
  if (text.startsWith('---\n')) text = text.slice(text.indexOf('\n---', 3) + 4)
  return text
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block !== '' && !block.startsWith('#'))
    .map(curlQuotes)
}

export function curlQuotes(text: string): string {
  return text
    .replace(/(^|[\s([{—–-])"/gu, '$1“')
    .replace(/"/g, '”')
    .replace(/(^|[\s([{—–-])'/gu, '$1‘')
    .replace(/'/g, '’')
}

/** The title in the front matter, if any. */
export function readTitle(file: string): string | undefined {
  const match = /^title:\s*"?(.*?)"?\s*$/m.exec(readFileSync(file, 'utf8'))
  return match?.[1]
}
