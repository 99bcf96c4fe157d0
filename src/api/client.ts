import type { z } from 'zod/mini'
import { errorReason, type ApiErrorReason } from './error-reason'
import { parseResponse } from './fast-parse'

/** What went wrong, in terms a page can act on. */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response'

export class ApiError extends Error {
  readonly status: number
  readonly kind: ApiErrorKind
  readonly endpoint: string
  /** From `Retry-After` on a 429 or 503, in milliseconds. */
  readonly retryAfterMs: number | undefined
  /** What the failure means for the page, so pages never re-read the server's wording. */
  readonly reason: ApiErrorReason

  constructor(options: {
    message: string
    status: number
    kind: ApiErrorKind
    endpoint: string
    retryAfterMs?: number
  }) {
    super(options.message)
    this.name = 'ApiError'
    this.status = options.status
    this.kind = options.kind
    this.endpoint = options.endpoint
    this.retryAfterMs = options.retryAfterMs
    this.reason = errorReason(options)
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

export const API_BASE = '/api/v2'
export const REQUEST_TIMEOUT_MS = 20_000

export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string>

/** Builds `/api/v2/<segments>` with every segment percent-encoded. */
export function apiPath(...segments: ReadonlyArray<string>): string {
  return `${API_BASE}/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`
}

export function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) {
      for (const item of value as ReadonlyArray<string>) params.append(key, item)
    } else {
      params.append(key, String(value))
    }
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

export interface ApiResponse<T> {
  data: T
  headers: Headers
}

export interface RequestOptions {
  query?: Record<string, QueryValue>
  signal?: AbortSignal
  /** A path segment that is already encoded (snapshot expressions). */
  rawPath?: boolean
  /** How long the whole request, body included, may take (REQUEST_TIMEOUT_MS by default). */
  timeoutMs?: number
  /**
   * Called once the body has arrived, before it is parsed and checked: a caller that holds one
   * of a few connection slots frees it here, so the next request is on the wire meanwhile.
   */
  onBodyRead?: () => void
}

/**
 * URLs whose last answer could not be read. Numbered snapshots are cached by the browser as
 * immutable, and revalidating them costs nothing upstream: asking again for such a URL must skip
 * the browser's cache, or "Try again" would read the same unreadable copy for a year.
 */
const unreadable = new Set<string>()

/**
 * GET a Kosli endpoint, parse the body with `schema`, and throw a typed `ApiError`
 * for every way it can fail. `path` is what `apiPath` returns.
 */
export async function apiGet<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<ApiResponse<z.infer<S>>> {
  const url = withQuery(path, options.query)
  const endpoint = describeEndpoint(path)
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  const timedOut = () =>
    new ApiError({
      message: `The Kosli API did not answer ${endpoint} within ${timeoutMs / 1000} seconds.`,
      status: 0,
      kind: 'timeout',
      endpoint,
    })

  let response: Response
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json' },
      signal,
      cache: unreadable.has(url) ? 'reload' : 'default',
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    if (timeout.aborted) throw timedOut()
    throw new ApiError({
      message: `Could not reach the Kosli API for ${endpoint}. Check your connection and try again.`,
      status: 0,
      kind: 'network',
      endpoint,
    })
  }

  let text: string
  try {
    text = await response.text()
  } catch (error) {
    // The headers came but the body stalled or broke: the same budget covers both.
    if (options.signal?.aborted) throw error
    if (timeout.aborted) throw timedOut()
    throw new ApiError({
      message: `The connection to the Kosli API broke while reading ${endpoint}.`,
      status: 0,
      kind: 'network',
      endpoint,
    })
  }
  options.onBodyRead?.()
  if (!response.ok) {
    throw new ApiError({
      message: errorMessage(response.status, text),
      status: response.status,
      kind: 'http',
      endpoint,
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
    })
  }

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    unreadable.add(url)
    throw new ApiError({
      message: `Unexpected response from ${endpoint}: the body is not valid JSON.`,
      status: response.status,
      kind: 'invalid-response',
      endpoint,
    })
  }
  const parsed = parseResponse(schema, json)
  if (!parsed.success) {
    unreadable.add(url)
    throw new ApiError({
      message: `Unexpected response from ${endpoint}: ${describeIssue(parsed.issues)}.`,
      status: response.status,
      kind: 'invalid-response',
      endpoint,
    })
  }
  unreadable.delete(url)
  return { data: parsed.data, headers: response.headers }
}

