import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router'
import { eventQueries, type EnvironmentEvent } from '@/api/events'
import { ComplianceBadge } from '@/components/compliance-badge'
import { EmptyState } from '@/components/empty-state'
import { NEW_ROW_CLASS, NewMark } from '@/components/new-mark'
import { useArrivals } from '@/components/use-arrivals'
import { ExportMenu, type ExportColumn } from '@/components/export-menu'
import { SafeLink } from '@/components/safe-link'
import { ShortId } from '@/components/short-id'
import { complianceText, formatCount, pluralise, shortArtifactName } from '@/lib/format'
import { safeHref } from '@/lib/safe-url'
import { ComplianceWhy } from '@/features/compliance/compliance-why'
import { SnapshotArtifactExplanation } from '@/features/compliance/snapshot-why'
import {
  EVENTS_PER_PAGE,
  eventsRange,
  eventsTabSearch,
  needsWholeHistory,
  NO_PROVENANCE,
  parseEventsTabParams,
  type EventsTabParams,
} from './environment-params'
import { HistoryProgress } from './history-progress'
import { flowOptions, logExportName, matchesLogFilter, typeOptions } from './log-filter'
import { ArtifactFilter, DateFilter, rangeWords } from './log-filter-fields'
import { Pager } from './pager'
import { artifactPath, snapshotPath } from '@/lib/app-paths'
import { TimeCell } from '@/components/time-stamp'
import { eventTypeIcon } from '@/lib/event-kind'
import { isoTime } from '@/lib/time'
import { FilterSelect, FlowFilterSelect } from '@/components/filter-fields'
import { ProvenanceLink } from '@/components/provenance-link'
import { Table } from '@/components/table'
import { useInAppAnchors } from '@/components/in-app-anchors'

const EXPORT_COLUMNS: ReadonlyArray<ExportColumn<EnvironmentEvent>> = [
  { header: 'snapshot', value: (event) => event.snapshotIndex ?? '' },
  { header: 'type', value: (event) => event.type },
  { header: 'description', value: (event) => event.description },
  { header: 'artifact', value: (event) => event.artifactName },
  { header: 'fingerprint', value: (event) => event.fingerprint ?? '' },
  { header: 'flow', value: (event) => event.flow ?? '' },
  {
    header: 'artifact_compliance',
    value: (event) => complianceText(event.artifactCompliant),
  },
  { header: 'reported_at', value: (event) => isoTime(event.reportedAt) },
  { header: 'code_diff', value: (event) => safeHref(event.codeDiffUrl) ?? '' },
]

/** Which event a row is, across refreshes (its position moves when new ones arrive). */
function eventKey(event: EnvironmentEvent): string {
  return `${event.snapshotIndex ?? ''}/${event.fingerprint ?? event.artifactName}/${event.type}`
}

