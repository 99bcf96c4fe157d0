import { Link } from 'react-router'
import { ComplianceBadge } from '@/components/compliance-badge'
import { Table } from '@/components/table'
import { TimeCell } from '@/components/time-stamp'
import { formatCount } from '@/lib/format'
import type { History, RunInterval } from './intervals'
import type { TimeWindow } from './history-chart'

/** Rows drawn at most; the window narrows the list. */
export const TABLE_ROWS = 500

interface Row {
  lane: string
  group: string
  interval: RunInterval
}

/** The runs in the window, oldest first. */
export function tableRows(history: History, view: TimeWindow): Row[] {
  const rows: Row[] = []
  for (const group of history.groups) {
    for (const lane of group.lanes) {
      for (const interval of lane.intervals) {
        if (interval.start < view.to && (interval.end ?? Infinity) > view.from)
          rows.push({ lane: lane.name, group: group.title, interval })
      }
    }
  }
  return rows.sort((a, b) => a.interval.start - b.interval.start || a.lane.localeCompare(b.lane))
}

function replicas(interval: RunInterval): string {
  const counts: number[] = []
  for (const segment of interval.segments) {
    if (counts[counts.length - 1] !== segment.replicas) counts.push(segment.replicas)
  }
  return counts.join(' → ')
}

function compliance(interval: RunInterval): boolean | null {
  if (interval.nonCompliant) return false
  return interval.segments.every((segment) => segment.compliant === true) ? true : null
}

/** The chart as a table: one row per run, with the same links. */
export function HistoryTable({
  history,
  view,
  caption,
  subjectHeading,
  hrefFor,
  snapshotHref,
}: {
  history: History
  view: TimeWindow
  caption: string
  /** The first column: "Artifact" or "Environment". */
  subjectHeading: string
  hrefFor: (interval: RunInterval) => string | null
  snapshotHref: (interval: RunInterval, index: number) => string
}) {
  const rows = tableRows(history, view)
  const shown = rows.slice(0, TABLE_ROWS)
  return (
    <Table
      compact
      caption={caption}
      columns={[subjectHeading, 'Group', 'Started', 'Stopped', 'Replicas', 'Compliance']}
      footer={
        rows.length > shown.length
          ? `The first ${formatCount(shown.length)} of ${formatCount(rows.length)} runs in this time range; zoom in to see the rest.`
          : `${formatCount(rows.length)} ${rows.length === 1 ? 'run' : 'runs'} in this time range.`
      }
    >
      {shown.map(({ interval, lane, group }) => {
        const href = hrefFor(interval)
        const name = subjectHeading === 'Artifact' ? interval.label : lane
        return (
          <tr key={interval.id} className="align-top">
            <th scope="row" className="px-3 py-2 font-normal">
              {href ? (
                <Link to={href} className="font-medium text-accent hover:underline">
                  {name}
                </Link>
              ) : (
                <span className="font-medium">{name}</span>
              )}
            </th>
            <td className="px-3 py-2">{group}</td>
            <td className="px-3 py-2">
              <Link
                to={snapshotHref(interval, interval.startIndex)}
                className="font-mono text-accent hover:underline"
              >
                #{interval.startIndex}
              </Link>
              {interval.startsBeforeLog ? <span className="text-muted"> (or earlier)</span> : null}
              <TimeCell value={interval.start} />
            </td>
            <td className="px-3 py-2">
              {interval.endIndex === null ? (
                <span>still running</span>
              ) : (
                <>
                  <Link
                    to={snapshotHref(interval, interval.endIndex)}
                    className="font-mono text-accent hover:underline"
                  >
                    #{interval.endIndex}
                  </Link>
                  <TimeCell value={interval.end} />
                </>
              )}
            </td>
            <td className="px-3 py-2 font-mono">{replicas(interval)}</td>
            <td className="px-3 py-2">
              <ComplianceBadge value={compliance(interval)} />
              {interval.nonCompliant && interval.segments.some((s) => s.compliant !== false) ? (
                <span className="block text-xs text-muted">for part of the run</span>
              ) : null}
            </td>
          </tr>
        )
      })}
    </Table>
  )
}
