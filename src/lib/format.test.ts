import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  complianceText,
  imageNameWithoutTag,
  pluralise,
  serviceName,
  shortArtifactName,
  shortSha,
} from './format'

describe('shortSha', () => {
  it('keeps the first seven characters by default', () => {
    expect(shortSha('16d9990ad23a40eecaf087abac2a58a2d2a4b3f4')).toBe('16d9990')
  })

  it('honours a custom length and short input', () => {
    expect(shortSha('9af401c4c8bb', 8)).toBe('9af401c4')
    expect(shortSha('abc')).toBe('abc')
    expect(shortSha('abcdef', 0)).toBe('')
  })

  it.each([null, undefined, ''])('%j → empty, for callers to render "none"', (value) => {
    expect(shortSha(value)).toBe('')
  })

  it('is a prefix of the value, never longer than asked', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{0,64}$/),
        fc.integer({ min: 0, max: 70 }),
        (sha, n) => {
          const short = shortSha(sha, n)
          expect(sha.startsWith(short)).toBe(true)
          expect(short.length).toBe(Math.min(n, sha.length))
        },
      ),
    )
  })
})

describe('pluralise', () => {
  it.each<[number, string, string | undefined, string]>([
    [1, 'flow', undefined, '1 flow'],
    [12, 'flow', undefined, '12 flows'],
    [0, 'flow', undefined, '0 flows'],
    [2, 'replica', undefined, '2 replicas'],
    [1, 'policy', 'policies', '1 policy'],
    [3, 'policy', 'policies', '3 policies'],
    [5000, 'artifact', undefined, '5,000 artifacts'],
  ])('%i %s → %s', (count, singular, plural, text) => {
    expect(pluralise(count, singular, plural)).toBe(text)
  })
})

describe('imageNameWithoutTag', () => {
  it.each<[string, string]>([
    [
      '274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990',
      '274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner',
    ],
    ['cyberdojo/runner:16d9990', 'cyberdojo/runner'],
    ['runner:16d9990', 'runner'],
    ['runner', 'runner'],
    ['registry.local:5000/team/runner:1.2.3', 'registry.local:5000/team/runner'],
    ['registry.local:5000/team/runner', 'registry.local:5000/team/runner'],
    ['cyberdojo/runner@sha256:9af401c4c8bb', 'cyberdojo/runner'],
    ['cyberdojo/runner:16d9990@sha256:9af401c4c8bb', 'cyberdojo/runner'],
    ['localhost:5000/runner@sha256:abc', 'localhost:5000/runner'],
    ['  cyberdojo/runner:latest  ', 'cyberdojo/runner'],
    ['', ''],
  ])('%s → %s', (name, expected) => {
    expect(imageNameWithoutTag(name)).toBe(expected)
  })
})

describe('serviceName', () => {
  it.each<[string, string]>([
    ['274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990', 'runner'],
    ['cyberdojo/runner:16d9990', 'runner'],
    ['runner', 'runner'],
    ['registry.local:5000/team/web-app:1.2.3', 'web-app'],
    ['registry.local:5000/web-app', 'web-app'],
    ['cyberdojo/runner@sha256:9af401c4', 'runner'],
    ['some/dir/', 'dir'],
    ['', ''],
  ])('%s → %s', (name, expected) => {
    expect(serviceName(name)).toBe(expected)
  })

  it('recovers the repository name from any registry/repo:tag reference', () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,15}$/)
    fc.assert(
      fc.property(
        fc.option(fc.tuple(segment, fc.option(fc.integer({ min: 1, max: 65535 })))),
        fc.array(segment, { maxLength: 3 }),
        segment,
        fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/)),
        fc.option(fc.stringMatching(/^[0-9a-f]{64}$/)),
        (registry, path, repo, tag, digest) => {
          const host =
            registry === null
              ? ''
              : `${registry[0]}${registry[1] === null ? '' : ':' + registry[1]}/`
          const base = host + [...path, repo].join('/')
          const name =
            base + (tag === null ? '' : ':' + tag) + (digest === null ? '' : '@sha256:' + digest)
          expect(imageNameWithoutTag(name)).toBe(base)
          expect(serviceName(name)).toBe(repo)
        },
      ),
    )
  })
})

describe('shortArtifactName', () => {
  it('keeps the tag and drops the registry and digest', () => {
    expect(
      shortArtifactName(`274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16d9990`),
    ).toBe('runner:16d9990')
    expect(
      shortArtifactName(
        `274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:85cac88@sha256:abc`,
      ),
    ).toBe('runner:85cac88')
    expect(shortArtifactName('plain-file.tgz')).toBe('plain-file.tgz')
  })
})

describe('complianceText', () => {
  it('names yes, no and not known', () => {
    expect([true, false, null].map(complianceText)).toEqual([
      'compliant',
      'non-compliant',
      'unknown',
    ])
  })
})
