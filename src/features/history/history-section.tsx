import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { useSearchParams } from 'react-router'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { HeadedSection } from '@/components/headed-section'
import { usePreferences } from '@/components/preferences'
import { Skeleton } from '@/components/skeleton'
import { ChartPlaceholder, HISTORY_SECTION } from '@/components/chart-placeholder'
import { formatAbsolute } from '@/lib/time'
import { HistoryChart, type TimeWindow } from './history-chart'
import { HISTORY_VIEW_PARAM } from '@/lib/app-paths'
import { parseHistoryRange, withHistoryRange } from './history-range'
import { HistoryTable } from './history-table'
import type { History, RunInterval } from './intervals'

interface HistorySectionProps {
  /** `null` while loading or after an error. */
  history: History | null
  loading: boolean
  error: unknown
  onRetry: () => void
  /** A line under the heading: what the picture is built from. */
  summary?: ReactNode
  empty: string
  label: string
  subjectHeading: 'Artifact' | 'Environment'
  hrefFor: (interval: RunInterval) => string | null
  snapshotHref: (interval: RunInterval, index: number) => string
  moment?: (time: number, history: History) => ReactNode
  /** How many lanes the chart will have, when known before it loads: its placeholder's height. */
  lanes?: number
}

/**
 * The History section: heading, chart or table (`?history=table`), the time window in
 * `?from=&to=`. Pages give it the runs and the links.
 */
export function HistorySection({
  history,
  loading,
  error,
  onRetry,
  summary,
  empty,
  label,
  subjectHeading,
  hrefFor,
  snapshotHref,
  moment,
  lanes,
}: HistorySectionProps) {
  const { timeZone } = usePreferences()
  const [searchParams, setSearchParams] = useSearchParams()
  const range = useMemo(() => parseHistoryRange(searchParams), [searchParams])
  const asTable = searchParams.get(HISTORY_VIEW_PARAM) === 'table'
  // The window while a gesture runs, before the URL has it.
  const [live, setLive] = useState<TimeWindow | null>(null)
  // The window last written to the URL, unrounded: while the URL still says it, the chart keeps
  // exactly the picture it drew, so writing the URL changes nothing on screen.
  const [written, setWritten] = useState<TimeWindow | null>(null)
  const view = useMemo<TimeWindow | null>(() => {
    if (!history) return null
    if (written && range.from === Math.floor(written.from) && range.to === Math.ceil(written.to))
      return written
    const from = range.from ?? history.start
    const to = range.to ?? history.end
    return to > from ? { from, to } : { from: history.start, to: history.end }
  }, [history, range, written])

  const onViewChange = useCallback(
    (next: TimeWindow, commit: boolean) => {
      if (!commit) {
        setLive(next)
        return
      }
      setLive(null)
      setWritten(next)
      setSearchParams(
        (current) =>
          withHistoryRange(current, { from: Math.floor(next.from), to: Math.ceil(next.to) }),
        { replace: true, preventScrollReset: true },
      )
    },
    [setSearchParams],
  )
  const setTable = (table: boolean) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current)
        next.set(HISTORY_VIEW_PARAM, table ? 'table' : 'chart')
        return next
      },
      { replace: true, preventScrollReset: true },
    )
  const momentFor = useMemo(
    () => (moment && history ? (time: number) => moment(time, history) : undefined),
    [moment, history],
  )
  const shown = live ?? view

  return (
    <HeadedSection
      {...HISTORY_SECTION}
      beside={
        <>
          <div role="group" aria-label="Show history as" className="flex text-sm">
            {(['chart', 'table'] as const).map((kind) => (
              <button
                key={kind}
                type="button"
                aria-pressed={asTable === (kind === 'table')}
                onClick={() => setTable(kind === 'table')}
                className={`border border-line px-2 py-1 first:rounded-l last:rounded-r ${
                  asTable === (kind === 'table')
                    ? 'bg-raised font-medium'
                    : 'text-muted hover:bg-raised'
                }`}
              >
                {kind === 'chart' ? 'Chart' : 'Table'}
              </button>
            ))}
          </div>
          {summary ? <p className="text-sm text-muted">{summary}</p> : null}
        </>
      }
    >
      {loading ? (
        lanes !== undefined && !asTable ? (
          <ChartPlaceholder lanes={lanes} label="Loading the history" />
        ) : (
          <Skeleton rows={4} label="Loading the history" />
        )
      ) : error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : !history || !view || !shown || history.intervalCount === 0 ? (
        <EmptyState title="No runs yet">{empty}</EmptyState>
      ) : asTable ? (
        <>
          <p className="text-sm text-muted">
            {formatAbsolute(shown.from, { timeZone })} – {formatAbsolute(shown.to, { timeZone })}
          </p>
          <HistoryTable
            history={history}
            view={shown}
            caption={`${label}, oldest first`}
            subjectHeading={subjectHeading}
            hrefFor={hrefFor}
            snapshotHref={snapshotHref}
          />
        </>
      ) : (
        <HistoryChart
          history={history}
          view={view}
          onViewChange={onViewChange}
          hrefFor={hrefFor}
          moment={momentFor}
          label={label}
          laneNoun={subjectHeading === 'Artifact' ? 'artifact' : 'environment'}
        />
      )}
    </HeadedSection>
  )
}
