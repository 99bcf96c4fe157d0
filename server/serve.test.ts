// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readShiplogConfig } from './config.ts'
import type { Env } from './config.ts'
import { API_CONTENT_SECURITY_POLICY, REVALIDATED_API_CACHE } from './proxy.ts'
import {
  CONTENT_SECURITY_POLICY,
  createShiplogServer,
  hostOptions,
  SECURITY_HEADERS,
} from './serve.ts'
import {
  APP_FALLBACK_ROUTES,
  close,
  everything,
  listen,
  OUTSIDE_DIST_PATHS,
  rawRequest,
  startServer,
} from './test-helpers.ts'
import type { RawResponse, RecordedRequest } from './test-helpers.ts'

const TOKEN = 'tok_serve-secret-that-must-never-leak'
const INDEX_HTML =
  '<!doctype html><html><head><!--shiplog-config--><title>Shiplog</title>' +
  '<script type="module" crossorigin src="/assets/index-Ab12.js"></script></head>' +
  '<body><div id="root"></div></body></html>'
const BIG_JS = `export const data = ${JSON.stringify('x'.repeat(5000))}\n`

let root: string
let distDir: string
let upstream: Server
let upstreamUrl: string
const upstreamSeen: RecordedRequest[] = []
const servers: Server[] = []

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'shiplog-serve-'))
  distDir = path.join(root, 'dist')
  mkdirSync(path.join(distDir, 'assets'), { recursive: true })
  writeFileSync(path.join(root, 'secret.txt'), 'outside dist')
  writeFileSync(path.join(distDir, 'index.html'), INDEX_HTML)
  writeFileSync(path.join(distDir, 'assets', 'index-Ab12.js'), BIG_JS)
  writeFileSync(path.join(distDir, 'assets', 'index-Cd34.css'), 'body{color:red}')
  writeFileSync(
    path.join(distDir, 'assets', 'inter-Ef56.woff2'),
    Buffer.from([0x77, 0x4f, 0x46, 0x32]),
  )
  writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(path.join(distDir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  writeFileSync(path.join(distDir, 'manifest.json'), '{"name":"Shiplog"}')
  writeFileSync(
    path.join(distDir, 'mockServiceWorker.js'),
    'self.addEventListener("fetch", () => {})',
  )
  ;({ server: upstream, url: upstreamUrl } = await startServer((req, res) => {
    upstreamSeen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-total-count': '3',
      'content-security-policy': 'default-src *',
    })
    res.end('[{"name":"runner"}]')
  }))
})

afterAll(async () => {
  await Promise.all([upstream, ...servers].map(close))
  rmSync(root, { recursive: true, force: true })
})

async function start(env: Env): Promise<string> {
  const server = createShiplogServer({ distDir, config: readShiplogConfig(env) })
  servers.push(server)
  return listen(server)
}

function expectSecurityHeaders(response: RawResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(response.headers[name], name).toBe(value)
  }
}

/** API answers: the same headers, with the sandbox policy instead of the page's. */
function expectApiSecurityHeaders(response: RawResponse, cacheControl = 'no-store'): void {
  expectSecurityHeaders({
    ...response,
    headers: { ...response.headers, 'content-security-policy': CONTENT_SECURITY_POLICY },
  })
  expect(response.headers['content-security-policy']).toBe(API_CONTENT_SECURITY_POLICY)
  expect(response.headers['cache-control']).toBe(cacheControl)
}

