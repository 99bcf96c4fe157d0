// @vitest-environment node
import type { Server } from 'node:http'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMockApiServer, FAULT_KINDS, parseFaults } from '../mocks/server.ts'
import { handlers as worldHandlers } from '../mocks/handlers/index.ts'
import type { FaultRule } from '../mocks/server.ts'
import { readShiplogConfig } from './config.ts'
import { createShiplogServer } from './serve.ts'
import { close, listen, rawRequest } from './test-helpers.ts'

const testHandlers = [
  http.get('*/api/v2/flows/:org', ({ params }) =>
    HttpResponse.json([{ name: 'runner', org: params.org }], {
      headers: { 'x-total-count': '1' },
    }),
  ),
  http.get('*/api/v2/environments/:org/:env', ({ params }) =>
    HttpResponse.json({ name: params.env }),
  ),
  http.get('*/api/v2/network-error', () => HttpResponse.error()),
]

const servers: Server[] = []
const logs: string[] = []
let mock: ReturnType<typeof createMockApiServer>
let base: string

beforeAll(async () => {
  mock = createMockApiServer({ handlers: testHandlers, quiet: true })
  servers.push(mock)
  base = await listen(mock)
})

afterEach(() => {
  mock.faults.clear()
})

afterAll(async () => {
  await Promise.all(servers.map(close))
})

async function addFaults(rules: unknown, method = 'POST'): Promise<Response> {
  return fetch(`${base}/__mock/faults`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rules),
  })
}

