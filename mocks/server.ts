/// <reference types="node" />
/**
 * A Node HTTP server that answers `/api/v2/*` with the same MSW handlers the browser uses in demo
 * mode, so Shiplog's live mode (its server proxying to KOSLI_HOST) can be run and tested without
 * a real Kosli:
 *
 *   npm run mock-api                                   # http://127.0.0.1:8181
 *   KOSLI_HOST=http://127.0.0.1:8181 npm start         # Shiplog in live mode against it
 *
 * Env: MOCK_PORT (else PORT, else 8181), MOCK_HOST (127.0.0.1), MOCK_QUIET=1 (no request log),
 * MOCK_FAULTS (fault rules as JSON, see below), MOCK_REQUIRE_TOKEN (answer 401 to /api requests
 * without `Authorization: Bearer <that token>`).
 *
 * Test endpoints (this is a test tool, not an API):
 *   GET    /__mock/health         {"ok": true}
 *   GET    /__mock/last-request   {method, path, authorization, cookie} of the last /api request
 *   GET    /__mock/faults         the active fault rules
 *   POST   /__mock/faults         add rules (one object or an array); PUT replaces them all
 *   DELETE /__mock/faults         clear all rules
 *   POST   /__mock/advance        one more snapshot in an environment ({"env": "aws-prod",
 *                                 "org": "cyber-dojo", "steps": 1}, all optional): a new
 *                                 version deployed blue-green, a scale, with its events
 *   POST   /__mock/replay         wind an environment back ({"env": "aws-prod", "from": 64});
 *                                 each advance then reveals the next recorded snapshot
 *   GET    /__mock/advance        where each advanced environment stands
 *   DELETE /__mock/advance        the world as it started
 *
 * MOCK_ADVANCE_SECONDS=N advances MOCK_ADVANCE_ENV (aws-prod) every N seconds;
 * MOCK_REPLAY_FROM=64 starts that environment as a replay from that snapshot.
 *
 * Fault rules: [{"path": "/api/v2/flows", "fault": "429", "times": 2, "retryAfter": 3}]
 *   path        a path that starts with `/` is a prefix of the request path (query included);
 *               anything else is a regular expression searched in it. Both the raw and the
 *               percent-decoded path are tried. `*` or "" matches every /api request.
 *   method      optional, e.g. "GET".
 *   times       optional: the rule clears itself after that many matching requests.
 *   retryAfter  seconds for the Retry-After header of 429 (default 1) and 503 (omitted if unset).
 *   delayMs     for `slow` (default 3000).
 * The first matching rule wins. Kinds:
 *   400 401 403 404 409 422 429 500 503   that status with a Kosli-shaped JSON body ({message}
 *                    for all but 422, which is FastAPI's {detail: [{loc, msg, type}]})
 *   502-html         502 with an nginx-style text/html body
 *   drop             the socket is destroyed without a response
 *   hang             the request is never answered (no headers, nothing)
 *   hang-body        200 headers and the start of a JSON body, then nothing more
 *   slow             wait delayMs, then answer normally
 *   malformed-json   200 application/json `{"broken":`
 *   wrong-shape      200 with valid JSON of the wrong shape: {"unexpected": true}
 *   huge             200 with a ~20 MB JSON array of junk objects, streamed
 */
import http from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { once } from 'node:events'
import { getResponse } from 'msw'
import type { RequestHandler } from 'msw'
import { handlers as defaultHandlers } from './handlers/index.ts'
import {
  ADVANCE_ENV,
  ADVANCE_ORG,
  advanceWorld,
  resetWorld,
  startReplay,
  worldStatus,
} from './world/advance.ts'

export const FAULT_KINDS = [
  '400',
  '401',
  '403',
  '404',
  '409',
  '422',
  '429',
  '500',
  '502-html',
  '503',
  'drop',
  'hang',
  'hang-body',
  'slow',
  'malformed-json',
  'wrong-shape',
  'huge',
] as const

export type FaultKind = (typeof FAULT_KINDS)[number]

