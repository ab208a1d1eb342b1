/**
 * Where a code line wider than the measure is broken into rows: the choice of
 * break only, on measured grapheme clusters, so that it can be read and tested
 * apart from the drawing (`code.ts` measures, places and draws the rows).
 *
 * A reader of code expects a long line to go on where an editor would wrap it:
 * after a space, else after punctuation, and inside a name only when nothing
 * else is near. Each row takes the last such place that fits, looking first
 * for spaces, then for punctuation, then breaking at the edge.
 */

/** A grapheme cluster of a code line, with its advance width as set. */
export interface WrapCluster {
  text: string
  width: number
}

/**
 * What a cluster is to the wrapping: white space (a row may end after a run
 * of it); a mark of punctuation or a symbol (a row may end after a run of
 * them); a quotation mark, which opens a string as often as it closes one,
 * and so ends a row only when nothing better is near; a Chinese or Japanese
 * character, which that writing breaks before or after as freely as after a
 * mark; anything else is part of a word (letters, digits, emoji).
 */
export type ClusterKind = 'space' | 'mark' | 'quote' | 'ideograph' | 'word'

/**
 * How far back from the edge a row may end at a space or a mark, as a share of
 * the row's room (its ink, spaces at its end aside): further back, the row is
 * broken inside the word at the edge instead. A row ended 40% short still
 * reads as a line of code, and the break is where a reader would look for it;
 * ending a row after the `= ` before a string wider than the measure would
 * leave most of the row empty and gain nothing, since the string must be cut
 * inside anyway.
 */
export const furthestBack = 0.4

