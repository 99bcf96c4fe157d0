import type { History, Lane, RunInterval } from './intervals'

export interface TimeWindow {
  from: number
  to: number
}

export const ROW = 22
export const LANE_PAD = 6
export const GROUP_HEIGHT = 26

export interface GroupLine {
  kind: 'group'
  key: string
  title: string
  top: number
  height: number
}

export interface LaneLine {
  kind: 'lane'
  key: string
  lane: Lane
  /** The lane's runs that overlap the window, by start. */
  intervals: ReadonlyArray<RunInterval>
  /** Each of those runs' row in this window, by position. */
  rows: ArrayLike<number>
  top: number
  height: number
}

export type Line = GroupLine | LaneLine

export interface LaneLayout {
  lines: Line[]
  /** The lane lines alone, top to bottom. */
  laneLines: LaneLine[]
  lanes: number
  height: number
}

/** What a lane's runs span, worked out once per lane: a window test is then two comparisons. */
interface LaneSpan {
  /** The earliest start and the latest one. */
  firstStart: number
  lastStart: number
  /** The earliest end and the latest one; Infinity while a run still goes. */
  firstEnd: number
  lastEnd: number
  /** Each run's row when all of them are in view (`RunInterval.row`). */
  rows: Int32Array
}

const spans = new WeakMap<Lane, LaneSpan>()

function spanOf(lane: Lane): LaneSpan {
  let span = spans.get(lane)
  if (span) return span
  let firstStart = Infinity
  let lastStart = -Infinity
  let firstEnd = Infinity
  let lastEnd = -Infinity
  const rows = new Int32Array(lane.intervals.length)
  lane.intervals.forEach((interval, position) => {
    const end = interval.end ?? Infinity
    firstStart = Math.min(firstStart, interval.start)
    lastStart = Math.max(lastStart, interval.start)
    firstEnd = Math.min(firstEnd, end)
    lastEnd = Math.max(lastEnd, end)
    rows[position] = interval.row
  })
  span = { firstStart, lastStart, firstEnd, lastEnd, rows }
  spans.set(lane, span)
  return span
}

/** First-fit rows for runs sorted by start: the first row whose last run ended by its start. */
function packInWindow(intervals: ReadonlyArray<RunInterval>): { rows: Int32Array; count: number } {
  const rows = new Int32Array(intervals.length)
  const rowEnds: number[] = []
  intervals.forEach((interval, position) => {
    let row = 0
    while (row < rowEnds.length && (rowEnds[row] ?? Infinity) > interval.start) row++
    rowEnds[row] = interval.end ?? Infinity
    rows[position] = row
  })
  return { rows, count: Math.max(1, rowEnds.length) }
}

/**
 * Runs that overlap the window, per lane, each with its row among them (so a lane is as tall
 * as its overlaps in view); lanes without one are left out. A group's heading is left out when
 * its one lane already carries the name. A lane wholly in the window keeps the rows its runs
 * were packed in once; only a lane the window cuts is packed again, so the whole history and
 * every zoom step cost a couple of comparisons per lane.
 */
export function layoutLanes(history: History, view: TimeWindow): LaneLayout {
  const lines: Line[] = []
  const laneLines: LaneLine[] = []
  let top = 0
  const several = history.groups.length > 1
  for (const group of history.groups) {
    const inView: Array<Omit<LaneLine, 'top' | 'kind' | 'key' | 'height'> & { count: number }> = []
    for (const lane of group.lanes) {
      const span = spanOf(lane)
      // A run overlaps the window when it starts before its end and ends after its start.
      if (span.firstStart >= view.to || span.lastEnd <= view.from) continue
      if (span.lastStart < view.to && span.firstEnd > view.from) {
        inView.push({ lane, intervals: lane.intervals, rows: span.rows, count: lane.rows })
        continue
      }
      const intervals = lane.intervals.filter(
        (interval) => interval.start < view.to && (interval.end ?? Infinity) > view.from,
      )
      if (!intervals.length) continue
      const { rows, count } = packInWindow(intervals)
      inView.push({ lane, intervals, rows, count })
    }
    const only = inView.length === 1 ? inView[0] : undefined
    if (inView.length && several && !(only && only.lane.name === group.title)) {
      lines.push({
        kind: 'group',
        key: `group:${group.title}`,
        title: group.title,
        top,
        height: GROUP_HEIGHT,
      })
      top += GROUP_HEIGHT
    }
    for (const { lane, intervals, rows, count } of inView) {
      const height = Math.max(1, count) * ROW + LANE_PAD
      const line: LaneLine = { kind: 'lane', key: lane.key, lane, intervals, rows, top, height }
      lines.push(line)
      laneLines.push(line)
      top += height
    }
  }
  return { lines, laneLines, lanes: laneLines.length, height: top }
}

/**
 * The lines that reach into `[top, bottom]` (pixels from the top of the first line), found by
 * binary search: lines are stacked top to bottom without gaps.
 */
export function linesBetween(lines: ReadonlyArray<Line>, top: number, bottom: number): Line[] {
  let lo = 0
  let hi = lines.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const line = lines[mid]
    if (line && line.top + line.height < top) lo = mid + 1
    else hi = mid
  }
  let end = lo
  while (end < lines.length && (lines[end]?.top ?? Infinity) <= bottom) end++
  return lines.slice(lo, end)
}
