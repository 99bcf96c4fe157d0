import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatSnappish, type Snappish } from '@/lib/snappish'
import { envNameArbitrary, snappishArbitrary } from '@/test/snappish-arbitrary'
import { classifyQuery, matchNames, type ClassifyContext } from './classify-query'

const FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const context: ClassifyContext = {
  org: 'cyber-dojo',
  flows: ['runner', 'runner-ci', 'saver', 'aws-prod', 'differ'],
  environments: ['aws-beta', 'aws-prod', 'k8s-scale'],
}
const noLists: ClassifyContext = { org: 'cyber-dojo' }

describe('classifyQuery: artifact expressions', () => {
  it('reads flow:commit, lowercasing the commit', () => {
    const intent = classifyQuery('  runner:16D9990 ', noLists)
    expect(intent).toMatchObject({ kind: 'commit', flow: 'runner', commit: '16d9990' })
    expect(intent.description).toBe('Open the artifact of flow runner built from commit 16d9990')
    expect(intent.path).toBeUndefined()
  })

  it('reads flow@prefix as a fingerprint search in that flow', () => {
    const intent = classifyQuery('runner@9af401c4', noLists)
    expect(intent).toMatchObject({ kind: 'fingerprint', flow: 'runner', fingerprint: '9af401c4' })
    expect(intent.description).toContain('starts with 9af401c4')
    expect(intent.path).toBeUndefined()
  })

  it('knows the page of a full fingerprint without asking', () => {
    expect(classifyQuery(`runner@${FP}`, noLists).path).toBe(
      `/cyber-dojo/flows/runner/artifacts/${FP}`,
    )
  })

  it.each([
    ['runner:', 'Commit is missing'],
    ['runner:xyz12', 'Commit must be 5 to 40 hexadecimal characters'],
    [':16d9990', 'Flow name is missing'],
    ['runner@abc', 'Fingerprint must be 5 to 64 hexadecimal characters'],
    ['run@ner:16d9990', 'Use only one of @ or :'],
  ])('explains what is wrong with %s', (input, reason) => {
    expect(classifyQuery(input, noLists)).toMatchObject({ kind: 'invalid', reason })
  })
})

describe('classifyQuery: hex prefixes', () => {
  it.each(['9af401c4', 'ABC12', FP])('sends %s to the org-wide search', (input) => {
    expect(classifyQuery(input, context)).toMatchObject({
      kind: 'sha',
      value: input.toLowerCase(),
      description: `Find the artifact whose commit or fingerprint starts with ${input.toLowerCase()}`,
    })
  })

  it('treats 4 hex characters as a name, not a search', () => {
    expect(classifyQuery('abcd', context).kind).toBe('name')
  })
})

describe('classifyQuery: snapshots', () => {
  it('opens a numbered snapshot directly', () => {
    expect(classifyQuery('aws-prod#65', noLists)).toMatchObject({
      kind: 'snapshot',
      description: 'Open snapshot aws-prod#65',
      path: '/cyber-dojo/environments/aws-prod/snapshots/65',
    })
  })

  it.each([
    ['aws-prod~1', 'Open the snapshot of aws-prod 1 before the latest'],
    ['aws-prod~0', 'Open the latest snapshot of aws-prod'],
    ['aws-prod@{now}', 'Open the latest snapshot of aws-prod'],
    [
      'aws-prod@{2022-08-22T10:00:00}',
      'Open the snapshot of aws-prod current at 2022-08-22 10:00:00 UTC',
    ],
    ['aws-prod@{2.hours.ago}', 'Open the snapshot of aws-prod current 2 hours ago'],
  ])('resolves %s later, to a numbered snapshot', (input, description) => {
    const intent = classifyQuery(input, noLists)
    expect(intent).toMatchObject({ kind: 'snapshot', description })
    expect(intent.path).toBeUndefined()
  })

  it.each([
    ['aws-prod#0', 'Snapshot number must be a positive whole number'],
    ['aws-prod#', 'Snapshot number must be a positive whole number'],
    ['#65', 'Environment name is missing'],
    ['aws-prod@{tomorrow}', "Unknown time expression 'tomorrow'"],
    ['aws-prod#1~2', 'Use only one of #, ~ or @'],
  ])('explains what is wrong with %s', (input, reason) => {
    const intent = classifyQuery(input, noLists)
    expect(intent.kind).toBe('invalid')
    expect(intent.description).toContain(reason)
  })
})

