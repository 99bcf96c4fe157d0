// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readShiplogConfig } from './config.ts'
import type { Env } from './config.ts'
import { KEPT_COOKIE, keptHint } from '../src/app/kept-hint.ts'
import { createPreloader } from './preload.ts'
import { createShiplogServer } from './serve.ts'
import { close, listen, rawRequest } from './test-helpers.ts'

/** The shape Vite writes to dist/.vite/manifest.json, cut down to what matters here. */
const MANIFEST = {
  'index.html': {
    file: 'assets/index-A1.js',
    isEntry: true,
    imports: ['_react-B2.js'],
    css: ['assets/index-C3.css'],
  },
  '_react-B2.js': { file: 'assets/react-B2.js' },
  '_format-D4.js': { file: 'assets/format-D4.js', imports: ['_react-B2.js'] },
  '_table-E5.js': { file: 'assets/table-E5.js', imports: ['_format-D4.js'] },
  'src/features/flows/flows-route.tsx': {
    file: 'assets/flows-route-F6.js',
    imports: ['_react-B2.js', '_table-E5.js', '_format-D4.js'],
    css: ['assets/flows-G7.css'],
  },
  'src/features/snapshots/snapshot-route.tsx': {
    file: 'assets/snapshot-route-H8.js',
    imports: ['_table-E5.js'],
  },
  'src/features/diff/diff-route.tsx': {
    file: 'assets/diff-route-J9.js',
    imports: ['_table-E5.js'],
  },
  'src/app/persist-store.ts': {
    file: 'assets/persist-store-K1.js',
    imports: ['index.html', '_format-D4.js'],
  },
}

describe('createPreloader', () => {
  const preloader = createPreloader(MANIFEST)

  it("lists the route's chunk and everything it imports, minus what the entry loads", () => {
    const tags = preloader.tags('/acme/flows', { api: false })
    expect(tags.match(/href="[^"]+"/g)).toEqual([
      'href="/assets/flows-route-F6.js"',
      'href="/assets/table-E5.js"',
      'href="/assets/format-D4.js"',
    ])
    expect(tags).not.toContain('as="fetch"')
  })

  it('adds the API requests first when asked, encoded as the loader sends them', () => {
    const tags = preloader.tags('/acme/environments/prod%20eu/snapshots/7', { api: true })
    expect(tags.startsWith('<link rel="preload" as="fetch" crossorigin="anonymous"')).toBe(true)
    expect(tags).toContain('href="/api/v2/environments/acme/prod%20eu"')
    expect(tags).toContain('href="/api/v2/snapshots/acme/prod%20eu/7"')
  })

  it("uses the query string where the page's requests depend on it", () => {
    const tags = preloader.tags('/acme/diff', { api: true, search: '?from=prod%237&to=prod%238' })
    expect(tags).toContain('href="/api/v2/env-diff/acme?snappish1=prod%237&#38;snappish2=prod%238"')
    expect(preloader.tags('/acme/diff', { api: true })).not.toContain('env-diff')
  })

  it('leaves out the API answers the browser keeps, and nothing else', () => {
    const snapshot = '/api/v2/snapshots/acme/prod/7'
    const tags = preloader.tags('/acme/environments/prod/snapshots/7', {
      api: true,
      kept: new Set([keptHint(snapshot), keptHint('/api/v2/snapshots/acme/prod/8')]),
    })
    expect(tags).not.toContain(snapshot)
    expect(tags).toContain('href="/api/v2/environments/acme/prod"')
    expect(tags).toContain('href="/assets/snapshot-route-H8.js"')
  })

  it('adds the kept-answer store where the page has an immutable answer, and only there', () => {
    const store = 'href="/assets/persist-store-K1.js"'
    expect(preloader.tags('/acme/environments/prod/snapshots/7', { api: true })).toContain(store)
    const numbered = preloader.tags('/acme/diff', {
      api: true,
      search: '?from=prod%237&to=prod%238',
    })
    expect(numbered).toContain(store)
    // Once, though the store and the route share a chunk.
    expect(numbered.match(/format-D4\.js/g)).toHaveLength(1)
    expect(
      preloader.tags('/acme/diff', { api: true, search: '?from=prod%237&to=prod' }),
    ).not.toContain(store)
    expect(preloader.tags('/acme/flows', { api: true })).not.toContain(store)
    // The route's own list is not changed for the next page that asks for it.
    expect(preloader.tags('/acme/diff', { api: true })).not.toContain(store)
  })

  it('escapes what lands in an attribute', () => {
    const tags = preloader.tags('/a%22b%3Cc/flows', { api: true })
    expect(tags).toContain('href="/api/v2/flows/a%22b%3Cc"')
    expect(tags).not.toMatch(/href="[^"]*<[^"]*"/)
  })

  it('says nothing for unknown pages, or when the manifest has no entry', () => {
    expect(preloader.tags('/acme/nowhere', { api: true })).toBe('')
    expect(createPreloader({}).tags('/acme/flows', { api: true })).toBe('')
  })
})

