/**
 * The same-origin `/api/v2` proxy to the Kosli API, shared by the dev server (vite-plugin.ts) and
 * the production server (serve.ts). It exists so the browser never holds the API token and never
 * makes cross-origin calls. It is deliberately narrow: reads only, `/api/v2/`
 * paths only, a fixed upstream host, and no credentials or cookies in either direction except the
 * server's own token going upstream.
 */
import http from 'node:http'
import https from 'node:https'
import { pipeline } from 'node:stream'
import { createGzip } from 'node:zlib'
import type {
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  ServerResponse,
} from 'node:http'
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from './config.ts'

export const API_PREFIX = '/api/v2/'

export interface ProxyOptions {
  /** `scheme://host[:port][/base]`, as returned by normaliseKosliHost. */
  kosliHost: string
  token?: string
  timeoutMs?: number
  /**
   * Host header names (besides localhost and IP literals) the proxy answers to; `true` allows any.
   * Guards the token against DNS-rebinding pages. Entries starting with `.` match subdomains.
   */
  allowedHosts?: readonly string[] | true
}

export type ProxyHandler = (req: IncomingMessage, res: ServerResponse) => void

export type PathCheck =
  { ok: true; path: string; query: string } | { ok: false; status: 400 | 404; message: string }

// Request headers worth passing on; everything else (cookies, credentials, hop-by-hop, origin
// details) stays behind.
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-encoding',
  'accept-language',
  'cache-control',
  'if-modified-since',
  'if-none-match',
  'range',
  'x-request-id',
]

const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'set-cookie',
  'set-cookie2',
  // A Basic challenge would make the browser pop up a login dialog for the user's own origin.
  'www-authenticate',
  'alt-svc',
  'strict-transport-security',
])

function hasControlOrBackslash(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true
  }
  return false
}

class UpstreamTimeoutError extends Error {}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  if (res.headersSent || res.destroyed) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(req.method === 'HEAD' ? undefined : text)
}

function isDotSegment(segment: string): boolean {
  // `..;/` is a classic bypass on servers that strip path parameters.
  return /^\.\.?(;.*)?$/.test(segment)
}

function escapes(path: string): boolean {
  return hasControlOrBackslash(path) || path.split('/').some(isDotSegment)
}

/**
 * Decides whether a raw request target may be forwarded. The path is checked after up to three
 * rounds of percent-decoding so that `%2e%2e`, `..%2f` and double-encoded forms cannot smuggle a
 * dot segment past us to a server that decodes before normalising. Encoded slashes inside a
 * segment are allowed (repo names such as `cyber-dojo/runner` need them) as long as they do not
 * form a dot segment.
 */
export function checkApiPath(rawUrl: string): PathCheck {
  const bad = (message: string): PathCheck => ({ ok: false, status: 400, message })
  if (!rawUrl.startsWith('/') || rawUrl.startsWith('//') || rawUrl.includes('#')) {
    return bad('Malformed request path')
  }
  const queryStart = rawUrl.indexOf('?')
  const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart)
  const query = queryStart === -1 ? '' : rawUrl.slice(queryStart)
  let decoded = path
  for (let round = 0; round < 4; round++) {
    if (escapes(decoded)) return bad('Path traversal is not allowed')
    if (!decoded.includes('%')) break
    let next: string
    try {
      next = decodeURIComponent(decoded)
    } catch {
      return bad('Malformed percent-encoding in path')
    }
    if (next === decoded) break
    decoded = next
  }
  if (!path.startsWith(API_PREFIX)) {
    return { ok: false, status: 404, message: 'Not found: Shiplog only forwards /api/v2/ paths' }
  }
  const segments = path.slice(API_PREFIX.length).split('/')
  if (segments.slice(0, -1).some((segment) => segment === '')) {
    return bad('Empty path segment')
  }
  return { ok: true, path, query }
}

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1)
  const colon = hostHeader.lastIndexOf(':')
  return (colon === -1 ? hostHeader : hostHeader.slice(0, colon)).toLowerCase()
}

export function isAllowedHost(
  hostHeader: string | undefined,
  allowed: readonly string[] | true = [],
): boolean {
  if (allowed === true || hostHeader === undefined) return true
  const name = hostnameOf(hostHeader.trim())
  if (name.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return true
  if (name === 'localhost' || name.endsWith('.localhost')) return true
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase()
    return pattern.startsWith('.')
      ? name === pattern.slice(1) || name.endsWith(pattern)
      : name === pattern
  })
}

/**
 * Only the Shiplog page itself may use the proxy: browsers mark other origins' requests (including
 * other ports on localhost, which Vite's dev CORS would otherwise let read the answer). Clients
 * that are not browsers send neither header.
 */
function isSameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
  const origin = req.headers.origin
  if (origin === undefined) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

function requestHeaders(incoming: IncomingHttpHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { 'user-agent': 'Shiplog' }
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming[name]
    if (value !== undefined) headers[name] = value
  }
  return headers
}

