import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { snapshotKeys, snapshotQueries, type Snapshot } from '@/api/snapshots'
import { useLive } from './live-context'

/**
 * Keeps each environment's latest snapshot current without downloading it on every poll: a
 * one-line read of the snapshot list is polled, and the latest snapshot (thousands of artifacts
 * in a large environment) is read again only when that names a different number.
 */
export function useLatestWatch(org: string, envs: ReadonlyArray<string>, enabled = true) {
  const queryClient = useQueryClient()
  const live = useLive()
  const on = enabled && live !== null && live.pollSeconds > 0 && !live.paused
  const probes = useQueries({
    queries: envs.map((env) => ({ ...snapshotQueries.newest(org, env), enabled: on })),
  })
  const seen = probes.map((probe) => `${probe.data?.index ?? ''}@${probe.dataUpdatedAt}`).join(',')

  useEffect(() => {
    envs.forEach((env, position) => {
      const newest = probes[position]?.data
      if (!newest) return
      const key = snapshotKeys.detail(org, { kind: 'latest', env })
      const shown = queryClient.getQueryData<Snapshot>(key)
      const failed = queryClient.getQueryState(key)?.status === 'error'
      if ((shown && shown.index !== newest.index) || (!shown && failed)) {
        void queryClient.invalidateQueries({ queryKey: key, exact: true })
      }
    })
    // `seen` sums up what the probes hold; they are new arrays on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seen, org, queryClient])
}