describe('classifyQuery: diffs', () => {
  it.each(['aws-prod#64 aws-prod#65', 'aws-prod#64..aws-prod#65', 'aws-prod#64 .. aws-prod#65'])(
    'opens the diff page for %s',
    (input) => {
      expect(classifyQuery(input, noLists)).toMatchObject({
        kind: 'diff',
        description: 'Compare snapshot aws-prod#64 with aws-prod#65',
        path: '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365',
      })
    },
  )

  it('compares different environments and moving expressions', () => {
    expect(classifyQuery('aws-beta aws-prod~1', noLists).path).toBe(
      '/cyber-dojo/diff?from=aws-beta&to=aws-prod%7E1',
    )
  })

  it('explains that only a diff may contain a space', () => {
    const intent = classifyQuery('runner is broken', noLists)
    expect(intent.kind).toBe('invalid')
    expect(intent.description).toContain('only a diff (two snapshots')
  })
})

describe('classifyQuery: names', () => {
  it('opens an environment by exact name', () => {
    expect(classifyQuery('aws-beta', context)).toMatchObject({
      kind: 'name',
      description: 'Open environment aws-beta',
      path: '/cyber-dojo/environments/aws-beta',
    })
  })

  it('opens a flow by exact name even when longer names also match', () => {
    expect(classifyQuery('Runner', context)).toMatchObject({
      description: 'Open flow runner',
      path: '/cyber-dojo/flows/runner',
    })
  })

  it('lists both when a name is a flow and an environment', () => {
    const intent = classifyQuery('aws-prod', context)
    expect(intent.path).toBeUndefined()
    expect(intent.description).toBe("'aws-prod' is both a flow and an environment: choose one")
    expect(intent.kind === 'name' && intent.matches?.slice(0, 2)).toEqual([
      {
        name: 'aws-prod',
        type: 'environment',
        path: '/cyber-dojo/environments/aws-prod',
        score: 0,
      },
      { name: 'aws-prod', type: 'flow', path: '/cyber-dojo/flows/aws-prod', score: 0 },
    ])
  })

  it('opens the only fuzzy match', () => {
    expect(classifyQuery('k8s', context).path).toBe('/cyber-dojo/environments/k8s-scale')
    expect(classifyQuery('dfr', context).path).toBe('/cyber-dojo/flows/differ')
  })

  it('lists several fuzzy matches, best first, with their type', () => {
    const intent = classifyQuery('aws', context)
    expect(intent.description).toBe("Show the 3 flows and environments matching 'aws'")
    expect(intent.kind === 'name' && intent.matches?.map((m) => `${m.type}:${m.name}`)).toEqual([
      'environment:aws-beta',
      'environment:aws-prod',
      'flow:aws-prod',
    ])
  })

  it('says when nothing matches', () => {
    expect(classifyQuery('zzzqqq', context)).toMatchObject({
      kind: 'name',
      matches: [],
      description: "No flow or environment matches 'zzzqqq'",
    })
  })

  it('waits for the lists before deciding', () => {
    expect(classifyQuery('runner', noLists)).toMatchObject({
      kind: 'name',
      matches: undefined,
      description: "Find flows and environments matching 'runner'",
    })
  })

  it('ranks exact, prefix, substring, then subsequence', () => {
    const found = matchNames('o', 'run', ['xrunx', 'r-u-n', 'runner', 'run'], [])
    expect(found.map((m) => [m.name, m.score])).toEqual([
      ['run', 0],
      ['runner', 1],
      ['xrunx', 2],
      ['r-u-n', 3],
    ])
  })

  it('encodes names in paths', () => {
    expect(classifyQuery('we~ird', { org: 'o', flows: ['we~ird'], environments: [] }).path).toBe(
      '/o/flows/we~ird',
    )
  })
})

describe('classifyQuery: Kosli links', () => {
  it.each([
    ['https://app.kosli.com/cyber-dojo/flows/runner', '/cyber-dojo/flows/runner'],
    [
      `https://app.kosli.com/cyber-dojo/flows/runner/artifacts/${FP}?artifact_id=abc`,
      `/cyber-dojo/flows/runner/artifacts/${FP}?artifact_id=abc`,
    ],
    [
      'https://app.us.kosli.com/acme/flows/f/trails/t1?attestation_id=42',
      '/acme/flows/f/trails/t1?attestation_id=42',
    ],
    [
      'https://app.kosli.com/cyber-dojo/environments/aws-prod/snapshots/65/',
      '/cyber-dojo/environments/aws-prod/snapshots/65',
    ],
    [
      `https://app.kosli.com/api/v2/artifacts/cyber-dojo/runner/fingerprint/${FP}`,
      `/cyber-dojo/flows/runner/artifacts/${FP}`,
    ],
    [
      'https://app.kosli.com/api/v2/snapshots/cyber-dojo/aws-prod/65',
      '/cyber-dojo/environments/aws-prod/snapshots/65',
    ],
    ['https://app.kosli.com//evil.example/x', '/evil.example/x'],
  ])('maps %s to %s', (input, path) => {
    expect(classifyQuery(input, noLists)).toMatchObject({ kind: 'url', path })
  })

  it.each([
    ['https://example.com/cyber-dojo/flows', 'Only Kosli web-app links'],
    ['https://app.kosli.com/', 'does not name an organization page'],
    ['https://app.kosli.com/api/v2/policies/x', 'does not name an organization page'],
    ['https://', 'is not a valid link'],
  ])('refuses %s', (input, reason) => {
    expect(classifyQuery(input, noLists).description).toContain(reason)
  })
})