export interface FaultRule {
  path: string
  fault: FaultKind
  method?: string
  times?: number
  retryAfter?: number
  delayMs?: number
}

export interface LastRequest {
  method: string
  path: string
  authorization: string | null
  cookie: string | null
}

export interface MockApiOptions {
  handlers?: readonly RequestHandler[]
  faults?: readonly FaultRule[]
  quiet?: boolean
  requireToken?: string
}

const HUGE_OBJECTS = 100_000
const MAX_CONTROL_BODY = 1024 * 1024

function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value)
}

function optionalNumber(
  rule: Record<string, unknown>,
  key: string,
  index: number,
): number | undefined {
  const value = rule[key]
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`fault ${index}: "${key}" must be a non-negative number`)
  }
  return value
}

/** Validates fault rules from JSON (one rule or an array); throws an Error that says what is wrong. */
export function parseFaults(input: unknown): FaultRule[] {
  const list: unknown[] = Array.isArray(input) ? input : [input]
  return list.map((item, index) => {
    if (typeof item !== 'object' || item === null) throw new Error(`fault ${index}: not an object`)
    const rule = item as Record<string, unknown>
    const fault = typeof rule.fault === 'number' ? String(rule.fault) : rule.fault
    if (!isFaultKind(fault)) {
      throw new Error(`fault ${index}: "fault" must be one of ${FAULT_KINDS.join(', ')}`)
    }
    const path = rule.path ?? '*'
    if (typeof path !== 'string') throw new Error(`fault ${index}: "path" must be a string`)
    if (!path.startsWith('/') && path !== '*' && path !== '') {
      try {
        new RegExp(path)
      } catch {
        throw new Error(`fault ${index}: "path" is not a valid regular expression`)
      }
    }
    const parsed: FaultRule = { path, fault }
    if (rule.method !== undefined) {
      if (typeof rule.method !== 'string')
        throw new Error(`fault ${index}: "method" must be a string`)
      parsed.method = rule.method.toUpperCase()
    }
    const times = optionalNumber(rule, 'times', index)
    if (times !== undefined) parsed.times = Math.floor(times)
    const retryAfter = optionalNumber(rule, 'retryAfter', index)
    if (retryAfter !== undefined) parsed.retryAfter = retryAfter
    const delayMs = optionalNumber(rule, 'delayMs', index)
    if (delayMs !== undefined) parsed.delayMs = delayMs
    return parsed
  })
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function ruleMatches(rule: FaultRule, method: string, rawPath: string): boolean {
  if (rule.method && rule.method !== method) return false
  if (rule.path === '*' || rule.path === '') return true
  const candidates = [rawPath, safeDecode(rawPath)]
  if (rule.path.startsWith('/')) return candidates.some((path) => path.startsWith(rule.path))
  const pattern = new RegExp(rule.path)
  return candidates.some((path) => pattern.test(path))
}

export class FaultStore {
  private rules: FaultRule[] = []

  list(): readonly FaultRule[] {
    return this.rules
  }

  add(rules: readonly FaultRule[]): void {
    this.rules.push(...rules.filter((rule) => rule.times === undefined || rule.times > 0))
  }

  replace(rules: readonly FaultRule[]): void {
    this.rules = []
    this.add(rules)
  }

  clear(): void {
    this.rules = []
  }

  /** The first rule matching the request, counting it against the rule's `times`. */
  take(method: string, rawPath: string): FaultRule | undefined {
    const rule = this.rules.find((candidate) => ruleMatches(candidate, method, rawPath))
    if (rule?.times !== undefined) {
      rule.times -= 1
      if (rule.times <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule)
    }
    return rule
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
  })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(body), 'application/json', headers)
}

