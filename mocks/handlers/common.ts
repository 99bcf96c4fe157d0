import { HttpResponse } from 'msw'
import { materialize } from '../world/model'
import type { EnvRec, Json, OrgRec } from '../world/model'
import { getOrg } from '../world/world'

/** Helpers shared by the domain handlers: path segments, errors, params, pagination. */

/** The decoded path segments after `/api/v2/`. */
export function segments(request: Request): string[] {
  const path = new URL(request.url).pathname
  const i = path.indexOf('/api/v2/')
  return path
    .slice(i + '/api/v2/'.length)
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
}

export function json(body: Json, init: ResponseInit = {}): Response {
  return HttpResponse.json(body, init)
}

/** A JSON body that is already serialised (large snapshots and diffs). */
export function jsonText(text: string, init: ResponseInit = {}): Response {
  return new HttpResponse(text, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  })
}

export function fail(status: number, message: string): Response {
  return HttpResponse.json({ message }, { status })
}

export function orgOrFail(name: string): OrgRec | Response {
  return getOrg(name) ?? fail(404, `Organization '${name}' does not exist`)
}

/** The org's environment, built if it is a lazy one, or the API's 404. */
export function envOrFail(org: OrgRec, name: string): EnvRec | Response {
  materialize(org, { env: name })
  return (
    org.envs.get(name) ??
    fail(404, `Environment named '${name}' does not exist for organization '${org.name}'`)
  )
}

/** FastAPI's default validation error body. */
export function invalidParam(
  name: string,
  input: string,
  msg: string,
  type: string,
  ctx?: Json,
): Response {
  const detail: Json = { loc: ['query', name], msg, type, input }
  if (ctx !== undefined) detail['ctx'] = ctx
  return HttpResponse.json({ detail: [detail] }, { status: 422 })
}

export interface IntOptions {
  min?: number
  max?: number
}

/** An integer query param with FastAPI-style validation. */
export function intParam(
  url: URL,
  name: string,
  fallback: number,
  options: IntOptions = {},
): number | Response {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  if (!/^-?\d+$/.test(raw)) {
    return invalidParam(
      name,
      raw,
      'Input should be a valid integer, unable to parse string as an integer',
      'int_parsing',
    )
  }
  const value = Number(raw)
  if (options.min !== undefined && value < options.min) {
    return invalidParam(
      name,
      raw,
      `Input should be greater than or equal to ${options.min}`,
      'greater_than_equal',
      {
        ge: options.min,
      },
    )
  }
  if (options.max !== undefined && value > options.max) {
    return invalidParam(
      name,
      raw,
      `Input should be less than or equal to ${options.max}`,
      'less_than_equal',
      {
        le: options.max,
      },
    )
  }
  return value
}

export function boolParam(url: URL, name: string, fallback: boolean): boolean | Response {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  const lower = raw.toLowerCase()
  if (['true', '1', 'yes', 'on'].includes(lower)) return true
  if (['false', '0', 'no', 'off'].includes(lower)) return false
  return invalidParam(
    name,
    raw,
    'Input should be a valid boolean, unable to interpret input',
    'bool_parsing',
  )
}

export function isResponse(value: unknown): value is Response {
  return value instanceof Response
}

/** page/per_page (1-based) with validation; `maxPerPage` when the API caps it. */
export function pageParams(
  url: URL,
  defaultPerPage: number,
  maxPerPage?: number,
): { page: number; perPage: number } | Response {
  const page = intParam(url, 'page', 1, { min: 1 })
  if (isResponse(page)) return page
  const perPage = intParam(
    url,
    'per_page',
    defaultPerPage,
    maxPerPage === undefined ? { min: 1 } : { min: 1, max: maxPerPage },
  )
  if (isResponse(perPage)) return perPage
  return { page, perPage }
}

/** `{total, page, per_page, page_count}` as flows, trails and attestations send it. */
export function pagination(total: number, page: number, perPage: number): Json {
  return { total, page, per_page: perPage, page_count: Math.max(1, Math.ceil(total / perPage)) }
}
