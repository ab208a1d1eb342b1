/**
 * The CommonMark specification's examples (npm `commonmark-spec`), as
 * chapters of a book: each example's Markdown, what a reader of its expected
 * HTML sees, and the pictures it needs beside it.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Node } from 'unist'
import { root } from './tools.js'

export interface SpecExample {
  number: number
  section: string
  markdown: string
  html: string
}

/** The examples as the package extracts them, with its `→` turned back into the tab it stands for. */
export function specExamples(): SpecExample[] {
  const require = createRequire(import.meta.url)
  const spec = require('commonmark-spec') as { tests: SpecExample[] }
  return spec.tests.map((example) => ({
    ...example,
    markdown: example.markdown.replace(/→/g, '\t'),
    html: example.html.replace(/→/g, '\t'),
  }))
}

/** Where an example's pictures are: in the book's folder, refused by Octavo, or on the web. */
export interface ImagePlan {
  /** Relative paths of pictures to put in the book's folder (PNG, JPEG, GIF or SVG by their names). */
  local: string[]
  /** URLs Octavo refuses by design: absolute paths, `file:`, outside the folder, or not a picture by their names. */
  refused: string[]
}

const pictureExtensions = /\.(png|jpe?g|gif|svg)$/i

/** The images of an example, with reference images resolved through their definitions, and raw HTML's `img` elements. */
export function imagePlan(markdown: string): ImagePlan {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown)
  type Visited = Node & { url?: string; identifier?: string; value?: string; children?: Visited[] }
  const definitions = new Map<string, string>()
  const urls: string[] = []
  const collect = (node: Visited): void => {
    if (node.type === 'definition' && !definitions.has(node.identifier!)) definitions.set(node.identifier!, node.url!)
    for (const child of node.children ?? []) collect(child)
  }
  const images = (node: Visited): void => {
    if (node.type === 'image') urls.push(node.url!)
    if (node.type === 'imageReference' && definitions.has(node.identifier!)) urls.push(definitions.get(node.identifier!)!)
    // Octavo resolves a raw `<img>`'s file as it does a Markdown image's.
    if (node.type === 'html') for (const [, , url] of node.value!.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(["']?)([^"'\s>]+)\1/gi)) urls.push(url!)
    for (const child of node.children ?? []) images(child)
  }
  collect(tree as Visited)
  images(tree as Visited)
  const plan: ImagePlan = { local: [], refused: [] }
  for (const url of urls) {
    const remote = /^[a-z][a-z0-9+.-]+:/i.test(url) && !/^file:/i.test(url)
    if (remote || url.startsWith('//')) continue
    const inside = !path.isAbsolute(url) && !/^file:/i.test(url) && !path.normalize(url).startsWith('..')
    if (inside && pictureExtensions.test(url)) plan.local.push(url)
    else plan.refused.push(url)
  }
  return plan
}

/** A small picture of the kind a name says, from the test fixtures. */
export function fixturePicture(name: string): string {
  const extension = path.extname(name).toLowerCase()
  const fixture = { '.png': 'diagram.png', '.jpg': 'photo.jpg', '.jpeg': 'photo.jpg', '.gif': 'swatch.gif', '.svg': 'figure.svg' }[extension]
  if (!fixture) throw new Error(`no fixture picture for ${name}`)
  return path.join(root, 'test/fixtures/images', fixture)
}
