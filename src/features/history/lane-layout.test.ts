import { describe, expect, it } from 'vitest'
import type { EnvironmentEvent } from '@/api/events'
import { environmentEvent } from '@/test/environment-event'
import { buildHistory } from './intervals'
import {
  GROUP_HEIGHT,
  LANE_PAD,
  ROW,
  layoutLanes,
  linesBetween,
  type LaneLine,
} from './lane-layout'

function event(
  index: number,
  type: string,
  name: string,
  tag: string,
  flow: string | null,
): EnvironmentEvent {
  return environmentEvent('prod', index, type, index * 100, `registry.example.com/${name}:${tag}`, {
    fingerprint: `${name}-${tag}`.padEnd(64, '0'),
    description: type === 'exited' ? '1 instance stopped running (from 1 to 0)' : '',
    flow,
    flows: flow ? [flow] : [],
  })
}

// runner: v1 #1–#4, v2 #3–#6 (overlapping v1), v3 from #8 on; saver: s1 #2–#3; no flow: x #5 on.
const HISTORY = buildHistory(
  [
    event(1, 'started', 'runner', 'v1', 'runner'),
    event(3, 'started', 'runner', 'v2', 'runner'),
    event(4, 'exited', 'runner', 'v1', 'runner'),
    event(6, 'exited', 'runner', 'v2', 'runner'),
    event(8, 'started', 'runner', 'v3', 'runner'),
    event(2, 'started', 'saver', 's1', 'saver'),
    event(3, 'exited', 'saver', 's1', 'saver'),
    event(5, 'started', 'x', 'x1', null),
  ],
  [],
  1000,
)

const lanesOf = (lines: ReadonlyArray<{ kind: string }>) =>
  lines.filter((line): line is LaneLine => line.kind === 'lane')

const rowsOf = (line: LaneLine | undefined) =>
  line ? line.intervals.map((interval, position) => [interval.label, line.rows[position]]) : []

describe('layoutLanes', () => {
  it('lays out the whole history with the rows the runs were packed in', () => {
    const { lines, laneLines, lanes, height } = layoutLanes(HISTORY, { from: 0, to: 1000 })
    expect(
      lines.map((line) => (line.kind === 'group' ? `# ${line.title}` : line.lane.name)),
    ).toEqual(['runner', 'saver', '# No provenance', 'x'])
    expect(lanes).toBe(3)
    expect(laneLines).toEqual(lanesOf(lines))
    expect(rowsOf(laneLines[0])).toEqual([
      ['runner:v1', 0],
      ['runner:v2', 1],
      ['runner:v3', 0],
    ])
    expect(laneLines[0]?.height).toBe(2 * ROW + LANE_PAD)
    expect(laneLines[1]?.height).toBe(ROW + LANE_PAD)
    expect(height).toBe(2 * ROW + LANE_PAD + 2 * (ROW + LANE_PAD) + GROUP_HEIGHT)
    // Stacked without gaps.
    lines.forEach((line, position) => {
      const before = lines[position - 1]
      expect(line.top).toBe(before ? before.top + before.height : 0)
    })
  })

  it('packs a lane the window cuts again, so it is only as tall as its runs in view', () => {
    // 450–750: v2 (300–600) and x (500–) only; v1 ended at 400, v3 starts at 800.
    const { laneLines } = layoutLanes(HISTORY, { from: 450, to: 750 })
    expect(laneLines.map((line) => line.lane.name)).toEqual(['runner', 'x'])
    expect(rowsOf(laneLines[0])).toEqual([['runner:v2', 0]])
    expect(laneLines[0]?.height).toBe(ROW + LANE_PAD)
  })

  it('leaves out lanes with nothing in the window, and their group', () => {
    // 100–150: only v1 (100–400) runs; s1 starts at 200, x at 500.
    const { lines } = layoutLanes(HISTORY, { from: 100, to: 150 })
    expect(lines.map((line) => line.key)).toEqual([HISTORY.groups[0]?.lanes[0]?.key])
  })
})

describe('linesBetween', () => {
  it('finds the same lines as a scan of every line', () => {
    const { lines } = layoutLanes(HISTORY, { from: 0, to: 1000 })
    for (let top = -30; top < 160; top += 7) {
      for (const span of [0, 10, 40, 500]) {
        const scanned = lines.filter(
          (line) => line.top + line.height >= top && line.top <= top + span,
        )
        expect(linesBetween(lines, top, top + span)).toEqual(scanned)
      }
    }
  })
})