const allSpace = /^\s+$/u
// Punctuation and the symbols of code (`+ < = > | ~ $ ^`); other symbols (emoji, arrows, box drawing) are taken as words.
const punctuation = /^[\p{P}\p{Sm}\p{Sc}\p{Sk}]/u
const quotation = /^["'`\p{Pi}\p{Pf}]/u
const ideographic = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

/** The kind of a cluster, by its first visible character (a space with a combining mark is ink, not space). */
export function clusterKind(text: string): ClusterKind {
  if (allSpace.test(text)) return 'space'
  const visible = text.replace(/^\s+/u, '')
  if (quotation.test(visible)) return 'quote'
  if (punctuation.test(visible)) return 'mark'
  if (ideographic.test(visible)) return 'ideograph'
  return 'word'
}

/**
 * How a row may end before a cluster, best first: after a run of spaces,
 * after a run of marks that ends a word (or beside an ideograph), after
 * another run of marks; or not.
 */
type Opportunity = 'space' | 'mark' | 'loose' | undefined

const wordLike = (kind: ClusterKind): boolean => kind === 'word' || kind === 'ideograph'

/**
 * The places a line may be broken, by the index of the cluster that would
 * start the next row:
 *
 * - `space`: after a run of spaces, before the next ink. The spaces stay at
 *   the end of the row (they hang past the edge unseen), so the text copied
 *   from the page keeps them and the next row starts with ink. Not after the
 *   line's own indentation, which would leave a row of nothing.
 * - `mark`: after a run of marks (`.` `,` `;` `:` `(` `[` `{` `/` `-` `_` `=` `->`
 *   `://` …) that follows a word, before a letter or digit: `object.` `call(`
 *   `path/` `MAX_`. The whole run stays together, so an operator (`!==`, `=>`,
 *   `::`) or `()` is never split and a row never starts with a closing mark
 *   (nor with `，` or `。`). An opening bracket ends a row this way only after
 *   a word (`call(`, `items[`), as code is broken by hand; one after a space
 *   (` (a + b)`, ` [1, 2]`) belongs to what follows it, and would be left
 *   alone at the end of the row: a `loose` break at best. Also
 *   before or after a Chinese or Japanese character next to a letter or
 *   another such character: a comment in Chinese fills its rows as Chinese
 *   text does.
 * - `loose`: after any other run of marks before a letter or digit: one that
 *   opens a word (`--silent`, ` (foo`, `$HOME`) or ends in a quotation mark
 *   (`("`, `= '`). Such a break leaves the mark alone at the end of the row, cut
 *   off from the word or string it opens, so it is taken only when no space or
 *   word-ending mark is within reach; it still reads better than a word cut
 *   at the edge. (The space before such a run is usually the break taken.)
 */
function opportunities(kinds: readonly ClusterKind[]): Opportunity[] {
  const found: Opportunity[] = new Array<Opportunity>(kinds.length).fill(undefined)
  let inkSeen = false
  // Where the current run of marks and quotes began.
  let runStart = -1
  for (let index = 1; index < kinds.length; index++) {
    const before = kinds[index - 1]!
    const here = kinds[index]!
    if (before !== 'space') inkSeen = true
    if (before === 'mark' || before === 'quote') {
      if (runStart < 0) runStart = index - 1
    } else runStart = -1
    if (before === 'space' && here !== 'space' && inkSeen) found[index] = 'space'
    else if (runStart >= 0 && wordLike(here)) found[index] = before === 'mark' && runStart > 0 && wordLike(kinds[runStart - 1]!) ? 'mark' : 'loose'
    else if (wordLike(before) && wordLike(here) && (before === 'ideograph' || here === 'ideograph')) found[index] = 'mark'
  }
  return found
}

/**
 * Where a code line's rows start: the indices of the clusters that begin the
 * second, third… rows (none when the line fits). `first` is the room of the
 * line's first row, `rest` that of each continued row (less, for the
 * continuation sign and indent). A row's clusters fit its room, but for spaces
 * at its end, which hang, and a single cluster wider than the room, which has
 * a row to itself.
 */
export function rowStarts(clusters: readonly WrapCluster[], first: number, rest: number): number[] {
  // Most lines fit: they need no look at their clusters' kinds.
  if (clusters.reduce((sum, cluster) => sum + cluster.width, 0) <= first + 1e-6) return []
  const kinds = clusters.map((cluster) => clusterKind(cluster.text))
  const breaks = opportunities(kinds)
  // Width of clusters [0, i), for the width of any stretch in one subtraction.
  const before = [0]
  for (const cluster of clusters) before.push(before.at(-1)! + cluster.width)
  const count = clusters.length
  const starts: number[] = []
  let start = 0
  let room = first
  for (;;) {
    // The edge: the first cluster that does not fit.
    let edge = start
    while (edge < count && before[edge + 1]! - before[start]! <= room + 1e-6) edge++
    if (edge === count) break
    // Spaces to the end of the line hang: the line is done.
    let next = edge
    while (next < count && kinds[next] === 'space') next++
    if (next === count) break
    let end: number
    if (next > edge) end = next // The edge falls in a run of spaces: the row ends after it.
    else if (edge === start) end = start + 1 // One cluster wider than the room.
    else {
      const last = (kind: Opportunity): number | undefined => lastOpportunity(breaks, before, kinds, start, edge, room, kind)
      end = last('space') ?? last('mark') ?? last('loose') ?? edge
    }
    starts.push(end)
    start = end
    room = rest
  }
  return starts
}

/**
 * The last break of `kind` in the row from `start` that fits before `edge`,
 * if it leaves the row at least `1 - furthestBack` of its room in ink.
 */
function lastOpportunity(breaks: readonly Opportunity[], before: readonly number[], kinds: readonly ClusterKind[], start: number, edge: number, room: number, kind: Opportunity): number | undefined {
  for (let index = edge; index > start; index--) {
    if (breaks[index] !== kind) continue
    let ink = index
    while (ink > start && kinds[ink - 1] === 'space') ink--
    const filled = before[ink]! - before[start]!
    // Opportunities further back leave the row shorter still.
    return ink > start && filled >= (1 - furthestBack) * room - 1e-6 ? index : undefined
  }
  return undefined
}
