import type { EnvironmentEvent } from '@/api/events'
import type { SnapshotSummary } from '@/api/snapshots'
import { eventKind } from '@/lib/event-kind'
import { imageNameWithoutTag, serviceName, shortArtifactName } from '@/lib/format'

/** A stretch of one run with the same replica count and compliance. */
export interface RunSegment {
  /** The snapshot that began this stretch. */
  fromIndex: number
  from: number
  /** When the next stretch (or the run) ends; `null` while it still runs. */
  to: number | null
  replicas: number
  compliant: boolean | null
}

/** One version (fingerprint) running in the environment from one snapshot to another. */
export interface RunInterval {
  id: string
  environment: string
  fingerprint: string
  artifactName: string
  /** `runner:16d9990` */
  label: string
  flow: string | null
  /** The snapshot it started in (or the first one the log shows it in). */
  startIndex: number
  start: number
  /** The snapshot it stopped in; `null` while it still runs. */
  endIndex: number | null
  end: number | null
  /** The run was already going before the oldest event the log gave us. */
  startsBeforeLog: boolean
  segments: RunSegment[]
  maxReplicas: number
  /** Some stretch of the run was not compliant. */
  nonCompliant: boolean
  /** The sub-row of its lane: overlapping versions (blue-green) stack. */
  row: number
}

/** One artifact name (image without tag) in one flow. */
export interface Lane {
  key: string
  /** `runner` */
  name: string
  /** `244531986313.dkr.ecr.eu-central-1.amazonaws.com/runner` */
  image: string
  flow: string | null
  rows: number
  intervals: RunInterval[]
}

export interface LaneGroup {
  flow: string | null
  /** The group's heading: its flow, or that it has none. */
  title: string
  lanes: Lane[]
}

export interface History {
  groups: LaneGroup[]
  /** Oldest first. */
  snapshots: Array<{ index: number; from: number }>
  intervalCount: number
  laneCount: number
  /** The span worth showing: the first run's start to `now`. */
  start: number
  end: number
}

const FROM_TO = /\(from (\d+) to (\d+)\)/
const SCALED = /from (\d+) to (\d+)/i
const COUNT = /^(\d+) instances? /

/**
 * The replica count an event leaves the artifact at, from the server's sentence:
 * `3 instances started running (from 0 to 3)`, `2 instances stopped running (from 3 to 1)`,
 * `3 instances changed`; legacy `scaled` rows say `from 3 to 1`. `null` when it does not say.
 */
export function replicasAfter(description: string): number | null {
  const fromTo = FROM_TO.exec(description) ?? SCALED.exec(description)
  if (fromTo?.[2] !== undefined) return Number(fromTo[2])
  const count = COUNT.exec(description)
  return count?.[1] !== undefined ? Number(count[1]) : null
}

interface OpenRun {
  interval: RunInterval
  segment: RunSegment
}

type PlacedEvent = EnvironmentEvent & { snapshotIndex: number; fingerprint: string }

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function isPlaced(event: EnvironmentEvent): event is PlacedEvent {
  return event.snapshotIndex !== null && event.fingerprint !== null
}

/**
 * The placed events oldest snapshot first; within a snapshot the log's own order. A counting
 * sort over the snapshot numbers: linear, and stable.
 */
function bySnapshot(events: ReadonlyArray<EnvironmentEvent>): PlacedEvent[] {
  let count = 0
  let lo = Infinity
  let hi = -Infinity
  for (const event of events) {
    if (!isPlaced(event)) continue
    count++
    if (event.snapshotIndex < lo) lo = event.snapshotIndex
    if (event.snapshotIndex > hi) hi = event.snapshotIndex
  }
  const ordered = new Array<PlacedEvent>(count)
  if (count === 0) return ordered
  const range = hi - lo + 1
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || range > 4 * count + 4096) {
    // Sparse or odd numbers: a comparison sort (Array#sort is stable).
    let at = 0
    for (const event of events) if (isPlaced(event)) ordered[at++] = event
    return ordered.sort((a, b) => a.snapshotIndex - b.snapshotIndex)
  }
  const next = new Int32Array(range + 1)
  for (const event of events) {
    if (isPlaced(event)) {
      const slot = event.snapshotIndex - lo + 1
      next[slot] = (next[slot] ?? 0) + 1
    }
  }
  for (let i = 1; i <= range; i++) next[i] = (next[i] ?? 0) + (next[i - 1] ?? 0)
  for (const event of events) {
    if (!isPlaced(event)) continue
    const slot = event.snapshotIndex - lo
    ordered[next[slot] ?? 0] = event
    next[slot] = (next[slot] ?? 0) + 1
  }
  return ordered
}

