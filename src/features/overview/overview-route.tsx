import type { QueryClient } from '@tanstack/react-query'
import { useQueries, useSuspenseQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import {
  Link,
  useParams,
  type LoaderFunctionArgs,
  type ShouldRevalidateFunction,
} from 'react-router'
import { environmentQueries } from '@/api/environments'
import { requireParam } from '@/app/params'
import { HeadedSection } from '@/components/headed-section'
import { useInAppAnchors } from '@/components/in-app-anchors'
import { flowsPath } from '@/lib/app-paths'
import { formatCount, pluralise } from '@/lib/format'
import { useLatestWatch } from '@/components/use-latest-watch'
import { useUrlDraft } from '@/components/use-url-draft'
import { toSnappishTime } from '@/lib/time'
import { ActivityPanel } from './activity-panel'
import { AsOfPicker } from './as-of-picker'
import { buildMatrix, sourcesOf, toColumns, type SourceState } from './build-matrix'
import { rememberColumns, rememberedColumns } from './column-memory'
import { filterRows, prepareFilterTextWhenIdle } from './filter-matrix'
import { exportLines } from './matrix-export'
import { MatrixTable } from './matrix-table'
import { OverviewControls } from './overview-controls'
import { useNewCells } from './new-cells'
import { useOverviewSearch } from './use-overview-search'
import { useThrottled } from './use-throttled'
import { missingSnapshotMessage, overviewSnapshotQuery } from './overview-queries'
import {
  chooseColumns,
  parseOverviewSearch,
  rangeSeconds,
  type OverviewSearch,
} from './overview-search'

/** Only the columns and the moment change what the loader requests; filters are a render. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => {
  if (currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate
  const before = currentUrl.searchParams
  const after = nextUrl.searchParams
  if (before.get('envs') !== after.get('envs') || before.get('at') !== after.get('at')) {
    return defaultShouldRevalidate
  }
  return currentUrl.search === nextUrl.search ? defaultShouldRevalidate : false
}

/**
 * Waits for the environment list (an unknown org is a 404 here), then starts every column's
 * snapshot at once, through the overview's few request slots, and lets the page paint: each
 * column fills in when its snapshot arrives, and one slow or failing environment holds up only
 * its own column.
 */
export function loader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs) => {
    const org = requireParam(params, 'org')
    const search = parseOverviewSearch(new URL(request.url).searchParams)
    const environments = await queryClient.ensureQueryData(environmentQueries.list(org))
    const names = chooseColumns(
      environments.map((env) => env.name),
      search.envs ?? rememberedColumns(org),
    )
    for (const env of sourcesOf(toColumns(environments, names))) {
      void queryClient.prefetchQuery(overviewSnapshotQuery(org, env, search.at))
    }
    return null
  }
}

/** How long typing in the filter pauses before the URL is written. */
const FILTER_URL_DELAY_MS = 300

/** At most one matrix rebuild per this many milliseconds while its columns arrive. */
const MATRIX_REBUILD_MS = 250

