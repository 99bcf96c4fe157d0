import { useQueries, useQueryClient } from '@tanstack/react-query'
import { memo, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { usePreferences } from '@/components/preferences'
import { describeError } from '@/components/describe-error'
import { ComplianceBadge } from '@/components/compliance-badge'
import { HeadedSection } from '@/components/headed-section'
import { NEW_ROW_CLASS, NewMark } from '@/components/new-mark'
import { TimeStamp } from '@/components/time-stamp'
import { useArrivals } from '@/components/use-arrivals'
import { pluralise, serviceName } from '@/lib/format'
import { EVENT_KIND_ICON } from '@/lib/event-kind'
import { groupByDay, mergeActivity } from './activity'
import { ACTIVITY_RANGES, type ActivityRange } from './overview-search'
import {
  ACTIVITY_SNAPSHOTS,
  overviewEventsPlaceholder,
  overviewEventsQuery,
} from './overview-queries'
import { artifactPath, snapshotPath } from '@/lib/app-paths'

const RANGE_LABEL: Record<ActivityRange, string> = {
  '24h': '24 hours',
  '7d': '7 days',
  '30d': '30 days',
}

const FIRST_SHOWN = 25

/**
 * The latest changes across the environments, from each one's log, merged newest first and
 * grouped by day. Each log is read once, for the snapshots up to the one the matrix shows; when
 * a newer snapshot arrives, the list keeps showing what it has while the new snapshots' events
 * are read, and marks the changes they bring as new.
 */
// Memoised: its props do not change while the filter is typed into.
export const ActivityPanel = memo(function ActivityPanel({
  org,
  sources,
  from,
  to,
  live,
  range,
  onRange,
  waiting = false,
}: {
  org: string
  /** Each physical environment the matrix shows, with the snapshot it shows. */
  sources: ReadonlyArray<{ env: string; index: number }>
  /**
   * The matrix is still reading its columns: the logs wait, so their requests and parsing do
   * not hold up the table people opened the page for.
   */
  waiting?: boolean
  from: number
  /** The moment the matrix shows; null for now, with no end to the range. */
  to: number | null
  /** The snapshots shown move on by themselves: mark what they bring. */
  live: boolean
  range: ActivityRange
  onRange: (range: ActivityRange) => void
}) {
  const { timeZone } = usePreferences()
  const queryClient = useQueryClient()
  const results = useQueries({
    queries: sources.map((source) => ({
      ...overviewEventsQuery(org, source.env, source.index),
      enabled: !waiting,
      placeholderData: () => overviewEventsPlaceholder(queryClient, org, source.env, source.index),
    })),
  })
  const logs = results.map((result) => result.data?.events ?? [])
  const dataKey = results.map((result) => `${result.dataUpdatedAt}:${result.isPlaceholderData}`)
  const entries = useMemo(
    () => mergeActivity(logs, from, to ?? Infinity),
    // logs is new on every render; the data it holds changes only with dataKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [dataKey.join(','), from, to],
  )
  const [limit, setLimit] = useState(FIRST_SHOWN)
  const shown = entries.slice(0, limit)
  const days = useMemo(() => groupByDay(shown, { timeZone }), [shown, timeZone])
  const reading = results.filter((result) => result.isPending).length
  // Only the first read shows placeholders; a column added later reads its log behind the list.
  const loading = reading > 0 && results.every((result) => result.data === undefined)
  const keys = useMemo(() => entries.map((entry) => entry.key), [entries])
  const arrived = useArrivals(
    keys,
    `${range}\t${sources.map((source) => source.env).join(',')}\t${reading > 0 ? 'reading' : 'read'}`,
    live,
  )
  const newCount = entries.filter((entry) => arrived.has(entry.key)).length
  const failures = results.flatMap((result, position) =>
    result.isError ? [{ env: sources[position]?.env ?? '', result }] : [],
  )
  // A log read back to its window's start may hold older changes than it reached.
  const partial = results.some((result, position) => {
    const source = sources[position]
    const events = result.data?.events ?? []
    if (!source || !result.data) return false
    const oldest = events[0]?.reportedAt
    return (
      result.data.truncated ||
      (source.index > ACTIVITY_SNAPSHOTS &&
        oldest !== undefined &&
        oldest !== null &&
        oldest > from &&
        events.length > 0)
    )
  })

  return (
    <HeadedSection
      id="activity-heading"
      title="Activity"
      align="center"
      className="space-y-2"
      beside={
        <>
          <fieldset className="flex items-center gap-1 text-sm">
            <legend className="sr-only">Range</legend>
            {ACTIVITY_RANGES.map((option) => (
              <label
                key={option}
                className={`cursor-pointer rounded border px-2 py-0.5 ${option === range ? 'border-accent bg-raised font-semibold' : 'border-line'}`}
              >
                <input
                  type="radio"
                  name="activity-range"
                  value={option}
                  checked={option === range}
                  onChange={() => onRange(option)}
                  className="sr-only"
                />
                {RANGE_LABEL[option]}
              </label>
            ))}
          </fieldset>
          <span className="text-sm text-muted">
            {to === null ? (
              'up to now'
            ) : (
              <>
                before <TimeStamp value={to} variant="absolute" />
              </>
            )}
            {reading > 0 && !loading ? ` · reading ${pluralise(reading, 'more log')}…` : ''}
          </span>
        </>
      }
    >
      <p role="status" className="text-sm empty:hidden">
        {newCount > 0 ? (
          <span className="rounded bg-info-soft px-1.5 py-0.5 font-medium text-info">
            {pluralise(newCount, 'new change')}
            <span className="sr-only"> at the top of the activity.</span>
          </span>
        ) : null}
      </p>
      {failures.map(({ env, result }) => {
        const description = describeError(result.error)
        return (
          <p key={env} role="alert" className="text-sm text-bad">
            <span aria-hidden="true">✕ </span>
            {env}’s log: {description.title}. {description.detail}{' '}
            <button
              type="button"
              className="rounded border border-line bg-raised px-2 font-medium text-ink"
              onClick={() => void result.refetch()}
            >
              Retry {env}
            </button>
          </p>
        )
      })}
      {loading ? (
        <div role="status" className="space-y-2" aria-label="Loading activity">
          {[0, 1, 2].map((key) => (
            <div key={key} className="h-8 animate-pulse rounded bg-raised" />
          ))}
        </div>
      ) : entries.length === 0 ? (
        <p className="rounded border border-dashed border-line p-3 text-sm text-muted">
          No changes in these environments in the{' '}
          {to === null ? `last ${RANGE_LABEL[range]}` : `${RANGE_LABEL[range]} before this moment`}.
          {range !== '30d' ? (
            <>
              {' '}
              <button
                type="button"
                className="text-accent underline-offset-2 hover:underline"
                onClick={() => onRange('30d')}
              >
                Look back 30 days
              </button>
            </>
          ) : null}
        </p>
      ) : (
        <ol className="space-y-3" aria-label="Changes, newest first">
          {days.map((day) => (
            <li key={day.day}>
              <h3 className="border-b border-line pb-1 text-sm font-semibold text-muted">
                {day.heading}
              </h3>
              <ul className="divide-y divide-line">
                {day.entries.map((entry) => (
                  <li
                    key={entry.key}
                    className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 py-1.5 text-sm ${arrived.has(entry.key) ? NEW_ROW_CLASS : ''}`}
                  >
                    <TimeStamp
                      value={entry.reportedAt}
                      variant="absolute"
                      className="w-60 text-muted"
                    />
                    <span className="w-24 font-medium">
                      <span aria-hidden="true">{EVENT_KIND_ICON[entry.kind]} </span>
                      {entry.kind}
                    </span>
                    <span className="min-w-0 flex-1 break-all">
                      {entry.flow && entry.fingerprint ? (
                        <Link
                          to={artifactPath(org, entry.flow, entry.fingerprint)}
                          className="text-accent underline underline-offset-2"
                          title={entry.artifactName}
                        >
                          {serviceName(entry.artifactName) || entry.artifactName}
                        </Link>
                      ) : (
                        <span title={entry.artifactName}>
                          {serviceName(entry.artifactName) || entry.artifactName}
                        </span>
                      )}{' '}
                      <span className="text-muted">{entry.description}</span>
                    </span>
                    <Link
                      to={snapshotPath(org, entry.env, entry.snapshotIndex)}
                      className="font-mono text-accent underline-offset-2 hover:underline"
                    >
                      {entry.env}#{entry.snapshotIndex}
                    </Link>
                    {entry.compliant === false ? <ComplianceBadge value={false} /> : null}
                    {arrived.has(entry.key) ? <NewMark /> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {entries.length > limit ? (
        <button
          type="button"
          className="rounded border border-line bg-raised px-3 py-1 text-sm font-medium"
          onClick={() => setLimit((count) => count + FIRST_SHOWN)}
        >
          Show {Math.min(FIRST_SHOWN, entries.length - limit)} more of{' '}
          {pluralise(entries.length - limit, 'change')}
        </button>
      ) : null}
      {partial ? (
        <p className="text-xs text-muted">
          Each environment’s log is read for its last {ACTIVITY_SNAPSHOTS} snapshots; older changes
          in this range are in that environment’s log.
        </p>
      ) : null}
    </HeadedSection>
  )
})
