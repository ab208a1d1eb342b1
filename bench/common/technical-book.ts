/**
 * A deterministic technical book as a folder of Markdown chapters: prose drawn from the article's
 * vocabulary (as `book.ts` draws it) with emphasis, strong words, inline code, footnotes and links —
 * to other chapters, to headings of earlier chapters and of the chapter itself, out to the web —
 * between section headings, code blocks in several languages, GFM tables, raw HTML tables, lists and
 * block quotes. Same seed, same book, byte for byte.
 *
 * Words are counted as the print edition counts them (runs of non-white-space in the text, code
 * included), so that `words` is close to what `blockWords` finds in the loaded book.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import GithubSlugger from 'github-slugger'

import { seeded, vocabulary } from './book.js'

export interface TechnicalBookOptions {
  /** Words to write, about (the last chapter stops at its share). */
  words: number
  chapters: number
  seed?: number
}

export interface TechnicalBook {
  root: string
  /** Chapter files, relative to `root`, in the book's order. */
  files: string[]
  title: string
  /** Words written, counted as the print edition counts them. */
  words: number
  /** What the book holds, for the benchmark's description of it. */
  counts: { headings: number; codeBlocks: number; gfmTables: number; htmlTables: number; links: number; footnotes: number; lists: number; quotes: number }
}

const languages = ['js', 'python', 'rust', 'sh', 'json', 'text'] as const
type Language = (typeof languages)[number]

/** A heading written so far, with GitHub's id for it in its file. */
interface Target {
  file: string
  id: string
}

class Writer {
  readonly next: () => number
  readonly vocab: string[]
  readonly identifiers: string[]
  words = 0
  readonly counts: TechnicalBook['counts'] = { headings: 0, codeBlocks: 0, gfmTables: 0, htmlTables: 0, links: 0, footnotes: 0, lists: 0, quotes: 0 }

  constructor(articleFile: string, seed: number) {
    this.next = seeded(seed)
    this.vocab = vocabulary(articleFile)
    // Lower-case letters only: names a program could have.
    this.identifiers = [...new Set(this.vocab.map((word) => word.toLowerCase().replace(/[^a-z]/g, '')).filter((word) => word.length > 2))].sort()
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1))
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!
  }

  word(): string {
    return this.pick(this.vocab)
  }

  identifier(): string {
    return this.pick(this.identifiers)
  }

  /** `n` plain words, counted. */
  plain(n: number): string {
    this.words += n
    return Array.from({ length: n }, () => this.word()).join(' ')
  }

  title(n: number): string {
    const text = this.plain(n)
    return text[0]!.toUpperCase() + text.slice(1)
  }
}

/**
 * A sentence of 6–28 words, some of them marked up. `link` gives a link's destination, when the
 * sentence is to hold one; `note` a footnote label to call at its end.
 */
function sentence(w: Writer, link: string | undefined, note: string | undefined): string {
  const length = w.int(6, 28)
  const parts: string[] = []
  let linked = link === undefined
  for (let i = 0; i < length; i++) {
    let word = w.word()
    if (i === 0) word = word[0]!.toUpperCase() + word.slice(1)
    const roll = w.next()
    if (i > 0 && roll < 0.025) word = `*${word}*`
    else if (i > 0 && roll < 0.04) word = `**${word}**`
    else if (i > 0 && roll < 0.055) word = `\`${w.identifier()}.${w.identifier()}()\``
    else if (!linked && i > 0 && i < length - 2) {
      const next = w.word()
      word = `[${word} ${next}](${link})`
      i++
      linked = true
      w.counts.links++
    }
    if (i > 0 && i < length - 1 && w.chance(0.06)) word += ','
    parts.push(word)
  }
  w.words += length
  let text = parts.join(' ') + (w.chance(0.1) ? '?' : '.')
  if (note !== undefined) {
    text += `[^${note}]`
    w.counts.footnotes++
  }
  return text
}

