import { useQueries } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import type { Artifact } from '@/api/artifacts'
import { eventQueries } from '@/api/events'
import { snapshotPath } from '@/lib/app-paths'
import { artifactHistory, runSpans } from './artifact-runs'
import { ARTIFACT_HISTORY_SUMMARY } from '@/components/chart-placeholder'
import { HistorySection } from './history-section'
import type { RunInterval } from './intervals'

/**
 * Where an artifact ran, when, and with how many replicas: one lane per environment, from
 * each environment's log from its first start to the last snapshot it was seen in. Its own chunk.
 */
export default function ArtifactHistory({ org, artifact }: { org: string; artifact: Artifact }) {
  const spans = useMemo(() => runSpans(artifact), [artifact])
  const logs = useQueries({
    queries: spans.map((span) =>
      span.since === null
        ? eventQueries.between(org, span.environment, 1, span.end)
        : eventQueries.since(org, span.environment, span.since, span.end),
    ),
  })
  const [builtAt] = useState(() => Date.now() / 1000)
  const ready = logs.every((log) => log.data !== undefined)
  // A key that changes when any log's data does: useQueries returns a new list every render.
  const dataKey = logs.map((log) => log.dataUpdatedAt).join(',')
  const history = useMemo(
    () =>
      ready
        ? artifactHistory(
            artifact.fingerprint,
            spans.map((span, position) => ({
              environment: span.environment,
              events: logs[position]?.data?.events ?? [],
            })),
            builtAt,
          )
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `logs` is read through dataKey
    [ready, artifact.fingerprint, spans, builtAt, dataKey],
  )
  const failed = logs.find((log) => log.error)
  const truncated = spans.filter((_, position) => logs[position]?.data?.truncated)
  const hrefFor = useCallback(
    (interval: RunInterval) =>
      snapshotPath(org, interval.environment, interval.startIndex, interval.fingerprint),
    [org],
  )
  const snapshotHref = useCallback(
    (interval: RunInterval, index: number) =>
      snapshotPath(org, interval.environment, index, interval.fingerprint),
    [org],
  )
  return (
    <HistorySection
      history={history}
      loading={!ready && !failed && spans.length > 0}
      error={failed?.error ?? null}
      onRetry={() => logs.forEach((log) => void log.refetch())}
      summary={
        truncated.length
          ? `The logs of ${truncated.map((span) => span.environment).join(', ')} are long; only the start of the run there is shown.`
          : ARTIFACT_HISTORY_SUMMARY
      }
      empty="This artifact has not run in any environment."
      label="Runs of this artifact by environment"
      subjectHeading="Environment"
      hrefFor={hrefFor}
      snapshotHref={snapshotHref}
      lanes={spans.length}
    />
  )
}
