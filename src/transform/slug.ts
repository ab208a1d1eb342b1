/** Longest slug kept, so that ids stay readable as file names and fragment links. */
const MAX_SLUG_LENGTH = 60

/**
 * A URL- and XML-safe slug of some text: ASCII lower-case letters, digits
 * and hyphens. Accents are folded (`Café` → `cafe`), apostrophes join the
 * word (`Don’t` → `dont`), anything else separates words. May be empty.
 */
export function slug(text: string): string {
  let result = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (result.length > MAX_SLUG_LENGTH) {
    result = result.slice(0, MAX_SLUG_LENGTH)
    const lastHyphen = result.lastIndexOf('-')
    if (lastHyphen > MAX_SLUG_LENGTH / 2) result = result.slice(0, lastHyphen)
    result = result.replace(/-+$/, '')
  }
  return result
}

/**
 * Hands out unique ids: the slug of a text, or `fallback` when the text has
 * none, with `-2`, `-3`… on repeats. Every id starts with a letter, so it is
 * a valid XML id.
 */
export class Slugger {
  private readonly taken = new Set<string>()

  /** Mark ids used elsewhere (chapter and note ids), so no slug takes them. */
  reserve(id: string): void {
    this.taken.add(id)
  }

  unique(text: string, fallback = 'section'): string {
    let base = slug(text) || fallback
    if (!/^[a-z]/.test(base)) base = `${fallback}-${base}`
    let id = base
    for (let repeat = 2; this.taken.has(id); repeat++) id = `${base}-${repeat}`
    this.taken.add(id)
    return id
  }
}
