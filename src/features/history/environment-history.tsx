import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { historyQueries } from '@/api/history'
import { usePreferences } from '@/components/preferences'
import { artifactPath, diffWithPreviousPath, snapshotPath } from '@/lib/app-paths'
import { formatCount } from '@/lib/format'
import { formatAbsolute, toSnappishTime } from '@/lib/time'
import { HistorySection } from './history-section'
import { buildHistory, snapshotAt, type History, type RunInterval } from './intervals'

/**
 * An environment's history as a picture: every version that ran, when, with how many replicas,
 * from its change log and snapshot list (no snapshot contents). Its own chunk, loaded after
 * the page.
 */
export default function EnvironmentHistory({ org, env }: { org: string; env: string }) {
  const query = useQuery(historyQueries.environment(org, env))
  const { timeZone } = usePreferences()
  // Runs still going end "now": the time the data arrived, so the picture holds still.
  const [builtAt] = useState(() => Date.now() / 1000)
  const history = useMemo(
    () => (query.data ? buildHistory(query.data.events, query.data.snapshots, builtAt) : null),
    [query.data, builtAt],
  )
  const hrefFor = useCallback(
    (interval: RunInterval) =>
      interval.flow ? artifactPath(org, interval.flow, interval.fingerprint) : null,
    [org],
  )
  const snapshotHref = useCallback(
    (interval: RunInterval, index: number) => snapshotPath(org, env, index, interval.fingerprint),
    [org, env],
  )
  const moment = useCallback(
    (time: number, built: History) => {
      const snapshot = snapshotAt(built.snapshots, time)
      if (!snapshot) return <p className="text-muted">No snapshot of {env} was taken by then.</p>
      const expression = `${env}@{${toSnappishTime(time)}}`
      const diff = diffWithPreviousPath(org, env, snapshot.index)
      return (
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <span>
            <span className="text-muted">At </span>
            {formatAbsolute(time, { timeZone })}
            <span className="text-muted"> {env} was at </span>
            <span className="font-mono">#{snapshot.index}</span>
          </span>
          <Link
            to={snapshotPath(org, env, snapshot.index)}
            className="font-mono text-accent hover:underline"
            aria-label={`Open snapshot ${expression}, that is ${env}#${snapshot.index}`}
          >
            {expression}
          </Link>
          {diff ? (
            <Link to={diff} className="text-accent hover:underline">
              Diff #{snapshot.index - 1} → #{snapshot.index}
            </Link>
          ) : null}
        </p>
      )
    },
    [env, org, timeZone],
  )
  const data = query.data
  return (
    <HistorySection
      history={history}
      loading={query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      summary={
        data && history
          ? `${formatCount(history.intervalCount)} runs of ${formatCount(history.laneCount)} artifact names, from ${formatCount(data.events.length)} log events${
              data.truncated && data.totalEvents !== null
                ? ` (the newest of ${formatCount(data.totalEvents)}; older runs are not shown)`
                : ''
            }.`
          : null
      }
      empty={`${env} has no recorded runs.`}
      label={`Runs in ${env} over time`}
      subjectHeading="Artifact"
      hrefFor={hrefFor}
      snapshotHref={snapshotHref}
      moment={moment}
    />
  )
}
