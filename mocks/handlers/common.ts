import { http, HttpResponse } from 'msw'
import type { HttpHandler } from 'msw'
import { materialize } from '../world/model'
import type { EnvRec, Json, OrgRec, TrailRec } from '../world/model'
import { findTrail } from '../world/trails'
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

/** The API's 404 for a flow the org does not have. */
export function flowNotFound(org: OrgRec, flow: string): Response {
  return fail(404, `Flow named '${flow}' does not exist for organization '${org.name}'`)
}

/** The API's 404 for a flow the org does not have, or null when it has it. */
export function flowOrFail(org: OrgRec, flow: string): Response | null {
  return org.flows.has(flow) ? null : flowNotFound(org, flow)
}

/** The flow's trail, or the API's 404 for the flow or for the trail. */
export function trailOrFail(org: OrgRec, flow: string, name: string): TrailRec | Response {
  const missing = flowOrFail(org, flow)
  if (missing) return missing
  return (
    findTrail(org, flow, name) ??
    fail(
      404,
      `Trail with name '${name}' does not exist for Organization '${org.name}' and Flow '${flow}'`,
    )
  )
}

/** What an org-scoped handler answers from: the URL, the org and the segments after the org. */
export interface OrgRequest {
  url: URL
  org: OrgRec
  path: string[]
}

/** A GET handler under `/api/v2/<resource>/:org`; an unknown org gets the API's 404 first. */
export function orgGet(
  pattern: string,
  answer: (request: OrgRequest) => Response | Promise<Response>,
): HttpHandler {
  return http.get(pattern, ({ request }) => {
    const [, orgName = '', ...path] = segments(request)
    const org = orgOrFail(orgName)
    if (isResponse(org)) return org
    return answer({ url: new URL(request.url), org, path })
  })
}

/** A GET handler under `/api/v2/<resource>/:org/:flow`; unknown org or flow get a 404. */
export function flowGet(
  pattern: string,
  answer: (request: OrgRequest & { flow: string }) => Response | Promise<Response>,
): HttpHandler {
  return orgGet(pattern, ({ url, org, path: [flow = '', ...path] }) => {
    return flowOrFail(org, flow) ?? answer({ url, org, flow, path })
  })
}

/** The API's 404 for an artifact that `flow` has not reported, named by what was asked for. */
export function artifactNotFound(org: OrgRec, flow: string, asked: string): Response {
  return fail(
    404,
    `Artifact with ${asked} does not exist in flow '${flow}' belonging to organization '${org.name}'`,
  )
}

/** A GET handler under `/api/v2/<resource>/:org/:env`; unknown org or environment get a 404. */
export function envGet(
  pattern: string,
  answer: (request: OrgRequest & { env: EnvRec }) => Response,
): HttpHandler {
  return orgGet(pattern, ({ url, org, path: [envName = '', ...path] }) => {
    const env = envOrFail(org, envName)
    if (isResponse(env)) return env
    return answer({ url, org, env, path })
  })
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
  const outside = (relation: string, type: string, key: string, bound: number) =>
    invalidParam(name, raw, `Input should be ${relation} ${bound}`, type, { [key]: bound })
  if (options.min !== undefined && value < options.min)
    return outside('greater than or equal to', 'greater_than_equal', 'ge', options.min)
  if (options.max !== undefined && value > options.max)
    return outside('less than or equal to', 'less_than_equal', 'le', options.max)
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

/** The 1-based `page` of `items`, `perPage` long. */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage)
}

/** `{data}` for one page, with `pagination` as flows, trails and attestations add it. */
export function dataPage(
  items: readonly Json[],
  page: number,
  perPage: number,
  always = true,
): Json {
  const data = pageOf(items, page, perPage)
  return always || items.length > perPage
    ? { data, pagination: pagination(items.length, page, perPage) }
    : { data }
}

/** `{total, page, per_page, page_count}` as flows, trails and attestations send it. */
export function pagination(total: number, page: number, perPage: number): Json {
  return { total, page, per_page: perPage, page_count: Math.max(1, Math.ceil(total / perPage)) }
}
