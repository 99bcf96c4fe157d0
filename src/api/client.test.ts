import { http, HttpResponse, type JsonBodyType } from 'msw'
import { z } from 'zod/mini'
import { server } from '@mocks/node'
import {
  ApiError,
  apiGet,
  apiPath,
  errorMessage,
  parseRetryAfter,
  retryDelay,
  shouldRetry,
} from './client'
import { fetchArtifact, fetchArtifactsByCommit } from './artifacts'
import { complianceState, toSeconds } from './domain'

const schema = z.looseObject({ name: z.string(), count: z.number() })

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

/** Answers GET /api/v2/thing with the JSON `body` for the rest of the test. */
function answerThing(body: JsonBodyType, init?: ResponseInit) {
  server.use(http.get('*/api/v2/thing', () => HttpResponse.json(body, init)))
}

describe('apiGet', () => {
  it('encodes each path segment', () => {
    expect(apiPath('snapshots', 'cyber-dojo', 'aws prod', '#65')).toBe(
      '/api/v2/snapshots/cyber-dojo/aws%20prod/%2365',
    )
  })

  it('keeps unknown extra fields and returns the parsed body', async () => {
    answerThing({ name: 'x', count: 2, extra: true })
    const { data } = await apiGet('/api/v2/thing', schema)
    expect(data).toMatchObject({ name: 'x', count: 2 })
  })

  it('says when the body has arrived, before it is checked, for answers good and bad', async () => {
    const calls: string[] = []
    answerThing({ name: 'a', count: 'not a number' })
    const error = await failure(
      apiGet(apiPath('thing'), schema, { onBodyRead: () => calls.push('body') }),
    )
    expect(error.kind).toBe('invalid-response')
    expect(calls).toEqual(['body'])
    answerThing({ message: 'gone' }, { status: 404 })
    await failure(apiGet(apiPath('thing'), schema, { onBodyRead: () => calls.push('404') }))
    expect(calls).toEqual(['body', '404'])
  })

  it('names the endpoint and the missing field when the shape is wrong', async () => {
    answerThing({ name: 'x' })
    const error = await failure(apiGet('/api/v2/thing', schema))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toMatch(/^Unexpected response from GET \/thing: field 'count'/)
  })

  it('asks again past the browser cache after an answer it could not read', async () => {
    const modes: string[] = []
    let good = false
    server.use(
      http.get('*/api/v2/cached', ({ request }) => {
        modes.push(request.cache)
        return HttpResponse.json(good ? { name: 'x', count: 1 } : { name: 'x' })
      }),
    )
    await failure(apiGet('/api/v2/cached', schema))
    good = true
    await apiGet('/api/v2/cached', schema)
    await apiGet('/api/v2/cached', schema)
    expect(modes).toEqual(['default', 'reload', 'default'])
  })

  it('reports malformed JSON as an unexpected response', async () => {
    server.use(http.get('*/api/v2/thing', () => new HttpResponse('{"broken":', { status: 200 })))
    const error = await failure(apiGet('/api/v2/thing', schema))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toContain('not valid JSON')
  })

  it('carries the status and the server message of an error', async () => {
    answerThing(
      { message: "Flow named 'nope' does not exist for organization 'cyber-dojo'" },
      { status: 404 },
    )
    const error = await failure(apiGet('/api/v2/thing', schema))
    expect(error.status).toBe(404)
    expect(error.message).toBe("Flow named 'nope' does not exist for organization 'cyber-dojo'")
  })

  it('reads Retry-After on 429', async () => {
    answerThing({ message: 'slow down' }, { status: 429, headers: { 'Retry-After': '2' } })
    const error = await failure(apiGet('/api/v2/thing', schema))
    expect(error.retryAfterMs).toBe(2000)
    expect(retryDelay(1, error)).toBe(2000)
  })

  it('times out a body that stops arriving after the headers', async () => {
    // As a browser does: aborting the request's signal errors the body being read.
    const stalled = vi.fn((_url: string, init?: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('[{"name":'))
          init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason))
        },
      })
      return Promise.resolve(new Response(body, { status: 200 }))
    })
    vi.stubGlobal('fetch', stalled)
    try {
      const error = await failure(apiGet('/api/v2/thing', schema, { timeoutMs: 50 }))
      expect(error.kind).toBe('timeout')
      expect(error.message).toBe('The Kosli API did not answer GET /thing within 0.05 seconds.')
      expect(shouldRetry(0, error)).toBe(false)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('turns a network failure into a network ApiError', async () => {
    server.use(http.get('*/api/v2/thing', () => HttpResponse.error()))
    const error = await failure(apiGet('/api/v2/thing', schema))
    expect(error.kind).toBe('network')
    expect(error.status).toBe(0)
  })
})

