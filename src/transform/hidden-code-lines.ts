import type { Chapter, CodeBlock } from '../model/book.js'
import { forEachBlock } from '../model/walk.js'

/**
 * Take the hidden lines out of Rust code, in chapters and notes, as rustdoc
 * and mdBook hide them: a line that starts (after its indentation) with `# `,
 * or is `#` alone, is there for the compiler and the tests, not the reader;
 * `##` at the start writes a literal `#`. `#[derive…]` and `#![…]` are
 * attributes and stay. Done in the model, so both editions show, and count,
 * the same lines.
 */
export function hideCodeLines(chapters: readonly Chapter[]): void {
  for (const chapter of chapters) {
    for (const blocks of [chapter.blocks, ...chapter.notes.map((note) => note.blocks)]) {
      forEachBlock(blocks, (block) => {
        if (block.type === 'code' && isRust(block)) block.value = visibleRustLines(block.value)
      })
    }
  }
}

function isRust(block: CodeBlock): boolean {
  return block.lang?.toLowerCase() === 'rust'
}

/** The lines of Rust code a reader sees. */
export function visibleRustLines(code: string): string {
  const shown: string[] = []
  for (const line of code.split('\n')) {
    const trimmed = line.trimStart()
    if (trimmed.startsWith('##')) shown.push(line.replace('#', ''))
    else if (trimmed === '#' || trimmed.startsWith('# ') || trimmed.startsWith('#\t')) continue
    else shown.push(line)
  }
  return shown.join('\n')
}
