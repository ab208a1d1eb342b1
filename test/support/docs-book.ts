/**
 * A documentation book as people write them for GitHub: a folder of chapters
 * in sub-folders, every heading that GitHub slugs awkwardly (code, dots,
 * colons, brackets, other scripts, repeats within a file and across files),
 * explicit `{#id}`s, raw `<a id>` / `<a name>` anchors, raw HTML and GFM
 * tables, and links in every form GitHub resolves — `#x`, `file.md#x`,
 * `./file.md`, `../dir/file.md#x`, `/dir/file.md#x`, a folder, `file.html#x`,
 * reference definitions — plus links GitHub could not resolve either.
 *
 * Every link's text holds a unique marker (`L12`), so that a test can find
 * the link in either edition and check where it lands.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** A link that works on GitHub, and where it must land. */
export interface ExpectedLink {
  marker: string
  /** File the link is written in, relative to the book's folder. */
  from: string
  /** File it leads to. */
  to: string
  /** Text the place it leads to starts with: a heading's, or the paragraph an anchor stands in. */
  lands: string
}

/** A link that leads nowhere in the book, which both editions must drop with a warning. */
export interface DroppedLink {
  marker: string
  from: string
  url: string
}

export interface DocsBook {
  root: string
  /** The chapter files, relative to the folder, in the order the book sets them. */
  files: string[]
  links: ExpectedLink[]
  dropped: DroppedLink[]
  /** Tables written (GFM and raw HTML). */
  tables: number
}

/** GitHub's ids for the headings of module `k`, as github.com gives them. */
function moduleHeadings(k: number): Array<{ text: string; markdown: string; id: string }> {
  return [
    { text: `Module ${k}: the stream${k} API`, markdown: `# Module ${k}: the stream${k} API`, id: `module-${k}-the-stream${k}-api` },
    { text: 'Options', markdown: '## Options', id: 'options' },
    { text: `stream${k}.readFile(path[, options], callback)`, markdown: `### \`stream${k}.readFile(path[, options], callback)\``, id: `stream${k}readfilepath-options-callback` },
    { text: 'Options', markdown: '#### Options', id: 'options-1' },
    { text: `Class: stream${k}.InflateRaw`, markdown: `## Class: stream${k}.InflateRaw`, id: `class-stream${k}inflateraw` },
    { text: `中文 (Chinese) ${k}`, markdown: `## 中文 (Chinese) ${k}`, id: `中文-chinese-${k}` },
    { text: 'Example', markdown: '## Example', id: 'example' },
    { text: 'Example', markdown: '### Example', id: 'example-1' },
    // Smart punctuation sets `--` as an en dash; GitHub's id keeps the hyphens as written.
    { text: `Tuning & limits \u2013 ${k}`, markdown: `## Tuning & limits -- ${k}`, id: `tuning--limits----${k}` },
    { text: `Custom heading ${k}`, markdown: `## Custom heading ${k} {#custom-${k}}`, id: `custom-${k}` },
    { text: `Deprecated API ${k}`, markdown: `<a id="DEP${String(k).padStart(4, '0')}"></a>\n\n## Deprecated API ${k}`, id: `deprecated-api-${k}` },
    { text: 'Contents', markdown: '## Contents', id: 'contents' },
  ]
}

/**
 * Write the book into `root`: `README.md` (the index), `guide/` with two
 * chapters, `api/` with `modules` chapters, a `LICENSE` and a picture that
 * are not chapters. `book.yaml` lists the chapters and gives the title.
 */
