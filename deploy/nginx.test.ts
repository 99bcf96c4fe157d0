// @vitest-environment node
/**
 * deploy/nginx.conf as shipped, run by Debian's nginx (unprivileged, on loopback ports, in a
 * temporary prefix) in front of the built app and the mock Kosli API. It must pass the checks the
 * Node server passes (server/serve.test.ts, server/proxy.test.ts): headers, methods, traversal,
 * host names and the SPA fallback. Only ports, paths and the upstream URL are changed.
 *
 * `npm test` runs it after the build (scripts/test-nginx.mjs, which installs nginx when missing).
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import http from 'node:http'
import https from 'node:https'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { http as mswHttp, HttpResponse } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handlers } from '../mocks/handlers/index.ts'
import { createMockApiServer } from '../mocks/server.ts'
import {
  API_CONTENT_SECURITY_POLICY,
  IMMUTABLE_API_CACHE,
  isImmutableAnswer,
  REVALIDATED_API_CACHE,
} from '../server/proxy.ts'
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../server/serve.ts'
import {
  API_TRAVERSAL_PATHS,
  APP_FALLBACK_ROUTES,
  close,
  everything,
  HOSTILE_RESPONSE_HEADERS,
  listen,
  OUTSIDE_DIST_PATHS,
} from '../server/test-helpers.ts'
import type { RawResponse } from '../server/test-helpers.ts'
import {
  NGINX_CONFIG_FILE,
  NGINX_HOST as HOST,
  startNginx,
  TOKEN_TEMPLATE_FILE,
} from './nginx-harness.ts'
import type { NginxStack } from './nginx-harness.ts'

const TOKEN = 'tok_nginx-secret-that-must-never-leak'
const REPO = path.dirname(path.resolve(import.meta.dirname))
const DIST = path.resolve(process.env.SHIPLOG_DIST ?? path.join(REPO, 'dist'))
const CONFIG = readFileSync(NGINX_CONFIG_FILE, 'utf8')
const TOKEN_TEMPLATE = readFileSync(TOKEN_TEMPLATE_FILE, 'utf8')

let stack: NginxStack
let mock: ReturnType<typeof createMockApiServer>
let mockUrl: string
const upstreamSeen: { method: string; url: string }[] = []
const responses: RawResponse[] = []

const hostileHandlers = [
  mswHttp.get('*/api/v2/hostile/page', ({ request }) => {
    const echoed = request.headers.get('authorization') ?? ''
    return new HttpResponse(`<!doctype html><script>alert(1)</script><p>${echoed}</p>`, {
      headers: {
        ...HOSTILE_RESPONSE_HEADERS,
        'content-type': 'text/html; charset=utf-8',
        // nginx would serve that local file instead, if it listened.
        'x-accel-redirect': '/index.html',
      },
    })
  }),
  mswHttp.get('*/api/v2/hostile/json', ({ request }) =>
    HttpResponse.json(
      { pad: 'x'.repeat(3000), auth: request.headers.get('authorization') },
      { headers: HOSTILE_RESPONSE_HEADERS },
    ),
  ),
]

beforeAll(async () => {
  mock = createMockApiServer({ handlers: [...hostileHandlers, ...handlers], quiet: true })
  mock.on('request', (req: IncomingMessage) => {
    if (req.url?.startsWith('/api/')) upstreamSeen.push({ method: req.method ?? '', url: req.url })
  })
  mockUrl = await listen(mock)
  stack = await startNginx({ distDir: DIST, upstream: mockUrl, token: TOKEN })
  writeFileSync(path.join(stack.root, 'secret.txt'), 'outside dist')
})

afterAll(async () => {
  await stack?.stop()
  if (mock) await close(mock)
  for (const response of responses) expect(everything(response)).not.toContain(TOKEN)
})

interface RequestOptions {
  method?: string
  headers?: Record<string, string>
  /** The TLS server name (SNI) to ask for; '' sends none. Any but HOST is not verified. */
  servername?: string
  plain?: boolean
}

