import type { Environment } from '@/api/environments'

export type EnvironmentSort = 'name' | 'changed'

export interface EnvironmentListParams {
  /** Case-insensitive substring of the name. */
  q: string
  /** One environment type, or '' for all. */
  type: string
  sort: EnvironmentSort
}

export const DEFAULT_ENVIRONMENT_LIST_PARAMS: EnvironmentListParams = {
  q: '',
  type: '',
  sort: 'name',
}

/** Reads `?q=&type=&sort=`; anything unexpected falls back to the default. */
export function parseEnvironmentListParams(search: URLSearchParams): EnvironmentListParams {
  const sort = search.get('sort')
  return {
    q: search.get('q') ?? '',
    type: search.get('type') ?? '',
    sort: sort === 'changed' ? 'changed' : 'name',
  }
}

/** Writes only the values that differ from the defaults, so URLs stay short. */
export function environmentListSearch(params: EnvironmentListParams): URLSearchParams {
  const search = new URLSearchParams()
  if (params.q) search.set('q', params.q)
  if (params.type) search.set('type', params.type)
  if (params.sort !== 'name') search.set('sort', params.sort)
  return search
}

/** Environments matching the filters: by name, or most recently changed first (never-changed last). */
export function filterEnvironments(
  environments: ReadonlyArray<Environment>,
  params: EnvironmentListParams,
): Environment[] {
  const needle = params.q.trim().toLowerCase()
  const matching = environments.filter(
    (env) =>
      (needle === '' || env.name.toLowerCase().includes(needle)) &&
      (params.type === '' || env.type === params.type),
  )
  const byName = (a: Environment, b: Environment) => a.name.localeCompare(b.name)
  if (params.sort === 'name') return matching.sort(byName)
  return matching.sort(
    (a, b) => (b.lastChangedAt ?? -Infinity) - (a.lastChangedAt ?? -Infinity) || byName(a, b),
  )
}