describe('createShiplogServer in demo mode', () => {
  let base: string
  beforeAll(async () => {
    base = await start({})
  })

  it('serves index.html with the demo meta tags, uncached', async () => {
    const response = await rawRequest(base, '/')
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.body).toContain('<meta name="shiplog-mode" content="demo" />')
    expect(response.body).toContain('<meta name="shiplog-org" content="cyber-dojo" />')
    expect(response.body).not.toContain('<!--shiplog-config-->')
    expectSecurityHeaders(response)
  })

  it('falls back to index.html for app routes, with status 200', async () => {
    for (const route of APP_FALLBACK_ROUTES) {
      const response = await rawRequest(base, route)
      expect(response.status, route).toBe(200)
      expect(response.body, route).toContain('content="demo"')
      expectSecurityHeaders(response)
    }
  })

  it('serves hashed assets as immutable with the right content types', async () => {
    const js = await rawRequest(base, '/assets/index-Ab12.js')
    expect(js.status).toBe(200)
    expect(js.body).toBe(BIG_JS)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expectSecurityHeaders(js)
    const types: Record<string, string> = {
      '/assets/index-Cd34.css': 'text/css; charset=utf-8',
      '/assets/inter-Ef56.woff2': 'font/woff2',
      '/favicon.svg': 'image/svg+xml',
      '/logo.png': 'image/png',
      '/manifest.json': 'application/json; charset=utf-8',
    }
    for (const [file, type] of Object.entries(types)) {
      const response = await rawRequest(base, file)
      expect(response.status, file).toBe(200)
      expect(response.headers['content-type'], file).toBe(type)
    }
  })

  it('answers a missing asset with 404 (not index.html), with security headers', async () => {
    const response = await rawRequest(base, '/assets/index-Gone.js')
    expect(response.status).toBe(404)
    expect(response.body).not.toContain('<html')
    expectSecurityHeaders(response)
  })

  it('serves the MSW worker with Service-Worker-Allowed and no caching', async () => {
    const response = await rawRequest(base, '/mockServiceWorker.js')
    expect(response.status).toBe(200)
    expect(response.headers['service-worker-allowed']).toBe('/')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8')
  })

  it('answers /api in demo mode with a JSON 404 that explains why', async () => {
    const response = await rawRequest(base, '/api/v2/flows/cyber-dojo')
    expect(response.status).toBe(404)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(JSON.parse(response.body).message).toMatch(/demo mode/)
    expectApiSecurityHeaders(response)
  })

  it('handles HEAD like GET without a body', async () => {
    for (const route of ['/', '/cyber-dojo/flows', '/assets/index-Ab12.js']) {
      const response = await rawRequest(base, route, { method: 'HEAD' })
      expect(response.status, route).toBe(200)
      expect(response.body).toBe('')
      expect(Number(response.headers['content-length'])).toBeGreaterThan(0)
      expectSecurityHeaders(response)
    }
  })

  it('refuses other methods', async () => {
    const response = await rawRequest(base, '/', { method: 'POST' })
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD')
  })

  it('never serves files outside dist', async () => {
    for (const route of OUTSIDE_DIST_PATHS) {
      const response = await rawRequest(base, route)
      expect(response.body, route).not.toContain('outside dist')
    }
  })

  it('answers malformed app paths with the app, so it can say what is wrong', async () => {
    for (const route of [
      '/cyber-dojo/flows/%E0%A4%A',
      '/org/flows/%2e%2e%2f%2e%2e%2fx',
      '/o/%00',
    ]) {
      const response = await rawRequest(base, route)
      expect(response.status, route).toBe(200)
      expect(response.headers['content-type'], route).toMatch(/text\/html/)
    }
    expect((await rawRequest(base, '/assets/%E0%A4%A.js')).status).toBe(404)
    expect((await rawRequest(base, '/assets/..%2f..%2fsecret.txt')).status).toBe(404)
  })

  it('compresses text and supports revalidation', async () => {
    const gz = await rawRequest(base, '/assets/index-Ab12.js', {
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.headers.vary).toBe('Accept-Encoding')
    expect(gunzipSync(gz.raw).toString()).toBe(BIG_JS)
    const br = await rawRequest(base, '/assets/index-Ab12.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    })
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.raw).toString()).toBe(BIG_JS)
    const first = await rawRequest(base, '/')
    const notModified = await rawRequest(base, '/', {
      headers: { 'if-none-match': String(first.headers.etag) },
    })
    expect(notModified.status).toBe(304)
    expectSecurityHeaders(notModified)
  })

  it('escapes the org in the meta tag', async () => {
    const odd = await start({ KOSLI_ORG: '"><script>alert(1)</script>' })
    const response = await rawRequest(odd, '/')
    expect(response.body).not.toContain('<script>alert(1)')
    expect(response.body).toContain('content="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"')
  })
})