/** The environment's change log: a page at a time, or, filtered, its whole history. */
export function EventsTab({ org, env }: { org: string; env: string }) {
  const [searchParams, setSearchParams] = useSearchParams()
  const { pathname } = useLocation()
  const queryClient = useQueryClient()
  const params = useMemo(() => parseEventsTabParams(searchParams), [searchParams])
  const range = useMemo(() => eventsRange(params), [params])
  const { data: start } = useSuspenseQuery(eventQueries.startAfter(org, env, range.from ?? 0))
  const bounds = { start, end: range.to === null ? null : Math.floor(range.to) }
  const whole = needsWholeHistory(params)
  const { data } = useSuspenseQuery(
    eventQueries.page(org, env, {
      page: whole ? 1 : params.page,
      perPage: EVENTS_PER_PAGE,
      reverse: params.order === 'oldest',
      ...bounds,
    }),
  )
  // Read only when a filter needs it or an export of everything was asked for.
  const [exportAll, setExportAll] = useState(false)
  const historyOptions = eventQueries.history(org, env, bounds)
  const history = useQuery({ ...historyOptions, enabled: whole || exportAll })
  const matched = useMemo(() => {
    const all = history.data?.events ?? []
    const found = all.filter((event) => matchesLogFilter(event, params, range))
    return params.order === 'oldest' ? found.reverse() : found
  }, [history.data, params, range])
  const shown = whole
    ? matched.slice((params.page - 1) * EVENTS_PER_PAGE, params.page * EVENTS_PER_PAGE)
    : data.events
  const seen = history.data?.events.length ? history.data.events : data.events
  const types = useMemo(() => typeOptions(seen, params.type), [seen, params.type])
  const flows = useMemo(() => flowOptions(seen, params.flow), [seen, params.flow])
  const reading = history.fetchStatus === 'fetching'
  const complete = history.data?.done === true
  const update = (change: Partial<EventsTabParams>) =>
    setSearchParams(eventsTabSearch({ ...params, page: 1, ...change }))
  const hrefFor = (page: number) => {
    const search = eventsTabSearch({ ...params, page }).toString()
    return search ? `${pathname}?${search}` : pathname
  }
  const ranged = params.from !== '' || params.to !== ''
  const inRange = ranged ? ` ${rangeWords(params)}` : ''
  const matchPages = Math.max(1, Math.ceil(matched.length / EVENTS_PER_PAGE))
  // New events arrive at the top of the newest page of the open-ended log.
  const arrived = useArrivals(
    shown.map(eventKey),
    `${env}/${params.type}/${params.flow}/${params.artifact}/${params.from}/${params.to}`,
    !whole && params.page === 1 && params.order === 'newest' && range.to === null,
  )
  const newCount = shown.filter((event) => arrived.has(eventKey(event))).length
  // Keys that survive a refresh, so rows (and the focus in them) stay put when events arrive.
  const rowKeys = useMemo(() => {
    const seen = new Map<string, number>()
    return shown.map((event) => {
      const key = eventKey(event)
      const count = seen.get(key) ?? 0
      seen.set(key, count + 1)
      return count ? `${key}/${count}` : key
    })
  }, [shown])
  // The rows' links are plain anchors: a router <Link> redraws on every filter change.
  const onAnchorClick = useInAppAnchors()

  return (
    <div>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <FilterSelect
          label="Event type"
          value={params.type}
          options={[['', 'All types'], ...types]}
          onChange={(type) => update({ type })}
        />
        <FlowFilterSelect
          value={params.flow}
          flows={flows}
          noProvenance={NO_PROVENANCE}
          onChange={(flow) => update({ flow })}
        />
        <ArtifactFilter
          key={params.artifact}
          value={params.artifact}
          onChange={(artifact) => update({ artifact })}
        />
        <DateFilter label="From (UTC)" value={params.from} onChange={(from) => update({ from })} />
        <DateFilter label="To (UTC)" value={params.to} onChange={(to) => update({ to })} />
        <div role="group" aria-label="Order" className="flex">
          {(['newest', 'oldest'] as const).map((order) => (
            <button
              key={order}
              type="button"
              aria-pressed={params.order === order}
              onClick={() => update({ order })}
              className={`border border-line px-2 py-1 first:rounded-l last:rounded-r ${
                params.order === order ? 'bg-raised font-medium' : 'text-muted hover:bg-raised'
              }`}
            >
              {order === 'newest' ? 'Newest first' : 'Oldest first'}
            </button>
          ))}
        </div>
        {whole || ranged ? (
          <Link to={pathname} className="self-center text-accent hover:underline">
            Clear filters
          </Link>
        ) : null}
        <div className="ml-auto">
          {complete ? (
            <ExportMenu
              filename={logExportName(org, env, params)}
              rows={matched}
              columns={EXPORT_COLUMNS}
              label="events"
            />
          ) : (
            <button
              type="button"
              className="rounded border border-line px-2 py-1 hover:bg-raised disabled:opacity-60"
              disabled={reading}
              onClick={() => {
                setExportAll(true)
                if (history.data) void history.refetch()
              }}
            >
              {reading
                ? 'Export (reading the log…)'
                : `Export all ${whole ? 'matches' : 'events'}…`}
            </button>
          )}
        </div>
      </div>
      {whole || exportAll ? (
        <HistoryProgress
          history={history.data}
          reading={reading}
          error={history.error}
          matches={whole ? matched.length : null}
          onStop={() => void queryClient.cancelQueries({ queryKey: historyOptions.queryKey })}
          onContinue={() => void history.refetch()}
        />
      ) : null}
      <p role="status" className="mt-2 text-sm text-muted">
        {newCount > 0 ? (
          <span className="mr-2 rounded bg-info-soft px-1.5 py-0.5 font-medium text-info">
            {pluralise(newCount, 'new event')}
            <span className="sr-only"> at the top.</span>
          </span>
        ) : null}
        {whole
          ? complete
            ? `${formatCount(matched.length)} of ${pluralise(history.data?.events.length ?? 0, 'event')}${inRange} match the filters.`
            : 'Reading the whole log for the filters…'
          : data.totalCount !== null
            ? `${pluralise(data.totalCount, 'event')}${inRange ? `${inRange}` : ' in total'}; ${formatCount(data.events.length)} on this page.`
            : `${pluralise(data.events.length, 'event')} on this page.`}
      </p>
      {shown.length === 0 ? (
        <div className="mt-2">
          {whole ? (
            <EmptyState
              title={reading || !history.data ? 'Searching the log…' : 'No event matches'}
            >
              {reading || !history.data
                ? 'Matches appear here as the log is read.'
                : `No event of ${env}${inRange} matches these filters.`}
            </EmptyState>
          ) : (
            <EmptyState title="No events">
              {`${env} has no recorded changes${inRange}${params.page > 1 ? ' on this page' : ''}.`}
            </EmptyState>
          )}
        </div>
      ) : (
        <Table
          compact
          className="mt-2"
          onClick={onAnchorClick}
          caption={
            <>
              Change log of {env}
              {whole ? ', events matching the filters' : ''}
              {inRange}, {params.order} first, page {params.page}
            </>
          }
          columns={['Snapshot', 'Event', 'Artifact', 'Flow', 'Compliance', 'Reported', 'Code']}
        >
          {shown.map((event, position) => (
            <tr
              key={rowKeys[position]}
              className={arrived.has(eventKey(event)) ? `align-top ${NEW_ROW_CLASS}` : 'align-top'}
            >
              <th scope="row" className="px-3 py-2 font-normal">
                {event.snapshotIndex === null ? (
                  <span className="text-muted">no snapshot</span>
                ) : (
                  <a
                    href={snapshotPath(org, env, event.snapshotIndex)}
                    className="font-mono text-accent hover:underline"
                  >
                    #{event.snapshotIndex}
                  </a>
                )}
                {arrived.has(eventKey(event)) ? <NewMark /> : null}
              </th>
              <td className="px-3 py-2">
                <span className="font-medium whitespace-nowrap">
                  <span aria-hidden="true" className="mr-1 text-muted">
                    {eventTypeIcon(event.type)}
                  </span>
                  {event.type}
                </span>
                <p className="break-words">{event.description || 'no description'}</p>
              </td>
              <td className="px-3 py-2">
                {event.flow && event.fingerprint ? (
                  <a
                    href={artifactPath(org, event.flow, event.fingerprint)}
                    className="font-medium text-accent hover:underline"
                  >
                    {shortArtifactName(event.artifactName) || 'unknown'}
                  </a>
                ) : (
                  <span className="font-medium">
                    {shortArtifactName(event.artifactName) || 'unknown'}
                  </span>
                )}
                <div className="text-xs">
                  <ShortId value={event.fingerprint} kind="fingerprint" />
                </div>
              </td>
              <td className="px-3 py-2">
                <ProvenanceLink org={org} flow={event.flow} />
              </td>
              <td className="px-3 py-2">
                {event.fingerprint && event.snapshotIndex !== null ? (
                  <ComplianceWhy
                    value={event.artifactCompliant}
                    subject={`${shortArtifactName(event.artifactName) || 'the artifact'} in ${env}#${event.snapshotIndex}`}
                  >
                    <SnapshotArtifactExplanation
                      org={org}
                      env={env}
                      index={event.snapshotIndex}
                      fingerprint={event.fingerprint}
                    />
                  </ComplianceWhy>
                ) : (
                  <ComplianceBadge value={event.artifactCompliant} />
                )}
              </td>
              <td className="px-3 py-2">
                <TimeCell value={event.reportedAt} />
              </td>
              <td className="px-3 py-2">
                {safeHref(event.codeDiffUrl) ? (
                  <SafeLink href={event.codeDiffUrl}>Code diff</SafeLink>
                ) : (
                  <span className="text-muted">none</span>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager
        label="Log pages"
        page={params.page}
        totalPages={whole ? matchPages : data.totalPages}
        hasNext={
          whole
            ? params.page < matchPages
            : data.totalPages !== null
              ? params.page < data.totalPages
              : data.events.length >= EVENTS_PER_PAGE
        }
        hrefFor={hrefFor}
        previousLabel={params.order === 'newest' ? 'Newer' : 'Older'}
        nextLabel={params.order === 'newest' ? 'Older' : 'Newer'}
      />
    </div>
  )
}
