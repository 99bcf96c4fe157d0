// @vitest-environment node
import http from 'node:http'
import type { Server } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { gunzipSync, gzipSync } from 'node:zlib'
import {
  API_CONTENT_SECURITY_POLICY,
  checkApiPath,
  createKosliProxy,
  IMMUTABLE_API_CACHE,
  isImmutableAnswer,
  matchesEtag,
  REVALIDATED_API_CACHE,
  shouldCompress,
} from './proxy.ts'
import type { ProxyOptions } from './proxy.ts'
import {
  API_TRAVERSAL_PATHS,
  close,
  everything,
  HOSTILE_RESPONSE_HEADERS,
  listen,
  rawRequest,
  startServer,
} from './test-helpers.ts'
import type { RawResponse, RecordedRequest } from './test-helpers.ts'

// Packed at the fastest level, so a proxy that unpacked and packed it again would differ.
const GZIP_BIG = gzipSync(
  JSON.stringify(Array.from({ length: 5_000 }, (_, i) => ({ i, pad: 'y'.repeat(40) }))),
  { level: 1 },
)
const TOKEN = 'tok_5ecret-value-that-must-never-leak'

let upstream: Server
let upstreamUrl: string
const seen: RecordedRequest[] = []
const proxies: Server[] = []
const responses: RawResponse[] = []
const logs: string[] = []

beforeAll(async () => {
  ;({ server: upstream, url: upstreamUrl } = await startServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    if (req.url?.startsWith('/api/v2/hang')) return
    const echoed = String(req.headers.authorization)
    if (req.url?.startsWith('/api/v2/hostile-html')) {
      res.writeHead(200, {
        ...HOSTILE_RESPONSE_HEADERS,
        'content-type': 'text/html; charset=utf-8',
        'x-debug-auth': echoed,
        etag: `"${echoed}"`,
      })
      res.end(`<!doctype html><script>alert(document.cookie)</script><p>${echoed}</p>`)
      return
    }
    if (req.url?.startsWith('/api/v2/hostile-js')) {
      res.writeHead(200, { 'content-type': 'text/javascript' })
      res.end('alert(1)')
      return
    }
    if (req.url?.startsWith('/api/v2/echo-json')) {
      // The token arrives split across chunks, as it can on any real connection.
      const body = JSON.stringify({ pad: 'x'.repeat(3000), auth: echoed, again: echoed })
      const cut = body.indexOf(echoed) + 5
      res.writeHead(200, { ...HOSTILE_RESPONSE_HEADERS, 'content-type': 'application/json' })
      res.write(body.slice(0, cut))
      setTimeout(() => res.end(body.slice(cut)), 20)
      return
    }
    if (req.url?.startsWith('/api/v2/gzip-echo')) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      res.end(gzipSync(JSON.stringify({ auth: echoed })))
      return
    }
    if (req.url?.startsWith('/api/v2/zstd')) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'zstd' })
      res.end('(zstd bytes)')
      return
    }
    if (req.url?.startsWith('/api/v2/trickle') || req.url?.startsWith('/api/v2/snapshots/t/e/1')) {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('[')
      const timer = setInterval(() => res.write(' '), 50)
      res.on('close', () => clearInterval(timer))
      return
    }
    if (req.url?.startsWith('/api/v2/gzip-big')) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      res.end(GZIP_BIG)
      return
    }
    if (req.url?.startsWith('/api/v2/with-etag')) {
      const fresh = req.headers['if-none-match'] === '"up-1"'
      res.writeHead(fresh ? 304 : 200, { 'content-type': 'application/json', etag: '"up-1"' })
      res.end(fresh ? undefined : JSON.stringify({ from: 'upstream' }))
      return
    }
    if (req.url?.startsWith('/api/v2/big')) {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ i, pad: 'x'.repeat(40) }))),
      )
      return
    }
    const status = req.url?.startsWith('/api/v2/missing') ? 404 : 200
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-total-count': '42',
      'x-per-page': '15',
      'x-current-page': '2',
      'x-total-pages': '3',
      link: '<https://app.kosli.com/api/v2/x?page=3>; rel="next"',
      'retry-after': '7',
      'set-cookie': ['session=abc; HttpOnly', 'other=1'],
      'www-authenticate': 'Basic realm="kosli"',
      'access-control-allow-origin': '*',
      'x-request-id': 'req-1',
      ...HOSTILE_RESPONSE_HEADERS,
    })
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ ok: status === 200 }))
  }))
})

