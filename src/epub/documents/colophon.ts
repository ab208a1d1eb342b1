import type { ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { isLocalFont, type Theme } from '../../theme/index.js'
import type { Context } from '../context.js'
import { xhtmlDocument } from '../hast/document.js'
import { listPhrase } from './title-block.js'

/** Names and texts of the licences fonts are usually under, by SPDX identifier. */
const licences: Record<string, { name: string; url: string }> = {
  'OFL-1.1': { name: 'SIL Open Font License 1.1', url: 'https://openfontlicense.org/' },
  'Apache-2.0': { name: 'Apache License 2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
}

/** The families the theme sets text in, each once, with its licence (and where to read it, as a writer's own font file says). */
export function themeFamilies(theme: Theme): Array<{ family: string; license: string; url?: string }> {
  const seen = new Map<string, { family: string; license: string; url?: string }>()
  for (const font of Object.values(theme.fonts)) {
    if (seen.has(font.family)) continue
    const url = isLocalFont(font) ? font.licenseUrl : undefined
    seen.set(font.family, url === undefined ? { family: font.family, license: font.license } : { family: font.family, license: font.license, url })
  }
  return [...seen.values()]
}

/** The colophon: what the book is, who made it, under which rights, and the faces it is set in. */
export function colophonDocument(context: Context): Root {
  const { metadata } = context.book
  const { labels } = context
  const lines: ElementContent[] = []
  const line = (...children: Array<ElementContent | string>): void => {
    lines.push(h('p', children), { type: 'text', value: '\n' })
  }

  line(h('i', metadata.subtitle ? `${metadata.title}: ${metadata.subtitle}` : metadata.title))
  if (metadata.authors.length > 0) line(`${labels.by} ${listPhrase(metadata.authors, context.lang)}`)
  if (metadata.publisher) line(`${labels.publisher} ${metadata.publisher}`)
  if (metadata.date) line(metadata.date)
  if (metadata.rights) line(metadata.rights)
  line(`${labels.identifier}: `, h('span', { className: ['identifier'] }, context.identifier))

  // "Set in Literata and JetBrains Mono (SIL Open Font License 1.1)": families grouped by licence.
  // A writer's own font is described as its name table describes its licence, linked to the licence's address when it gives one.
  const byLicence = new Map<string, { names: string[]; url?: string }>()
  for (const { family, license, url } of themeFamilies(context.theme)) {
    const group = byLicence.get(license) ?? (url === undefined ? { names: [] } : { names: [], url })
    group.names.push(family)
    byLicence.set(license, group)
  }
  const fonts: Array<ElementContent | string> = [`${labels.typeset} `]
  ;[...byLicence].forEach(([license, { names, url }], index) => {
    if (index > 0) fonts.push('; ')
    const known = licences[license]
    const described = url === undefined ? `${labels.licence} ${license}` : h('a', { href: url }, `${labels.licence} ${license}`)
    fonts.push(listPhrase(names, context.lang), ' (', known ? h('a', { href: known.url }, known.name) : described, ')')
  })
  fonts.push('.')
  line(...fonts)

  return xhtmlDocument({
    lang: context.lang,
    title: labels.colophon,
    body: [h('section', { className: ['colophon'], 'epub:type': 'colophon', role: 'doc-colophon', ariaLabel: labels.colophon }, lines), { type: 'text', value: '\n' }],
    bodyProperties: { 'epub:type': 'backmatter' },
  })
}