describe('classifyQuery: container images', () => {
  const DIGEST = 'f3cdc22a599ddb789e7791389a5a58b43fd9c30d3af079aec392d5962d181096'

  it("finds an image by its commit tag, as the artifact page's title writes it", () => {
    expect(classifyQuery('cyberdojo/runner:16d9990', context)).toMatchObject({
      kind: 'sha',
      value: '16d9990',
      description: 'Find the artifact built from commit 16d9990 (image cyberdojo/runner)',
    })
    expect(
      classifyQuery('274425519734.dkr.ecr.eu-central-1.amazonaws.com/runner:16D9990', context),
    ).toMatchObject({ kind: 'sha', value: '16d9990' })
  })

  it('finds an image by its digest, whatever its tag', () => {
    const pasted = `244531986313.dkr.ecr.eu-central-1.amazonaws.com/runner:85cac88@sha256:${DIGEST}`
    expect(classifyQuery(pasted, context)).toMatchObject({ kind: 'sha', value: DIGEST })
    expect(classifyQuery(`sha256:${DIGEST}`, context)).toMatchObject({ kind: 'sha', value: DIGEST })
    expect(classifyQuery(`runner@sha256:${DIGEST}`, context)).toMatchObject({
      kind: 'sha',
      value: DIGEST,
    })
  })

  it('says what to add when a tag is not a commit or is missing', () => {
    expect(classifyQuery('cyberdojo/runner:latest', context)).toMatchObject({
      kind: 'invalid',
      description: expect.stringMatching(/'latest' is not a commit.*@sha256:/),
    })
    expect(classifyQuery('cyberdojo/runner', context)).toMatchObject({
      kind: 'invalid',
      description: expect.stringMatching(/no tag or digest/),
    })
  })

  it('leaves flow:commit to the CLI expression', () => {
    expect(classifyQuery('runner:16d9990', context)).toMatchObject({ kind: 'commit' })
  })
})

describe('classifyQuery: other input', () => {
  it('says what to type for empty input', () => {
    expect(classifyQuery('   ', context).kind).toBe('empty')
    expect(classifyQuery(undefined, context).kind).toBe('empty')
  })

  it('explains nonsense', () => {
    expect(classifyQuery('!!nonsense!!', context)).toMatchObject({
      kind: 'invalid',
      description:
        "'!!nonsense!!' is not a flow or environment name, snapshot, commit, fingerprint or Kosli link",
    })
  })
})

// Env names without '..', which would make a single expression read as a pair.
const envName = envNameArbitrary.filter((name) => !name.includes('..'))
const movingOrNumbered = snappishArbitrary(envName, { latest: false })
const anySnappish = fc.oneof(
  envName.map((env): Snappish => ({ kind: 'latest', env })),
  movingOrNumbered,
)