afterEach(() => {
  seen.length = 0
  logs.length = 0
})

afterAll(async () => {
  await Promise.all([upstream, ...proxies].map(close))
  // Whatever happened above, the token never went back to the browser.
  for (const response of responses) expect(everything(response)).not.toContain(TOKEN)
  expect(responses.length).toBeGreaterThan(30)
})

async function startProxy(options: Partial<ProxyOptions> = {}): Promise<string> {
  const server = http.createServer(
    createKosliProxy({
      kosliHost: upstreamUrl,
      token: TOKEN,
      log: (line) => logs.push(line),
      ...options,
    }),
  )
  proxies.push(server)
  return listen(server)
}

async function request(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const response = await rawRequest(base, path, options)
  responses.push(response)
  return response
}

describe('checkApiPath', () => {
  it('accepts /api/v2 paths, keeping the raw path and query', () => {
    expect(checkApiPath('/api/v2/snapshots/cyber-dojo/aws-prod%2365?x=1')).toEqual({
      ok: true,
      path: '/api/v2/snapshots/cyber-dojo/aws-prod%2365',
      query: '?x=1',
    })
    expect(checkApiPath('/api/v2/repos/cyber-dojo/live-artifacts/cyber-dojo%2Frunner').ok).toBe(
      true,
    )
    expect(checkApiPath('/api/v2/flows/a..b').ok).toBe(true)
  })

  it.each([
    ...API_TRAVERSAL_PATHS,
    '/api/v2/flows/%00',
    '/api/v2/flows//x',
    '//evil.example/api/v2/',
    'http://evil.example/api/v2/flows',
    '/api/v2/%zz',
  ])('rejects %s with 400', (path) => {
    expect(checkApiPath(path)).toMatchObject({ ok: false, status: 400 })
  })

  it.each(['/api/v1/flows', '/api/v2', '/api/v2x/flows', '/assets/x.js', '/'])(
    'does not forward %s (404)',
    (path) => {
      expect(checkApiPath(path)).toMatchObject({ ok: false, status: 404 })
    },
  )
})

