import fc from 'fast-check'
import type { JsonBodyType } from 'msw'
import { z } from 'zod/mini'
import { serve, snappish } from '@/test/serve-api'
import environment from '../../fixtures/kosli/environment_aws-prod.json'
import events from '../../fixtures/kosli/environment-events_aws-prod.json'
import diffCapture from '../../fixtures/kosli/env-diff/aws-beta_vs_aws-prod_latest.json'
import snapshotLatest from '../../fixtures/kosli/snapshot_aws-prod_latest.json'
import trailRunner from '../../fixtures/kosli/trail_runner-ci.json'
import { ApiError } from './client'
import { fetchSnapshotDiff } from './diff'
import { fetchEnvironment } from './environments'
import { fetchEnvironmentEvents } from './events'
import { crossCheckWithZod, firstDifference } from '@/test/read-check'
import { parseResponse, readFast } from './fast-parse'
import { policyDecisionWire } from './policy-decisions'
import { fetchSnapshot } from './snapshots'
import { fetchTrail } from './trails'
import {
  gitCommitInfoWire,
  integer,
  numeric,
  optionalBoolean,
  optionalNumber,
  optionalString,
  paginated,
  timestamp,
  withFingerprint,
  fingerprintAliases,
} from './wire'

/** zod's answer in readFast's terms: the data, or undefined when zod refuses. */
function byZod(schema: z.ZodMiniType, input: unknown): { data: unknown } | undefined {
  const parsed = schema.safeParse(input)
  return parsed.success ? { data: parsed.data } : undefined
}

const artifactLike = withFingerprint(
  z.looseObject({
    name: z.string(),
    ...fingerprintAliases,
    compliant: optionalBoolean,
    annotation: z.optional(
      z.nullable(z.looseObject({ type: optionalString, now: optionalNumber })),
    ),
    creationTimestamp: z.optional(z.nullable(z.array(timestamp))),
    pods: z.optional(
      z.nullable(z.record(z.string(), z.looseObject({ namespace: optionalString }))),
    ),
    ecs_context: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
    git_commit_info: z.optional(z.nullable(gitCommitInfoWire)),
    policy_decisions: z.optional(z.nullable(z.array(policyDecisionWire))),
  }),
)

const responseLike = z.looseObject({
  index: integer,
  duration: z.optional(z.nullable(numeric)),
  artifacts: z.optional(z.nullable(z.array(artifactLike))),
})

/** Every kind the reader handles, and some it hands to zod. */
const SCHEMAS: Record<string, z.ZodMiniType> = {
  artifactLike,
  responseLike,
  paginated: paginated(z.looseObject({ name: z.string(), tags: z.optional(z.unknown()) })),
  integer,
  numeric,
  timestamp,
  strict: z.strictObject({ a: z.string() }),
  stripping: z.object({ a: z.optional(z.number()) }),
  literal: z.array(z.literal('x')),
  defaulted: z.looseObject({ a: z._default(z.number(), 3) }),
  enumKeys: z.record(z.enum(['a', 'b']), z.number()),
}

describe('parseResponse reads what zod reads', () => {
  it.each([
    ['a string', z.string(), 'x'],
    ['a number for a string', z.string(), 1],
    ['a whole number', z.int(), 4],
    ['a fraction for a whole number', z.int(), 4.5],
    ['an unsafe whole number', z.int(), 2 ** 60],
    ['a quoted number', numeric, ' 12.5 '],
    ['a word for a number', numeric, '12a'],
    ['a quoted whole number', integer, '-7'],
    ['null where optional', optionalString, null],
    ['a missing required field', z.looseObject({ a: z.string() }), {}],
    ['a missing optional field', z.looseObject({ a: optionalString }), { b: 1 }],
    ['unknown fields kept', z.looseObject({ a: z.number() }), { a: 1, extra: [1, { x: 2 }] }],
    ['an array for an object', z.looseObject({}), []],
    ['an array for a record', z.record(z.string(), z.unknown()), [1]],
    ['a fingerprint from sha256', artifactLike, { name: 'n', sha256: 'abc' }],
    ['no fingerprint at all', artifactLike, { name: 'n', fingerprint: '' }],
    [
      'an own __proto__ key',
      z.looseObject({ a: z.number() }),
      JSON.parse('{"a":1,"__proto__":{"x":1}}'),
    ],
    ['a strict object with more', SCHEMAS.strict, { a: 'x', b: 1 }],
    ['a stripping object', SCHEMAS.stripping, { a: 1, b: 2 }],
    ['a defaulted field', SCHEMAS.defaulted, {}],
    ['enum keys', SCHEMAS.enumKeys, { a: 1 }],
  ])('%s', (_name, schema, input) => {
    const expected = byZod(schema as z.ZodMiniType, input)
    const parsed = parseResponse(schema as z.ZodMiniType, input)
    expect(parsed.success ? { data: parsed.data } : undefined).toEqual(expected)
    if (!parsed.success) expect(parsed.issues.length).toBeGreaterThan(0)
  })

  it('reads a real snapshot on its own pass, without zod', () => {
    const schema = z.looseObject({ artifacts: z.array(z.looseObject({ name: z.string() })) })
    const spy = vi.spyOn(schema, 'safeParse')
    const input = { artifacts: snapshotLatest.artifacts }
    const read = readFast(schema, input)
    expect(read?.data).toBe(input)
    expect(parseResponse(schema, input).success).toBe(true)
    // Under test parseResponse also asks zod, once, to compare; readFast never does.
    expect(spy).toHaveBeenCalledTimes(1)
  })

  it("the suite's cross-check fails a reading that differs from zod's", () => {
    const schema = z.looseObject({ a: z.number() })
    expect(() => crossCheckWithZod(schema, { a: 1 }, { data: { a: 2 } })).toThrow('$.a')
    expect(() => crossCheckWithZod(schema, { a: 'x' }, { data: { a: 'x' } })).toThrow('refuses')
    expect(() => crossCheckWithZod(schema, { a: 1 }, undefined)).toThrow('accepts')
    expect(() => crossCheckWithZod(schema, { a: 1 }, { data: { a: 1 } })).not.toThrow()
  })

  it('words a refusal as zod does', () => {
    const parsed = parseResponse(artifactLike, { name: 3, fingerprint: 'f' })
    const zod = artifactLike.safeParse({ name: 3, fingerprint: 'f' })
    expect(parsed.success).toBe(false)
    expect(!parsed.success && parsed.issues).toEqual(zod.error?.issues)
  })

  it('agrees with zod on any JSON value, for every schema', () => {
    const names = Object.keys(SCHEMAS)
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 4 }), (name, value) => {
        const schema = SCHEMAS[name] as z.ZodMiniType
        expect(readFast(schema, value)).toEqual(byZod(schema, value))
      }),
      { numRuns: 2000 },
    )
  })

  it('agrees with zod on near-valid responses', () => {
    const valid = {
      index: '41',
      duration: 3.5,
      artifacts: snapshotLatest.artifacts.slice(0, 3).map((artifact) => ({
        ...artifact,
        git_commit_info: { sha1: 'abc', message: 'm', timestamp: 1 },
        pods: { p: { namespace: 'ns' } },
      })),
    }
    expect(readFast(responseLike, valid)).toEqual(byZod(responseLike, valid))
    expect(readFast(responseLike, valid)).toBeDefined()
    fc.assert(
      fc.property(mutation, (mutate) => {
        const value = mutate(valid)
        const read = readFast(responseLike, value)
        const zod = byZod(responseLike, value)
        if (read) expect(zod).toBeDefined()
        if (read && zod) expect(firstDifference(read.data, zod.data, '$')).toBeNull()
        if (zod && !JSON.stringify(value).includes('"__proto__"')) expect(read).toBeDefined()
      }),
      { numRuns: 3000 },
    )
  })
})