/** The 404 message the Kosli server sends for the resource the path names (same wording). */
function notFoundMessage(pathname: string): string {
  const [resource, org = '', name = '', ...rest] = pathname
    .replace(/^\/api\/v2\//, '')
    .split('/')
    .map(safeDecode)
  switch (resource) {
    case 'flows':
      return `Flow named '${name}' does not exist for organization '${org}'`
    case 'environments':
    case 'snapshots':
      return `Environment named '${name}' does not exist for organization '${org}'`
    case 'artifacts':
      return `Artifact with fingerprint '${rest.at(-1) ?? ''}' does not exist in flow '${name}' belonging to organization '${org}'`
    case 'trails':
      return `Trail with name '${rest[0] ?? ''}' does not exist for Organization '${org}' and Flow '${name}'`
    case 'search':
      return `No matches for '${rest[0] ?? name}'.`
    default:
      return 'Not Found'
  }
}

const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

async function writeHuge(res: ServerResponse): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json' })
  if (res.req.method === 'HEAD') {
    res.end()
    return
  }
  const padding = 'x'.repeat(120)
  const batch = 1000
  for (let start = 0; start < HUGE_OBJECTS; start += batch) {
    if (res.destroyed) return
    const parts: string[] = []
    for (let i = start; i < start + batch; i++) {
      const fingerprint = i.toString(16).padStart(64, '0')
      parts.push(
        `{"index":${i},"name":"junk-${i}","fingerprint":"${fingerprint}","padding":"${padding}"}`,
      )
    }
    const chunk = (start === 0 ? '[' : ',') + parts.join(',')
    if (!res.write(chunk)) await once(res, 'drain')
  }
  res.end(']')
}

/** Answers with the fault, or returns false when the request should go on to the handlers. */
async function applyFault(
  rule: FaultRule,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  switch (rule.fault) {
    case '400':
      sendJson(res, 400, {
        message: 'Input payload validation failed',
        errors: { per_page: "'abc' is not of type 'integer'" },
      })
      return true
    case '401':
      sendJson(
        res,
        401,
        { message: 'Authentication required' },
        { 'www-authenticate': 'Bearer realm="kosli"' },
      )
      return true
    case '403':
      sendJson(res, 403, { message: "You don't have permission to access this resource" })
      return true
    case '404':
      sendJson(res, 404, { message: notFoundMessage(pathname) })
      return true
    case '409':
      sendJson(res, 409, {
        message: 'Conflict: the resource is locked by another request. Please retry.',
      })
      return true
    case '422':
      sendJson(res, 422, {
        detail: [
          {
            loc: ['query', 'per_page'],
            msg: 'Input should be less than or equal to 100',
            type: 'less_than_equal',
            input: '500',
            ctx: { le: 100 },
          },
        ],
      })
      return true
    case '429': {
      const seconds = rule.retryAfter ?? 1
      sendJson(
        res,
        429,
        {
          message: `Rate limit exceeded. Retry after ${seconds} second${seconds === 1 ? '' : 's'}.`,
        },
        { 'retry-after': String(seconds) },
      )
      return true
    }
    case '500':
      sendJson(res, 500, { message: 'Internal Server Error' })
      return true
    case '502-html':
      send(res, 502, BAD_GATEWAY_HTML, 'text/html')
      return true
    case '503':
      sendJson(
        res,
        503,
        {
          message:
            'Service Unavailable: Kosli is undergoing maintenance. Please try again shortly.',
        },
        rule.retryAfter === undefined ? {} : { 'retry-after': String(rule.retryAfter) },
      )
      return true
    case 'drop':
      res.socket?.destroy()
      return true
    case 'hang':
      return true
    case 'hang-body':
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('[{"name":"hanging","description":"this body never ends"},')
      return true
    case 'slow': {
      const delay = rule.delayMs ?? 3000
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay)
        res.once('close', () => {
          clearTimeout(timer)
          resolve()
        })
      })
      return res.destroyed
    }
    case 'malformed-json':
      send(res, 200, '{"broken":', 'application/json')
      return true
    case 'wrong-shape':
      sendJson(res, 200, { unexpected: true })
      return true
    case 'huge':
      await writeHuge(res)
      return true
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > limit) throw new Error('request body too large')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function toFetchRequest(req: IncomingMessage, body: string | undefined): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'host' || name === 'connection') continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const host = /^[\w.\-:[\]]+$/.test(req.headers.host ?? '') ? req.headers.host : 'localhost'
  return new Request(new URL(req.url ?? '/', `http://${host}`), {
    method: req.method ?? 'GET',
    headers,
    ...(body === undefined ? {} : { body }),
  })
}

