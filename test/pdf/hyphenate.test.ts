import assert from 'node:assert/strict'
import { test } from 'node:test'

import { createHyphenator, patternFileFor } from '../../src/pdf/hyphenate.js'

const rules = { leftMin: 2, rightMin: 3, capitalised: 'none' as const }

test('en-US words split at the patterns’ points', () => {
  const hyphenate = createHyphenator('en-US', rules)
  assert.deepEqual(hyphenate('hyphenation'), ['hy', 'phen', 'ation'])
  assert.deepEqual(hyphenate('communication'), ['com', 'mu', 'ni', 'ca', 'tion'])
  assert.deepEqual(hyphenate('eavesdropping'), ['eaves', 'drop', 'ping'])
  assert.deepEqual(hyphenate('table'), ['ta', 'ble'])
  assert.deepEqual(hyphenate('a'), ['a'])
})

test('the parts always join back into the word, punctuation included but not counted as letters', () => {
  const hyphenate = createHyphenator('en', rules)
  for (const word of ['“hyphenation,', '(communication).', 'eavesdropping—', '‘table’', 'children’s']) {
    assert.equal(hyphenate(word).join(''), word)
  }
  assert.deepEqual(hyphenate('“hyphenation,'), ['“hy', 'phen', 'ation,'])
  // Three letters after the break: "ta-ble." is allowed, the full stop does not count towards "ble".
  assert.deepEqual(hyphenate('table.'), ['ta', 'ble.'])
  assert.deepEqual(hyphenate('children’s'), ['chil', 'dren’s'])
})

test('leftMin and rightMin keep letters either side of a break', () => {
  assert.deepEqual(createHyphenator('en', { ...rules, leftMin: 2, rightMin: 2 })('unobtrusively'), ['un', 'ob', 'tru', 'sive', 'ly'])
  assert.deepEqual(createHyphenator('en', { ...rules, leftMin: 2, rightMin: 3 })('unobtrusively'), ['un', 'ob', 'tru', 'sively'])
  assert.deepEqual(createHyphenator('en', { ...rules, leftMin: 3, rightMin: 3 })('unobtrusively'), ['unob', 'tru', 'sively'])
  assert.deepEqual(createHyphenator('en', { ...rules, leftMin: 3, rightMin: 4 })('table'), ['table'])
  for (const [leftMin, rightMin] of [[2, 2], [3, 3], [4, 5]] as const) {
    const hyphenate = createHyphenator('en', { ...rules, leftMin, rightMin })
    for (const word of ['representatives', 'characteristically', 'incomprehensibility', 'environmental']) {
      const parts = hyphenate(word)
      assert.ok(parts[0]!.length >= leftMin && parts.at(-1)!.length >= rightMin, `${parts.join('-')} at ${leftMin}/${rightMin}`)
    }
  }
})

test('words with a capital or a digit are hyphenated only when the rules allow', () => {
  const strict = createHyphenator('en', rules)
  assert.deepEqual(strict('Presidential'), ['Presidential'])
  assert.deepEqual(strict('NATO'), ['NATO'])
  assert.deepEqual(strict('hyphenation2'), ['hyphenation2'])
  const initial = createHyphenator('en', { ...rules, capitalised: 'initial' })
  assert.deepEqual(initial('Presidential'), ['Pres', 'i', 'den', 'tial'])
  assert.ok(initial('Hyphenation').length > 1)
  assert.deepEqual(initial('BlackBerry'), ['BlackBerry'], 'a capital inside the word')
  assert.deepEqual(initial('NATO'), ['NATO'])
  assert.deepEqual(initial('hyphenation2'), ['hyphenation2'])
  const all = createHyphenator('en', { ...rules, capitalised: 'all' })
  assert.ok(all('BlackBerry').length > 1)
})

test('a word that already has a hyphen breaks only after it', () => {
  const hyphenate = createHyphenator('en', rules)
  assert.deepEqual(hyphenate('leader-to-leader-calls'), ['leader-', 'to-', 'leader-', 'calls'])
  assert.deepEqual(hyphenate('self-determination'), ['self-', 'determination'])
  // Capitals do not stop a break after a hyphen already there.
  assert.deepEqual(hyphenate('Macron-earlier'), ['Macron-', 'earlier'])
  // The letter limits still hold: no "e-" left at a line's end.
  assert.deepEqual(hyphenate('e-mail'), ['e-mail'])
  // En and em dashes inside a word count too.
  assert.deepEqual(hyphenate('break-ins—especially'), ['break-', 'ins—', 'especially'])
})

test('URLs, addresses and abbreviations are not hyphenated', () => {
  const hyphenate = createHyphenator('en', rules)
  for (const word of ['https://example.com/some-long-path', 'someone@example.org', 'U.S.', 'and/or']) {
    assert.deepEqual(hyphenate(word), [word])
  }
})

test('soft hyphens in the text are the only breaks, and are removed from the parts', () => {
  const hyphenate = createHyphenator('en', rules)
  assert.deepEqual(hyphenate('co\u00ADop\u00ADer\u00ADate'), ['co', 'op', 'er', 'ate'])
  assert.deepEqual(hyphenate('in\u00ADformation'), ['in', 'formation'])
  // A soft hyphen too close to the end is dropped, its parts joined.
  assert.deepEqual(hyphenate('hyphen\u00ADs'), ['hyphens'])
})

test('languages: BCP 47 tags choose the patterns; unknown languages are not hyphenated', () => {
  assert.equal(patternFileFor('en'), 'en-us')
  assert.equal(patternFileFor('en-GB'), 'en-gb')
  assert.equal(patternFileFor('de-DE'), 'de-1996')
  assert.equal(patternFileFor('de-CH'), 'de-ch-1901')
  assert.equal(patternFileFor('fr-CA'), 'fr')
  assert.equal(patternFileFor('sr-Latn'), 'sh-latn')
  assert.equal(patternFileFor('xx'), undefined)
  assert.equal(patternFileFor('zh-Hans'), undefined)
  assert.deepEqual(createHyphenator('de', rules)('Silbentrennung'), ['Silbentrennung'])
  assert.deepEqual(createHyphenator('de', { ...rules, capitalised: 'initial' })('Silbentrennung'), ['Sil', 'ben', 'tren', 'nung'])
  assert.deepEqual(createHyphenator('fr', rules)('constitutionnellement'), ['consti', 'tu', 'tion', 'nel', 'le', 'ment'])
  const unknown = createHyphenator('tlh', rules)
  assert.deepEqual(unknown('hyphenation'), ['hyphenation'])
  assert.deepEqual(unknown('leader-to-leader'), ['leader-', 'to-', 'leader'])
  // en-GB patterns differ from en-US ones.
  assert.notDeepEqual(createHyphenator('en-GB', rules)('presentation'), createHyphenator('en-US', rules)('presentation'))
})

test('results are cached but callers get their own arrays', () => {
  const hyphenate = createHyphenator('en', rules)
  const first = hyphenate('hyphenation')
  first.push('changed')
  assert.deepEqual(hyphenate('hyphenation'), ['hy', 'phen', 'ation'])
})
