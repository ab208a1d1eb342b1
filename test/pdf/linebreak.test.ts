import assert from 'node:assert/strict'
import { test } from 'node:test'

import { createHyphenator } from '../../src/pdf/hyphenate.js'
import { textItems, type TextSetting } from '../../src/pdf/linebreak/from-text.js'
import {
  type BreakOptions,
  type Item,
  type Line,
  box,
  breakLines,
  defaultCosts,
  glue,
  greedy,
  knuthPlass,
  penalty,
  withCosts,
} from '../../src/pdf/linebreak/index.js'

/** The frog king, as in Digital Typography's examples of Knuth–Plass. */
const FROG =
  'In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the ' +
  'youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her ' +
  'face. Close by the king’s castle lay a great dark forest, and under an old lime-tree in the forest was a well, ' +
  'and when the day was very warm, the king’s child went out into the forest and sat down by the side of the cool ' +
  'fountain; and when she was bored she took a golden ball, and threw it up on high and caught it; and this ball ' +
  'was her favorite plaything.'

/** Rough advances of a book face at 10 pt, enough to make lines of uneven content. */
function advance(ch: string): number {
  if ('iljtfr.,;:’\'!|'.includes(ch)) return 2.8
  if ('mwMW'.includes(ch)) return 7.8
  if (ch >= 'A' && ch <= 'Z') return 6.6
  if (ch === '-') return 3.3
  return 5
}
const measure = (text: string): number => [...text].reduce((sum, ch) => sum + advance(ch), 0)
const hyphenate = createHyphenator('en', { leftMin: 2, rightMin: 3, capitalised: 'none' })
const setting: TextSetting = {
  measure,
  space: { width: 2.5, stretch: 1.25, shrink: 0.8 },
  hyphenWidth: 3.3,
  hyphenate,
}
const justified = (width: number): BreakOptions => ({ lineWidth: () => width, justify: true, uniformFrom: 0 })

/** Natural width of a line as set: its boxes and glue, plus the penalty it ends at. */
function naturalWidth(items: readonly Item[], line: Line): { natural: number; stretch: number; shrink: number } {
  let natural = 0
  let stretch = 0
  let shrink = 0
  for (let i = line.start; i < line.end; i++) {
    const item = items[i]!
    if (item.type === 'box') natural += item.width
    if (item.type === 'glue') {
      natural += item.width
      stretch += item.stretch
      shrink += item.shrink
    }
  }
  const end = items[line.end]
  if (end?.type === 'penalty') natural += end.width
  return { natural, stretch, shrink }
}

/** Width of a line once its glue is adjusted by its ratio. */
function setWidth(items: readonly Item[], line: Line): number {
  const { natural, stretch, shrink } = naturalWidth(items, line)
  return natural + (line.ratio >= 0 ? line.ratio * stretch : line.ratio * shrink)
}

function totalBadness(lines: readonly Line[]): number {
  return lines.slice(0, -1).reduce((sum, line) => sum + 100 * Math.abs(line.ratio) ** 3, 0)
}

function longestHyphenRun(lines: readonly Line[]): number {
  let run = 0
  let longest = 0
  for (const line of lines) {
    run = line.hyphenated ? run + 1 : 0
    longest = Math.max(longest, run)
  }
  return longest
}

test('the paragraph ends with a forced break: the last line reaches the end and is not stretched', () => {
  const items = textItems(FROG, setting)
  const lines = breakLines(items, justified(200))
  const last = lines.at(-1)!
  assert.equal(last.end, items.length)
  assert.ok(last.ratio <= 0)
  assert.ok(setWidth(items, last) <= 200 + 1e-6)
  assert.equal(lines[0]!.start, 0)
})

test('lines follow one another: each starts at the first box after the previous break', () => {
  const items = textItems(FROG, setting)
  const lines = breakLines(items, justified(180))
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!
    const start = lines[i]!.start
    assert.ok(start > previous.end, 'the break itself belongs to no line')
    assert.equal(items[start]!.type, 'box')
    for (let j = previous.end + 1; j < start; j++) assert.notEqual(items[j]!.type, 'box', 'no box is lost')
  }
})

test('a forced break in the middle ends a line there, set like a last line', () => {
  const text = 'one two three four five six seven eight nine ten eleven twelve'
  const items: Item<string>[] = [
    ...textItems(text, setting),
    penalty(0, -Infinity),
    ...textItems(text, setting),
  ]
  const forcedAt = items.findIndex((item) => item.type === 'penalty' && item.cost === -Infinity)
  const lines = breakLines(items, justified(150))
  const ending = lines.find((line) => line.end === forcedAt)
  assert.ok(ending, 'a line ends at the forced break')
  assert.ok(ending.ratio <= 0)
  assert.equal(lines.at(-1)!.end, items.length)
})