async function writeFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  if (response.type === 'error') {
    res.socket?.destroy()
    return
  }
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, response.statusText || undefined, headers)
  if (!response.body || res.req.method === 'HEAD') {
    res.end()
    return
  }
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (res.destroyed) {
      await reader.cancel()
      return
    }
    if (!res.write(value)) await once(res, 'drain')
  }
  res.end()
}

export function createMockApiServer(options: MockApiOptions = {}): Server & { faults: FaultStore } {
  const handlers = [...(options.handlers ?? defaultHandlers)]
  const faults = new FaultStore()
  faults.add(options.faults ?? [])
  let lastRequest: LastRequest | null = null

  async function control(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<void> {
    const method = req.method ?? 'GET'
    if (pathname === '/__mock/health') {
      sendJson(res, 200, { ok: true })
    } else if (pathname === '/__mock/last-request' && method === 'GET') {
      sendJson(res, 200, lastRequest ?? {})
    } else if (pathname === '/__mock/faults') {
      if (method === 'GET') {
        sendJson(res, 200, faults.list())
      } else if (method === 'DELETE') {
        faults.clear()
        res.writeHead(204).end()
      } else if (method === 'POST' || method === 'PUT') {
        let rules: FaultRule[]
        try {
          rules = parseFaults(JSON.parse(await readBody(req, MAX_CONTROL_BODY)))
        } catch (error) {
          sendJson(res, 400, { message: `Bad fault rules: ${(error as Error).message}` })
          return
        }
        if (method === 'PUT') faults.replace(rules)
        else faults.add(rules)
        sendJson(res, 200, faults.list())
      } else {
        sendJson(
          res,
          405,
          { message: `${method} not allowed` },
          { allow: 'GET, POST, PUT, DELETE' },
        )
      }
    } else if (pathname === '/__mock/advance' || pathname === '/__mock/replay') {
      await worldControl(req, res, pathname)
    } else {
      sendJson(res, 404, { message: `Unknown mock control endpoint ${pathname}` })
    }
  }

  async function api(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    const method = req.method ?? 'GET'
    const pathname = rawPath.split('?', 1)[0] ?? rawPath
    lastRequest = {
      method,
      path: rawPath,
      authorization: req.headers.authorization ?? null,
      cookie: req.headers.cookie ?? null,
    }
    const rule = faults.take(method, rawPath)
    if (rule) {
      res.setHeader('x-mock-fault', rule.fault)
      if (await applyFault(rule, res, pathname)) return
    }
    if (options.requireToken && req.headers.authorization !== `Bearer ${options.requireToken}`) {
      sendJson(res, 401, { message: 'Authentication required' })
      return
    }
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, 10e6)
    const response = await getResponse(handlers, toFetchRequest(req, body))
    if (!response || response.headers.get('x-msw-intention') === 'passthrough') {
      sendJson(res, 404, { message: notFoundMessage(pathname) })
      return
    }
    await writeFetchResponse(response, res)
  }

  const server = http.createServer((req, res) => {
    const started = performance.now()
    const rawPath = req.url ?? '/'
    if (!options.quiet) {
      res.once('close', () => {
        const status = res.headersSent
          ? String(res.statusCode)
          : res.writableEnded
            ? '-'
            : 'dropped'
        const ms = Math.round(performance.now() - started)
        console.log(`${req.method ?? '?'} ${rawPath} ${status} ${ms}ms`)
      })
    }
    const pathname = rawPath.split('?', 1)[0] ?? rawPath
    const route = pathname.startsWith('/__mock/')
      ? control(req, res, pathname)
      : pathname.startsWith('/api/')
        ? api(req, res, rawPath)
        : Promise.resolve(
            pathname === '/ready'
              ? send(res, 200, 'OK', 'text/plain')
              : sendJson(res, 404, { message: 'Not Found' }),
          )
    route.catch((error: unknown) => {
      console.error('mock-api: handler failed:', error)
      if (!res.headersSent) sendJson(res, 500, { message: `Mock handler failed: ${String(error)}` })
      else res.destroy()
    })
  })
  return Object.assign(server, { faults })
}