/** What one artifact name is called on the chart, worked out once per name. */
interface Names {
  label: string
  image: string
  service: string
}

/**
 * Runs per artifact, from an environment's log and snapshot list (no snapshot contents): each
 * `started` opens a run, `scaled`/`changed` events change its replicas, `became-*` its compliance,
 * and `exited` closes it. A run first seen in a non-start event began before the log we have.
 * Runs still open end at `now`. Lanes group the versions of one image in one flow; versions that
 * overlap in time (blue-green) get separate rows of their lane. One pass over the log, in time
 * linear in its length.
 */
export function buildHistory(
  events: ReadonlyArray<EnvironmentEvent>,
  snapshots: ReadonlyArray<SnapshotSummary>,
  now: number,
): History {
  const timeOf = new Map<number, number>()
  for (const snapshot of snapshots) timeOf.set(snapshot.index, snapshot.from)
  const listed = timeOf.size
  const ordered = bySnapshot(events)
  // A snapshot the list does not have: the time of the first event (newest first) that names it.
  for (const event of events) {
    if (isPlaced(event) && event.reportedAt !== null && !timeOf.has(event.snapshotIndex))
      timeOf.set(event.snapshotIndex, event.reportedAt)
  }

  const open = new Map<string, OpenRun>()
  const names = new Map<string, Names>()
  const lanes = new Map<string, Lane>()
  let intervalCount = 0
  let start = Infinity

  const namesOf = (artifactName: string, fingerprint: string): Names => {
    let known = names.get(artifactName)
    if (!known) {
      const label = shortArtifactName(artifactName)
      known = {
        label,
        image: imageNameWithoutTag(artifactName),
        service: serviceName(artifactName),
      }
      names.set(artifactName, known)
    }
    return known.label && known.image && known.service
      ? known
      : {
          label: known.label || fingerprint.slice(0, 7),
          image: known.image || fingerprint,
          service: known.service || known.label || fingerprint.slice(0, 7),
        }
  }

  const openRun = (
    event: PlacedEvent,
    at: number,
    replicas: number,
    startsBeforeLog: boolean,
  ): OpenRun => {
    const segment: RunSegment = {
      fromIndex: event.snapshotIndex,
      from: at,
      to: null,
      replicas,
      compliant: event.artifactCompliant,
    }
    const { label, image, service } = namesOf(event.artifactName, event.fingerprint)
    const interval: RunInterval = {
      id: `${event.fingerprint}@${event.snapshotIndex}`,
      environment: event.environment,
      fingerprint: event.fingerprint,
      artifactName: event.artifactName,
      label,
      flow: event.flow,
      startIndex: event.snapshotIndex,
      start: at,
      endIndex: null,
      end: null,
      startsBeforeLog,
      segments: [segment],
      maxReplicas: replicas,
      nonCompliant: event.artifactCompliant === false,
      row: 0,
    }
    // Runs open oldest first, so each lane gets its runs in order of their start.
    const key = `${event.flow ?? ''}\u0000${image}`
    let lane = lanes.get(key)
    if (!lane) {
      lane = { key, name: service, image, flow: event.flow, rows: 0, intervals: [] }
      lanes.set(key, lane)
    }
    lane.intervals.push(interval)
    intervalCount++
    if (at < start) start = at
    const run = { interval, segment }
    open.set(event.fingerprint, run)
    return run
  }

  const change = (
    run: OpenRun,
    index: number,
    at: number,
    replicas: number,
    compliant: boolean | null,
  ) => {
    const { segment, interval } = run
    if (replicas === segment.replicas && compliant === segment.compliant) return
    if (segment.fromIndex === index) {
      // Several events about one artifact in one snapshot: the last word wins.
      segment.replicas = replicas
      segment.compliant = compliant
    } else {
      segment.to = at
      run.segment = { fromIndex: index, from: at, to: null, replicas, compliant }
      interval.segments.push(run.segment)
    }
    if (replicas > interval.maxReplicas) interval.maxReplicas = replicas
    if (compliant === false) interval.nonCompliant = true
  }

  for (const event of ordered) {
    const at = timeOf.get(event.snapshotIndex) ?? event.reportedAt ?? 0
    const kind = eventKind(event.type)
    let run = open.get(event.fingerprint)
    if (kind === 'stopped') {
      if (!run) continue
      run.segment.to = at
      run.interval.end = at
      run.interval.endIndex = event.snapshotIndex
      open.delete(event.fingerprint)
      continue
    }
    const said = replicasAfter(event.description)
    if (kind === 'started') {
      if (run) {
        change(
          run,
          event.snapshotIndex,
          at,
          said ?? run.segment.replicas,
          event.artifactCompliant ?? run.segment.compliant,
        )
      } else {
        openRun(event, at, said ?? 1, false)
      }
      continue
    }
    if (!run) {
      run = openRun(event, at, said ?? 1, true)
      if (kind === 'compliance') run.segment.compliant = event.type === 'became-compliant'
      run.interval.nonCompliant = run.segment.compliant === false
      continue
    }
    const compliant =
      kind === 'compliance'
        ? event.type === 'became-compliant'
        : (event.artifactCompliant ?? run.segment.compliant)
    change(run, event.snapshotIndex, at, said ?? run.segment.replicas, compliant)
  }

  const byFlow = new Map<string | null, Lane[]>()
  for (const lane of lanes.values()) {
    lane.rows = packRows(lane.intervals)
    const list = byFlow.get(lane.flow)
    if (list) list.push(lane)
    else byFlow.set(lane.flow, [lane])
  }
  const groups: LaneGroup[] = [...byFlow.entries()]
    .map(([flow, list]) => ({
      flow,
      title: flow ?? 'No provenance',
      lanes: list.sort((a, b) => compareText(a.name, b.name) || compareText(a.image, b.image)),
    }))
    // Flows by name; artifacts without provenance last.
    .sort((a, b) => (a.flow === null ? 1 : b.flow === null ? -1 : compareText(a.flow, b.flow)))

  const snapshotTimes: Array<{ index: number; from: number }> = []
  for (const [index, from] of timeOf) snapshotTimes.push({ index, from })
  // The API lists snapshots newest first: reversed, they are in order, unless the log added some.
  if (timeOf.size === listed && isDescending(snapshotTimes)) snapshotTimes.reverse()
  else snapshotTimes.sort((a, b) => a.index - b.index)
  const first = snapshotTimes[0]?.from
  return {
    groups,
    snapshots: snapshotTimes,
    intervalCount,
    laneCount: lanes.size,
    start: Number.isFinite(start) ? start : (first ?? now),
    end: now,
  }
}

