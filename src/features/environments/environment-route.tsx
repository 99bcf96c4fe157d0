import type { QueryClient } from '@tanstack/react-query'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { lazy, Suspense, type ReactNode } from 'react'
import {
  Link,
  redirect,
  useLoaderData,
  useLocation,
  useParams,
  useSearchParams,
  useRouteError,
  type LoaderFunctionArgs,
} from 'react-router'
import { environmentQueries } from '@/api/environments'
import { eventQueries } from '@/api/events'
import { snapshotQueries, snapshotKeys } from '@/api/snapshots'
import { requireParam } from '@/app/params'
import { RouteErrorBoundary } from '@/app/route-error-boundary'
import { BelowTheFold } from '@/components/below-the-fold'
import { AppliedPolicies } from '@/features/compliance/applied-policies'
import { policyTitle } from '@/features/compliance/applied-policy-text'
import { EnvironmentComplianceWhy } from '@/features/compliance/environment-why'
import { Breadcrumb } from '@/components/breadcrumb'
import { describeError } from '@/components/describe-error'
import { classifySnapshotProblem } from '@/components/snapshot-problem'
import { EnvironmentType } from '@/components/environment-type'
import { Skeleton } from '@/components/skeleton'
import {
  EVENTS_PER_PAGE,
  eventsRange,
  needsWholeHistory,
  parseEventsTabParams,
  parseSnapshotsTabParams,
  SNAPSHOTS_PER_PAGE,
  tabFromPath,
  travelSnappish,
} from './environment-params'
import { EventsTab } from './events-tab'
import { LatestSnapshotNotice } from './latest-snapshot-notice'
import { LatestSnapshotSummary } from './latest-snapshot-summary'
import { useLatestWatch } from '@/components/use-latest-watch'
import { LogicalRunningNow } from './logical-running-now'
import { RunningNow } from './running-now'
import type { LoaderData } from '@/lib/route-module'
import {
  environmentPath,
  environmentsPath,
  snapshotPath,
  HISTORY_VIEW_PARAM,
} from '@/lib/app-paths'
import { pageLog, SnapshotsTab } from './snapshots-tab'
import { TimeTravel } from './time-travel'
import { IncludedEnvironments } from './included-environments'
import { EnvironmentAuditLink } from './environment-audit-link'

// Its own chunk, fetched after the page: the chart and its data are not needed to show it.
const loadEnvironmentHistory = () => import('@/features/history/environment-history')
const EnvironmentHistory = lazy(loadEnvironmentHistory)

export interface EnvironmentLoaderData {
  /** The `?at=` expression that could not be opened, and why. */
  travel: { at: string; error: string } | null
}

function latestQuery(org: string, env: string) {
  return snapshotQueries.detail(org, { kind: 'latest', env })
}

/**
 * The latest snapshot, also filed under its number so opening it (5,000 artifacts in the large
 * demo environment) needs no second download.
 */
async function ensureLatest(queryClient: QueryClient, org: string, env: string) {
  // fetchQuery refetches only when stale; the page then reads it without refetching on mount.
  const snapshot = await queryClient.fetchQuery(latestQuery(org, env))
  const key = snapshotKeys.detail(org, { kind: 'index', env, index: snapshot.index })
  if (queryClient.getQueryData(key) === undefined) queryClient.setQueryData(key, snapshot)
  return snapshot
}