/** A request with the path sent as given, over TLS to the Shiplog server unless `plain`. */
function send(target: string, options: RequestOptions = {}): Promise<RawResponse> {
  const { method = 'GET', headers = {}, servername = HOST, plain = false } = options
  const common = {
    host: '127.0.0.1',
    port: plain ? stack.plainPort : stack.tlsPort,
    path: target,
    method,
    headers: { host: HOST, ...headers },
    agent: false as const,
  }
  return new Promise<RawResponse>((resolve, reject) => {
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const raw = Buffer.concat(chunks)
        const response = { status: res.statusCode ?? 0, headers: res.headers, body: '', raw }
        response.body = raw.toString()
        responses.push(response)
        resolve(response)
      })
      res.on('error', reject)
    }
    const req = plain
      ? http.request(common, onResponse)
      : https.request(
          { ...common, ca: stack.cert, servername, rejectUnauthorized: servername === HOST },
          onResponse,
        )
    req.on('error', reject)
    req.end()
  })
}

function expectPageHeaders(headers: IncomingHttpHeaders): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(headers[name], name).toBe(value)
  }
  expect(headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/)
}

function expectApiHeaders(headers: IncomingHttpHeaders, cacheControl = 'no-store'): void {
  expectPageHeaders({ ...headers, 'content-security-policy': CONTENT_SECURITY_POLICY })
  expect(headers['content-security-policy']).toBe(API_CONTENT_SECURITY_POLICY)
  expect(headers['cache-control']).toBe(cacheControl)
}

async function lastUpstreamRequest(): Promise<Record<string, unknown>> {
  return (await fetch(`${mockUrl}/__mock/last-request`)).json() as Promise<Record<string, unknown>>
}

describe('deploy/nginx.conf serving the built app', () => {
  it('is the file the README shows', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
    // A plain boolean: a diff of the whole README would say less than this message.
    const shows = (text: string) => readme.includes('```nginx\n' + text + '```')
    expect(shows(CONFIG), 'README shows deploy/nginx.conf as it is').toBe(true)
    expect(shows(TOKEN_TEMPLATE), 'README shows the token template as it is').toBe(true)
  })

  it("serves index.html with Shiplog's security headers, revalidated", async () => {
    const response = await send('/')
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    expect(response.body).toContain('<div id="root">')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.headers.server).toBe('nginx')
    expectPageHeaders(response.headers)
  })

  it('falls back to index.html for app routes, with status 200', async () => {
    for (const route of APP_FALLBACK_ROUTES) {
      const response = await send(route)
      expect(response.status, route).toBe(200)
      expect(response.body, route).toContain('<div id="root">')
      expectPageHeaders(response.headers)
    }
  })

  it('serves hashed assets as immutable, keeping the security headers', async () => {
    const assets = readdirSync(path.join(DIST, 'assets'))
    const js = assets.find((name) => name.endsWith('.js'))
    const css = assets.find((name) => name.endsWith('.css'))
    for (const [file, type] of [
      [js, /javascript/],
      [css, /^text\/css/],
    ] as const) {
      const response = await send(`/assets/${file ?? ''}`, {
        headers: { 'accept-encoding': 'gzip' },
      })
      expect(response.status, file).toBe(200)
      expect(response.headers['content-type'], file).toMatch(type)
      expect(response.headers['cache-control'], file).toBe('public, max-age=31536000, immutable')
      expectPageHeaders(response.headers)
    }
  })

  it('answers a missing asset with 404, not the app and not cached', async () => {
    const response = await send('/assets/index-Gone.js')
    expect(response.status).toBe(404)
    expect(response.body).not.toContain('<div id="root">')
    expect(response.headers['cache-control']).toBe('no-store')
    expectPageHeaders(response.headers)
  })

  it('handles HEAD like GET without a body, and refuses other methods', async () => {
    const head = await send('/cyber-dojo/flows', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    for (const route of ['/', '/cyber-dojo/flows']) {
      const post = await send(route, { method: 'POST' })
      expect(post.status, route).toBe(405)
      expectPageHeaders(post.headers)
    }
  })

  it('never serves files outside dist', async () => {
    for (const route of [...OUTSIDE_DIST_PATHS, '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const response = await send(route)
      expect(response.body, route).not.toContain('outside dist')
    }
  })

  it('answers only its own host name', async () => {
    for (const host of ['evil.example', '127.0.0.1', 'localhost', `${HOST}.evil.example`]) {
      const response = await send('/api/v2/flows/cyber-dojo', { headers: { host } })
      expect(response.status, host).toBe(421)
    }
    // nginx refuses the TLS handshake itself, before any request.
    await expect(send('/', { servername: '' })).rejects.toThrow(/unrecognized name/i)
    await expect(send('/', { servername: 'evil.example' })).rejects.toThrow(/unrecognized name/i)
    const absolute = await send('http://evil.example/api/v2/flows/cyber-dojo')
    expect(absolute.status).toBe(421)
    expect(upstreamSeen).toHaveLength(0)
    const plain = await send('/cyber-dojo/flows?x=1', { plain: true })
    expect(plain.status).toBe(301)
    expect(plain.headers.location).toBe(`https://${HOST}/cyber-dojo/flows?x=1`)
    expect((await send('/', { plain: true, headers: { host: 'evil.example' } })).status).toBe(421)
  })
})