describe('createKosliProxy', () => {
  it('forwards /api/v2 GETs to the configured host with the query string', async () => {
    const proxy = await startProxy()
    const response = await request(proxy, '/api/v2/flows/cyber-dojo?page=2&per_page=15')
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ ok: true })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/api/v2/flows/cyber-dojo?page=2&per_page=15',
    })
    expect(seen[0]?.headers.host).toBe(new URL(upstreamUrl).host)
  })

  it('passes status, pagination and content headers; drops cookies, challenges and CORS', async () => {
    const proxy = await startProxy()
    const response = await request(proxy, '/api/v2/missing/x')
    expect(response.status).toBe(404)
    expect(response.headers).toMatchObject({
      'content-type': 'application/json',
      'x-total-count': '42',
      'x-per-page': '15',
      'x-current-page': '2',
      'x-total-pages': '3',
      'retry-after': '7',
      'x-request-id': 'req-1',
      'cache-control': 'no-store',
    })
    for (const name of [
      'set-cookie',
      'www-authenticate',
      'access-control-allow-origin',
      'link',
      ...Object.keys(HOSTILE_RESPONSE_HEADERS),
    ]) {
      if (name === 'cache-control' || name === 'content-security-policy') continue
      expect(response.headers[name], name).toBeUndefined()
    }
  })

  it('answers with its own cache policy and sandbox, whatever upstream says', async () => {
    const proxy = await startProxy()
    const response = await request(proxy, '/api/v2/flows/x')
    expect(response.headers).toMatchObject({
      'cache-control': REVALIDATED_API_CACHE,
      'content-security-policy': API_CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    })
    expect(API_CONTENT_SECURITY_POLICY).toMatch(/^sandbox\b/)
    expect(response.headers['content-disposition']).toBeUndefined()
  })

  it.each(['/api/v2/hostile-html', '/api/v2/hostile-js'])(
    'never lets a non-JSON answer (%s) render or run in the browser',
    async (path) => {
      const proxy = await startProxy()
      const response = await request(proxy, path)
      expect(response.status).toBe(200)
      expect(response.headers['content-disposition']).toBe('attachment')
      expect(response.headers['content-security-policy']).toBe(API_CONTENT_SECURITY_POLICY)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers.refresh).toBeUndefined()
    },
  )

  it('scrubs the token from the headers and bodies upstream echoes it in', async () => {
    const proxy = await startProxy()
    const html = await request(proxy, '/api/v2/hostile-html')
    expect(html.headers['x-debug-auth']).toBeUndefined()
    expect(html.headers.etag).toBe('"Bearer ***"')
    expect(html.body).toContain('<p>Bearer ***</p>')
    const json = await request(proxy, '/api/v2/echo-json')
    expect(JSON.parse(json.body)).toMatchObject({ auth: 'Bearer ***', again: 'Bearer ***' })
    const gzipped = await request(proxy, '/api/v2/gzip-echo')
    expect(gzipped.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(gzipped.body)).toEqual({ auth: 'Bearer ***' })
    for (const response of [html, json, gzipped]) expect(everything(response)).not.toContain(TOKEN)
  })

  it('streams large bodies through intact', async () => {
    const proxy = await startProxy()
    const response = await request(proxy, '/api/v2/big')
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toHaveLength(20_000)
  })

  it('keeps the configured base path and never lets the request pick the host', async () => {
    const proxy = await startProxy({ kosliHost: `${upstreamUrl}/kosli`, allowedHosts: true })
    const response = await request(proxy, '/api/v2/flows/cyber-dojo', {
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    })
    expect(response.status).toBe(200)
    expect(seen[0]?.url).toBe('/kosli/api/v2/flows/cyber-dojo')
    expect(seen[0]?.headers.host).toBe(new URL(upstreamUrl).host)
    expect(seen[0]?.headers['x-forwarded-host']).toBeUndefined()
  })

  it.each([
    '/api/v2/../../etc/passwd',
    '/api/v2/%2e%2e/x',
    '/api/v2/..%2fsecret',
    '//evil.example/api/v2/',
    '/api/v2%2f..',
    '/api/v2/flows\\..\\..\\secret',
    '/api/v2/%5c..%5csecret',
    'http://evil.example/api/v2/flows',
  ])('answers %s with 400 and never calls upstream', async (path) => {
    const proxy = await startProxy()
    const response = await request(proxy, path)
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body)).toHaveProperty('message')
    expect(seen).toHaveLength(0)
  })

  it.each(['/api/v1/flows', '/api/v2', '/etc/passwd'])('does not forward %s', async (path) => {
    const proxy = await startProxy()
    const response = await request(proxy, path)
    expect(response.status).toBe(404)
    expect(seen).toHaveLength(0)
  })

  it('replaces browser credentials with the server token', async () => {
    const proxy = await startProxy()
    await request(proxy, '/api/v2/flows/cyber-dojo', {
      headers: {
        authorization: 'Bearer browser-token',
        cookie: 'session=browser',
        'proxy-authorization': 'Basic abc',
        connection: 'keep-alive, x-custom',
        'x-custom': '1',
        accept: 'application/json',
      },
    })
    const headers = seen[0]?.headers ?? {}
    expect(headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(headers.cookie).toBeUndefined()
    expect(headers['proxy-authorization']).toBeUndefined()
    expect(headers['x-custom']).toBeUndefined()
    expect(headers.accept).toBe('application/json')
  })

  it.each([undefined, '', '   '])(
    'sends no Authorization at all when the token is %j',
    async (token) => {
      const proxy = await startProxy({ token })
      await request(proxy, '/api/v2/flows/cyber-dojo', {
        headers: { authorization: 'Bearer browser-token' },
      })
      expect(seen).toHaveLength(1)
      expect(seen[0]?.headers.authorization).toBeUndefined()
    },
  )

  it('forwards HEAD and refuses writes with 405', async () => {
    const proxy = await startProxy()
    const head = await request(proxy, '/api/v2/flows/cyber-dojo', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(seen[0]?.method).toBe('HEAD')
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const response = await request(proxy, '/api/v2/flows/cyber-dojo', { method })
      expect(response.status).toBe(405)
      expect(response.headers.allow).toBe('GET, HEAD')
    }
    expect(seen).toHaveLength(1)
  })

  it('refuses foreign Host names (DNS rebinding) and other origins', async () => {
    const proxy = await startProxy({ allowedHosts: ['shiplog.example'] })
    const rebound = await request(proxy, '/api/v2/flows/x', { headers: { host: 'evil.example' } })
    expect(rebound.status).toBe(403)
    const foreignHeaders: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { host: 'localhost:5173', origin: 'http://localhost:3000' },
      { origin: 'null' },
    ]
    for (const headers of foreignHeaders) {
      const foreign = await request(proxy, '/api/v2/flows/x', { headers })
      expect(foreign.status, JSON.stringify(headers)).toBe(403)
    }
    expect(seen).toHaveLength(0)
    const sameOrigin = await request(proxy, '/api/v2/flows/x', {
      headers: {
        host: 'localhost:5173',
        origin: 'http://localhost:5173',
        'sec-fetch-site': 'same-origin',
      },
    })
    expect(sameOrigin.status).toBe(200)
    for (const host of ['shiplog.example:8080', 'localhost:4173', '127.0.0.1', '[::1]:4173']) {
      const ok = await request(proxy, '/api/v2/flows/x', { headers: { host } })
      expect(ok.status).toBe(200)
    }
  })

  it('answers 502 rather than pass on a body it cannot decode, and so cannot scrub', async () => {
    const proxy = await startProxy()
    const response = await request(proxy, '/api/v2/zstd')
    expect(response.status).toBe(502)
    expect(JSON.parse(response.body).message).toMatch(/encoding Shiplog cannot read/)
    expect(seen[0]?.headers['accept-encoding']).toBe('gzip')
  })

  it('answers 502 with a JSON message when the Kosli API cannot be reached', async () => {
    const dead = http.createServer()
    const deadUrl = await listen(dead)
    await close(dead)
    const proxy = await startProxy({ kosliHost: deadUrl })
    const response = await request(proxy, '/api/v2/flows/cyber-dojo')
    expect(response.status).toBe(502)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    const { message } = JSON.parse(response.body) as { message: string }
    expect(message).toMatch(/^Could not reach the Kosli API \(ECONNREFUSED\)/)
    // The browser user is not told where the server's upstream lives.
    expect(message).not.toContain(new URL(deadUrl).port)
    expect(message).not.toContain('127.0.0.1')
    expect(logs.join('\n')).toContain(`could not reach ${deadUrl}`)
  })

  it('answers 504 with a JSON message when the Kosli API does not answer in time', async () => {
    const proxy = await startProxy({ timeoutMs: 100 })
    const started = Date.now()
    const response = await request(proxy, '/api/v2/hang')
    expect(response.status).toBe(504)
    expect(Date.now() - started).toBeLessThan(5000)
    const { message } = JSON.parse(response.body) as { message: string }
    expect(message).toBe('The Kosli API did not answer within 0.1 s')
    expect(everything(response)).not.toContain(new URL(upstreamUrl).host)
    expect(logs.join('\n')).toContain(`${upstreamUrl}/api/v2/hang did not answer within 0.1 s`)
  })

  it('gives up on a request that outlives the overall deadline, with the same message', async () => {
    const proxy = await startProxy({ timeoutMs: 10_000, deadlineMs: 300 })
    const response = await request(proxy, '/api/v2/hang')
    expect(response.status).toBe(504)
    expect(JSON.parse(response.body).message).toBe('The Kosli API did not answer within 0.3 s')
  })

  it('cuts off a streamed body that trickles in past the overall deadline', async () => {
    const proxy = await startProxy({ timeoutMs: 10_000, deadlineMs: 300 })
    const started = Date.now()
    // A numbered snapshot streams through (its ETag comes from the URL, not the body).
    await expect(rawRequest(proxy, '/api/v2/snapshots/t/e/1')).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(5000)
    await vi.waitFor(() => expect(logs.join('\n')).toMatch(/t\/e\/1 was cut off after \d+ ms/))
  })

  it('answers 504 when a body it must read whole for its ETag trickles past the deadline', async () => {
    const proxy = await startProxy({ timeoutMs: 10_000, deadlineMs: 300 })
    const started = Date.now()
    const response = await request(proxy, '/api/v2/trickle')
    expect(response.status).toBe(504)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

describe('compression of API answers', () => {
  it('gzips an uncompressed JSON answer when the browser accepts gzip', async () => {
    const base = await startProxy()
    const response = await request(base, '/api/v2/big', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    })
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers.vary).toMatch(/Accept-Encoding/)
    expect(response.headers['content-length']).toBe(String(response.raw.length))
    const body = JSON.parse(gunzipSync(response.raw).toString()) as unknown[]
    expect(body).toHaveLength(20_000)
    expect(response.raw.length).toBeLessThan(body.length * 10)
  })

  it('passes a gzip answer through unopened when there is no token to scrub', async () => {
    const base = await startProxy({ token: undefined })
    const response = await request(base, '/api/v2/gzip-big', {
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers.vary).toMatch(/Accept-Encoding/)
    // The very bytes the upstream sent, not a second compression of them.
    expect(response.raw.equals(GZIP_BIG)).toBe(true)
    expect(response.headers['content-security-policy']).toMatch(/sandbox/)
  })

  it('sends it as it came when the browser does not accept gzip', async () => {
    const base = await startProxy()
    const response = await request(base, '/api/v2/big', { headers: { 'accept-encoding': 'br' } })
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(response.body)).toHaveLength(20_000)
  })

  it('leaves encoded, small, empty and non-JSON answers alone', () => {
    const gzip = { 'accept-encoding': 'gzip' }
    const json = { 'content-type': 'application/json; charset=utf-8' }
    expect(shouldCompress(200, json, gzip)).toBe(true)
    expect(shouldCompress(404, { ...json, 'content-length': '5000' }, gzip)).toBe(true)
    expect(shouldCompress(200, { ...json, 'content-encoding': 'br' }, gzip)).toBe(false)
    expect(shouldCompress(200, { ...json, 'content-length': '40' }, gzip)).toBe(false)
    expect(shouldCompress(304, json, gzip)).toBe(false)
    expect(shouldCompress(206, json, gzip)).toBe(false)
    expect(shouldCompress(502, { 'content-type': 'text/html' }, gzip)).toBe(false)
    expect(shouldCompress(200, { 'content-type': 'application/problem+json' }, gzip)).toBe(true)
  })
})