function codeBlock(w: Writer, language: Language): string {
  const a = w.identifier()
  const b = w.identifier()
  const c = w.identifier()
  const d = w.identifier()
  const n = w.int(2, 400)
  const lines: string[] = []
  switch (language) {
    case 'js':
      lines.push(
        `// ${w.plain(w.int(4, 9))}`,
        `export function ${a}(${b}, options = {}) {`,
        `  const ${c} = ${b}.map((item) => item.${d} ?? ${n})`,
        `  if (${c}.length > options.limit) return '${w.plain(3)}'`,
        `  return ${c}.reduce((sum, value) => sum + value, 0)`,
        '}',
      )
      if (w.chance(0.3)) lines.push('', `console.log(${a}([{ ${d}: 1 }, { ${d}: ${n} }], { limit: ${w.int(1, 9)} }))`)
      break
    case 'python':
      lines.push(
        `def ${a}(${b}, limit=${n}):`,
        `    """${w.title(w.int(4, 9))}."""`,
        `    ${c} = [item.${d} for item in ${b} if item.${d} is not None]`,
        `    if len(${c}) > limit:`,
        `        raise ValueError("${w.plain(3)}")`,
        `    return sum(${c})`,
      )
      break
    case 'rust':
      lines.push(
        `/// ${w.title(w.int(4, 9))}.`,
        `pub fn ${a}(${b}: &[${c[0]!.toUpperCase() + c.slice(1)}]) -> Result<u64, String> {`,
        `    let total: u64 = ${b}.iter().map(|x| x.${d}).sum();`,
        `    if total > ${n} {`,
        `        return Err(format!("${w.plain(2)} {}", total));`,
        '    }',
        '    Ok(total)',
        '}',
      )
      break
    case 'sh':
      lines.push(`# ${w.plain(w.int(3, 7))}`, `export ${a.toUpperCase()}=${n}`, `${b} --${c} "$${a.toUpperCase()}" ./${d}/*.md | sort -n > ${a}.txt`, `test -s ${a}.txt && echo "${w.plain(3)}"`)
      break
    case 'json':
      lines.push('{', `  "${a}": ${n},`, `  "${b}": "${w.plain(3)}",`, `  "${c}": [${w.int(0, 9)}, ${w.int(10, 99)}, ${w.int(100, 999)}],`, `  "${d}": { "enabled": ${w.chance(0.5)}, "name": "${w.identifier()}" }`, '}')
      break
    case 'text':
      lines.push(`${a}/`, `├── ${b}.md`, `├── ${c}/`, `│   └── ${d}.md`, `└── book.yaml`)
      break
  }
  w.counts.codeBlocks++
  const code = lines.join('\n')
  w.words += code.split(/\s+/).filter((x) => x !== '').length
  return `\`\`\`${language}\n${code}\n\`\`\``
}

function cellText(w: Writer): string {
  const roll = w.next()
  if (roll < 0.25) {
    w.words += 1
    return `\`${w.identifier()}\``
  }
  if (roll < 0.35) {
    w.words += 1
    return String(w.int(0, 99999))
  }
  return w.plain(w.int(1, 5))
}

function gfmTable(w: Writer): string {
  const columns = w.int(2, 5)
  const rows = w.int(2, 9)
  const aligns = Array.from({ length: columns }, () => w.pick(['---', ':---', ':---:', '---:']))
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  const out = [line(Array.from({ length: columns }, () => w.title(w.int(1, 2)))), line(aligns)]
  for (let r = 0; r < rows; r++) out.push(line(Array.from({ length: columns }, () => cellText(w))))
  w.counts.gfmTables++
  return out.join('\n')
}

function htmlTable(w: Writer): string {
  const columns = w.int(2, 4)
  const rows = w.int(2, 6)
  const out = ['<table>']
  if (w.chance(0.3)) out.push(`  <caption>${w.title(w.int(2, 5))}</caption>`)
  out.push('  <thead>', `    <tr>${Array.from({ length: columns }, () => `<th>${w.title(w.int(1, 2))}</th>`).join('')}</tr>`, '  </thead>', '  <tbody>')
  for (let r = 0; r < rows; r++) {
    const cells: string[] = []
    for (let c = 0; c < columns; c++) {
      if (c < columns - 1 && w.chance(0.1)) {
        cells.push(`<td colspan="2">${w.plain(w.int(2, 6))}</td>`)
        c++
      } else if (w.chance(0.2)) {
        w.words += 1
        cells.push(`<td align="right">${w.int(0, 9999)}</td>`)
      } else if (w.chance(0.2)) {
        w.words += 1
        cells.push(`<td><code>${w.identifier()}</code></td>`)
      } else cells.push(`<td>${w.plain(w.int(1, 6))}</td>`)
    }
    out.push(`    <tr>${cells.join('')}</tr>`)
  }
  out.push('  </tbody>', '</table>')
  w.counts.htmlTables++
  return out.join('\n')
}