test('every line set justified is within [-1, tolerance] and none is overfull, at many measures', () => {
  const items = textItems(FROG, setting)
  for (let width = 150; width <= 400; width += 10) {
    const lines = breakLines(items, justified(width))
    for (const line of lines) {
      assert.equal(line.overfull, false)
      if (line.emergency) continue
      assert.ok(line.ratio >= -1 && line.ratio <= defaultCosts.looseTolerance, `ratio ${line.ratio} at ${width}`)
      assert.ok(setWidth(items, line) <= width + 1e-6, `line wider than ${width}`)
    }
    for (const line of lines.slice(0, -1)) {
      if (!line.emergency) assert.ok(Math.abs(setWidth(items, line) - width) < 1e-6, 'justified lines fill the measure')
    }
  }
})

test('a paragraph that sets without hyphens inside the first tolerance gets no hyphen', () => {
  const items = textItems(FROG, setting)
  const costs = withCosts({ pretolerance: 100 })
  const atHyphenationPoint = (line: Line): boolean => (items[line.end] as { kind?: string } | undefined)?.kind === 'hyphenation'
  let hyphenatedWhenAllowed = 0
  for (let width = 150; width <= 300; width += 10) {
    const lines = knuthPlass(items, justified(width), costs)
    assert.equal(lines.filter(atHyphenationPoint).length, 0, `at ${width}`)
    // Without that pass, hyphenation competes with spacing and is sometimes chosen.
    const always = knuthPlass(items, justified(width), withCosts({ pretolerance: null, hyphenPenalty: 0 }))
    if (always.some(atHyphenationPoint)) hyphenatedWhenAllowed++
  }
  assert.ok(hyphenatedWhenAllowed > 0)
})

test('no overfull line when a fit exists: words that exactly fill the measure', () => {
  const word = box(50, 'w')
  const space = glue(10, 0, 0)
  const items: Item[] = [word, space, word, space, word, space, word]
  const lines = breakLines(items, justified(110))
  assert.deepEqual(
    lines.map((line) => [line.start, line.end, line.overfull]),
    [
      [0, 3, false],
      [4, 7, false],
    ],
  )
})

test('a narrower first line is honoured', () => {
  const items = textItems(FROG, setting)
  const options: BreakOptions = { lineWidth: (i) => (i < 2 ? 120 : 220), justify: true, uniformFrom: 2 }
  const lines = breakLines(items, options)
  lines.forEach((line, i) => {
    if (i < lines.length - 1) assert.ok(Math.abs(setWidth(items, line) - options.lineWidth(i)) < 1e-6)
  })
  // The same with line counts kept apart (no uniformFrom) chooses the same breaks.
  const exact = breakLines(items, { lineWidth: options.lineWidth, justify: true })
  assert.deepEqual(exact, lines)
})

test('a 400-character word is broken at emergency breaks into lines within the measure', () => {
  const long = 'Pneumono' + 'ultramicroscopic'.repeat(24) + 'silicovolcanoconiosis'
  assert.ok(long.length >= 400)
  const url = 'https://example.org/' + 'a-very-long-path/'.repeat(20) + 'index.html'
  for (const monster of [long, url]) {
    const items = textItems(`Before it there is ${monster} and after it some more words of text.`, {
      ...setting,
      emergencyWidth: 100,
    })
    const lines = breakLines(items, justified(200))
    for (const line of lines) {
      assert.equal(line.overfull, false)
      assert.ok(setWidth(items, line) <= 200 + 1e-6)
    }
    assert.ok(lines.some((line) => line.emergency), 'the emergency lines are marked')
    assert.ok(lines.length >= Math.ceil(measure(monster) / 200))
    // Ragged text too, at natural width.
    const ragged = breakLines(items, { lineWidth: () => 200, justify: false })
    for (const line of ragged) {
      assert.equal(line.overfull, false)
      assert.ok(naturalWidth(items, line).natural <= 200 + 1e-6)
    }
  }
})

test('emergency breaks are not used when the paragraph sets without them', () => {
  const items = textItems(FROG, { ...setting, emergencyWidth: 20 })
  const lines = breakLines(items, justified(220))
  assert.ok(lines.every((line) => !line.emergency))
  assert.ok(lines.every((line) => items[line.end]?.type !== 'penalty' || (items[line.end] as { kind?: string }).kind !== 'emergency'))
})

test('a box wider than the measure with no emergency break sticks out on a line of its own', () => {
  const items = textItems('some words before WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW and some after it', setting)
  const wide = items.findIndex((item) => item.type === 'box' && item.content.startsWith('WWW'))
  for (const lines of [breakLines(items, justified(150)), greedy(items, justified(150), withCosts())]) {
    const overfull = lines.filter((line) => line.overfull)
    assert.equal(overfull.length, 1)
    assert.equal(overfull[0]!.start, wide)
    assert.equal(overfull[0]!.end, wide + 1)
    assert.equal(overfull[0]!.emergency, true)
    assert.ok(lines.filter((line) => !line.overfull).every((line) => setWidth(items, line) <= 150 + 1e-6))
  }
})

