/**
 * `npm run serve`: the production server for the built SPA in `dist/`.
 *
 * - static files with long-lived caching for hashed `/assets/*`, revalidation for everything else;
 * - `index.html` with the mode and org injected as meta tags (never the token), for `/` and as
 *   the SPA fallback for every other GET path that is not a file;
 * - `/api/v2/*`: the Kosli proxy in live mode, a JSON 404 in demo mode (the browser's service
 *   worker serves demo data);
 * - security headers (CSP etc.) on every response, gzip/brotli for text.
 *
 * Env: PORT (4173), HOST (127.0.0.1), KOSLI_HOST, KOSLI_ORG, KOSLI_API_TOKEN,
 * SHIPLOG_UPSTREAM_TIMEOUT_MS, SHIPLOG_UPSTREAM_DEADLINE_MS, SHIPLOG_ALLOWED_HOSTS (comma-separated
 * Host names the server answers to, and no others; `*` for any; unset: the API proxy answers
 * localhost and IP addresses only), SHIPLOG_DIST (default ./dist).
 */
import { createHash } from 'node:crypto'
import { realpathSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip as gzipCallback } from 'node:zlib'
import { describeMode, injectConfig, readShiplogConfig } from './config.ts'
import type { ShiplogConfig } from './config.ts'
import { loadPreloader } from './preload.ts'
import { parseKeptCookie } from '../src/app/kept-hint.ts'
import { createApiHandler, namesHost } from './proxy.ts'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

const brotli = promisify(brotliCompress)
const gzip = promisify(gzipCallback)

const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|javascript)|image\/svg\+xml)/
const IMMUTABLE = 'public, max-age=31536000, immutable'
const API_PATH = /^\/api(?:[/?%\\]|$)/i

export interface ShiplogServerOptions {
  /** The built app (must contain index.html). */
  distDir: string
  config: ShiplogConfig
  /** Host names the API proxy answers to besides localhost and IP literals; `true` for any. */
  allowedHosts?: readonly string[] | true
  /**
   * When set, the only Host names the server answers at all (entries starting with `.` match
   * subdomains); every other name, localhost and IP addresses included, gets 421.
   */
  hosts?: readonly string[]
  /** Where the proxy reports upstream failures (console.error by default). */
  log?: (line: string) => void
}

interface CachedFile {
  key: string
  body: Buffer
  etag: string
  gzip?: Promise<Buffer>
  br?: Promise<Buffer>
}

function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

function sendText(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(req.method === 'HEAD' ? undefined : text)
}

function pickEncoding(req: IncomingMessage): 'br' | 'gzip' | undefined {
  const accepted = String(req.headers['accept-encoding'] ?? '')
  if (/\bbr\b/.test(accepted)) return 'br'
  if (/\bgzip\b/.test(accepted)) return 'gzip'
  return undefined
}

/** Resolves a URL path to a file inside distDir, or undefined when it is not a servable file. */
function resolveFile(distDir: string, urlPath: string): string | undefined {
  const segments = urlPath.split('/').filter(Boolean)
  if (segments.some((segment) => segment.startsWith('.'))) return undefined
  const filePath = path.join(distDir, ...segments)
  if (!filePath.startsWith(distDir + path.sep)) return undefined
  try {
    return statSync(filePath).isFile() ? filePath : undefined
  } catch {
    return undefined
  }
}

