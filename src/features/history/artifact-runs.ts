import type { Artifact } from '@/api/artifacts'
import type { EnvironmentEvent } from '@/api/events'
import { buildHistory, packRows, type History, type Lane, type RunInterval } from './intervals'

// An environment name (Kosli's name pattern), then a 1-based snapshot number.
const SNAPSHOT_REF = /(?<![A-Za-z0-9._~-])([A-Za-z0-9][A-Za-z0-9._~-]*)#([1-9]\d*)(?!\d)/g

/** The snapshots of one environment whose log holds the artifact's runs there. */
export interface RunSpan {
  environment: string
  start: number
  end: number
}

/**
 * Per environment the artifact ran in, the first snapshot it started in and the last one it
 * was seen in (stopped, or still running), from its history rows and `running`/`exited`.
 */
export function runSpans(artifact: Pick<Artifact, 'history' | 'running' | 'exited'>): RunSpan[] {
  const spans = new Map<string, RunSpan>()
  const widen = (environment: string, index: number) => {
    const span = spans.get(environment)
    if (!span) spans.set(environment, { environment, start: index, end: index })
    else {
      span.start = Math.min(span.start, index)
      span.end = Math.max(span.end, index)
    }
  }
  // Its start, scale and stop rows name the snapshot: `Started running in aws-prod#65 …`.
  for (const event of artifact.history) {
    for (const match of event.event.matchAll(SNAPSHOT_REF)) {
      const [, environment, index] = match
      if (environment && index) widen(environment, Number(index))
    }
  }
  for (const ref of [...artifact.running, ...artifact.exited]) widen(ref.environment, ref.index)
  return [...spans.values()].sort((a, b) =>
    a.environment < b.environment ? -1 : a.environment > b.environment ? 1 : 0,
  )
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
