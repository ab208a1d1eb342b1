import type { Inline } from '../../model/book.js'

/** A hard line break (`break` is a reserved word, hence the name). */
export function hardBreak(): Inline[] {
  return [{ type: 'break' }]
}
