import type { TextDirective } from 'mdast-util-directive'
import { toString } from 'mdast-util-to-string'
import type { IndexMark, IndexMarkKind, Inline } from '../../model/book.js'
import type { State } from '../state.js'

/**
 * `:index[line breaking!Knuth–Plass]{see="…" | seealso="…" | range=start|end}`:
 * a mark for the back-of-book index. `!` separates a term from its
 * subentries. The mark prints nothing. (The parse leaves only `index` text
 * directives: see `parse/directives.ts`.)
 */
export function textDirective(state: State, node: TextDirective): Inline[] {
  const attributes = node.attributes ?? {}
  const term = splitTerm(toString(node))
  const place = state.place(node)
  if (term.length === 0) {
    state.diag.warn('index mark without a term: ignored', state.placeOrFile(node), 'index')
    return []
  }
  let kind: IndexMarkKind = 'entry'
  let target: string[] | undefined
  const range = attributes['range']
  if (typeof attributes['see'] === 'string' || typeof attributes['seealso'] === 'string') {
    kind = typeof attributes['see'] === 'string' ? 'see' : 'seealso'
    target = splitTerm(attributes[kind] ?? '')
    if (target.length === 0) {
      state.diag.warn(`index mark \`${kind}\` without a term: read as an entry`, state.placeOrFile(node), 'index')
      kind = 'entry'
      target = undefined
    }
  } else if (range === 'start' || range === 'end') {
    kind = range === 'start' ? 'rangeStart' : 'rangeEnd'
  } else if (range !== undefined) {
    state.diag.warn(`index mark range \`${String(range)}\` is neither \`start\` nor \`end\`: read as an entry`, state.placeOrFile(node), 'index')
  }
  const mark: IndexMark = { type: 'indexMark', term, kind, id: '' }
  if (target) mark.target = target
  if (place) mark.place = place
  return [mark]
}

/** `a!b` → `['a', 'b']`, each step trimmed, empty steps dropped. */
function splitTerm(written: string): string[] {
  return written
    .split('!')
    .map((step) => step.replace(/\s+/g, ' ').trim())
    .filter((step) => step !== '')
}