describe('index.html with preload tags', () => {
  let root: string
  let distDir: string
  const servers: Server[] = []

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'shiplog-preload-'))
    distDir = path.join(root, 'dist')
    mkdirSync(path.join(distDir, '.vite'), { recursive: true })
    writeFileSync(
      path.join(distDir, 'index.html'),
      '<!doctype html><html><head><!--shiplog-config--></head><body></body></html>',
    )
    writeFileSync(path.join(distDir, '.vite', 'manifest.json'), JSON.stringify(MANIFEST))
  })

  afterAll(async () => {
    await Promise.all(servers.map(close))
    rmSync(root, { recursive: true, force: true })
  })

  async function start(env: Env): Promise<string> {
    const server = createShiplogServer({ distDir, config: readShiplogConfig(env) })
    servers.push(server)
    return listen(server)
  }

  it('preloads code and data in live mode, per page, with an ETag per page', async () => {
    const base = await start({ KOSLI_HOST: 'http://127.0.0.1:9', KOSLI_ORG: 'acme' })
    const flows = await rawRequest(base, '/acme/flows')
    expect(flows.status).toBe(200)
    expect(flows.body).toMatch(
      /<link rel="preload" as="fetch" crossorigin="anonymous" href="\/api\/v2\/flows\/acme" \/>.*<\/head>/,
    )
    expect(flows.body).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/flows-route-F6.js" />',
    )
    const snapshot = await rawRequest(base, '/acme/environments/prod/snapshots/3')
    expect(snapshot.body).toContain('/assets/snapshot-route-H8.js')
    expect(snapshot.body).not.toContain('/assets/flows-route-F6.js')
    expect(snapshot.headers.etag).not.toBe(flows.headers.etag)

    const again = await rawRequest(base, '/acme/flows', {
      headers: { 'if-none-match': String(flows.headers.etag) },
    })
    expect(again.status).toBe(304)
    const diff = await rawRequest(base, '/acme/diff?from=prod%231&to=prod%232')
    expect(diff.body).toContain(
      'href="/api/v2/env-diff/acme?snappish1=prod%231&#38;snappish2=prod%232"',
    )
    const plain = await rawRequest(base, '/acme/unknown-page')
    expect(plain.body).not.toContain('rel="preload"')
    expect(plain.body).not.toContain('modulepreload')
  })

  it('leaves out the preloads the kept cookie names, and says the page varies by cookie', async () => {
    const base = await start({ KOSLI_HOST: 'http://127.0.0.1:9', KOSLI_ORG: 'acme' })
    const page = '/acme/environments/prod/snapshots/3'
    const first = await rawRequest(base, page)
    expect(first.body).toContain('href="/api/v2/snapshots/acme/prod/3"')
    expect(String(first.headers.vary)).toMatch(/\bCookie\b/)
    const revisit = await rawRequest(base, page, {
      headers: {
        cookie: `theme=dark; ${KEPT_COOKIE}=${keptHint('/api/v2/snapshots/acme/prod/3')}`,
      },
    })
    expect(revisit.status).toBe(200)
    expect(revisit.body).not.toContain('/api/v2/snapshots/acme/prod/3')
    expect(revisit.body).toContain('href="/api/v2/environments/acme/prod"')
    expect(revisit.headers.etag).not.toBe(first.headers.etag)
    // A malformed cookie is no cookie: everything is preloaded.
    const garbled = await rawRequest(base, page, { headers: { cookie: `${KEPT_COOKIE}=<x>` } })
    expect(garbled.body).toContain('href="/api/v2/snapshots/acme/prod/3"')
  })

  it('preloads only code in demo mode, where the service worker serves the data', async () => {
    const base = await start({})
    const flows = await rawRequest(base, '/cyber-dojo/flows')
    expect(flows.body).toContain('/assets/flows-route-F6.js')
    expect(flows.body).not.toContain('as="fetch"')
  })
})
