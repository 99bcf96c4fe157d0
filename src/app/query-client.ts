import {
  QueryClient,
  type DefaultedQueryObserverOptions,
  type DefaultError,
  type QueryClientConfig,
  type QueryFunction,
  type QueryFunctionContext,
  type QueryKey,
  type QueryObserverOptions,
} from '@tanstack/react-query'
import { retryDelay, shouldRetry } from '@/api/client'
import type { LiveStore } from '@/components/live-context'
import { connectLive, liveQueryDefaults } from './live'
import { isSettledAnswer, persistedOrg } from './persist-policy'
import type { PersistStore } from './persist-store'

export interface QueryClientOptions {
  /** Where immutable answers are kept across visits: `openKeptAnswers` in the app. */
  keptAnswers?: () => Promise<PersistStore | null>
}

/** With a live store, queries marked live poll (src/app/live.ts); without, nothing polls. */
export function createQueryClient(live?: LiveStore, options: QueryClientOptions = {}): QueryClient {
  const config: QueryClientConfig = {
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
  }
  const client = options.keptAnswers
    ? new PersistingQueryClient(config, options.keptAnswers)
    : new QueryClient(config)
  if (live) connectLive(client, live)
  return client
}

let store: Promise<PersistStore | null> | undefined

/** The store's code and database, opened once; started early so the first kept query need not wait. */
export function openKeptAnswers(): Promise<PersistStore | null> {
  store ??= import('./persist-store')
    .then(({ openPersistStore, persistBuster }) => openPersistStore({ buster: persistBuster() }))
    .catch(() => null)
  return store
}

/** Writes wait for an idle moment: turning a large answer into JSON must not delay its paint. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 5_000 })
  else setTimeout(task, 500)
}

/** The kept answer when there is one; otherwise the network, keeping what it says. */
async function keptOrFetched<T, K extends QueryKey>(
  keptAnswers: () => Promise<PersistStore | null>,
  queryFn: QueryFunction<T, K>,
  context: QueryFunctionContext<K>,
  org: string,
  hash: string,
): Promise<T> {
  const kept = await keptAnswers()
  if (kept) {
    const data = await kept.read(hash, org).catch(() => undefined)
    if (data !== undefined) return data as T
  }
  const data = await queryFn(context)
  if (kept && isSettledAnswer(data))
    whenIdle(() => void kept.write(hash, org, data, context.queryKey).catch(() => undefined))
  return data
}

/**
 * A query client whose immutable queries (src/app/persist-policy.ts) read and fill the kept
 * answers, and run offline too: `offlineFirst` asks the store (and the browser's cache) before
 * waiting for the connection.
 */
class PersistingQueryClient extends QueryClient {
  readonly #keptAnswers: () => Promise<PersistStore | null>

  constructor(config: QueryClientConfig, keptAnswers: () => Promise<PersistStore | null>) {
    super(config)
    this.#keptAnswers = keptAnswers
  }

  override defaultQueryOptions<
    TQueryFnData = unknown,
    TError = DefaultError,
    TData = TQueryFnData,
    TQueryData = TQueryFnData,
    TQueryKey extends QueryKey = QueryKey,
    TPageParam = never,
  >(
    options:
      | QueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey, TPageParam>
      | DefaultedQueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey>,
  ): DefaultedQueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey> {
    const defaulted = super.defaultQueryOptions(options)
    const org = persistedOrg(defaulted.queryKey)
    if (org === null) return defaulted
    return {
      ...defaulted,
      networkMode: 'offlineFirst',
      persister: (queryFn, context, query) =>
        keptOrFetched(this.#keptAnswers, queryFn, context, org, query.queryHash),
    }
  }
}