/** `/__mock/advance` and `/__mock/replay`: move the demo world on (world/advance.ts). */
async function worldControl(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const method = req.method ?? 'GET'
  if (pathname === '/__mock/advance' && method === 'GET') {
    sendJson(res, 200, worldStatus())
    return
  }
  if (pathname === '/__mock/advance' && method === 'DELETE') {
    resetWorld()
    res.writeHead(204).end()
    return
  }
  if (method !== 'POST') {
    const allow = pathname === '/__mock/advance' ? 'GET, POST, DELETE' : 'POST'
    sendJson(res, 405, { message: `${method} not allowed` }, { allow })
    return
  }
  try {
    const text = (await readBody(req, MAX_CONTROL_BODY)).trim()
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>
    const org = typeof body.org === 'string' ? body.org : ADVANCE_ORG
    const env = typeof body.env === 'string' ? body.env : ADVANCE_ENV
    if (pathname === '/__mock/replay') {
      const from = typeof body.from === 'number' ? body.from : 64
      sendJson(res, 200, startReplay(org, env, from))
      return
    }
    const steps = typeof body.steps === 'number' ? Math.min(Math.max(1, body.steps), 100) : 1
    const results = Array.from({ length: steps }, () => advanceWorld(org, env))
    sendJson(res, 200, results.length === 1 ? results[0] : results)
  } catch (error) {
    sendJson(res, 400, { message: `Could not advance: ${(error as Error).message}` })
  }
}

function main(): void {
  const port = Number(process.env.MOCK_PORT ?? process.env.PORT ?? 8181)
  const host = process.env.MOCK_HOST ?? '127.0.0.1'
  let faults: FaultRule[] = []
  try {
    faults = process.env.MOCK_FAULTS ? parseFaults(JSON.parse(process.env.MOCK_FAULTS)) : []
  } catch (error) {
    console.error(`mock-api: MOCK_FAULTS is invalid: ${(error as Error).message}`)
    process.exit(1)
  }
  const server = createMockApiServer({
    faults,
    quiet: process.env.MOCK_QUIET === '1',
    ...(process.env.MOCK_REQUIRE_TOKEN ? { requireToken: process.env.MOCK_REQUIRE_TOKEN } : {}),
  })
  server.on('error', (error) => {
    console.error(`mock-api: could not start on ${host}:${port}: ${error.message}`)
    process.exit(1)
  })
  const every = Number(process.env.MOCK_ADVANCE_SECONDS ?? 0)
  const advanceEnv = process.env.MOCK_ADVANCE_ENV || ADVANCE_ENV
  if (process.env.MOCK_REPLAY_FROM) {
    startReplay(ADVANCE_ORG, advanceEnv, Number(process.env.MOCK_REPLAY_FROM))
  }
  const ticker =
    Number.isFinite(every) && every > 0
      ? setInterval(() => advanceWorld(ADVANCE_ORG, advanceEnv), every * 1000)
      : undefined
  server.on('close', () => clearInterval(ticker))
  server.listen(port, host, () => {
    const address = server.address()
    const actualPort = typeof address === 'object' && address ? address.port : port
    const faultNote = faults.length > 0 ? `, ${faults.length} fault rule(s) active` : ''
    console.log(
      `Kosli mock API on http://${host}:${actualPort}/api/v2 (faults: POST /__mock/faults${faultNote})`,
    )
  })
  const stop = (): void => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

const entry = process.argv[1] ?? ''
if (/mocks[\\/]server\.ts$/.test(entry)) main()