export function Component() {
  const org = requireParam(useParams(), 'org')
  const { search, update } = useOverviewSearch()
  const { data: environments } = useSuspenseQuery(environmentQueries.list(org))
  const available = useMemo(() => environments.map((env) => env.name), [environments])
  const chosen = search.envs ?? rememberedColumns(org)
  const namesKey = chooseColumns(available, chosen).join(',')
  // The same array while the choice stays, so the column picker is not drawn again per key.
  const names = useMemo(() => (namesKey ? namesKey.split(',') : []), [namesKey])
  const columns = useMemo(() => toColumns(environments, names), [environments, names])
  const sources = useMemo(() => sourcesOf(columns), [columns])
  const results = useQueries({
    queries: sources.map((env) => overviewSnapshotQuery(org, env, search.at)),
  })
  // A past moment never changes; now does.
  useLatestWatch(org, sources, search.at === null)
  const statesKey = results
    .map((result) => `${result.status}:${result.dataUpdatedAt}:${result.errorUpdatedAt}`)
    .join(',')
  // While columns are still arriving the matrix is rebuilt a few times a second, not per column.
  const arriving = results.some((result) => result.isPending)
  const shownStatesKey = useThrottled(statesKey, arriving ? MATRIX_REBUILD_MS : 0)
  // The moment as text: parsing the URL makes a new object on every render.
  const atKey = search.at?.snappishTime ?? ''
  const sourceStates = useMemo(() => {
    const map = new Map<string, SourceState>()
    sources.forEach((env, position) => {
      const result = results[position]
      if (!result || result.isPending) map.set(env, { status: 'loading' })
      else if (result.isError) {
        const message = missingSnapshotMessage(result.error, env, search.at)
        map.set(
          env,
          message
            ? { status: 'missing', message }
            : { status: 'error', error: result.error, retry: () => void result.refetch() },
        )
      } else map.set(env, { status: 'ready', snapshot: result.data })
    })
    return map
    // results is new on every render; what it holds changes only with statesKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sources, shownStatesKey, atKey])
  const matrix = useMemo(() => buildMatrix(columns, sourceStates), [columns, sourceStates])
  // A past moment never changes, so only a view of now marks what a refresh brought.
  const live = search.at === null
  const newCells = useNewCells(matrix, org, live)
  const changedCells = useMemo(
    () => [...newCells.values()].reduce((sum, columns) => sum + columns.size, 0),
    [newCells],
  )

  // The rows follow the draft in the same render as the input: a deferred render drew the page
  // twice per key, and its time slices waited behind other work. The URL follows when typing
  // pauses, so a word typed is one navigation rather than one per key.
  const [filterText, setFilterText] = useUrlDraft(
    search.q,
    (q) => update({ q }, true),
    undefined,
    FILTER_URL_DELAY_MS,
  )
  // Once every column is in: the rows of a matrix rebuilt while columns arrive are soon replaced.
  const settledRows = matrix.settled ? matrix.rows : null
  useEffect(() => (settledRows ? prepareFilterTextWhenIdle(settledRows) : undefined), [settledRows])
  const q = filterText.trim()
  const rows = useMemo(
    () => filterRows(matrix.rows, { q, drift: search.drift, nonCompliant: search.nonCompliant }),
    [matrix.rows, q, search.drift, search.nonCompliant],
  )
  // Now moves on with each snapshot that arrives, so the activity's range follows it.
  const [openedAt] = useState(() => Date.now())
  const refreshedAt = results.reduce((latest, result) => Math.max(latest, result.dataUpdatedAt), 0)
  const asOf = search.at?.seconds ?? Math.floor(Math.max(openedAt, refreshedAt) / 1000)
  const activitySources = useMemo(
    () =>
      [...sourceStates].flatMap(([env, state]) =>
        state.status === 'ready' && state.snapshot.type !== 'logical'
          ? [{ env, index: state.snapshot.index }]
          : [],
      ),
    [sourceStates],
  )
  // Built when a download is asked for: 500 flows × 20 environments is 10,000 lines.
  const lines = useCallback(
    () => exportLines(rows, matrix.columns, matrix.states),
    [rows, matrix.columns, matrix.states],
  )
  const flowRows = matrix.rows.filter((row) => row.kind === 'flow').length
  const drifting = matrix.rows.filter((row) => row.drifting).length
  const nonCompliant = matrix.rows.filter((row) => row.nonCompliant).length
  const filtered = q !== '' || search.drift || search.nonCompliant
  const onTableClick = useInAppAnchors()
  // Stable callbacks, so the pickers and the activity panel do not redraw for every key typed
  // in the filter.
  const latestUpdate = useRef(update)
  useEffect(() => {
    latestUpdate.current = update
  })
  const chooseColumnsInUrl = useCallback(
    (next: string[] | null) => {
      rememberColumns(org, next)
      latestUpdate.current({ envs: next })
    },
    [org],
  )
  const onRange = useCallback(
    (since: OverviewSearch['since']) => latestUpdate.current({ since }, true),
    [],
  )
  const onSwitch = useCallback(
    (change: Partial<Pick<OverviewSearch, 'drift' | 'nonCompliant'>>) =>
      latestUpdate.current(change),
    [],
  )
  const onAt = useCallback(
    (seconds: number | null) =>
      latestUpdate.current({
        at: seconds === null ? null : { seconds, snappishTime: toSnappishTime(seconds) },
      }),
    [],
  )
  // The same moment as the same object, so the picker is not drawn again for a filter write.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- atKey stands for search.at
  const at = useMemo(() => search.at, [atKey])
  const fileStamp = search.at ? `-at-${search.at.snappishTime.replaceAll(':', '')}` : ''

  return (
    <HeadedSection
      id="overview-heading"
      title="Overview"
      level={1}
      className="space-y-4"
      beside={
        <p className="text-muted">
          What runs where: {pluralise(flowRows, 'flow')} across{' '}
          {pluralise(columns.length, 'environment')}
          {matrix.settled ? '' : ' (loading…)'}.{' '}
          <Link to={flowsPath(org)} className="text-accent underline underline-offset-2">
            All flows
          </Link>
        </p>
      }
    >
      <AsOfPicker at={at} badAt={search.badAt} onChange={onAt} />

      <OverviewControls
        filterText={filterText}
        onFilterText={setFilterText}
        drift={search.drift}
        nonCompliant={search.nonCompliant}
        driftingCount={drifting}
        nonCompliantCount={nonCompliant}
        onChange={onSwitch}
        available={available}
        names={names}
        onColumns={chooseColumnsInUrl}
        filename={`overview-${org}${fileStamp}`}
        lines={lines}
      />

      <p role="status" className="text-sm text-muted">
        {changedCells > 0 ? (
          <span className="mr-2 rounded bg-info-soft px-1.5 py-0.5 font-medium text-info">
            {pluralise(changedCells, 'cell')} changed
            <span className="sr-only"> with the latest snapshots.</span>
          </span>
        ) : null}
        {filtered
          ? `Showing ${formatCount(rows.length)} of ${pluralise(matrix.rows.length, 'row')}`
          : `${pluralise(matrix.rows.length, 'row')}`}
        {search.at ? ` as of ${search.at.snappishTime} UTC` : ''}
      </p>

      {columns.length === 0 ? (
        <p className="rounded border border-dashed border-line p-6 text-center">
          {org} has no environments yet.
        </p>
      ) : rows.length === 0 && matrix.settled ? (
        <div className="rounded border border-dashed border-line p-6 text-center">
          <p className="font-medium">
            {filtered ? 'No rows match these filters' : 'Nothing runs in these environments'}
          </p>
          {filtered ? (
            <button
              type="button"
              className="mt-2 text-accent hover:underline"
              onClick={() => update({ q: '', drift: false, nonCompliant: false })}
            >
              Clear the filters
            </button>
          ) : null}
        </div>
      ) : (
        <MatrixTable
          org={org}
          columns={matrix.columns}
          states={matrix.states}
          rows={rows}
          snappishTime={search.at?.snappishTime ?? null}
          settled={matrix.settled}
          newCells={newCells}
          onClick={onTableClick}
        />
      )}

      <ActivityPanel
        org={org}
        sources={activitySources}
        from={asOf - rangeSeconds(search.since)}
        to={search.at?.seconds ?? null}
        live={live}
        range={search.since}
        onRange={onRange}
        waiting={!matrix.settled}
      />
    </HeadedSection>
  )
}
