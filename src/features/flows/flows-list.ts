import type { Flow } from '@/api/flows'

export type FlowSort = 'name' | 'activity'
export type SortDirection = 'asc' | 'desc'

export interface FlowsParams {
  q: string
  sort: FlowSort
  dir: SortDirection
  page: number
}

export const FLOWS_PER_PAGE = 100

/** Each sort's natural direction: names A→Z, activity newest first. */
export const DEFAULT_DIRECTION: Record<FlowSort, SortDirection> = { name: 'asc', activity: 'desc' }

/** The filter text as the URL keeps it. */
export function normaliseQuery(value: string): string {
  return value.trim().slice(0, 200)
}

/** The flows list's URL; bad values fall back to defaults. */
export function parseFlowsParams(params: URLSearchParams): FlowsParams {
  const sort: FlowSort = params.get('sort') === 'activity' ? 'activity' : 'name'
  const rawDir = params.get('dir')
  const dir: SortDirection =
    rawDir === 'asc' || rawDir === 'desc' ? rawDir : DEFAULT_DIRECTION[sort]
  const rawPage = Number(params.get('page') ?? '1')
  const page = Number.isSafeInteger(rawPage) && rawPage >= 1 ? rawPage : 1
  return { q: normaliseQuery(params.get('q') ?? ''), sort, dir, page }
}

/** Only what differs from the defaults goes in the URL, so shared links stay short. */
export function writeFlowsParams(
  current: URLSearchParams,
  next: Partial<FlowsParams>,
): URLSearchParams {
  const merged = { ...parseFlowsParams(current), ...next }
  const params = new URLSearchParams(current)
  for (const key of ['q', 'sort', 'dir', 'page']) params.delete(key)
  if (merged.q) params.set('q', merged.q)
  if (merged.sort !== 'name') params.set('sort', merged.sort)
  if (merged.dir !== DEFAULT_DIRECTION[merged.sort]) params.set('dir', merged.dir)
  if (merged.page > 1) params.set('page', String(merged.page))
  return params
}

/** Case-insensitive substring on name, description and tags; then the chosen order. */
export function filterAndSortFlows(
  flows: ReadonlyArray<Flow>,
  params: Pick<FlowsParams, 'q' | 'sort' | 'dir'>,
): Flow[] {
  const needle = params.q.toLowerCase()
  const matching = needle
    ? flows.filter(
        (flow) =>
          flow.name.toLowerCase().includes(needle) ||
          flow.description.toLowerCase().includes(needle) ||
          Object.entries(flow.tags).some(([key, value]) =>
            `${key}=${value}`.toLowerCase().includes(needle),
          ),
      )
    : [...flows]
  const sign = params.dir === 'asc' ? 1 : -1
  return matching.sort((a, b) => {
    if (params.sort === 'activity') {
      // Flows without activity go last in either direction: "unknown" is not "oldest".
      if (a.latestActivityAt === null || b.latestActivityAt === null) {
        if (a.latestActivityAt === b.latestActivityAt) return a.name.localeCompare(b.name)
        return a.latestActivityAt === null ? 1 : -1
      }
      return sign * (a.latestActivityAt - b.latestActivityAt) || a.name.localeCompare(b.name)
    }
    return sign * a.name.localeCompare(b.name)
  })
}
