import type { ElementContent, Properties, Root } from 'hast'
import { h } from 'hastscript'

export interface DocumentOptions {
  lang: string
  title: string
  body: ElementContent[]
  bodyProperties?: Properties
  /** Documents that show the book's text link the generated style sheet. */
  stylesheet?: boolean
}

/** An XHTML content document: the `html` element with the language, a title, the style sheet and the body. */
export function xhtmlDocument(options: DocumentOptions): Root {
  const head: ElementContent[] = [h('title', options.title)]
  if (options.stylesheet !== false) head.push(h('link', { rel: 'stylesheet', type: 'text/css', href: 'style.css' }))
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { 'xmlns:epub': 'http://www.idpf.org/2007/ops', 'xml:lang': options.lang, lang: options.lang }, [
        h('head', head),
        h('body', options.bodyProperties ?? {}, [{ type: 'text', value: '\n' }, ...options.body]),
      ]),
    ],
  }
}
