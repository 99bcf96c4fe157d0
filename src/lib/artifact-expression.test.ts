import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatArtifactExpression,
  isHexPrefix,
  parseArtifactExpression,
  type ArtifactExpression,
} from './artifact-expression'

const FP = '9af401c4c8bb5e3fc5ff1b5a0b5a8ed4b1b7b4e0ce0cd3f0e9b4e1d2c3b4a596'

describe('parseArtifactExpression: accepted', () => {
  it.each<[string, ArtifactExpression]>([
    ['runner:16d9990', { kind: 'commit', flow: 'runner', commit: '16d9990' }],
    ['runner@9af401c4', { kind: 'fingerprint', flow: 'runner', fingerprint: '9af401c4' }],
    ['runner:16D9990', { kind: 'commit', flow: 'runner', commit: '16d9990' }],
    ['runner@9AF401C4', { kind: 'fingerprint', flow: 'runner', fingerprint: '9af401c4' }],
    ['  runner:16d99  ', { kind: 'commit', flow: 'runner', commit: '16d99' }],
    ['a.b_c-d~e:abcde', { kind: 'commit', flow: 'a.b_c-d~e', commit: 'abcde' }],
    ['runner:' + 'a'.repeat(40), { kind: 'commit', flow: 'runner', commit: 'a'.repeat(40) }],
    ['runner@' + FP, { kind: 'fingerprint', flow: 'runner', fingerprint: FP }],
  ])('%s', (input, expected) => {
    expect(parseArtifactExpression(input)).toEqual({ ok: true, value: expected })
  })
})

describe('parseArtifactExpression: rejected', () => {
  it.each<[string, string]>([
    ['runner', 'Use flow:commit (e.g. runner:16d9990) or flow@fingerprint (e.g. runner@9af401c4)'],
    ['', 'Use flow:commit (e.g. runner:16d9990) or flow@fingerprint (e.g. runner@9af401c4)'],
    ['runner:16d9990@9af401c4', 'Use only one of @ or :'],
    ['runner@9af401c4:16d9990', 'Use only one of @ or :'],
    [':16d9990', 'Flow name is missing'],
    ['@9af401c4', 'Flow name is missing'],
    ['runner:', 'Commit is missing'],
    ['runner@', 'Fingerprint is missing'],
    ['runner:16d9', 'Commit must be 5 to 40 hexadecimal characters'],
    ['runner:' + 'a'.repeat(41), 'Commit must be 5 to 40 hexadecimal characters'],
    ['runner:16d999g', 'Commit must be 5 to 40 hexadecimal characters'],
    ['runner:16d99 90', 'Commit must be 5 to 40 hexadecimal characters'],
    ['runner:main', 'Commit must be 5 to 40 hexadecimal characters'],
    ['runner@9af4', 'Fingerprint must be 5 to 64 hexadecimal characters'],
    ['runner@' + FP + '0', 'Fingerprint must be 5 to 64 hexadecimal characters'],
    ['runner@sha256:' + FP, 'Use only one of @ or :'],
    ['runner:１６d9990', 'Commit must be 5 to 40 hexadecimal characters'],
  ])('%s → %s', (input, error) => {
    expect(parseArtifactExpression(input)).toEqual({ ok: false, error })
  })

  it.each(['cyberdojo/runner:16d9990', 'run ner:16d9990', '-runner:16d9990', 'rünner:16d9990'])(
    '%s has an invalid flow name',
    (input) => {
      const result = parseArtifactExpression(input)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toMatch(/^Flow name '.+' may contain only letters/)
    },
  )
})

const flowName = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9._~-]{0,30}$/)
const hex = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: min, maxLength: max })

const expressionArbitrary: fc.Arbitrary<ArtifactExpression> = fc.oneof(
  fc.record({ kind: fc.constant('commit' as const), flow: flowName, commit: hex(5, 40) }),
  fc.record({ kind: fc.constant('fingerprint' as const), flow: flowName, fingerprint: hex(5, 64) }),
)

describe('artifact expressions: properties', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const result = parseArtifactExpression(input)
        expect(typeof result.ok).toBe('boolean')
      }),
      { numRuns: 2000 },
    )
  })

  it('format then parse round-trips', () => {
    fc.assert(
      fc.property(expressionArbitrary, (e) => {
        expect(parseArtifactExpression(formatArtifactExpression(e))).toEqual({ ok: true, value: e })
      }),
      { numRuns: 1000 },
    )
  })

  it('accepts upper-case identities and lower-cases them', () => {
    fc.assert(
      fc.property(expressionArbitrary, (e) => {
        const text = formatArtifactExpression(e)
        const split = e.kind === 'commit' ? text.indexOf(':') : text.indexOf('@')
        const shouted = text.slice(0, split + 1) + text.slice(split + 1).toUpperCase()
        expect(parseArtifactExpression(shouted)).toEqual({ ok: true, value: e })
      }),
    )
  })
})

describe('formatArtifactExpression', () => {
  it('uses : for commits and @ for fingerprints', () => {
    expect(formatArtifactExpression({ kind: 'commit', flow: 'runner', commit: '16d9990' })).toBe(
      'runner:16d9990',
    )
    expect(
      formatArtifactExpression({ kind: 'fingerprint', flow: 'runner', fingerprint: '9af401c4' }),
    ).toBe('runner@9af401c4')
  })
})

describe('isHexPrefix', () => {
  it.each<[string, boolean]>([
    ['16d99', true],
    ['16D99', true],
    ['16d9', false],
    ['', false],
    ['16d9g', false],
    [' 16d99', false],
    ['0x16d99', false],
    [FP, true],
    [FP + 'a', false],
  ])('%j → %s with the defaults', (input, expected) => {
    expect(isHexPrefix(input)).toBe(expected)
  })

  it('honours explicit bounds', () => {
    expect(isHexPrefix('abc', 3, 3)).toBe(true)
    expect(isHexPrefix('abcd', 3, 3)).toBe(false)
    expect(isHexPrefix('a'.repeat(41), 5, 40)).toBe(false)
    expect(isHexPrefix('a'.repeat(40), 5, 40)).toBe(true)
  })

  it('agrees with a regular expression on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (input) => {
        expect(isHexPrefix(input)).toBe(/^[0-9a-fA-F]{5,64}$/.test(input))
      }),
    )
  })
})