function responseHeaders(incoming: IncomingHttpHeaders, res: ServerResponse): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || DROPPED_RESPONSE_HEADERS.has(name)) continue
    // CORS grants from upstream must not make the token-bearing proxy readable cross-origin, and
    // the server's own security headers win over upstream ones.
    if (name.startsWith('access-control-') || res.hasHeader(name)) continue
    headers[name] = value
  }
  if (headers['cache-control'] === undefined) headers['cache-control'] = 'no-store'
  return headers
}

/**
 * Gzip a JSON answer the upstream sent uncompressed, when the browser accepts gzip. Bodies that
 * are already encoded, empty or ranged pass through untouched.
 */
export function shouldCompress(
  status: number,
  upstream: IncomingHttpHeaders,
  request: IncomingHttpHeaders,
): boolean {
  if (status === 204 || status === 206 || status === 304) return false
  if (upstream['content-encoding'] !== undefined) return false
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(upstream['content-type'] ?? '')) return false
  const length = Number(upstream['content-length'] ?? Number.NaN)
  if (Number.isFinite(length) && length < 1024) return false
  return /\bgzip\b/i.test(String(request['accept-encoding'] ?? ''))
}

export function createKosliProxy(options: ProxyOptions): ProxyHandler {
  const target = new URL(options.kosliHost)
  const basePath = target.pathname.replace(/\/+$/, '')
  const label = `${target.origin}${basePath}`
  const client = target.protocol === 'https:' ? https : http
  const hostname = target.hostname.replace(/^\[(.*)\]$/, '$1')
  const timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS
  const token = options.token?.trim() || undefined
  const scrub = (text: string): string => (token ? text.split(token).join('***') : text)

  return function proxy(req, res) {
    if (!isAllowedHost(req.headers.host, options.allowedHosts)) {
      sendJson(req, res, 403, { message: `Host '${req.headers.host ?? ''}' is not allowed` })
      return
    }
    if (!isSameOrigin(req)) {
      sendJson(req, res, 403, { message: 'Cross-origin requests are not forwarded' })
      return
    }
    const method = req.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(
        req,
        res,
        405,
        { message: `Shiplog only reads: ${method} is not forwarded to the Kosli API` },
        { allow: 'GET, HEAD' },
      )
      return
    }
    const checked = checkApiPath(req.url ?? '')
    if (!checked.ok) {
      sendJson(req, res, checked.status, { message: checked.message })
      return
    }
    const upstreamPath = `${basePath}${checked.path}${checked.query}`
    // Belt and braces: whatever the request said, the URL we build must stay on the target.
    const resolved = new URL(upstreamPath, target.origin)
    if (resolved.origin !== target.origin || !resolved.pathname.startsWith(basePath + API_PREFIX)) {
      sendJson(req, res, 400, { message: 'Malformed request path' })
      return
    }

    const headers = requestHeaders(req.headers)
    headers.host = target.host
    if (token) headers.authorization = `Bearer ${token}`

    let clientGone = false
    const upstream = client.request({
      protocol: target.protocol,
      hostname,
      port: target.port || undefined,
      method,
      path: upstreamPath,
      headers,
    })
    const deadline = setTimeout(() => upstream.destroy(new UpstreamTimeoutError()), timeoutMs)
    upstream.setTimeout(timeoutMs, () => upstream.destroy(new UpstreamTimeoutError()))

    res.on('close', () => {
      clearTimeout(deadline)
      if (!res.writableFinished) {
        clientGone = true
        upstream.destroy()
      }
    })

    upstream.on('response', (upstreamRes) => {
      clearTimeout(deadline)
      const status = upstreamRes.statusCode ?? 502
      const outgoing = responseHeaders(upstreamRes.headers, res)
      const done = (error: Error | null) => {
        if (error) res.destroy()
      }
      if (method === 'GET' && shouldCompress(status, upstreamRes.headers, req.headers)) {
        // JSON compresses ~10×; the browser unpacks it as it streams in.
        delete outgoing['content-length']
        outgoing['content-encoding'] = 'gzip'
        const vary = outgoing.vary
        outgoing.vary = vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding'
        res.writeHead(status, outgoing)
        pipeline(upstreamRes, createGzip({ level: 4 }), res, done)
        return
      }
      res.writeHead(status, outgoing)
      pipeline(upstreamRes, res, done)
    })

    upstream.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline)
      if (clientGone) return
      if (res.headersSent) {
        res.destroy()
        return
      }
      if (error instanceof UpstreamTimeoutError) {
        sendJson(req, res, 504, {
          message: `The Kosli API at ${label} did not answer within ${timeoutMs / 1000} s`,
        })
        return
      }
      const reason = scrub(error.message || error.code || 'unknown error')
      sendJson(req, res, 502, { message: `Could not reach the Kosli API at ${label}: ${reason}` })
    })

    upstream.end()
  }
}