test('never more than two consecutive hyphenated lines, even when hyphens cost nothing', () => {
  // Long words and free hyphens: without the hard rule, runs of three and more appear.
  const text =
    'international considerations notwithstanding, representatives characteristically misunderstood ' +
    'extraordinary administrative responsibilities; incomprehensibility accompanied environmental ' +
    'reconstruction, constitutionally indistinguishable from unconventional institutionalisation.'
  const items = textItems(text.repeat(3), setting)
  const free = { hyphenPenalty: -50, doubleHyphenDemerits: 0, finalHyphenDemerits: 0, pretolerance: null }
  let unlimited = 0
  let limited = 0
  for (let width = 90; width <= 200; width += 5) {
    unlimited = Math.max(unlimited, longestHyphenRun(breakLines(items, justified(width), { ...free, maxHyphenRun: Infinity })))
    const lines = breakLines(items, justified(width), free)
    limited = Math.max(limited, longestHyphenRun(lines))
    const ragged = breakLines(items, { lineWidth: () => width, justify: false }, { ...free, hyphenZone: 0 })
    limited = Math.max(limited, longestHyphenRun(ragged))
  }
  assert.ok(unlimited > 2, `the case must tempt the breaker (longest run without the rule: ${unlimited})`)
  assert.ok(limited <= 2, `longest run ${limited}`)
})

test('total-fit spaces a paragraph better than first-fit', () => {
  const items = textItems(FROG, setting)
  let better = 0
  for (const width of [180, 220, 260, 300]) {
    const optimal = knuthPlass(items, justified(width), withCosts())
    const firstFit = greedy(items, justified(width), withCosts())
    assert.ok(totalBadness(optimal) <= totalBadness(firstFit) + 1e-9, `at ${width}`)
    if (totalBadness(optimal) < totalBadness(firstFit)) better++
  }
  assert.ok(better >= 3)
})

test('ragged text: greedy lines at natural width, each as full as it can be', () => {
  const items = textItems(FROG, setting)
  const width = 200
  const lines = breakLines(items, { lineWidth: () => width, justify: false })
  for (const [i, line] of lines.entries()) {
    assert.equal(line.ratio, 0)
    assert.equal(line.overfull, false)
    const natural = naturalWidth(items, line).natural
    assert.ok(natural <= width)
    const next = lines[i + 1]
    if (next !== undefined && !line.hyphenated) {
      // The next line's first word (up to its first break opportunity) would not have fitted.
      let word = 0
      for (let j = next.start; j < items.length && items[j]!.type === 'box'; j++) word += items[j]!.width
      assert.ok(natural + setting.space.width + word > width - 1e-9, `line ${i} could have taken more`)
    }
  }
})

test('ragged text hyphenates only to avoid a short line', () => {
  const items = textItems(FROG, setting)
  const lines = breakLines(items, { lineWidth: () => 200, justify: false }, { hyphenZone: 0.1 })
  for (const line of lines.filter((l) => l.hyphenated && items[l.end]!.width > 0)) {
    // Ending at the word space before the hyphenated word would have left more than 10% empty.
    let k = line.end
    while (k > line.start && items[k]!.type !== 'glue') k--
    const before = naturalWidth(items, { ...line, end: k }).natural
    assert.ok((200 - before) / 200 > 0.1)
  }
  const never = breakLines(items, { lineWidth: () => 200, justify: false }, { hyphenZone: 1 })
  assert.ok(never.every((line) => !line.hyphenated || items[line.end]!.width === 0))
})

test('empty and one-word paragraphs', () => {
  assert.deepEqual(breakLines([], justified(100)), [])
  const lines = breakLines([box(30, 'word')], justified(100))
  assert.deepEqual(lines, [{ start: 0, end: 1, ratio: 0, hyphenated: false, overfull: false }])
})

test('looseness sets a paragraph a line longer or shorter when the tolerances allow', () => {
  const items = textItems(FROG, setting)
  let longer = 0
  for (let width = 150; width <= 320; width += 10) {
    const best = breakLines(items, justified(width)).length
    for (const looseness of [1, -1]) {
      const lines = breakLines(items, { ...justified(width), looseness })
      const change = lines.length - best
      assert.ok(looseness > 0 ? change >= 0 && change <= 1 : change <= 0 && change >= -1, `at ${width}: ${change}`)
      if (change === 1) longer++
      for (const line of lines) if (!line.emergency) assert.ok(line.ratio >= -1 && line.ratio <= defaultCosts.looseTolerance)
      assert.equal(lines.at(-1)!.end, items.length)
    }
  }
  assert.ok(longer > 0)

  // Twelve words that set best three to a line, slightly stretched (four lines), but also fit four to a
  // line, shrunk (three lines), or two to a line, loose (six lines; five with a mix).
  const words: Item[] = []
  for (let i = 0; i < 12; i++) {
    if (i > 0) words.push(glue(10, 40, 10))
    words.push(box(40, i))
  }
  const options = justified(165)
  assert.equal(breakLines(words, options).length, 4)
  assert.equal(breakLines(words, { ...options, looseness: -1 }).length, 3)
  assert.equal(breakLines(words, { ...options, looseness: -3 }).length, 3, 'no fewer than fit')
  assert.equal(breakLines(words, { ...options, looseness: 1 }).length, 5)
})
