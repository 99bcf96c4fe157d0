import { QueryClient } from '@tanstack/react-query'
import { retryDelay, shouldRetry } from '@/api/client'
import type { LiveStore } from '@/components/live-context'
import { connectLive, liveQueryDefaults } from './live'

/** With a live store, queries marked live poll (src/app/live.ts); without, nothing polls. */
export function createQueryClient(live?: LiveStore): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 10 * 60_000,
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: false,
        ...(live ? liveQueryDefaults(live) : {}),
      },
    },
  })
  if (live) connectLive(client, live)
  return client
}
