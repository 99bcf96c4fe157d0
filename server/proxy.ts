/**
 * The same-origin `/api/v2` proxy to the Kosli API, shared by the dev server (vite-plugin.ts) and
 * the production server (serve.ts). It exists so the browser never holds the API token and never
 * makes cross-origin calls. It is deliberately narrow: reads only, `/api/v2/`
 * paths only, a fixed upstream host, and no credentials or cookies in either direction except the
 * server's own token going upstream.
 */
import { createHash } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import { pipeline, Transform, Writable } from 'node:stream'
import type { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { createBrotliDecompress, createGunzip, createGzip, createInflate, gzip } from 'node:zlib'
import type {
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  ServerResponse,
} from 'node:http'
import {
  checkTokenValue,
  DEFAULT_UPSTREAM_DEADLINE_MS,
  DEFAULT_UPSTREAM_TIMEOUT_MS,
} from './config.ts'
import type { ShiplogConfig } from './config.ts'

export const API_PREFIX = '/api/v2/'

export interface ProxyOptions {
  /** `scheme://host[:port][/base]`, as returned by normaliseKosliHost. */
  kosliHost: string
  token?: string
  /** How long the upstream may stay silent: before the headers, and between body chunks. */
  timeoutMs?: number
  /** How long a whole request may take, body included. */
  deadlineMs?: number
  /**
   * Host header names (besides localhost and IP literals) the proxy answers to; `true` allows any.
   * Guards the token against DNS-rebinding pages. Entries starting with `.` match subdomains.
   */
  allowedHosts?: readonly string[] | true
  /** The server's log (console.error by default): it names the upstream, the browser is not told. */
  log?: (line: string) => void
}

export type ProxyHandler = (req: IncomingMessage, res: ServerResponse) => void

export type PathCheck =
  { ok: true; path: string; query: string } | { ok: false; status: 400 | 404; message: string }

// Request headers worth passing on; everything else (cookies, credentials, hop-by-hop, origin
// details, ranges of a body the proxy re-encodes) stays behind.
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'cache-control',
  'if-modified-since',
  'if-none-match',
  'x-request-id',
]

// Response headers passed on to the browser: what describes the body, and Kosli's pagination.
// Everything else a browser might act on for Shiplog's origin (cookies, refresh, clear-site-data,
// reporting, caching, CORS, security policies) stays behind.
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'etag',
  'last-modified',
  'retry-after',
  'vary',
  'x-total-count',
  'x-per-page',
  'x-current-page',
  'x-total-pages',
  'x-request-id',
]

/**
 * For every proxied answer: a document opened from /api/v2 runs in a unique origin with nothing
 * allowed, so even an HTML or script body upstream sends cannot act as Shiplog.
 */
export const API_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'"

const API_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': API_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i

/**
 * Caching of successful JSON answers. What a numbered snapshot, or the diff of two, says never
 * changes: the browser keeps it (`immutable`), private to this user. Everything else ("latest",
 * lists, an artifact's growing history) is revalidated on every use (`no-cache`) with an ETag, so
 * an unchanged answer costs a 304 instead of the body.
 */
export const IMMUTABLE_API_CACHE = 'private, max-age=31536000, immutable'
export const REVALIDATED_API_CACHE = 'private, no-cache'

const SNAPSHOT_NUMBER = /^[1-9]\d{0,9}$/
const NUMBERED_SNAPPISH = /^[^#]+#[1-9]\d{0,9}$/

/** Whether the answer for this API path and query (`?a=b`, or '') can never change. */
export function isImmutableAnswer(path: string, query: string): boolean {
  if (!path.startsWith(API_PREFIX)) return false
  const segments = path.slice(API_PREFIX.length).split('/')
  if (segments[0] === 'snapshots' && segments.length === 4) {
    return SNAPSHOT_NUMBER.test(segments[3] ?? '')
  }
  if (segments[0] === 'env-diff' && segments.length === 2) {
    const params = new URLSearchParams(query.replace(/^\?/, ''))
    return [params.get('snappish1'), params.get('snappish2')].every(
      (side) => side !== null && NUMBERED_SNAPPISH.test(side),
    )
  }
  return false
}

/** Whether an If-None-Match header names this ETag (or `*`). */
export function matchesEtag(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false
  const strip = (tag: string) => tag.trim().replace(/^W\//, '')
  return String(ifNoneMatch)
    .split(',')
    .some((tag) => tag.trim() === '*' || strip(tag) === strip(etag))
}

const gzipAsync = promisify(gzip)

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
    ...API_RESPONSE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
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
  return namesHost(hostHeader, allowed)
}

/** Whether a Host header (port ignored) is one of `names`; entries starting with `.` match subdomains. */
export function namesHost(hostHeader: string | undefined, names: readonly string[]): boolean {
  if (hostHeader === undefined) return false
  const name = hostnameOf(hostHeader.trim())
  return names.some((entry) => {
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
  // Only encodings the proxy can undo, so that it can scrub the token from every body.
  const headers: OutgoingHttpHeaders = { 'user-agent': 'Shiplog', 'accept-encoding': 'gzip' }
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming[name]
    if (value !== undefined) headers[name] = value
  }
  return headers
}

function responseHeaders(
  incoming: IncomingHttpHeaders,
  scrub: (text: string) => string,
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {}
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = incoming[name]
    if (typeof value === 'string') headers[name] = scrub(value)
  }
  Object.assign(headers, API_RESPONSE_HEADERS)
  // A download, never a page: whatever is not JSON must not render on Shiplog's origin.
  if (!JSON_TYPE.test(incoming['content-type'] ?? '')) headers['content-disposition'] = 'attachment'
  return headers
}

/** Undoes the upstream's content encoding, or says it cannot (the body is then not passed on). */
function decoder(encoding: string | undefined): Transform | 'identity' | undefined {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'identity':
    case '':
      return 'identity'
    case 'gzip':
    case 'x-gzip':
      return createGunzip()
    case 'deflate':
      return createInflate()
    case 'br':
      return createBrotliDecompress()
    default:
      return undefined
  }
}