export function loader(queryClient: QueryClient) {
  return async ({
    params,
    request,
  }: LoaderFunctionArgs): Promise<EnvironmentLoaderData | Response> => {
    const org = requireParam(params, 'org')
    const env = requireParam(params, 'env')
    const url = new URL(request.url)

    // Time travel: resolve the expression and land on the numbered snapshot, a permalink.
    const at = url.searchParams.get('at')
    let travel: EnvironmentLoaderData['travel'] = null
    if (at !== null) {
      const parsed = travelSnappish(env, at)
      if (parsed.ok) {
        try {
          const snapshot = await queryClient.fetchQuery(snapshotQueries.detail(org, parsed.value))
          return redirect(snapshotPath(org, env, snapshot.index))
        } catch (error) {
          travel = { at, error: travelErrorText(error, env) }
        }
      } else {
        travel = { at, error: parsed.error }
      }
    }

    // An address that shows the history: its chunk and its data start with the page, not once
    // the page has drawn the chunk that then asks for the data. Neither holds the page.
    if (url.searchParams.has(HISTORY_VIEW_PARAM)) {
      void loadEnvironmentHistory().catch(() => undefined)
      void import('@/api/history').then(
        ({ historyQueries }) => queryClient.prefetchQuery(historyQueries.environment(org, env)),
        () => undefined,
      )
    }

    const tab = tabFromPath(url.pathname)
    const tabData =
      tab === 'events'
        ? (async () => {
            const events = parseEventsTabParams(url.searchParams)
            const range = eventsRange(events)
            const start = await queryClient.ensureQueryData(
              eventQueries.startAfter(org, env, range.from ?? 0),
            )
            return queryClient.ensureQueryData(
              eventQueries.page(org, env, {
                // Filters the API cannot apply page the matches in the page itself.
                page: needsWholeHistory(events) ? 1 : events.page,
                perPage: EVENTS_PER_PAGE,
                reverse: events.order === 'oldest',
                start,
                end: range.to === null ? null : Math.floor(range.to),
              }),
            )
          })()
        : queryClient
            .ensureQueryData(
              snapshotQueries.list(
                org,
                env,
                parseSnapshotsTabParams(url.searchParams).page,
                SNAPSHOTS_PER_PAGE,
              ),
            )
            .then((page) => {
              // The changes column's part of the log: asked for with the page, not once the
              // table has drawn; the page does not wait for it.
              const log = pageLog(org, env, page.snapshots)
              if (log.newest > 0) void queryClient.prefetchQuery(log.query)
              return page
            })
    // The latest snapshot can be large (5,000+ artifacts): start it now but do not hold the
    // page for it; the summary shows a skeleton until it arrives.
    void ensureLatest(queryClient, org, env).catch(() => undefined)
    const [environment, list] = await Promise.allSettled([
      queryClient.ensureQueryData(environmentQueries.detail(org, env)),
      tabData,
    ])
    if (environment.status === 'rejected') throw environment.reason
    if (list.status === 'rejected') throw list.reason
    return { travel }
  }
}

function travelErrorText(error: unknown, env: string): string {
  const problem = classifySnapshotProblem(error)
  if (problem.kind === 'no-snapshots') return `${env} has no snapshots yet.`
  if (problem.kind === 'out-of-range') {
    return problem.count !== null
      ? `No such snapshot: ${env} has snapshots 1 to ${problem.count}.`
      : `No such snapshot: ${problem.message}`
  }
  return describeError(error).detail
}

const tabClass = (isActive: boolean) =>
  `-mb-px border-b-2 px-3 py-2 font-medium ${
    isActive ? 'border-accent text-ink' : 'border-transparent text-muted hover:text-ink'
  }`

/**
 * The history picture reads the environment's whole change log (a hundred requests for a busy
 * environment), so it is drawn when asked for: `?history=` in the URL (the button sets it, so
 * the link and a reload keep it), and hidden again by removing it. Its time window, `?from=&to=`,
 * is the page's date range, which the change log reads too.
 */
function HistoryOnDemand({ env, children }: { env: string; children: ReactNode }) {
  const [searchParams, setSearchParams] = useSearchParams()
  const shown = searchParams.has(HISTORY_VIEW_PARAM)
  const set = (show: boolean) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (show) next.set(HISTORY_VIEW_PARAM, 'chart')
        else next.delete(HISTORY_VIEW_PARAM)
        return next
      },
      { replace: true, preventScrollReset: true },
    )
  if (!shown) {
    return (
      <section
        aria-labelledby="history-closed-heading"
        className="flex flex-wrap items-center gap-3 rounded border border-line bg-surface p-3"
      >
        <h2 id="history-closed-heading" className="text-lg font-semibold">
          History
        </h2>
        <p className="text-sm text-muted">
          Every version that ran in {env}, when and with how many replicas, drawn from its whole
          change log.
        </p>
        <button
          type="button"
          onClick={() => set(true)}
          className="rounded border border-line px-2 py-1 text-sm hover:bg-raised"
        >
          Show the history
        </button>
      </section>
    )
  }
  return (
    <div className="space-y-1">
      {children}
      <button
        type="button"
        onClick={() => set(false)}
        className="text-sm text-accent hover:underline"
      >
        Hide the history
      </button>
    </div>
  )
}

