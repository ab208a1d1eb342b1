import type { Element } from 'xast'
import { x } from 'xastscript'
import type { Context } from './context.js'
import { xmlDocument } from './hast/serialize.js'
import { authorList } from './documents/title-block.js'

/** Cover size in SVG units: the 1:1.6 of most e-book covers. */
const width = 1600
const height = 2560
const margin = 160

/** Break text into lines of at most `max` characters, at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > max) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

/**
 * A cover made from the theme and the metadata: title, subtitle and authors
 * set in the theme's face and colours, as SVG.
 */
export function coverSvg(context: Context): string {
  const { metadata } = context.book
  const { theme } = context
  const family = `${theme.fonts.text.family}, ${theme.generic.text}`
  const children: Element[] = [x('rect', { width: String(width), height: String(height), fill: '#ffffff' })]
  let y = 720
  const block = (text: string, size: number, max: number, attributes: Record<string, string>): void => {
    for (const line of wrap(text, max)) {
      children.push(x('text', { x: String(margin), y: String(y), 'font-size': String(size), 'font-family': family, ...attributes }, line))
      y += Math.round(size * 1.2)
    }
  }
  block(metadata.title, 150, 16, { 'font-weight': 'bold', fill: theme.colours.heading })
  if (metadata.subtitle) {
    y += 40
    block(metadata.subtitle, 90, 26, { 'font-style': 'italic', fill: theme.colours.heading })
  }
  children.push(x('rect', { x: String(margin), y: String(y + 20), width: '320', height: '8', fill: theme.colours.rule }))
  if (metadata.authors.length > 0) {
    y = height - 420
    block(authorList(metadata.authors, context.lang), 90, 28, { fill: theme.colours.muted })
  }
  return xmlDocument({
    type: 'root',
    children: [
      x(
        'svg',
        { xmlns: 'http://www.w3.org/2000/svg', version: '1.1', viewBox: `0 0 ${width} ${height}`, width: String(width), height: String(height) },
        [x('title', metadata.title), ...children],
      ),
    ],
  })
}