export async function writeDocsBook(root: string, modules = 12): Promise<DocsBook> {
  const links: ExpectedLink[] = []
  const dropped: DroppedLink[] = []
  let count = 0
  let tables = 0
  const marker = (): string => `L${++count}`
  const files = ['README.md', 'guide/README.md', 'guide/configuration.md', ...Array.from({ length: modules }, (_, k) => `api/stream${k}.md`)]
  const link = (from: string, url: string, to: string, lands: string): string => {
    const m = marker()
    links.push({ marker: m, from, to, lands })
    return `[see ${m}](${url})`
  }
  const drop = (from: string, url: string): string => {
    const m = marker()
    dropped.push({ marker: m, from, url })
    return `[see ${m}](${url})`
  }

  await mkdir(path.join(root, 'guide'), { recursive: true })
  await mkdir(path.join(root, 'api'), { recursive: true })
  await writeFile(path.join(root, 'LICENSE'), 'MIT\n')
  await writeFile(path.join(root, 'book.yaml'), `title: Streams, a docs book\nlang: en\nchapters:\n${files.map((file) => `  - ${file}`).join('\n')}\n`)

  const index = [
    '# Streams',
    '',
    'The documentation of the streams modules, as written for GitHub.',
    '',
    `Start with the guide: ${link('README.md', 'guide/', 'guide/README.md', 'Guide')}, then ${link('README.md', './guide/configuration.md', 'guide/configuration.md', 'Configuration')}.`,
    '',
    ...Array.from({ length: modules }, (_, k) => `- ${link('README.md', `api/stream${k}.md`, `api/stream${k}.md`, `Module ${k}: the stream${k} API`)} and its ${link('README.md', `api/stream${k}.md#options`, `api/stream${k}.md`, 'Options')}`),
    '',
    `The licence: ${drop('README.md', 'LICENSE')}. A picture: ${drop('README.md', 'api/picture.png')}.`,
    '',
  ]
  await writeFile(path.join(root, 'README.md'), index.join('\n'))

  const guide = [
    '# Guide',
    '',
    `Read ${link('guide/README.md', '../api/stream0.md#stream0readfilepath-options-callback', 'api/stream0.md', 'stream0.readFile(path[, options], callback)')} first.`,
    '',
    '## Options',
    '',
    `This guide's own options, ${link('guide/README.md', '#options', 'guide/README.md', 'Options')}, differ from ${link('guide/README.md', '../api/stream1.md#options', 'api/stream1.md', 'Options')}.`,
    '',
  ]
  await writeFile(path.join(root, 'guide/README.md'), guide.join('\n'))

  const configuration = [
    '# Configuration',
    '',
    `Back to ${link('guide/configuration.md', 'README.md', 'guide/README.md', 'Guide')} or ${link('guide/configuration.md', '/README.md', 'README.md', 'Streams')}.`,
    '',
    '| Setting | Default | Meaning |',
    '|---|--:|---|',
    '| `highWaterMark` | 16384 | bytes buffered before `write()` returns false |',
    '| `objectMode` | 240.1 | a number in a cell |',
    '',
  ]
  tables++
  await writeFile(path.join(root, 'guide/configuration.md'), configuration.join('\n'))

  for (let k = 0; k < modules; k++) {
    const from = `api/stream${k}.md`
    const headings = moduleHeadings(k)
    const others = [(k + 1) % modules, (k + 2) % modules, (k + modules - 1) % modules]
    const lines: string[] = []
    for (const [at, heading] of headings.entries()) {
      lines.push(heading.markdown, '')
      lines.push(`Text of ${heading.text.replace(/[`[\]]/g, '')} in module ${k}.`, '')
      if (at === 1) {
        // Links into this file and the next files, in every form GitHub resolves.
        for (const target of headings) lines.push(`- Here: ${link(from, `#${target.id}`, from, target.text)}`)
        for (const j of others) {
          const theirs = moduleHeadings(j)
          lines.push(`- ${link(from, `stream${j}.md#${theirs[2]!.id}`, `api/stream${j}.md`, theirs[2]!.text)}`)
          lines.push(`- ${link(from, `./stream${j}.md#options-1`, `api/stream${j}.md`, 'Options')}`)
          lines.push(`- ${link(from, `../api/stream${j}.md#${theirs[4]!.id}`, `api/stream${j}.md`, theirs[4]!.text)}`)
          lines.push(`- ${link(from, `/api/stream${j}.md#${encodeURI(theirs[5]!.id)}`, `api/stream${j}.md`, theirs[5]!.text)}`)
          lines.push(`- ${link(from, `stream${j}.html#example-1`, `api/stream${j}.md`, 'Example')}`)
          lines.push(`- ${link(from, `stream${j}.md#custom-${j}`, `api/stream${j}.md`, `Custom heading ${j}`)}`)
          lines.push(`- ${link(from, `stream${j}.md#DEP${String(j).padStart(4, '0')}`, `api/stream${j}.md`, `Deprecated API ${j}`)}`)
          lines.push(`- ${link(from, `stream${j}.md#inline-${j}`, `api/stream${j}.md`, `An anchor in the text of module ${j}`)}`)
          lines.push(`- ${link(from, `./stream${j}.md`, `api/stream${j}.md`, theirs[0]!.text)}`)
          const m = marker()
          links.push({ marker: m, from, to: `api/stream${j}.md`, lands: 'Contents' })
          lines.push(`- By reference: [see ${m}][contents-${j}].`)
        }
        lines.push(`- ${drop(from, `stream${others[0]}.md#no-such-heading`)}`, `- ${drop(from, '../LICENSE')}`, '')
        for (const j of others) lines.push(`[contents-${j}]: stream${j}.md#contents`)
        lines.push('')
      }
      if (at === 6) {
        lines.push(`An anchor in the text of module ${k}<a name="inline-${k}"></a> stands here.`, '')
        lines.push('<table>', '<thead><tr><th>Event</th><th colspan="2">Arguments</th></tr></thead>', '<tbody>', `<tr><td>\`data\`</td><td>chunk</td><td>${k}</td></tr>`, '<tr><td>`end`</td><td colspan="2">none</td></tr>', '</tbody>', '</table>', '')
        tables++
      }
    }
    await writeFile(path.join(root, from), lines.join('\n'))
  }
  return { root, files, links, dropped, tables }
}