export function createShiplogServer(options: ShiplogServerOptions): http.Server {
  const distDir = path.resolve(options.distDir)
  const indexPath = path.join(distDir, 'index.html')
  const { config } = options
  const answerApi = createApiHandler(config, {
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.log ? { log: options.log } : {}),
  })
  const cache = new Map<string, CachedFile>()
  const preloader = loadPreloader(distDir)

  async function load(filePath: string, transform?: (text: string) => string): Promise<CachedFile> {
    const stats = statSync(filePath)
    const key = `${stats.size}-${Math.trunc(stats.mtimeMs)}`
    const cached = cache.get(filePath)
    if (cached?.key === key) return cached
    const raw = await readFile(filePath)
    const body = transform ? Buffer.from(transform(raw.toString('utf8'))) : raw
    const file: CachedFile = { key, body, etag: `W/"${body.length.toString(16)}-${key}"` }
    cache.set(filePath, file)
    return file
  }

  /** Compressed off the event loop (zlib's thread pool), once per file and encoding. */
  function compressed(file: CachedFile, encoding: 'br' | 'gzip'): Promise<Buffer> {
    if (encoding === 'br') {
      file.br ??= brotli(file.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9 } })
      return file.br
    }
    file.gzip ??= gzip(file.body, { level: 9 })
    return file.gzip
  }

  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    filePath: string,
    cacheControl: string,
    transform?: (text: string) => string,
    /** A per-request version of the (cached) file, compressed per request too. */
    vary?: (file: CachedFile) => CachedFile,
  ): Promise<void> {
    const contentType = contentTypeOf(filePath)
    const compressible = COMPRESSIBLE.test(contentType)
    const loaded = await load(filePath, transform)
    const file = vary ? vary(loaded) : loaded
    res.setHeader('content-type', contentType)
    res.setHeader('cache-control', cacheControl)
    res.setHeader('etag', file.etag)
    if (compressible) {
      const earlier = res.getHeader('vary')
      res.setHeader('vary', earlier ? `${String(earlier)}, Accept-Encoding` : 'Accept-Encoding')
    }
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304)
      res.end()
      return
    }
    const encoding = compressible && file.body.length > 1024 ? pickEncoding(req) : undefined
    const body = encoding ? await compressed(file, encoding) : file.body
    if (encoding) res.setHeader('content-encoding', encoding)
    res.setHeader('content-length', body.length)
    res.writeHead(200)
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  /** index.html with the config, plus preload tags for the page the request's URL opens. */
  function sendIndex(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    const search = (req.url ?? '').slice(rawPath.length)
    const tags = preloader.tags(rawPath, {
      api: config.mode === 'live',
      search,
      kept: parseKeptCookie(req.headers.cookie),
    })
    // The preloads depend on what the browser keeps, which its cookie says.
    if (config.mode === 'live') res.setHeader('vary', 'Cookie')
    const withTags = (file: CachedFile): CachedFile => {
      if (!tags) return file
      const body = Buffer.from(file.body.toString('utf8').replace('</head>', `${tags}</head>`))
      const digest = createHash('sha1').update(tags).digest('hex').slice(0, 12)
      return { key: file.key, body, etag: file.etag.replace(/"$/, `-${digest}"`) }
    }
    return sendFile(req, res, indexPath, 'no-cache', (html) => injectConfig(html, config), withTags)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    if (options.hosts && !namesHost(req.headers.host, options.hosts)) {
      sendText(req, res, 421, 'This Shiplog server does not answer to that host name.')
      return
    }
    const rawUrl = req.url ?? '/'
    if (!rawUrl.startsWith('/') || rawUrl.startsWith('//')) {
      sendText(req, res, 400, 'Bad request')
      return
    }
    if (API_PATH.test(rawUrl)) {
      answerApi(req, res)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD')
      sendText(req, res, 405, 'Method not allowed')
      return
    }
    const rawPath = rawUrl.split('?', 1)[0] ?? '/'
    let urlPath: string | undefined
    try {
      urlPath = decodeURIComponent(rawPath)
    } catch {
      urlPath = undefined
    }
    // A path that cannot name a file (bad encoding, a NUL, a backslash, a `..` segment) is never
    // looked up on disk. Under /assets/ it is not found; anywhere else it is an app address, and
    // the app says what is wrong with it.
    const fileLike =
      urlPath !== undefined && !/[\\\0]/.test(urlPath) && !urlPath.split('/').includes('..')
    if (!fileLike || urlPath === undefined) {
      if (rawPath.startsWith('/assets/')) sendText(req, res, 404, 'Not found')
      else await sendIndex(req, res, rawPath)
      return
    }

    const filePath = urlPath === '/index.html' ? undefined : resolveFile(distDir, urlPath)
    if (filePath) {
      const isAsset = urlPath.startsWith('/assets/')
      if (urlPath === '/mockServiceWorker.js') res.setHeader('service-worker-allowed', '/')
      await sendFile(req, res, filePath, isAsset ? IMMUTABLE : 'no-cache')
      return
    }
    if (urlPath.startsWith('/assets/')) {
      sendText(req, res, 404, `Not found: ${urlPath}`)
      return
    }
    await sendIndex(req, res, rawPath)
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Shiplog server error:', error)
      if (!res.headersSent) sendText(req, res, 500, 'Internal server error')
      else res.destroy()
    })
  })
}

export function parseAllowedHosts(raw: string | undefined): readonly string[] | true {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return entries.includes('*') ? true : entries
}

/**
 * The host options for SHIPLOG_ALLOWED_HOSTS: names → only those, `*` → any, unset → the API
 * proxy answers localhost, IP addresses and the name the server listens on.
 */
export function hostOptions(
  raw: string | undefined,
  listenHost: string,
): Pick<ShiplogServerOptions, 'allowedHosts' | 'hosts'> {
  const allowed = parseAllowedHosts(raw)
  if (allowed === true) return { allowedHosts: true }
  if (allowed.length > 0) return { hosts: allowed, allowedHosts: allowed }
  return { allowedHosts: [listenHost] }
}

function displayHost(host: string): string {
  if (host === '127.0.0.1' || host === '0.0.0.0' || host === '::' || host === '::1') {
    return 'localhost'
  }
  return host.includes(':') ? `[${host}]` : host
}

function main(): void {
  const config = readShiplogConfig()
  const distDir = path.resolve(process.env.SHIPLOG_DIST ?? 'dist')
  try {
    statSync(path.join(distDir, 'index.html'))
  } catch {
    console.error(`Shiplog: ${distDir}/index.html not found. Run \`npm run build\` first.`)
    process.exit(1)
  }
  const host = process.env.HOST ?? '127.0.0.1'
  const port = Number(process.env.PORT ?? 4173)
  const server = createShiplogServer({
    distDir,
    config,
    ...hostOptions(process.env.SHIPLOG_ALLOWED_HOSTS, host),
  })
  server.on('error', (error) => {
    console.error(`Shiplog: could not start on ${host}:${port}: ${error.message}`)
    process.exit(1)
  })
  server.listen(port, host, () => {
    const address = server.address()
    const actualPort = typeof address === 'object' && address ? address.port : port
    const url = `http://${displayHost(host)}:${actualPort}/${encodeURIComponent(config.org)}/flows`
    console.log(`Shiplog on ${url} · ${describeMode(config)}`)
  })

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1)
    stopping = true
    console.log(`Shiplog: ${signal} received, shutting down`)
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => server.closeAllConnections(), 3000).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

function isEntryPoint(): boolean {
  const entry = process.argv[1]
  if (!entry) return false
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isEntryPoint()) main()