function list(w: Writer, ordered: boolean, link: () => string | undefined): string {
  const items = w.int(2, 6)
  const out: string[] = []
  for (let i = 0; i < items; i++) {
    out.push(`${ordered ? `${i + 1}.` : '-'} ${sentence(w, link(), undefined)}`)
    if (w.chance(0.15)) for (let j = 0; j < w.int(1, 3); j++) out.push(`   - ${sentence(w, undefined, undefined)}`)
  }
  w.counts.lists++
  return out.join('\n')
}

/**
 * Write the book into `root` (emptied first): `book.yaml` and chapters `01.md`… of about
 * `words / chapters` words each.
 */
export function writeTechnicalBook(articleFile: string, root: string, options: TechnicalBookOptions): TechnicalBook {
  const w = new Writer(articleFile, options.seed ?? 1981)
  rmSync(root, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  const title = 'A Generated Technical Book'
  writeFileSync(path.join(root, 'book.yaml'), `title: "${title}"\nauthor: "Octavo Bench"\nlang: en\ndate: "2024-01-01"\ndescription: "Prose, code and tables generated for a benchmark."\n`)
  const width = String(options.chapters).length
  const files = Array.from({ length: options.chapters }, (_, i) => `${String(i + 1).padStart(Math.max(2, width), '0')}.md`)
  const earlier: Target[] = []
  const perChapter = Math.ceil(options.words / options.chapters)

  for (const [index, file] of files.entries()) {
    const slugger = new GithubSlugger()
    const own: string[] = []
    const start = w.words
    const blocks: string[] = []
    const notes: string[] = []
    const heading = (depth: number, text: string): void => {
      blocks.push(`${'#'.repeat(depth)} ${text}`)
      own.push(slugger.slug(text))
      w.counts.headings++
    }
    heading(1, `Chapter ${index + 1}: ${w.title(w.int(2, 4))}`)
    /** A link destination for about one sentence in twelve: another chapter, a heading, the web. */
    const link = (): string | undefined => {
      if (!w.chance(0.08)) return undefined
      const roll = w.next()
      if (roll < 0.3 && earlier.length > 0) {
        const target = w.pick(earlier)
        return `${target.file}#${target.id}`
      }
      if (roll < 0.5) return w.pick(files)
      if (roll < 0.7 && own.length > 1) return `#${w.pick(own.slice(1))}`
      if (roll < 0.85 && own.length > 0) return `./${file}#${own[0]}`
      return `https://example.com/${w.identifier()}/${w.identifier()}`
    }
    while (w.words - start < perChapter) {
      const roll = w.next()
      if (roll < 0.04) heading(2, `${index + 1}.${own.length}: ${w.title(w.int(2, 5))}`)
      else if (roll < 0.06) heading(3, w.title(w.int(2, 5)))
      else if (roll < 0.11) blocks.push(codeBlock(w, w.pick(languages)))
      else if (roll < 0.13) blocks.push(gfmTable(w))
      else if (roll < 0.145) blocks.push(htmlTable(w))
      else if (roll < 0.185) blocks.push(list(w, false, link))
      else if (roll < 0.205) blocks.push(list(w, true, link))
      else if (roll < 0.225) {
        blocks.push(`> ${sentence(w, undefined, undefined)} ${sentence(w, link(), undefined)}`)
        w.counts.quotes++
      } else {
        const count = w.int(2, 7)
        const sentences: string[] = []
        for (let s = 0; s < count; s++) {
          let note: string | undefined
          if (w.chance(0.02)) {
            note = String(notes.length + 1)
            notes.push(`[^${note}]: ${sentence(w, undefined, undefined)}${w.chance(0.5) ? ` ${sentence(w, link(), undefined)}` : ''}`)
          }
          sentences.push(sentence(w, link(), note))
        }
        blocks.push(sentences.join(' '))
      }
    }
    writeFileSync(path.join(root, file), `${blocks.join('\n\n')}\n${notes.length > 0 ? `\n${notes.join('\n\n')}\n` : ''}`)
    earlier.push(...own.map((id) => ({ file, id })))
  }
  return { root, files, title, words: w.words, counts: w.counts }
}
