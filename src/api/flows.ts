import { queryOptions } from '@tanstack/react-query'
import { LIVE_META } from '@/lib/live-policy'
import { z } from 'zod/mini'
import { apiGet, apiPath } from './client'
import { followPages, type ListPage } from './pages'
import { complianceState, stringTags, textOrNull, toSeconds, type ComplianceState } from './domain'
import { optionalString, paginated, tags, timestamp } from './wire'

const flowWire = z.looseObject({
  id: optionalString,
  name: z.string(),
  description: optionalString,
  visibility: optionalString,
  org: optionalString,
  template: z.optional(z.nullable(z.union([z.string(), z.array(z.string())]))),
  repo_url: optionalString,
  tags,
  latest_activity_at: z.optional(z.nullable(timestamp)),
  latest_state: optionalString,
})

const flowListWire = z.union([z.array(flowWire), paginated(flowWire)])

export interface Flow {
  id: string | null
  name: string
  description: string
  visibility: string | null
  org: string | null
  /** The flow template as YAML text (legacy list templates are joined). */
  template: string | null
  repoUrl: string | null
  tags: Record<string, string>
  latestActivityAt: number | null
  latestState: ComplianceState | null
}

function toFlow(wire: z.infer<typeof flowWire>): Flow {
  const template = Array.isArray(wire.template) ? wire.template.join('\n') : (wire.template ?? null)
  const flowTags = stringTags(wire.tags)
  return {
    id: textOrNull(wire.id),
    name: wire.name,
    description: wire.description ?? '',
    visibility: textOrNull(wire.visibility),
    org: textOrNull(wire.org),
    template: template && template.trim() ? template : null,
    repoUrl: textOrNull(wire.repo_url) ?? flowTags.repo_url ?? null,
    tags: flowTags,
    latestActivityAt: toSeconds(wire.latest_activity_at),
    latestState: wire.latest_state ? complianceState(wire.latest_state) : null,
  }
}

function flowListPage(data: z.infer<typeof flowListWire>): ListPage<z.infer<typeof flowWire>> {
  if (Array.isArray(data)) return { items: data, pageCount: null, perPage: null }
  return {
    items: data.data,
    pageCount: data.pagination?.page_count ?? null,
    perPage: data.pagination?.per_page ?? null,
  }
}

/** Every flow: a plain array, or each page of the `{data, pagination}` envelope. */
export async function fetchFlows(org: string, signal?: AbortSignal): Promise<Flow[]> {
  const path = apiPath('flows', org)
  const { data } = await apiGet(path, flowListWire, { signal })
  const first = flowListPage(data)
  const items = await followPages(path, first, async (page, perPage) => {
    const next = await apiGet(path, flowListWire, {
      query: { page, per_page: perPage ?? first.items.length },
      signal,
    })
    return flowListPage(next.data)
  })
  return items.map(toFlow)
}

export async function fetchFlow(org: string, flow: string, signal?: AbortSignal): Promise<Flow> {
  const { data } = await apiGet(apiPath('flows', org, flow), flowWire, { signal })
  return toFlow(data)
}

export const flowKeys = {
  all: (org: string) => ['flows', org] as const,
  list: (org: string) => [...flowKeys.all(org), 'list'] as const,
  detail: (org: string, flow: string) => [...flowKeys.all(org), 'detail', flow] as const,
}

export const flowQueries = {
  list: (org: string) =>
    queryOptions({
      queryKey: flowKeys.list(org),
      queryFn: ({ signal }) => fetchFlows(org, signal),
      meta: LIVE_META,
    }),
  detail: (org: string, flow: string) =>
    queryOptions({
      queryKey: flowKeys.detail(org, flow),
      queryFn: ({ signal }) => fetchFlow(org, flow, signal),
    }),
}