/**
 * Replaces every occurrence of `secret` in a byte stream with `***`, also when it arrives split
 * across chunks: the last `secret.length - 1` bytes wait for the next chunk.
 */
export function scrubStream(secret: string): Transform {
  const needle = Buffer.from(secret)
  const mask = Buffer.from('***')
  let pending = Buffer.alloc(0)
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk
      const parts: Buffer[] = []
      let start = 0
      for (let at = data.indexOf(needle); at !== -1; at = data.indexOf(needle, start)) {
        parts.push(data.subarray(start, at), mask)
        start = at + needle.length
      }
      const keep = Math.max(start, data.length - (needle.length - 1))
      parts.push(data.subarray(start, keep))
      pending = Buffer.from(data.subarray(keep))
      callback(null, Buffer.concat(parts))
    },
    flush(callback) {
      callback(null, pending)
    },
  })
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
  const deadlineMs = options.deadlineMs ?? DEFAULT_UPSTREAM_DEADLINE_MS
  const log = options.log ?? ((line: string) => console.error(line))
  const token = options.token?.trim() || undefined
  // A token the HTTP header grammar refuses would fail every request with a bare 500.
  const tokenProblem = token === undefined ? undefined : checkTokenValue(token)
  if (tokenProblem) throw new Error(`KOSLI_API_TOKEN ${tokenProblem}`)
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
    const immutable = isImmutableAnswer(checked.path, checked.query)
    // The URL names the content, so its ETag does too: a revalidation needs no upstream call.
    const immutableEtag = immutable
      ? `"i-${createHash('sha1').update(`${label}${checked.path}${checked.query}`).digest('base64url')}"`
      : undefined
    if (immutableEtag && matchesEtag(req.headers['if-none-match'], immutableEtag)) {
      res.writeHead(304, {
        ...API_RESPONSE_HEADERS,
        'cache-control': IMMUTABLE_API_CACHE,
        etag: immutableEtag,
      })
      res.end()
      return
    }
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
    const startedAt = Date.now()
    const upstream = client.request({
      protocol: target.protocol,
      hostname,
      port: target.port || undefined,
      method,
      path: upstreamPath,
      headers,
    })
    const giveUp = () => {
      if (res.headersSent) {
        log(
          `Shiplog: the answer from ${label}${upstreamPath} was cut off after ${Date.now() - startedAt} ms`,
        )
      }
      upstream.destroy(new UpstreamTimeoutError())
    }
    // The idle timer alone lets a body that trickles in hold the request for ever.
    const deadline = setTimeout(giveUp, Math.min(deadlineMs, timeoutMs))
    const overall = setTimeout(giveUp, deadlineMs)
    upstream.setTimeout(timeoutMs, giveUp)

    res.on('close', () => {
      clearTimeout(deadline)
      clearTimeout(overall)
      if (!res.writableFinished) {
        clientGone = true
        upstream.destroy()
      }
    })

    upstream.on('response', (upstreamRes) => {
      clearTimeout(deadline)
      const status = upstreamRes.statusCode ?? 502
      const outgoing = responseHeaders(upstreamRes.headers, scrub)
      const done = (error: Error | null) => {
        if (error) res.destroy()
      }
      const cacheable =
        (status === 200 && JSON_TYPE.test(upstreamRes.headers['content-type'] ?? '')) ||
        status === 304
      if (cacheable && immutableEtag) {
        outgoing['cache-control'] = IMMUTABLE_API_CACHE
        outgoing.etag = immutableEtag
      } else if (cacheable) {
        outgoing['cache-control'] = REVALIDATED_API_CACHE
      }
      // Without an upstream ETag the proxy makes one from the body it sends, so it must see the
      // whole body first; fetch's json() waits for all of it anyway.
      const hashBody = cacheable && status === 200 && method === 'GET' && !outgoing.etag
      /**
       * Collects the (decoded, scrubbed or still encoded) body, then answers 304 when the
       * browser already has it, or the body with its ETag.
       */
      const sendHashed = (stages: (Readable | Transform)[], encoded: boolean) => {
        const chunks: Buffer[] = []
        const collect = new Writable({
          write(chunk: Buffer, _encoding, callback) {
            chunks.push(chunk)
            callback()
          },
        })
        pipeline([...stages, collect], (error) => {
          if (error) {
            // An upstream failure (timeout, reset) answers on its own, with a JSON message.
            setImmediate(() => {
              if (!res.headersSent) res.destroy()
            })
            return
          }
          const body = Buffer.concat(chunks)
          const etag = `"c-${createHash('sha1').update(body).digest('base64url')}"`
          if (matchesEtag(req.headers['if-none-match'], etag)) {
            delete outgoing['content-length']
            delete outgoing['content-encoding']
            res.writeHead(304, { ...outgoing, etag })
            res.end()
            return
          }
          const zip =
            !encoded &&
            body.length >= 1024 &&
            /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''))
          const finish = (sent: Buffer) => {
            if (zip) {
              outgoing['content-encoding'] = 'gzip'
              const vary = outgoing.vary
              outgoing.vary = vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding'
            }
            res.writeHead(status, { ...outgoing, etag, 'content-length': sent.length })
            res.end(sent)
          }
          if (!zip) {
            finish(body)
            return
          }
          gzipAsync(body, { level: 4 }).then(finish, () => res.destroy())
        })
      }
      // Without a token there is nothing to scrub: a gzip body the browser accepts goes out as
      // it came, instead of being unpacked and packed again.
      const upstreamEncoding = String(upstreamRes.headers['content-encoding'] ?? '').toLowerCase()
      if (
        !token &&
        upstreamEncoding === 'gzip' &&
        /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''))
      ) {
        outgoing['content-encoding'] = 'gzip'
        const vary = outgoing.vary
        outgoing.vary = vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding'
        if (hashBody) {
          sendHashed([upstreamRes], true)
          return
        }
        res.writeHead(status, outgoing)
        pipeline(upstreamRes, res, done)
        return
      }
      const decode = decoder(upstreamRes.headers['content-encoding'])
      if (decode === undefined) {
        upstreamRes.resume()
        sendJson(req, res, 502, {
          message: 'The Kosli API answered in an encoding Shiplog cannot read',
        })
        return
      }
      const decodedHeaders: IncomingHttpHeaders = { ...upstreamRes.headers }
      delete decodedHeaders['content-encoding']
      const stages: (Readable | Transform)[] = [upstreamRes]
      if (decode !== 'identity') {
        delete decodedHeaders['content-length']
        // Decoded and scrubbed, the length changes; the body goes out chunked.
        delete outgoing['content-length']
        stages.push(decode)
      }
      if (token) {
        delete outgoing['content-length']
        stages.push(scrubStream(token))
      }
      if (hashBody) {
        delete outgoing['content-length']
        sendHashed(stages, false)
        return
      }
      if (method === 'GET' && shouldCompress(status, decodedHeaders, req.headers)) {
        // JSON compresses ~10×; the browser unpacks it as it streams in.
        delete outgoing['content-length']
        outgoing['content-encoding'] = 'gzip'
        const vary = outgoing.vary
        outgoing.vary = vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding'
        stages.push(createGzip({ level: 4 }))
      }
      res.writeHead(status, outgoing)
      if (method === 'HEAD' || stages.length === 1) {
        pipeline(upstreamRes, res, done)
        return
      }
      pipeline([...stages, res], done)
    })

    upstream.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline)
      clearTimeout(overall)
      if (clientGone) return
      if (res.headersSent) {
        res.destroy()
        return
      }
      // The browser hears what went wrong; where the upstream lives stays in the server's log.
      if (error instanceof UpstreamTimeoutError) {
        const seconds = Math.min(timeoutMs, deadlineMs) / 1000
        log(`Shiplog: ${label}${upstreamPath} did not answer within ${seconds} s`)
        sendJson(req, res, 504, {
          message: `The Kosli API did not answer within ${seconds} s`,
        })
        return
      }
      log(`Shiplog: could not reach ${label}: ${scrub(error.message)}`)
      const reason = error.code ? ` (${error.code})` : ''
      sendJson(req, res, 502, { message: `Could not reach the Kosli API${reason}` })
    })

    upstream.end()
  }
}

/**
 * What answers `/api` for either server: in live mode the Kosli proxy; in demo mode a JSON 404
 * that says why, since demo data comes from the browser's mock service worker.
 */
export function createApiHandler(
  config: ShiplogConfig,
  options: Pick<ProxyOptions, 'allowedHosts' | 'log'> = {},
): ProxyHandler {
  if (config.mode === 'live' && config.kosliHost) {
    return createKosliProxy({
      kosliHost: config.kosliHost,
      ...(config.token ? { token: config.token } : {}),
      timeoutMs: config.upstreamTimeoutMs,
      deadlineMs: config.upstreamDeadlineMs,
      ...options,
    })
  }
  return (req, res) =>
    sendJson(req, res, 404, {
      message:
        'Shiplog is running in demo mode, so it does not proxy the Kosli API: demo data comes ' +
        "from the browser's mock service worker. Set KOSLI_HOST to use a real Kosli API.",
    })
}