async function getFlows(init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}/api/v2/flows/cyber-dojo`, init)
}

describe('mock API server', () => {
  it('answers /api/v2 with the MSW handlers, headers included', async () => {
    const response = await getFlows()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('x-total-count')).toBe('1')
    expect(await response.json()).toEqual([{ name: 'runner', org: 'cyber-dojo' }])
  })

  it('answers unknown API paths with a Kosli-shaped 404', async () => {
    const response = await fetch(`${base}/api/v2/flows/cyber-dojo/nope/extra/path`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      message: "Flow named 'nope' does not exist for organization 'cyber-dojo'",
    })
  })

  it('turns HttpResponse.error() into a network error', async () => {
    await expect(fetch(`${base}/api/v2/network-error`)).rejects.toThrow()
  })

  it('records the credentials of the last API request', async () => {
    await getFlows({ headers: { authorization: 'Bearer abc', cookie: 'a=1' } })
    const last = await (await fetch(`${base}/__mock/last-request`)).json()
    expect(last).toEqual({
      method: 'GET',
      path: '/api/v2/flows/cyber-dojo',
      authorization: 'Bearer abc',
      cookie: 'a=1',
    })
  })

  it('serves the same handlers as the browser by default', async () => {
    const server = createMockApiServer({ quiet: true })
    servers.push(server)
    const url = await listen(server)
    const response = await fetch(`${url}/api/v2/flows/cyber-dojo`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body: unknown = await response.json()
    expect(Array.isArray(body) || typeof body === 'object').toBe(true)
  })
})

describe('fault injection', () => {
  const jsonFaults: [FaultRule['fault'], number, RegExp][] = [
    ['400', 400, /validation failed/],
    ['401', 401, /^Authentication required$/],
    ['403', 403, /^You don't have permission to access this resource$/],
    ['404', 404, /^Flow named '' does not exist for organization 'cyber-dojo'$/],
    ['409', 409, /locked/],
    ['500', 500, /Internal Server Error/],
    ['503', 503, /Unavailable/],
  ]

  it.each(jsonFaults)(
    '%s answers that status with a {message} body',
    async (fault, status, message) => {
      await addFaults([{ path: '/api/v2/flows', fault }])
      const response = await getFlows()
      expect(response.status).toBe(status)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      const body = (await response.json()) as { message: string }
      expect(body.message).toMatch(message)
    },
  )

  it('422 answers with a FastAPI detail body', async () => {
    await addFaults([{ path: '/api/v2/flows', fault: '422' }])
    const response = await getFlows()
    expect(response.status).toBe(422)
    const body = (await response.json()) as {
      detail: { loc: string[]; msg: string; type: string }[]
    }
    expect(body.detail[0]).toMatchObject({ loc: ['query', 'per_page'], type: 'less_than_equal' })
    expect(body.detail[0]?.msg).toEqual(expect.any(String))
  })

  it('429 sends Retry-After', async () => {
    await addFaults([{ path: '/api/v2/flows', fault: '429', retryAfter: 7 }])
    const response = await getFlows()
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('7')
    expect(((await response.json()) as { message: string }).message).toMatch(/7 seconds/)
  })

  it('502-html answers with an HTML page', async () => {
    await addFaults({ path: '/api/v2/flows', fault: '502-html' })
    const response = await getFlows()
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('text/html')
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>')
  })

  it('malformed-json and wrong-shape answer 200 with bodies the app must reject', async () => {
    await addFaults([{ path: '/api/v2/flows', fault: 'malformed-json', times: 1 }])
    const malformed = await getFlows()
    expect(malformed.status).toBe(200)
    await expect(malformed.json()).rejects.toThrow(SyntaxError)
    await addFaults([{ path: '/api/v2/flows', fault: 'wrong-shape', times: 1 }])
    const wrong = await getFlows()
    expect(wrong.status).toBe(200)
    expect(await wrong.json()).toEqual({ unexpected: true })
  })

  it('drop destroys the connection without a response', async () => {
    await addFaults([{ path: '/api/v2/flows', fault: 'drop' }])
    await expect(getFlows()).rejects.toThrow(TypeError)
  })

  it('hang never answers', async () => {
    await addFaults([{ path: '/api/v2/flows', fault: 'hang' }])
    await expect(getFlows({ signal: AbortSignal.timeout(200) })).rejects.toMatchObject({
      name: 'TimeoutError',
    })
  })

  it('hang-body sends headers and then stalls the body', async () => {
    await addFaults([{ path: '/api/v2/flows', fault: 'hang-body' }])
    const response = await getFlows({ signal: AbortSignal.timeout(300) })
    expect(response.status).toBe(200)
    await expect(response.text()).rejects.toMatchObject({ name: 'TimeoutError' })
  })

  it('slow delays, then answers normally', async () => {
    await addFaults([{ path: '/api/v2/flows', fault: 'slow', delayMs: 250 }])
    const started = performance.now()
    const response = await getFlows()
    expect(performance.now() - started).toBeGreaterThanOrEqual(240)
    expect(await response.json()).toEqual([{ name: 'runner', org: 'cyber-dojo' }])
  })

  it('huge streams a very large valid JSON array', async () => {
    await addFaults([{ path: '/api/v2/flows', fault: 'huge' }])
    const response = await getFlows()
    const text = await response.text()
    expect(text.length).toBeGreaterThan(15_000_000)
    const body = JSON.parse(text) as unknown[]
    expect(body).toHaveLength(100_000)
  })

  it('times clears a rule after that many requests', async () => {
    await addFaults([{ path: '/api/v2/flows', fault: '500', times: 2 }])
    expect((await getFlows()).status).toBe(500)
    expect((await getFlows()).status).toBe(500)
    expect((await getFlows()).status).toBe(200)
    expect(await (await fetch(`${base}/__mock/faults`)).json()).toEqual([])
  })

  it('matches by prefix or by regular expression, on raw or decoded paths, first rule wins', async () => {
    await addFaults([
      { path: 'aws-prod#6[0-9]$', fault: '403' },
      { path: 'environments/', fault: '503' },
    ])
    const env = (name: string): Promise<Response> =>
      fetch(`${base}/api/v2/environments/cyber-dojo/${encodeURIComponent(name)}`)
    expect((await env('aws-prod#65')).status).toBe(403)
    expect((await env('aws-beta')).status).toBe(503)
    expect((await getFlows()).status).toBe(200)
  })

  it('PUT replaces, DELETE clears, bad rules are refused with 400', async () => {
    await addFaults([{ path: '*', fault: '500' }])
    await addFaults([{ path: '/api/v2/environments', fault: '403' }], 'PUT')
    expect((await getFlows()).status).toBe(200)
    expect((await fetch(`${base}/__mock/faults`, { method: 'DELETE' })).status).toBe(204)
    expect(await (await fetch(`${base}/__mock/faults`)).json()).toEqual([])
    const bad = await addFaults([{ path: '/x', fault: 'explode' }])
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/must be one of/)
  })

  it('parseFaults knows every kind and checks its input', () => {
    expect(parseFaults(FAULT_KINDS.map((fault) => ({ path: '/', fault })))).toHaveLength(
      FAULT_KINDS.length,
    )
    expect(parseFaults({ fault: 429 })).toEqual([{ path: '*', fault: '429' }])
    expect(() => parseFaults([{ path: '(', fault: '500' }])).toThrow(/regular expression/)
    expect(() => parseFaults([{ path: '/', fault: '500', times: -1 }])).toThrow(/times/)
  })

  it('starts with the faults it is given (MOCK_FAULTS)', async () => {
    const server = createMockApiServer({
      handlers: testHandlers,
      quiet: true,
      faults: parseFaults(JSON.parse('[{"path":"/api/v2/flows","fault":"403","times":1}]')),
    })
    servers.push(server)
    const url = await listen(server)
    expect((await fetch(`${url}/api/v2/flows/x`)).status).toBe(403)
    expect((await fetch(`${url}/api/v2/flows/x`)).status).toBe(200)
  })

  it('requireToken answers 401 without the right bearer token', async () => {
    const server = createMockApiServer({ handlers: testHandlers, quiet: true, requireToken: 't0k' })
    servers.push(server)
    const url = await listen(server)
    expect((await fetch(`${url}/api/v2/flows/x`)).status).toBe(401)
    const ok = await fetch(`${url}/api/v2/flows/x`, { headers: { authorization: 'Bearer t0k' } })
    expect(ok.status).toBe(200)
  })
})

describe('Shiplog live mode against the mock API', () => {
  const TOKEN = 'tok_end-to-end-secret'
  let shiplog: string

  beforeAll(async () => {
    const server = createShiplogServer({
      distDir: '/nonexistent',
      config: readShiplogConfig({ KOSLI_HOST: base, KOSLI_API_TOKEN: TOKEN }),
      log: (line) => logs.push(line),
    })
    servers.push(server)
    shiplog = await listen(server)
  })

  it('delivers the server token, not the browser credentials, to the API', async () => {
    const response = await rawRequest(shiplog, '/api/v2/flows/cyber-dojo', {
      headers: { authorization: 'Bearer from-browser', cookie: 'session=1' },
    })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual([{ name: 'runner', org: 'cyber-dojo' }])
    expect(response.body + JSON.stringify(response.headers)).not.toContain(TOKEN)
    const last = await (await fetch(`${base}/__mock/last-request`)).json()
    expect(last).toMatchObject({ authorization: `Bearer ${TOKEN}`, cookie: null })
  })

  it('passes API faults through and turns hangs and drops into 504 and 502', async () => {
    await addFaults([{ path: '/api/v2/flows', fault: '429', retryAfter: 3, times: 1 }])
    const limited = await rawRequest(shiplog, '/api/v2/flows/cyber-dojo')
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('3')

    await addFaults([{ path: '/api/v2/flows', fault: 'drop', times: 1 }])
    const dropped = await rawRequest(shiplog, '/api/v2/flows/cyber-dojo')
    expect(dropped.status).toBe(502)
    expect(JSON.parse(dropped.body).message).toMatch(/^Could not reach the Kosli API\b/)
    expect(logs.join('\n')).toContain(`could not reach ${base}`)

    const fast = createShiplogServer({
      distDir: '/nonexistent',
      config: readShiplogConfig({ KOSLI_HOST: base, SHIPLOG_UPSTREAM_TIMEOUT_MS: '150' }),
      log: (line) => logs.push(line),
    })
    servers.push(fast)
    await addFaults([{ path: '/api/v2/flows', fault: 'hang', times: 1 }])
    const hung = await rawRequest(await listen(fast), '/api/v2/flows/cyber-dojo')
    expect(hung.status).toBe(504)
  })
})

describe('mock API server: moving the world on', () => {
  it('adds a snapshot on POST /__mock/advance, replays, and starts over on DELETE', async () => {
    const world = createMockApiServer({ handlers: worldHandlers, quiet: true })
    servers.push(world)
    const url = await listen(world)
    const latest = async () => {
      const response = await fetch(`${url}/api/v2/snapshots/cyber-dojo/aws-prod?per_page=1`)
      const [first] = (await response.json()) as Array<{ index: number }>
      return first?.index
    }
    const start = await latest()
    const advanced = await fetch(`${url}/__mock/advance`, { method: 'POST' })
    expect(advanced.status).toBe(200)
    expect(await advanced.json()).toMatchObject({ env: 'aws-prod', index: (start ?? 0) + 1 })
    expect(await latest()).toBe((start ?? 0) + 1)

    const replay = await fetch(`${url}/__mock/replay`, {
      method: 'POST',
      body: JSON.stringify({ env: 'aws-prod', from: 64 }),
    })
    expect(await replay.json()).toMatchObject({ index: 64 })
    await fetch(`${url}/__mock/advance`, { method: 'POST' })
    expect(await latest()).toBe(65)

    const bad = await fetch(`${url}/__mock/advance`, {
      method: 'POST',
      body: JSON.stringify({ env: 'no-such-env' }),
    })
    expect(bad.status).toBe(400)

    expect((await fetch(`${url}/__mock/advance`, { method: 'DELETE' })).status).toBe(204)
    expect(await latest()).toBe(start)
  })
})
