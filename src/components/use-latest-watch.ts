import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { snapshotKeys, snapshotQueries, type Snapshot } from '@/api/snapshots'
import { useLive } from './live-context'

/**
 * Keeps each environment's latest snapshot current without downloading it on every poll: a
 * one-line read of the snapshot list is polled, and the latest snapshot (thousands of artifacts
 * in a large environment) is read again only when that names a different number.
 *
 * The caller shows each environment's latest snapshot, so it renders again when one arrives.
 * An environment is watched only from then on, starting from the number of the snapshot just
 * read: the first poll comes one interval later, and the page's first reads have the connections
 * to themselves. One whose read failed is read again after each poll that follows the failure,
 * so it recovers by itself (and an environment with no snapshot yet shows its first).
 */
export function useLatestWatch(org: string, envs: ReadonlyArray<string>, enabled = true) {
  const queryClient = useQueryClient()
  const live = useLive()
  const on = enabled && live !== null && live.pollSeconds > 0 && !live.paused
  const key = (env: string) => snapshotKeys.detail(org, { kind: 'latest', env })
  const shown = (env: string) => queryClient.getQueryState<Snapshot>(key(env))
  // Watched once its first read has settled, and through the reads after it.
  const watched = envs.filter((env) => {
    const state = shown(env)
    return state && (state.dataUpdatedAt || state.errorUpdatedAt)
  })
  const probes = useQueries({
    queries: watched.map((env) => {
      const state = shown(env)
      return {
        ...snapshotQueries.newest(org, env),
        enabled: on,
        // A failed read says nothing of the number: "none known", as of the failure.
        initialData: state?.data?.index ?? null,
        initialDataUpdatedAt: state?.dataUpdatedAt || state?.errorUpdatedAt,
      }
    }),
  })
  const seen = probes.map((probe) => `${probe.data ?? ''}@${probe.dataUpdatedAt}`).join(',')

  useEffect(() => {
    watched.forEach((env, position) => {
      const state = shown(env)
      const probe = probes[position]
      if (!state || probe?.data == null) return
      // A poll from before the snapshot shown was read says nothing of it; a failed read is
      // tried again after each poll that follows it.
      const behind = state.data
        ? probe.dataUpdatedAt >= state.dataUpdatedAt && state.data.index !== probe.data
        : state.status === 'error' && probe.dataUpdatedAt > state.errorUpdatedAt
      if (behind) void queryClient.invalidateQueries({ queryKey: key(env), exact: true })
    })
    // `seen` sums up what the probes hold (and for which environments, in order); the arrays
    // are new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seen, org, queryClient])
}