describe('classifyQuery: properties', () => {
  it('never throws and always says what Enter does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (input, lists) => {
        const intent = classifyQuery(input, lists ? context : noLists)
        expect(intent.description.length).toBeGreaterThan(0)
        if (intent.path !== undefined) {
          expect(intent.path.startsWith('/')).toBe(true)
          expect(intent.path.startsWith('//')).toBe(false)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('never throws on strings built from the syntax characters', () => {
    const syntax = fc.string({
      unit: fc.constantFrom('a', 'f', '1', '#', '~', '@', '{', '}', ':', '.', ' ', '/', 'h'),
    })
    fc.assert(
      fc.property(syntax, (input) => {
        expect(() => classifyQuery(input, context)).not.toThrow()
      }),
      { numRuns: 3000 },
    )
  })

  it('classifies every snapshot expression other than a bare name as that snapshot', () => {
    fc.assert(
      fc.property(movingOrNumbered, (snappish) => {
        const intent = classifyQuery(formatSnappish(snappish), noLists)
        expect(intent.kind).toBe('snapshot')
        if (intent.kind === 'snapshot') expect(intent.snappish).toEqual(snappish)
        if (snappish.kind === 'index') {
          expect(intent.path).toBe(
            `/cyber-dojo/environments/${encodeURIComponent(snappish.env)}/snapshots/${snappish.index}`,
          )
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('classifies a bare environment name as that environment when it is one', () => {
    fc.assert(
      fc.property(envName, (env) => {
        const intent = classifyQuery(env, { org: 'o', flows: [], environments: [env] })
        // A 5+ character hex name is read as a commit or fingerprint prefix first.
        if (/^[0-9a-f]{5,64}$/i.test(env)) expect(intent.kind).toBe('sha')
        else expect(intent.path).toBe(`/o/environments/${encodeURIComponent(env)}`)
      }),
    )
  })

  it('classifies any two snapshot expressions as a diff of exactly those two', () => {
    fc.assert(
      fc.property(anySnappish, anySnappish, fc.constantFrom(' ', '  ', ' .. '), (a, b, sep) => {
        const intent = classifyQuery(`${formatSnappish(a)}${sep}${formatSnappish(b)}`, noLists)
        expect(intent.kind).toBe('diff')
        if (intent.kind === 'diff') {
          expect(intent.from).toEqual(a)
          expect(intent.to).toEqual(b)
          const params = new URLSearchParams(intent.path?.split('?')[1])
          expect(params.get('from')).toBe(formatSnappish(a))
          expect(params.get('to')).toBe(formatSnappish(b))
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('classifies a..b without spaces as a diff', () => {
    fc.assert(
      fc.property(movingOrNumbered, movingOrNumbered, (a, b) => {
        expect(classifyQuery(`${formatSnappish(a)}..${formatSnappish(b)}`, noLists).kind).toBe(
          'diff',
        )
      }),
    )
  })
})

describe('classifyQuery: every Kosli API link opens its page', () => {
  const API = 'https://app.kosli.com/api/v2'
  it.each([
    [`${API}/flows/cyber-dojo`, '/cyber-dojo/flows'],
    [`${API}/flows/cyber-dojo/runner-ci`, '/cyber-dojo/flows/runner-ci'],
    [`${API}/artifacts/cyber-dojo/runner-ci`, '/cyber-dojo/flows/runner-ci'],
    [`${API}/artifacts/cyber-dojo?flow_name=runner-ci`, '/cyber-dojo/flows/runner-ci'],
    [
      `${API}/artifacts/cyber-dojo/runner/commit_sha/16d9990`,
      '/cyber-dojo/search?q=runner%3A16d9990',
    ],
    [`${API}/trails/cyber-dojo/runner-ci/85cac88`, '/cyber-dojo/flows/runner-ci/trails/85cac88'],
    [`${API}/trails/cyber-dojo/runner-ci`, '/cyber-dojo/flows/runner-ci#trails'],
    [
      `${API}/attestations/cyber-dojo/runner-ci/trail/85cac88/snyk`,
      '/cyber-dojo/flows/runner-ci/trails/85cac88',
    ],
    [`${API}/environments/cyber-dojo`, '/cyber-dojo/environments'],
    [`${API}/environments/cyber-dojo/aws-prod`, '/cyber-dojo/environments/aws-prod'],
    [`${API}/environments/cyber-dojo/aws-prod/events`, '/cyber-dojo/environments/aws-prod/events'],
    [`${API}/snapshots/cyber-dojo/aws-prod`, '/cyber-dojo/environments/aws-prod/snapshots'],
    [`${API}/snapshots/cyber-dojo/aws-prod/@{now}`, '/cyber-dojo/search?q=aws-prod%40%7Bnow%7D'],
    [
      `${API}/snapshots/cyber-dojo/aws-prod/%40%7Bnow%7D`,
      '/cyber-dojo/search?q=aws-prod%40%7Bnow%7D',
    ],
    [`${API}/snapshots/cyber-dojo/aws-prod/-1`, '/cyber-dojo/search?q=aws-prod%23-1'],
    [`${API}/snapshots/cyber-dojo/aws-prod/~2`, '/cyber-dojo/search?q=aws-prod%7E2'],
    [
      `${API}/env-diff/cyber-dojo?snappish1=aws-prod%2364&snappish2=aws-prod%2365`,
      '/cyber-dojo/diff?from=aws-prod%2364&to=aws-prod%2365',
    ],
    [`${API}/search/cyber-dojo/sha/16d9990`, '/cyber-dojo/search?q=16d9990'],
    ['/api/v2/environments/cyber-dojo/aws-prod', '/cyber-dojo/environments/aws-prod'],
  ])('%s opens %s', (input, path) => {
    expect(classifyQuery(input, noLists)).toMatchObject({ kind: 'url', path })
  })
})
