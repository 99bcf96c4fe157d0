import { useSuspenseQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link, useLocation, useSearchParams } from 'react-router'
import { eventQueries, type EnvironmentEvent } from '@/api/events'
import { ComplianceBadge } from '@/components/compliance-badge'
import { EmptyState } from '@/components/empty-state'
import { ExportMenu, type ExportColumn } from '@/components/export-menu'
import { SafeLink } from '@/components/safe-link'
import { ShortId } from '@/components/short-id'
import { complianceText, formatCount, pluralise, shortArtifactName } from '@/lib/format'
import { safeHref } from '@/lib/safe-url'
import { ComplianceWhy } from '@/features/compliance/compliance-why'
import { SnapshotArtifactExplanation } from '@/features/compliance/snapshot-why'
import {
  EVENTS_PER_PAGE,
  eventsTabSearch,
  NO_PROVENANCE,
  parseEventsTabParams,
  type EventsTabParams,
} from './environment-params'
import { Pager } from './pager'
import { artifactPath, flowPath, snapshotPath } from '@/lib/app-paths'
import { TimeCell } from '@/components/time-stamp'
import { isoTime } from '@/lib/time'
import { FilterSelect } from '@/components/filter-fields'
import { Table } from '@/components/table'
import { NEW_ROW_CLASS, NewMark } from '@/components/new-mark'
import { useArrivals } from '@/components/use-arrivals'

const EVENT_LOOK: Record<string, string> = {
  started: '▶',
  'started-compliant': '▶',
  'started-non-compliant': '▶',
  'started-unknown': '▶',
  exited: '■',
  changed: '↻',
  scaled: '⇅',
  'updated-provenance': '✎',
  'became-compliant': '✓',
  'became-non-compliant': '✕',
}

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

function matches(event: EnvironmentEvent, params: EventsTabParams): boolean {
  if (params.type && event.type !== params.type) return false
  if (params.flow === NO_PROVENANCE) return event.flow === null
  if (params.flow) return event.flow === params.flow || event.flows.includes(params.flow)
  return true
}

/** The environment's change log, a page at a time as the API pages it. */
export function EventsTab({ org, env }: { org: string; env: string }) {
  const [searchParams, setSearchParams] = useSearchParams()
  const { pathname } = useLocation()
  const params = useMemo(() => parseEventsTabParams(searchParams), [searchParams])
  const { data } = useSuspenseQuery(
    eventQueries.page(org, env, {
      page: params.page,
      perPage: EVENTS_PER_PAGE,
      reverse: params.order === 'oldest',
    }),
  )
  const shown = useMemo(() => data.events.filter((event) => matches(event, params)), [data, params])
  // Offer what occurs on this page, plus the current choice so it never vanishes from the list.
  const types = useMemo(
    () =>
      [...new Set([...data.events.map((event) => event.type), params.type])].filter(Boolean).sort(),
    [data, params.type],
  )
  const flows = useMemo(
    () =>
      [
        ...new Set([
          ...data.events.flatMap((event) => event.flows.concat(event.flow ?? [])),
          params.flow,
        ]),
      ]
        .filter((flow) => flow && flow !== NO_PROVENANCE)
        .sort(),
    [data, params.flow],
  )
  const update = (change: Partial<EventsTabParams>) =>
    setSearchParams(eventsTabSearch({ ...params, ...change }))
  const hrefFor = (page: number) => {
    const search = eventsTabSearch({ ...params, page }).toString()
    return search ? `${pathname}?${search}` : pathname
  }
  const filtered = params.type !== '' || params.flow !== ''
  // New events arrive at the top of the first page, newest first.
  const arrived = useArrivals(
    shown.map(eventKey),
    `${env}/${params.type}/${params.flow}`,
    params.page === 1 && params.order === 'newest',
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

  return (
    <div>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <FilterSelect
          label="Event type"
          value={params.type}
          options={[['', 'All types'], ...types]}
          onChange={(type) => update({ type })}
        />
        <FilterSelect
          label="Flow"
          value={params.flow}
          options={[['', 'All flows'], [NO_PROVENANCE, 'No provenance'], ...flows]}
          onChange={(flow) => update({ flow })}
          className="max-w-56"
        />
        <div role="group" aria-label="Order" className="flex">
          {(['newest', 'oldest'] as const).map((order) => (
            <button
              key={order}
              type="button"
              aria-pressed={params.order === order}
              onClick={() => update({ order, page: 1 })}
              className={`border border-line px-2 py-1 first:rounded-l last:rounded-r ${
                params.order === order ? 'bg-raised font-medium' : 'text-muted hover:bg-raised'
              }`}
            >
              {order === 'newest' ? 'Newest first' : 'Oldest first'}
            </button>
          ))}
        </div>
        <div className="ml-auto">
          <ExportMenu
            filename={`${org}-${env}-log-page-${params.page}`}
            rows={shown}
            columns={EXPORT_COLUMNS}
            label="events"
          />
        </div>
      </div>
      <p role="status" className="mt-2 text-sm text-muted">
        {newCount > 0 ? (
          <span className="mr-2 rounded bg-info-soft px-1.5 py-0.5 font-medium text-info">
            {pluralise(newCount, 'new event')}
            <span className="sr-only"> at the top.</span>
          </span>
        ) : null}
        {data.totalCount !== null ? `${pluralise(data.totalCount, 'event')} in total. ` : ''}
        {filtered
          ? `${formatCount(shown.length)} of the ${formatCount(data.events.length)} events on this page match the filters.`
          : `${pluralise(data.events.length, 'event')} on this page.`}
      </p>
      {shown.length === 0 ? (
        <div className="mt-2">
          <EmptyState
            title={data.events.length === 0 ? 'No events' : 'No event on this page matches'}
          >
            {data.events.length === 0
              ? `${env} has no recorded changes${params.page > 1 ? ' on this page' : ''}.`
              : 'Try another page or clear the filters.'}
          </EmptyState>
        </div>
      ) : (
        <Table
          compact
          className="mt-2"
          caption={
            <>
              Change log of {env}, {params.order} first, page {params.page}
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
                  <Link
                    to={snapshotPath(org, env, event.snapshotIndex)}
                    className="font-mono text-accent hover:underline"
                  >
                    #{event.snapshotIndex}
                  </Link>
                )}
                {arrived.has(eventKey(event)) ? <NewMark /> : null}
              </th>
              <td className="px-3 py-2">
                <span className="font-medium whitespace-nowrap">
                  <span aria-hidden="true" className="mr-1 text-muted">
                    {EVENT_LOOK[event.type] ?? '•'}
                  </span>
                  {event.type}
                </span>
                <p className="break-words">{event.description || 'no description'}</p>
              </td>
              <td className="px-3 py-2">
                {event.flow && event.fingerprint ? (
                  <Link
                    to={artifactPath(org, event.flow, event.fingerprint)}
                    className="font-medium text-accent hover:underline"
                  >
                    {shortArtifactName(event.artifactName) || 'unknown'}
                  </Link>
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
                {event.flow ? (
                  <Link to={flowPath(org, event.flow)} className="text-accent hover:underline">
                    {event.flow}
                  </Link>
                ) : (
                  <span className="text-muted">no provenance</span>
                )}
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
        totalPages={data.totalPages}
        hasNext={
          data.totalPages !== null
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
