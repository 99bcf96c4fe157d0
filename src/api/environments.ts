import { queryOptions } from '@tanstack/react-query'
import { LIVE_META } from '@/lib/live-policy'
import { z } from 'zod/mini'
import { apiGet, apiPath, withQuery } from './client'
import { stringTags, textOrNull, toSeconds } from './domain'
import { followPages, type ListPage } from './pages'
import { optionalBoolean, optionalNumber, optionalString, tags, timestamp } from './wire'

export const ENVIRONMENT_TYPES = [
  'K8S',
  'ECS',
  'S3',
  'lambda',
  'server',
  'docker',
  'azure-apps',
  'cloud-run',
  'logical',
] as const

const environmentWire = z.looseObject({
  org: optionalString,
  name: z.string(),
  type: z.string(),
  description: optionalString,
  last_modified_at: z.optional(z.nullable(timestamp)),
  last_reported_at: z.optional(z.nullable(timestamp)),
  last_changed_at: z.optional(z.nullable(timestamp)),
  state: optionalBoolean,
  tags,
  policies: z.optional(z.nullable(z.array(z.string()))),
  included_environments: z.optional(z.nullable(z.array(z.string()))),
})

const environmentListWire = z.union([
  z.array(environmentWire),
  z.looseObject({
    environments: z.array(environmentWire),
    total_pages: optionalNumber,
    per_page: optionalNumber,
  }),
])

function environmentListPage(
  data: z.infer<typeof environmentListWire>,
): ListPage<z.infer<typeof environmentWire>> {
  if (Array.isArray(data)) return { items: data, pageCount: null, perPage: null }
  return {
    items: data.environments,
    pageCount: data.total_pages ?? null,
    perPage: data.per_page ?? null,
  }
}

export interface Environment {
  name: string
  type: string
  description: string
  lastModifiedAt: number | null
  lastReportedAt: number | null
  lastChangedAt: number | null
  /** `null` means unknown: no policy is attached. */
  compliant: boolean | null
  tags: Record<string, string>
  policies: string[]
  includedEnvironments: string[]
}

function toEnvironment(wire: z.infer<typeof environmentWire>): Environment {
  return {
    name: wire.name,
    type: wire.type,
    description: textOrNull(wire.description) ?? '',
    lastModifiedAt: toSeconds(wire.last_modified_at),
    lastReportedAt: toSeconds(wire.last_reported_at),
    lastChangedAt: toSeconds(wire.last_changed_at),
    compliant: wire.state ?? null,
    tags: stringTags(wire.tags),
    policies: wire.policies ?? [],
    includedEnvironments: wire.included_environments ?? [],
  }
}

/** The environment endpoints' paths: the fetchers' and every link or report that names them. */
export const environmentEndpoints = {
  list: (org: string) => apiPath('environments', org),
  detail: (org: string, env: string) => apiPath('environments', org, env),
  /** Kosli's audit log of a time range, as CSV (a download through the proxy in live mode). */
  auditLog: (org: string, env: string, from: number, to: number) =>
    withQuery(apiPath('environments', org, env, 'auditlog'), {
      from_timestamp: Math.floor(from),
      to_timestamp: Math.ceil(to),
    }),
}

/** Every environment: a plain array, or each page of the paginated shape. */
export async function fetchEnvironments(org: string, signal?: AbortSignal): Promise<Environment[]> {
  const path = environmentEndpoints.list(org)
  const { data } = await apiGet(path, environmentListWire, { signal })
  const first = environmentListPage(data)
  const items = await followPages(path, first, async (page, perPage) => {
    const next = await apiGet(path, environmentListWire, {
      query: { page, per_page: perPage ?? first.items.length },
      signal,
    })
    return environmentListPage(next.data)
  })
  return items.map(toEnvironment)
}

export async function fetchEnvironment(
  org: string,
  env: string,
  signal?: AbortSignal,
): Promise<Environment> {
  const { data } = await apiGet(environmentEndpoints.detail(org, env), environmentWire, { signal })
  return toEnvironment(data)
}

export const environmentKeys = {
  all: (org: string) => ['environments', org] as const,
  list: (org: string) => [...environmentKeys.all(org), 'list'] as const,
  detail: (org: string, env: string) => [...environmentKeys.all(org), 'detail', env] as const,
}

export const environmentQueries = {
  list: (org: string) =>
    queryOptions({
      queryKey: environmentKeys.list(org),
      queryFn: ({ signal }) => fetchEnvironments(org, signal),
      meta: LIVE_META,
    }),
  detail: (org: string, env: string) =>
    queryOptions({
      queryKey: environmentKeys.detail(org, env),
      queryFn: ({ signal }) => fetchEnvironment(org, env, signal),
      meta: LIVE_META,
    }),
}