/**
 * A change at one place in a JSON value: replaced by another value, nulled, removed, retyped,
 * or given a `__proto__` key.
 */
const mutation = fc
  .tuple(fc.nat(), fc.nat(5), fc.jsonValue({ maxDepth: 2 }))
  .map(([where, how, other]) => (value: unknown): unknown => {
    const copy: unknown = JSON.parse(JSON.stringify(value))
    const places: Array<{ parent: Record<string, unknown>; key: string }> = []
    const visit = (node: unknown) => {
      if (typeof node !== 'object' || node === null) return
      for (const key of Object.keys(node)) {
        places.push({ parent: node as Record<string, unknown>, key })
        visit((node as Record<string, unknown>)[key])
      }
    }
    visit(copy)
    const place = places[where % places.length]
    if (!place) return copy
    const { parent, key } = place
    const current = parent[key]
    if (how === 0) parent[key] = other
    else if (how === 1) parent[key] = null
    else if (how === 2 && !Array.isArray(parent)) delete parent[key]
    else if (how === 3) parent[key] = typeof current === 'string' ? 7 : String(current)
    else if (
      how === 4 &&
      typeof current === 'object' &&
      current !== null &&
      !Array.isArray(current)
    ) {
      Object.defineProperty(current, '__proto__', { value: 1, enumerable: true })
    } else parent[key] = [current]
    return copy
  })

describe('real responses, changed at one place, read as zod reads them', () => {
  // Under test parseResponse throws a plain Error when it and zod disagree; a wrong-shaped
  // response is an ApiError. So each fetch either reads or refuses with an ApiError.
  const cases: Array<[string, string, unknown, () => Promise<unknown>]> = [
    [
      'a snapshot',
      'snapshots/cyber-dojo/aws-prod/-1',
      { ...snapshotLatest, artifacts: snapshotLatest.artifacts.slice(0, 4) },
      () => fetchSnapshot('cyber-dojo', snappish('aws-prod')),
    ],
    [
      'an environment',
      'environments/cyber-dojo/aws-prod',
      environment,
      () => fetchEnvironment('cyber-dojo', 'aws-prod'),
    ],
    [
      'a page of events',
      'environments/cyber-dojo/aws-prod/events',
      events,
      () => fetchEnvironmentEvents('cyber-dojo', 'aws-prod', { page: 1, perPage: 15 }),
    ],
    [
      'a trail',
      'flows/cyber-dojo/runner-ci/trails/*',
      trailRunner,
      () => fetchTrail('cyber-dojo', 'runner-ci', trailRunner.name),
    ],
    [
      'a diff',
      'env-diff/cyber-dojo',
      diffCapture,
      () => fetchSnapshotDiff('cyber-dojo', snappish('aws-beta'), snappish('aws-prod')),
    ],
  ]

  it.each(cases)('%s', async (_name, path, body, fetchIt) => {
    serve(path, body as JsonBodyType)
    await expect(fetchIt()).resolves.toBeDefined()
    await fc.assert(
      fc.asyncProperty(mutation, async (mutate) => {
        serve(path, mutate(body) as JsonBodyType)
        const outcome = await fetchIt().then(
          () => 'read',
          (error: unknown) => (error instanceof ApiError ? 'refused' : error),
        )
        expect(['read', 'refused']).toContain(outcome)
      }),
      { numRuns: 150 },
    )
  })
})