function isDescending(list: ReadonlyArray<{ index: number }>): boolean {
  for (let i = 1; i < list.length; i++) {
    if ((list[i]?.index ?? 0) >= (list[i - 1]?.index ?? 0)) return false
  }
  return true
}

function startsInOrder(intervals: ReadonlyArray<RunInterval>): boolean {
  for (let i = 1; i < intervals.length; i++) {
    const a = intervals[i - 1]
    const b = intervals[i]
    if (a && b && (a.start > b.start || (a.start === b.start && a.startIndex > b.startIndex)))
      return false
  }
  return true
}

/**
 * Sorts a lane's runs by start and gives each the first row whose last run ended by its start,
 * so versions that overlap (blue-green) sit one above the other. Returns the number of rows.
 */
export function packRows(intervals: RunInterval[]): number {
  if (intervals.length === 1 && intervals[0]) {
    intervals[0].row = 0
    return 1
  }
  if (!startsInOrder(intervals))
    intervals.sort((a, b) => a.start - b.start || a.startIndex - b.startIndex)
  const rowEnds: number[] = []
  for (const interval of intervals) {
    const end = interval.end ?? Infinity
    let row = 0
    while (row < rowEnds.length && (rowEnds[row] ?? Infinity) > interval.start) row++
    rowEnds[row] = end
    interval.row = row
  }
  return Math.max(1, rowEnds.length)
}

/** The snapshot that was current at `time`: the newest one taken at or before it. */
export function snapshotAt(
  snapshots: ReadonlyArray<{ index: number; from: number }>,
  time: number,
): { index: number; from: number } | null {
  let lo = 0
  let hi = snapshots.length - 1
  let found: { index: number; from: number } | null = null
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const snapshot = snapshots[mid]
    if (!snapshot) break
    if (snapshot.from <= time) {
      found = snapshot
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return found
}

/** The replicas and compliance of a run at a time, or null when it was not running then. */
export function segmentAt(interval: RunInterval, time: number): RunSegment | null {
  if (time < interval.start || (interval.end !== null && time >= interval.end)) return null
  for (let i = interval.segments.length - 1; i >= 0; i--) {
    const segment = interval.segments[i]
    if (segment && segment.from <= time) return segment
  }
  return null
}
