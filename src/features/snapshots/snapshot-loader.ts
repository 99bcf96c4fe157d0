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
    // The rows need only the snapshot (which names its own type): a kept snapshot opens offline,
    // while the environment, which is never kept, waits for the connection.
    const environment = queryClient.ensureQueryData(environmentQueries.detail(org, env))
    environment.catch(() => undefined)
    try {
      await queryClient.ensureQueryData(snapshotQueries.detail(org, { kind: 'index', env, index }))
    } catch (error) {
      // An unknown environment explains a failed snapshot too, so it is reported first.
      await environment
      throw error
    }
    return null
  }
}
