import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { complianceRollup, rollupSentence } from './compliance-rollup'

type Input = Parameters<typeof complianceRollup>[0][number]
const art = (over: Partial<Input>): Input => ({
  exited: false,
  compliant: true,
  flow: 'runner-ci',
  flows: [],
  ...over,
})

describe('complianceRollup', () => {
  it('reads like the issue: 10 of 11 compliant; 1 without provenance', () => {
    const artifacts = [
      ...Array.from({ length: 10 }, () => art({})),
      art({ compliant: false, flow: null }),
      art({ exited: true, compliant: false }),
    ]
    expect(rollupSentence(complianceRollup(artifacts))).toBe(
      '10 of 11 running artifacts compliant; 1 without provenance',
    )
  })

  it('names other non-compliance and unknowns separately', () => {
    const rollup = complianceRollup([art({}), art({ compliant: false }), art({ compliant: null })])
    expect(rollupSentence(rollup)).toBe(
      '1 of 3 running artifacts compliant; 1 non-compliant; 1 of unknown compliance',
    )
    expect(rollupSentence(complianceRollup([art({ exited: true })]))).toBe('No running artifacts.')
    expect(rollupSentence(complianceRollup([art({})]))).toBe('1 of 1 running artifact compliant')
  })

  it('always adds up', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            exited: fc.boolean(),
            compliant: fc.constantFrom(true, false, null),
            flow: fc.constantFrom('f', null),
            flows: fc.constant<Input['flows']>([]),
          }),
        ),
        (artifacts) => {
          const r = complianceRollup(artifacts)
          expect(r.compliant + r.nonCompliant + r.unknown).toBe(r.running)
          expect(r.running).toBe(artifacts.filter((a) => !a.exited).length)
          expect(r.nonCompliantWithProvenance).toBeLessThanOrEqual(r.nonCompliant)
        },
      ),
    )
  })
})
