import type { QueryClient } from '@tanstack/react-query'
import type { LoaderFunctionArgs } from 'react-router'
import { environmentQueries } from '@/api/environments'
import { snapshotQueries } from '@/api/snapshots'
import { requireParam } from '@/app/params'
import { parseSnapshotIndex, SnapshotIndexError } from '@/components/snapshot-problem'
import { pathOnlyRevalidation } from '@/lib/route-module'

export function snapshotParams(params: LoaderFunctionArgs['params']) {
  const org = requireParam(params, 'org')
  const env = requireParam(params, 'env')
  const raw = requireParam(params, 'index')
  const index = parseSnapshotIndex(raw)
  if (index === undefined) throw new SnapshotIndexError(raw)
  return { org, env, index }
}

/** Filters and sorts live in the search params; the loader reads only the path. */
export const shouldRevalidate = pathOnlyRevalidation

export function loader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const { org, env, index } = snapshotParams(params)
    const [environment, snapshot] = await Promise.allSettled([
      queryClient.ensureQueryData(environmentQueries.detail(org, env)),
      queryClient.ensureQueryData(snapshotQueries.detail(org, { kind: 'index', env, index })),
    ])
    // An unknown environment explains a failed snapshot too, so it is reported first.
    if (environment.status === 'rejected') throw environment.reason
    if (snapshot.status === 'rejected') throw snapshot.reason
    return null
  }
}