/** `/api/v2/snapshots/cyber-dojo/aws-prod/-1` → `GET /snapshots/cyber-dojo/aws-prod/-1`. */
export function describeEndpoint(path: string): string {
  let readable = path.startsWith(API_BASE) ? path.slice(API_BASE.length) : path
  try {
    readable = decodeURI(readable)
  } catch {
    // keep the encoded form
  }
  return `GET ${readable}`
}

interface Issue {
  path: ReadonlyArray<PropertyKey>
  message: string
}

function describeIssue(issues: ReadonlyArray<Issue>): string {
  const first = issues[0]
  if (!first) return 'the response does not have the expected shape'
  const where = first.path.length
    ? first.path
        .map((key, index) =>
          typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
        )
        .join('')
    : 'the response'
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
      : ''
  return `field '${where}' ${lowerFirst(first.message)}${more}`
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** The server's message from `{message}`, `{detail: [...]}`, a bare JSON string or a non-JSON body. */
export function errorMessage(status: number, body: string): string {
  const fallback = statusText(status)
  const trimmed = body.trim()
  if (!trimmed) return fallback
  let json: unknown
  try {
    json = JSON.parse(trimmed)
  } catch {
    // HTML from a proxy, or plain text: show a short plain-text excerpt only.
    if (/^\s*</.test(trimmed)) return fallback
    return `${fallback}: ${trimmed.slice(0, 200)}`
  }
  if (typeof json === 'string') return json || fallback
  if (json && typeof json === 'object') {
    const record = json as Record<string, unknown>
    if (typeof record.message === 'string' && record.message) {
      // The server appends a framework hint after "You have requested"; it is noise to a user.
      const message = record.message.split('You have requested')[0]?.trim() || record.message
      const errors = record.errors
      if (errors && typeof errors === 'object' && Object.keys(errors).length) {
        const details = Object.entries(errors as Record<string, unknown>)
          .map(([key, value]) => `${key}: ${String(value)}`)
          .join('; ')
        return `${message}: ${details}`
      }
      return message
    }
    if (Array.isArray(record.detail)) {
      const parts = record.detail
        .map((item: unknown) => {
          if (!item || typeof item !== 'object') return String(item)
          const detail = item as { msg?: unknown; loc?: unknown }
          const loc = Array.isArray(detail.loc) ? detail.loc.join('.') : ''
          return loc ? `${loc}: ${String(detail.msg)}` : String(detail.msg)
        })
        .filter(Boolean)
      if (parts.length) return parts.join('; ')
    }
    if (typeof record.detail === 'string') return record.detail
    if (typeof record.error === 'string') return record.error
  }
  return fallback
}

function statusText(status: number): string {
  const known: Record<number, string> = {
    400: 'Bad request',
    401: 'Authentication required',
    403: 'Access denied',
    404: 'Not found',
    409: 'Conflict',
    422: 'The request was not accepted',
    429: 'Too many requests',
    500: 'The Kosli API had an internal error',
    502: 'Bad gateway between Shiplog and the Kosli API',
    503: 'The Kosli API is unavailable',
    504: 'The Kosli API timed out',
  }
  return known[status] ?? `The Kosli API answered with status ${status}`
}

export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 120) * 1000
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.min(Math.max(0, date - Date.now()), 120_000)
}

/** Retry policy shared by every query: never on 4xx except 429; a few times on 5xx and network. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false
  if (error.kind === 'invalid-response') return false
  if (error.status === 429) return failureCount < 3
  // A timeout already waited the full budget; retrying would triple the wait.
  if (error.kind === 'timeout') return false
  if (error.kind === 'network') return failureCount < 2
  if (error.status >= 500) return failureCount < 2
  return false
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterMs !== undefined) return error.retryAfterMs
  return Math.min(500 * 2 ** failureCount, 8_000)
}
