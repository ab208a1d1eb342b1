/**
 * Property: any document made from the Markdown grammar (nesting, mixed
 * inlines, tables, footnotes, raw HTML, odd Unicode) is published in two
 * valid editions with no word lost, or refused with a message that names its
 * file, line and column; never a crash.
 *
 * A bounded run with fixed seeds, as the chapters of one book so EPUBCheck
 * runs once; `make property` runs the same generator on many more seeds. The
 * generator leaves out what reported faults break (see its comments); the
 * tests that keep those faults are marked as to do elsewhere.
 */
import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { runProperty } from '../support/property-run.js'
import type { PropertyRun } from '../support/property-run.js'

/** Fixed seeds: the same documents on every run. */
const firstSeed = 5_000
const cases = 40
const seeds = Array.from({ length: cases }, (_, index) => firstSeed + index)

describe(`random Markdown documents (${cases} seeds from ${firstSeed})`, () => {
  let run: PropertyRun

  before(async () => {
    run = await runProperty(seeds)
  })

  const describeCase = (verdict: PropertyRun['cases'][number]): string => `seed ${verdict.seed} (${verdict.outcome}): ${verdict.failures.join('; ')}`

  it('never crashes: no internal error, no stack trace', () => {
    assert.deepEqual(run.cases.filter((verdict) => verdict.outcome === 'crashed').map(describeCase), [])
  })

  it('publishes two valid editions with no word lost, or refuses with file:line:column', (t) => {
    const counts = { published: 0, refused: 0, crashed: 0 }
    for (const verdict of run.cases) counts[verdict.outcome]++
    t.diagnostic(`${run.cases.length} cases: ${counts.published} published, ${counts.refused} refused, ${counts.crashed} crashed, in ${run.builds} builds`)
    const failing = run.cases.filter((verdict) => verdict.failures.length > 0)
    t.diagnostic(`${run.cases.length - failing.length} of ${run.cases.length} cases hold`)
    assert.deepEqual(failing.map(describeCase), [])
  })
})