describe('errorMessage', () => {
  it.each([
    [
      404,
      '{"message":"Environment named \'x\' does not exist for organization \'y\'"}',
      "Environment named 'x' does not exist for organization 'y'",
    ],
    [
      400,
      '{"message":"Bad value. You have requested this URI [/x] but did you mean /y?"}',
      'Bad value.',
    ],
    [400, '{"message":"Invalid","errors":{"name":"too long"}}', 'Invalid: name: too long'],
    [
      422,
      '{"detail":[{"loc":["query","per_page"],"msg":"must be <= 100","type":"x"}]}',
      'query.per_page: must be <= 100',
    ],
    [500, '"plain json string"', 'plain json string'],
    [502, '<html><body>Bad Gateway</body></html>', 'Bad gateway between Shiplog and the Kosli API'],
    [503, 'down for maintenance', 'The Kosli API is unavailable: down for maintenance'],
    [500, '', 'The Kosli API had an internal error'],
    [418, '{}', 'The Kosli API answered with status 418'],
  ])('status %i body %s', (status, body, expected) => {
    expect(errorMessage(status, body)).toBe(expected)
  })
})

describe('retry policy', () => {
  const make = (status: number, kind: ApiError['kind'] = 'http') =>
    new ApiError({ message: 'x', status, kind, endpoint: 'GET /x' })

  it('never retries 4xx except 429', () => {
    for (const status of [400, 401, 403, 404, 409, 422])
      expect(shouldRetry(0, make(status))).toBe(false)
    expect(shouldRetry(0, make(429))).toBe(true)
  })

  it('retries 5xx and network errors a few times, then stops', () => {
    expect(shouldRetry(0, make(500))).toBe(true)
    expect(shouldRetry(1, make(503))).toBe(true)
    expect(shouldRetry(2, make(503))).toBe(false)
    expect(shouldRetry(0, make(0, 'network'))).toBe(true)
    expect(shouldRetry(0, make(0, 'timeout'))).toBe(false)
    expect(shouldRetry(0, make(200, 'invalid-response'))).toBe(false)
  })

  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
  })
})

describe('normalisation', () => {
  it('reads timestamps given as numbers or numeric strings', () => {
    expect(toSeconds('1661160900.5')).toBe(1661160900.5)
    expect(toSeconds(1661160900)).toBe(1661160900)
    expect(toSeconds('yesterday')).toBeNull()
    expect(toSeconds(null)).toBeNull()
  })

  it('maps every spelling of compliance to one state', () => {
    expect(complianceState('INCOMPLIANT')).toBe('NON-COMPLIANT')
    expect(complianceState('NON_COMPLIANT')).toBe('NON-COMPLIANT')
    expect(complianceState(true)).toBe('COMPLIANT')
    expect(complianceState(null)).toBe('UNKNOWN')
  })

  it('unifies get-by-fingerprint (object) and get-by-commit (array)', async () => {
    const wire = {
      fingerprint: 'a'.repeat(64),
      filename: 'cyberdojo/runner:16d9990',
      created_at: '1661160900.0',
      history: [{ event: 'Artifact created', timestamp: 1661160900 }],
    }
    server.use(
      http.get('*/api/v2/artifacts/org/runner/fingerprint/*', () => HttpResponse.json(wire)),
      http.get('*/api/v2/artifacts/org/runner/commit_sha/*', () => HttpResponse.json([wire, wire])),
    )
    const one = await fetchArtifact('org', 'runner', 'a'.repeat(64))
    expect(one.createdAt).toBe(1661160900)
    expect(one.flow).toBe('runner')
    expect(one.history[0]?.type).toBeNull()
    expect(await fetchArtifactsByCommit('org', 'runner', '16d9990')).toHaveLength(2)
  })
})
