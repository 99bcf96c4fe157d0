import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Link, useLocation, useSearchParams } from 'react-router'
import { eventQueries } from '@/api/events'
import { snapshotQueries, type SnapshotSummary } from '@/api/snapshots'
import { SnapshotComplianceWhy } from '@/features/compliance/snapshot-why'
import { EmptyState } from '@/components/empty-state'
import { ExportMenu, type ExportColumn } from '@/components/export-menu'
import { formatDuration, isoTime } from '@/lib/time'
import { parseSnapshotsTabParams, SNAPSHOTS_PER_PAGE } from './environment-params'
import { Pager } from './pager'
import { diffWithPreviousPath, snapshotPath } from '@/lib/app-paths'
import { TimeCell } from '@/components/time-stamp'
import { complianceText } from '@/lib/format'
import { Table } from '@/components/table'
import { useInAppAnchors } from '@/components/in-app-anchors'
import { changesBySnapshot, describeChanges, type SnapshotChanges } from './snapshot-changes'
import { NEW_ROW_CLASS, NewMark } from '@/components/new-mark'
import { useArrivals } from '@/components/use-arrivals'

const EXPORT_COLUMNS: ReadonlyArray<ExportColumn<SnapshotSummary>> = [
  { header: 'index', value: (row) => row.index },
  { header: 'from', value: (row) => isoTime(row.from) },
  { header: 'to', value: (row) => isoTime(row.to, 'now') },
  { header: 'duration_seconds', value: (row) => row.duration },
  {
    header: 'compliance',
    value: (row) => complianceText(row.compliant),
  },
]

/** What the log says changed in one snapshot; `undefined` while it is unknown. */
function ChangesSummary({ changes }: { changes: SnapshotChanges | null | undefined }) {
  if (changes === undefined) return null
  if (changes === null) return <span className="text-muted">no changes logged</span>
  const { marks, sentence } = describeChanges(changes)
  return (
    <span className="whitespace-nowrap" title={sentence}>
      <span aria-hidden="true">{marks}</span>
      <span className="sr-only">{sentence}</span>
    </span>
  )
}

/**
 * The part of the log a page of snapshots reads for its changes column: from its oldest to its
 * newest snapshot (`newest` is 0 on an empty page, which reads nothing).
 */
export function pageLog(org: string, env: string, snapshots: ReadonlyArray<SnapshotSummary>) {
  const newest = snapshots[0]?.index ?? 0
  const oldest = snapshots.at(-1)?.index ?? 0
  return { oldest, newest, query: eventQueries.between(org, env, oldest, newest) }
}

/** Numbered snapshots, latest first, a page at a time. */
export function SnapshotsTab({ org, env }: { org: string; env: string }) {
  const [searchParams] = useSearchParams()
  const { page } = parseSnapshotsTabParams(searchParams)
  const { data } = useSuspenseQuery(snapshotQueries.list(org, env, page, SNAPSHOTS_PER_PAGE))
  const { pathname } = useLocation()
  const hrefFor = (target: number) => (target === 1 ? pathname : `${pathname}?page=${target}`)
  // Snapshot numbers are consecutive, so the first row tells how many there are.
  const total = (data.snapshots[0]?.index ?? 0) + (page - 1) * SNAPSHOTS_PER_PAGE
  const totalPages = Math.ceil(total / SNAPSHOTS_PER_PAGE)
  // The page's part of the log (the loader starts it): the table does not wait, it only adds
  // the changes column.
  const { oldest, newest, query } = pageLog(org, env, data.snapshots)
  const log = useQuery({ ...query, enabled: newest > 0 })
  const changes = log.data ? changesBySnapshot(log.data.events) : null
  // A capped read (oldest first) knows only the snapshots before the last one it reached.
  const knownUpTo = log.data?.truncated
    ? (log.data.events.at(-1)?.snapshotIndex ?? oldest) - 1
    : newest
  // New snapshots arrive at the top of the first page only.
  const arrived = useArrivals(
    data.snapshots.map((snapshot) => String(snapshot.index)),
    `${env}/${page}`,
    page === 1,
  )
  // The rows' links are plain anchors (see useInAppAnchors): the page redraws them as it polls.
  const onAnchorClick = useInAppAnchors()
  const changesOf = (index: number) =>
    changes === null || index > knownUpTo ? undefined : (changes.get(index) ?? null)

  if (data.snapshots.length === 0) {
    return page === 1 ? (
      <EmptyState title="No snapshots yet">{env} has not reported what runs in it.</EmptyState>
    ) : (
      <EmptyState title={`No snapshots on page ${page}`}>
        <Link className="text-accent hover:underline" to={hrefFor(1)}>
          Go to the first page
        </Link>
      </EmptyState>
    )
  }
  return (
    <div>
      <div className="mb-2 flex justify-end">
        <ExportMenu
          filename={`${org}-${env}-snapshots-page-${page}`}
          rows={data.snapshots}
          columns={EXPORT_COLUMNS}
          label="snapshots"
        />
      </div>
      <Table
        compact
        onClick={onAnchorClick}
        caption={
          <>
            Snapshots of {env}, latest first, page {page}
          </>
        }
        columns={['Snapshot', 'From', 'To', 'Duration', 'Compliance', 'Changes']}
      >
        {data.snapshots.map((snapshot) => {
          const diff = diffWithPreviousPath(org, env, snapshot.index)
          const isNew = arrived.has(String(snapshot.index))
          return (
            <tr key={snapshot.index} className={isNew ? `align-top ${NEW_ROW_CLASS}` : 'align-top'}>
              <th scope="row" className="px-3 py-2 font-normal">
                <a
                  href={snapshotPath(org, env, snapshot.index)}
                  className="font-mono font-medium text-accent hover:underline"
                >
                  #{snapshot.index}
                </a>
                {isNew ? <NewMark /> : null}
              </th>
              <td className="px-3 py-2">
                <TimeCell value={snapshot.from} />
              </td>
              <td className="px-3 py-2">
                {snapshot.to === null ? (
                  <span className="font-medium">now</span>
                ) : (
                  <TimeCell value={snapshot.to} />
                )}
              </td>
              <td className="px-3 py-2 tabular-nums">
                {snapshot.duration === null ? (
                  <span className="text-muted">unknown</span>
                ) : (
                  formatDuration(snapshot.duration)
                )}
              </td>
              <td className="px-3 py-2">
                <SnapshotComplianceWhy
                  org={org}
                  env={env}
                  index={snapshot.index}
                  compliant={snapshot.compliant}
                />
              </td>
              <td className="px-3 py-2">
                <div>
                  <ChangesSummary changes={changesOf(snapshot.index)} />
                </div>
                {diff ? (
                  <a href={diff} className="text-accent hover:underline">
                    Diff with previous
                    <span className="sr-only">
                      {' '}
                      (#{snapshot.index - 1} → #{snapshot.index})
                    </span>
                  </a>
                ) : (
                  <span className="text-muted">first snapshot</span>
                )}
              </td>
            </tr>
          )
        })}
      </Table>
      <Pager
        label="Snapshot pages"
        page={page}
        totalPages={totalPages}
        hasNext={(data.snapshots.at(-1)?.index ?? 1) > 1}
        hrefFor={hrefFor}
      />
    </div>
  )
}