describe('createShiplogServer in live mode', () => {
  let base: string
  const responses: RawResponse[] = []
  beforeAll(async () => {
    base = await start({ KOSLI_HOST: upstreamUrl, KOSLI_ORG: 'acme', KOSLI_API_TOKEN: TOKEN })
  })
  afterAll(() => {
    for (const response of responses) expect(everything(response)).not.toContain(TOKEN)
  })

  async function get(route: string, method = 'GET'): Promise<RawResponse> {
    const response = await rawRequest(base, route, { method })
    responses.push(response)
    return response
  }

  it('injects the live meta tags and never the token', async () => {
    const response = await get('/')
    expect(response.body).toContain('<meta name="shiplog-mode" content="live" />')
    expect(response.body).toContain('<meta name="shiplog-org" content="acme" />')
    expect(response.body).not.toContain(TOKEN)
    expect((await get('/acme/flows')).body).toContain('content="live"')
  })

  it('proxies /api/v2 with the token upstream and security headers downstream', async () => {
    const response = await get('/api/v2/flows/acme?per_page=3')
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual([{ name: 'runner' }])
    expect(response.headers['x-total-count']).toBe('3')
    expectApiSecurityHeaders(response, REVALIDATED_API_CACHE)
    const seen = upstreamSeen.at(-1)
    expect(seen?.url).toBe('/api/v2/flows/acme?per_page=3')
    expect(seen?.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })

  it('rejects traversal and writes on the API path', async () => {
    const before = upstreamSeen.length
    expect((await get('/api/v2/%2e%2e/admin')).status).toBe(400)
    expect((await get('/api/v2%2f..')).status).toBe(400)
    expect((await get('/api/v2/flows/acme', 'DELETE')).status).toBe(405)
    expect((await get('/api/v1/flows')).status).toBe(404)
    expect(upstreamSeen.length).toBe(before)
  })
})

describe('SHIPLOG_ALLOWED_HOSTS', () => {
  let base: string
  const responses: RawResponse[] = []
  beforeAll(async () => {
    const server = createShiplogServer({
      distDir,
      config: readShiplogConfig({ KOSLI_HOST: upstreamUrl, KOSLI_API_TOKEN: TOKEN }),
      ...hostOptions('shiplog.example.com, .shiplog.internal', '0.0.0.0'),
    })
    servers.push(server)
    base = await listen(server)
  })
  afterAll(() => {
    for (const response of responses) expect(everything(response)).not.toContain(TOKEN)
  })

  async function get(route: string, host: string): Promise<RawResponse> {
    const response = await rawRequest(base, route, { headers: { host } })
    responses.push(response)
    return response
  }

  it('answers the host names it is deployed under, pages and API alike', async () => {
    for (const host of ['shiplog.example.com', 'SHIPLOG.example.com:8443', 'eu.shiplog.internal']) {
      expect((await get('/', host)).status, host).toBe(200)
      expect((await get('/api/v2/flows/acme', host)).status, host).toBe(200)
    }
  })

  it('answers no other name, not even localhost or an IP address', async () => {
    const before = upstreamSeen.length
    const port = new URL(base).port
    for (const host of [
      'evil.example',
      'shiplog.example.com.evil.example',
      `127.0.0.1:${port}`,
      'localhost',
      'app.localhost',
      '[::1]',
    ]) {
      for (const route of ['/', '/acme/flows', '/api/v2/flows/acme']) {
        const response = await get(route, host)
        expect(response.status, `${host} ${route}`).toBe(421)
        expect(response.body).not.toContain('<html')
        expectSecurityHeaders(response)
      }
    }
    expect(upstreamSeen.length).toBe(before)
  })

  it('is read from the environment: names, `*` for any, unset for local names only', () => {
    expect(hostOptions('a.example, b.example', '0.0.0.0')).toEqual({
      hosts: ['a.example', 'b.example'],
      allowedHosts: ['a.example', 'b.example'],
    })
    expect(hostOptions('*', '0.0.0.0')).toEqual({ allowedHosts: true })
    expect(hostOptions(undefined, 'box.lan')).toEqual({ allowedHosts: ['box.lan'] })
    expect(hostOptions(' , ', 'box.lan')).toEqual({ allowedHosts: ['box.lan'] })
  })
})