describe('deploy/nginx.conf proxying /api/v2', () => {
  it('adds the token server-side and drops the browser credentials', async () => {
    const response = await send('/api/v2/flows/cyber-dojo', {
      headers: {
        authorization: 'Bearer browser-token',
        cookie: 'session=browser',
        'proxy-authorization': 'Basic abc',
        'x-forwarded-host': 'evil.example',
        accept: 'application/json',
      },
    })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(JSON.parse(response.body)).toEqual(expect.any(Array))
    expect(response.headers['content-disposition']).toBeUndefined()
    expectApiHeaders(response.headers, REVALIDATED_API_CACHE)
    expect(await lastUpstreamRequest()).toMatchObject({
      method: 'GET',
      path: '/api/v2/flows/cyber-dojo',
      authorization: `Bearer ${TOKEN}`,
      cookie: null,
    })
  })

  it('forwards HEAD, and no method that writes', async () => {
    const before = upstreamSeen.length
    await send('/api/v2/flows/cyber-dojo', { method: 'HEAD' })
    expect(await lastUpstreamRequest()).toMatchObject({
      method: 'HEAD',
      authorization: `Bearer ${TOKEN}`,
    })
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const response = await send('/api/v2/flows/cyber-dojo', { method })
      expect(response.status, method).toBe(405)
      expect(response.headers.allow).toBe('GET, HEAD')
      expect(JSON.parse(response.body).message).toMatch(/only reads/)
      expectApiHeaders(response.headers)
    }
    expect(upstreamSeen.slice(before).map((seen) => seen.method)).toEqual(['HEAD'])
  })

  it.each([
    ...API_TRAVERSAL_PATHS,
    '/api/v2/flows/x/../../../admin',
    '//evil.example/api/v2/',
    '/api/v1/flows',
    '/api/v2',
  ])('never forwards %s', async (route) => {
    const before = upstreamSeen.length
    const response = await send(route)
    expect(response.status).toBeGreaterThanOrEqual(200)
    expect(upstreamSeen.length).toBe(before)
  })

  it('forwards encoded slashes inside a segment (repository names)', async () => {
    await send('/api/v2/repos/cyber-dojo/live-artifacts/cyber-dojo%2Frunner')
    expect(upstreamSeen.at(-1)?.url).toBe(
      '/api/v2/repos/cyber-dojo/live-artifacts/cyber-dojo%2Frunner',
    )
  })

  it('refuses requests from other origins', async () => {
    const before = upstreamSeen.length
    const foreign: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: `http://${HOST}` },
      { origin: 'null' },
    ]
    for (const headers of foreign) {
      const response = await send('/api/v2/flows/cyber-dojo', { headers })
      expect(response.status, JSON.stringify(headers)).toBe(403)
    }
    expect(upstreamSeen.length).toBe(before)
    const sameOrigin = await send('/api/v2/flows/cyber-dojo', {
      headers: { origin: `https://${HOST}`, 'sec-fetch-site': 'same-origin' },
    })
    expect(sameOrigin.status).toBe(200)
  })

  it('never lets an upstream page render, set cookies or headers, or redirect nginx', async () => {
    const response = await send('/api/v2/hostile/page')
    expect(response.status).toBe(200)
    expect(response.body).toContain('<script>alert(1)</script>')
    expect(response.headers['content-disposition']).toBe('attachment')
    expectApiHeaders(response.headers)
    const ours = new Set([
      ...Object.keys(SECURITY_HEADERS),
      'strict-transport-security',
      'cache-control',
      'content-disposition',
    ])
    for (const [name, value] of Object.entries(HOSTILE_RESPONSE_HEADERS)) {
      expect(response.headers[name], name).not.toBe(value)
      if (!ours.has(name)) expect(response.headers[name], name).toBeUndefined()
    }
  })

  it('masks the token in bodies that echo it', async () => {
    const page = await send('/api/v2/hostile/page')
    expect(page.body).toContain('<p>Bearer ***</p>')
    const json = await send('/api/v2/hostile/json', { headers: { 'accept-encoding': 'gzip' } })
    expect(json.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(json.raw).toString())).toMatchObject({ auth: 'Bearer ***' })
    expect(json.headers['content-disposition']).toBeUndefined()
    expect(everything({ ...json, body: gunzipSync(json.raw).toString() })).not.toContain(TOKEN)
  })

  it('lets the browser keep numbered snapshots and diffs of two, as the Node server does', async () => {
    const immutable = [
      '/api/v2/snapshots/cyber-dojo/aws-prod/65',
      '/api/v2/env-diff/cyber-dojo?snappish1=aws-prod%2364&snappish2=aws-prod%2365',
    ]
    const revalidated = [
      '/api/v2/snapshots/cyber-dojo/aws-prod',
      '/api/v2/snapshots/cyber-dojo/aws-prod/-1',
      '/api/v2/env-diff/cyber-dojo?snappish1=aws-prod%2364&snappish2=aws-prod',
      '/api/v2/env-diff/cyber-dojo?snappish1=aws-prod%2364&snappish2=aws-prod%23-1',
      '/api/v2/env-diff/cyber-dojo?snappish1=aws-prod%7E1&snappish2=aws-prod%2365',
      '/api/v2/environments/cyber-dojo/aws-prod',
    ]
    for (const [target, expected] of [
      ...immutable.map((target) => [target, IMMUTABLE_API_CACHE] as const),
      ...revalidated.map((target) => [target, REVALIDATED_API_CACHE] as const),
    ]) {
      const response = await send(target)
      expect(response.status, target).toBe(200)
      expect(response.headers['cache-control'], target).toBe(expected)
      // The rule is server/proxy.ts's own.
      const [path = '', query = ''] = target.split(/(?=\?)/)
      expect(isImmutableAnswer(path, query), target).toBe(expected === IMMUTABLE_API_CACHE)
    }
    // Not found is not kept, even for a numbered snapshot.
    const missing = await send('/api/v2/snapshots/cyber-dojo/aws-prod/99999999')
    expect(missing.status).toBe(404)
    expectApiHeaders(missing.headers)
  })

  it('answers a broken upstream with JSON that does not name it', async () => {
    await fetch(`${mockUrl}/__mock/faults`, {
      method: 'POST',
      body: JSON.stringify([{ path: '/api/v2/flows/cyber-dojo', fault: 'drop', times: 1 }]),
    })
    const response = await send('/api/v2/flows/cyber-dojo')
    expect(response.status).toBe(502)
    expect(JSON.parse(response.body)).toEqual({ message: 'Could not reach the Kosli API' })
    expectApiHeaders(response.headers)
    expect(everything(response)).not.toContain(new URL(mockUrl).port)
  })
})
