import type { Artifact } from '@/api/artifacts'
import type { EnvironmentEvent } from '@/api/events'
import { timelineKind } from '@/lib/history-kind'
import { buildHistory, packRows, type History, type Lane, type RunInterval } from './intervals'

/** The stretch of one environment's log that holds the artifact's runs there. */
export interface RunSpan {
  environment: string
  /**
   * Unix seconds just before the artifact's first start anywhere (the history's start rows,
   * else its first row); the log is read from the snapshot current then. `null`: from the first.
   */
  since: number | null
  /** The last snapshot it was seen in there: still running, or the one it exited in. */
  end: number
}

/**
 * Per environment the artifact runs in or exited from (`running`, `exited`), where its log
 * holds the runs: from the artifact's first start to the last snapshot it was seen in. Only
 * structured fields are read (history types and times, snapshot references), never the
 * wording of the history rows, which the server may change.
 */
export function runSpans(artifact: Pick<Artifact, 'history' | 'running' | 'exited'>): RunSpan[] {
  const dated = artifact.history.filter((event) => event.timestamp !== null)
  const starts = dated.filter((event) => timelineKind(event) === 'started')
  const times = (starts.length ? starts : dated).map((event) => event.timestamp ?? 0)
  const since = times.length ? Math.floor(Math.min(...times)) - 1 : null
  const ends = new Map<string, number>()
  for (const ref of [...artifact.running, ...artifact.exited])
    ends.set(ref.environment, Math.max(ends.get(ref.environment) ?? 0, ref.index))
  return [...ends.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([environment, end]) => ({ environment, since, end }))
}

/**
 * The artifact's runs with one lane per environment, from each environment's log over its
 * span: the same intervals as the environment's own chart, only this fingerprint's.
 */
export function artifactHistory(
  fingerprint: string,
  logs: ReadonlyArray<{ environment: string; events: ReadonlyArray<EnvironmentEvent> }>,
  now: number,
): History {
  const lanes: Lane[] = []
  let start = Infinity
  let end = -Infinity
  const snapshots: History['snapshots'] = []
  let intervalCount = 0
  for (const log of logs) {
    const own = log.events.filter((event) => event.fingerprint === fingerprint)
    const built = buildHistory(own, [], now)
    const intervals: RunInterval[] = built.groups.flatMap((group) =>
      group.lanes.flatMap((lane) => lane.intervals),
    )
    if (!intervals.length) continue
    for (const interval of intervals) {
      start = Math.min(start, interval.start)
      end = Math.max(end, interval.end ?? now)
    }
    intervalCount += intervals.length
    lanes.push({
      key: log.environment,
      name: log.environment,
      image: log.environment,
      flow: null,
      rows: packRows(intervals),
      intervals,
    })
  }
  // A margin either side, so the first start and the last stop are not on the frame.
  const margin = Number.isFinite(start) ? Math.max((end - start) * 0.05, 600) : 0
  return {
    groups: lanes.length ? [{ flow: null, title: 'Environments', lanes }] : [],
    snapshots,
    intervalCount,
    laneCount: lanes.length,
    start: Number.isFinite(start) ? start - margin : now,
    end: Number.isFinite(end) ? Math.min(end + margin, Math.max(now, end)) : now,
  }
}