describe('caching of API answers', () => {
  it('knows which answers never change: numbered snapshots and diffs of two', () => {
    expect(isImmutableAnswer('/api/v2/snapshots/acme/prod/65', '')).toBe(true)
    expect(isImmutableAnswer('/api/v2/snapshots/acme/prod/-1', '')).toBe(false)
    expect(isImmutableAnswer('/api/v2/snapshots/acme/prod/latest', '')).toBe(false)
    expect(isImmutableAnswer('/api/v2/snapshots/acme/prod/prod~2', '')).toBe(false)
    expect(isImmutableAnswer('/api/v2/snapshots/acme/prod', '?page=1')).toBe(false)
    expect(
      isImmutableAnswer('/api/v2/env-diff/acme', '?snappish1=prod%2364&snappish2=beta%2312'),
    ).toBe(true)
    expect(isImmutableAnswer('/api/v2/env-diff/acme', '?snappish1=prod%2364&snappish2=beta')).toBe(
      false,
    )
    expect(isImmutableAnswer('/api/v2/env-diff/acme', '?snappish1=prod%2364')).toBe(false)
    expect(isImmutableAnswer('/api/v2/artifacts/acme/f/fingerprint/abc', '')).toBe(false)
    expect(isImmutableAnswer('/api/v2/flows/acme', '')).toBe(false)
  })

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesEtag('"a", "b"', '"b"')).toBe(true)
    expect(matchesEtag('W/"b"', '"b"')).toBe(true)
    expect(matchesEtag('*', '"b"')).toBe(true)
    expect(matchesEtag('"a"', '"b"')).toBe(false)
    expect(matchesEtag(undefined, '"b"')).toBe(false)
  })

  it('lets the browser keep a numbered snapshot, and revalidates it without asking upstream', async () => {
    const proxy = await startProxy()
    const first = await request(proxy, '/api/v2/snapshots/acme/prod/65')
    expect(first.status).toBe(200)
    expect(first.headers['cache-control']).toBe(IMMUTABLE_API_CACHE)
    expect(IMMUTABLE_API_CACHE).toMatch(/^private, max-age=\d+, immutable$/)
    const etag = String(first.headers.etag)
    expect(etag).toMatch(/^"i-/)
    const again = await request(proxy, '/api/v2/snapshots/acme/prod/65', {
      headers: { 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers.etag).toBe(etag)
    expect(seen).toHaveLength(1)
    // Another snapshot has another tag.
    const other = await request(proxy, '/api/v2/snapshots/acme/prod/66')
    expect(other.headers.etag).not.toBe(etag)
  })

  it('marks a diff of two numbered snapshots immutable, and one with "latest" revalidated', async () => {
    const proxy = await startProxy()
    const fixed = await request(proxy, '/api/v2/env-diff/acme?snappish1=a%231&snappish2=a%232')
    expect(fixed.headers['cache-control']).toBe(IMMUTABLE_API_CACHE)
    const moving = await request(proxy, '/api/v2/env-diff/acme?snappish1=a%231&snappish2=a')
    expect(moving.headers['cache-control']).toBe(REVALIDATED_API_CACHE)
  })

  it('tags other answers by their content and answers 304 while it is unchanged', async () => {
    const proxy = await startProxy()
    const first = await request(proxy, '/api/v2/big', { headers: { 'accept-encoding': 'gzip' } })
    expect(first.headers['cache-control']).toBe(REVALIDATED_API_CACHE)
    const etag = String(first.headers.etag)
    expect(etag).toMatch(/^"c-/)
    const plain = await request(proxy, '/api/v2/big')
    // The same content has the same tag, whichever encoding carried it.
    expect(plain.headers.etag).toBe(etag)
    const again = await request(proxy, '/api/v2/big', { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers['cache-control']).toBe(REVALIDATED_API_CACHE)
    // Revalidation asks upstream every time: "latest" may have moved.
    expect(seen).toHaveLength(3)
    const echo = await request(proxy, '/api/v2/echo-json')
    expect(echo.headers.etag).not.toBe(etag)
  })

  it("keeps the upstream's own ETag and passes its 304 on", async () => {
    const proxy = await startProxy()
    const first = await request(proxy, '/api/v2/with-etag')
    expect(first.headers.etag).toBe('"up-1"')
    expect(first.headers['cache-control']).toBe(REVALIDATED_API_CACHE)
    const again = await request(proxy, '/api/v2/with-etag', {
      headers: { 'if-none-match': '"up-1"' },
    })
    expect(again.status).toBe(304)
    expect(again.headers['cache-control']).toBe(REVALIDATED_API_CACHE)
  })

  it('never lets the browser keep an error', async () => {
    const proxy = await startProxy()
    const missing = await request(proxy, '/api/v2/missing/snapshots')
    expect(missing.headers['cache-control']).toBe('no-store')
    expect(missing.headers.etag).toBeUndefined()
  })
})