export function Component() {
  const org = requireParam(useParams(), 'org')
  const env = requireParam(useParams(), 'env')
  const location = useLocation()
  const [searchParams] = useSearchParams()
  const data = useLoaderData<LoaderData<typeof loader> | undefined>()
  const tab = tabFromPath(location.pathname)
  const { data: environment } = useSuspenseQuery(environmentQueries.detail(org, env))
  // Started by the loader; an environment with no snapshots is not an error here.
  const latest = useQuery({ ...latestQuery(org, env), retryOnMount: false, refetchOnMount: false })
  useLatestWatch(org, [env])
  const tags = Object.entries(environment.tags)

  return (
    <section aria-labelledby="environment-heading" className="space-y-4">
      <Breadcrumb links={[{ label: 'Environments', to: environmentsPath(org) }]} current={env} />
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="environment-heading" className="text-xl font-semibold">
            {environment.name}
          </h1>
          <EnvironmentType type={environment.type} />
          <EnvironmentComplianceWhy org={org} environment={environment} />
        </div>
        <EnvironmentAuditLink org={org} env={env} lastReportedAt={environment.lastReportedAt} />
        {environment.description ? (
          <p className="break-words text-muted">{environment.description}</p>
        ) : null}
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <span>
            <span className="text-muted">Policies: </span>
            {environment.policies.length ? environment.policies.join(', ') : 'none'}
          </span>
          <span>
            <span className="text-muted">Tags: </span>
            {tags.length ? tags.map(([key, value]) => `${key}=${value}`).join(', ') : 'none'}
          </span>
          {environment.includedEnvironments.length ? (
            <span>
              <span className="text-muted">Includes: </span>
              <IncludedEnvironments org={org} names={environment.includedEnvironments} />
            </span>
          ) : null}
        </p>
      </header>

      <LatestSnapshotNotice
        org={org}
        env={env}
        snapshot={latest.data}
        receivedAt={latest.dataUpdatedAt}
      />
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <LatestSnapshotSummary
          org={org}
          env={env}
          snapshot={latest.data}
          error={latest.error}
          loading={latest.isPending}
          onRetry={() => void latest.refetch()}
          members={environment.type === 'logical' ? environment.includedEnvironments : []}
        />
        <TimeTravel
          key={`${env}:${searchParams.get('at') ?? ''}`}
          org={org}
          env={env}
          latestIndex={latest.data?.index ?? null}
          failed={data?.travel ?? null}
        />
      </div>

      {latest.data ? (
        <details className="rounded border border-line bg-surface text-sm">
          <summary className="cursor-pointer px-3 py-2">
            <span className="font-medium">
              Policies applied to the latest snapshot ({latest.data.appliedPolicies.length})
            </span>
            <span className="text-muted">
              :{' '}
              {latest.data.appliedPolicies.length
                ? latest.data.appliedPolicies.map(policyTitle).join(', ')
                : 'none, so compliance is not judged by policy'}
            </span>
          </summary>
          <div className="border-t border-line p-3">
            <AppliedPolicies
              policies={latest.data.appliedPolicies}
              heading={`Policies applied to ${env}#${latest.data.index}`}
              headingLevel={2}
            />
          </div>
        </details>
      ) : null}

      {latest.data ? (
        <RunningNow org={org} env={env} snapshot={latest.data} />
      ) : environment.type === 'logical' && environment.includedEnvironments.length > 0 ? (
        <LogicalRunningNow org={org} env={env} members={environment.includedEnvironments} />
      ) : null}

      {/* The history and the snapshot list start under the first screen. */}
      <BelowTheFold>
        <HistoryOnDemand env={env}>
          <Suspense fallback={<Skeleton rows={4} label={`Loading the history of ${env}`} />}>
            <EnvironmentHistory org={org} env={env} />
          </Suspense>
        </HistoryOnDemand>

        <div>
          <nav aria-label={`${env} views`} className="flex gap-1 border-b border-line">
            <Link
              to={environmentPath(org, env, 'snapshots')}
              className={tabClass(tab === 'snapshots')}
              aria-current={tab === 'snapshots' ? 'page' : undefined}
            >
              Snapshots
            </Link>
            <Link
              to={environmentPath(org, env, 'events')}
              className={tabClass(tab === 'events')}
              aria-current={tab === 'events' ? 'page' : undefined}
            >
              Log
            </Link>
          </nav>
          <div className="pt-3">
            {tab === 'events' ? (
              <EventsTab org={org} env={env} />
            ) : (
              <SnapshotsTab org={org} env={env} />
            )}
          </div>
        </div>
      </BelowTheFold>
    </section>
  )
}

/** An unknown environment gets its name and a way back; other failures the app's view. */
export function ErrorBoundary() {
  const error = useRouteError()
  const { org = '', env = '' } = useParams()
  if (classifySnapshotProblem(error).kind !== 'unknown-environment') return <RouteErrorBoundary />
  return (
    <section role="alert" className="rounded border border-line bg-surface p-6">
      <h1 className="text-lg font-semibold">
        <span aria-hidden="true">? </span>Environment “{env}” not found
      </h1>
      <p className="mt-2 break-words">{describeError(error).detail}</p>
      <p className="mt-3">
        <Link className="text-accent hover:underline" to={environmentsPath(org)}>
          See all environments
        </Link>
      </p>
    </section>
  )
}
