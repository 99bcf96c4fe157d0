import { useId } from 'react'
import { ComplianceBadge } from '@/components/compliance-badge'
import { CopyButton } from '@/components/copy-button'
import { NewMark } from '@/components/new-mark'
import { TimeStamp } from '@/components/time-stamp'
import { formatCount, pluralise, shortSha } from '@/lib/format'
import type { CellVersion, ColumnState, DriftMark, MatrixRow } from './build-matrix'
import { diffPath } from '@/lib/app-paths'
import { artifactPath, snapshotPath } from '@/lib/app-paths'
import { columnExpression } from './column-expression'
import { VERSIONS_SHOWN } from './row-height'

function Version({ org, row, version }: { org: string; row: MatrixRow; version: CellVersion }) {
  const tip = useId()
  const id = version.commit ?? version.fingerprint
  const kind = version.commit ? 'commit' : 'fingerprint'
  const href =
    row.kind === 'flow'
      ? artifactPath(org, row.name, version.fingerprint)
      : snapshotPath(org, version.env, version.snapshotIndex)
  const reason = version.compliant === false ? version.reasons[0] : undefined
  return (
    <li className="space-y-0.5">
      <span className="group relative flex flex-wrap items-center gap-1">
        <a
          href={href}
          className="font-mono text-accent underline-offset-2 hover:underline"
          aria-describedby={tip}
        >
          {shortSha(id)}
        </a>
        <span
          role="tooltip"
          id={tip}
          className="pointer-events-none absolute top-full left-0 z-20 mt-1 hidden max-w-[22rem] rounded border border-line bg-surface px-2 py-1 text-xs break-all shadow group-focus-within:block group-hover:block"
        >
          {version.name}
        </span>
        <CopyButton value={id} label={`Copy full ${kind} ${id}`} />
        <span className="text-muted" title={pluralise(version.replicas, 'replica')}>
          <span aria-hidden="true">×</span>
          <span className="sr-only">replicas: </span>
          {version.replicas}
        </span>
      </span>
      <span className="flex flex-wrap items-center gap-1">
        <ComplianceBadge value={version.compliant} />
        <span className="text-xs text-muted">
          since <TimeStamp value={version.runningSince} variant="relative" />
        </span>
      </span>
      {reason ? (
        <span className="block truncate text-xs text-bad" title={version.reasons.join('\n')}>
          <span className="sr-only">Why: </span>
          {reason}
        </span>
      ) : null}
    </li>
  )
}

function DriftNote({
  org,
  row,
  mark,
  snappishTime,
}: {
  org: string
  row: MatrixRow
  mark: DriftMark
  snappishTime: string | null
}) {
  const to = diffPath(
    org,
    columnExpression(mark.from, snappishTime),
    columnExpression(mark.to, snappishTime),
    row.kind === 'flow' ? row.name : '',
  )
  return (
    <span className="mb-1 flex flex-wrap items-center gap-1 text-xs">
      <span className="rounded border border-warn/50 bg-warn-soft px-1 font-medium text-warn">
        <span aria-hidden="true">≠ </span>differs
      </span>
      <a href={to} className="text-accent underline-offset-2 hover:underline">
        diff vs {mark.other}
      </a>
    </span>
  )
}

/**
 * One flow in one environment: its versions newest first, or what stands in for them. Links are
 * plain anchors: the table's click handler navigates in the app (see `useInAppAnchors`).
 */
export function MatrixCell({
  org,
  row,
  column,
  state,
  snappishTime,
  isNew = false,
}: {
  org: string
  row: MatrixRow
  column: string
  state: ColumnState | undefined
  snappishTime: string | null
  /** A refresh changed what runs here. */
  isNew?: boolean
}) {
  if (!state || state.status === 'loading') {
    return <span className="block h-4 w-24 animate-pulse rounded bg-raised" aria-label="Loading" />
  }
  if (state.status === 'missing') return <span className="text-sm text-muted">no snapshot</span>
  if (state.status === 'error') return <span className="text-sm text-muted">unavailable</span>
  const cell = row.cells[column] ?? []
  const mark = isNew ? <NewMark /> : null
  if (cell.length === 0) {
    return (
      <span className="text-sm text-muted">
        not running
        {mark}
      </span>
    )
  }
  const drift = row.drift[column]
  const more = cell.length - VERSIONS_SHOWN
  const first = cell[0]
  return (
    <>
      {drift ? <DriftNote org={org} row={row} mark={drift} snappishTime={snappishTime} /> : null}
      {cell.length > 1 || mark ? (
        <span className="block text-xs text-muted">
          {cell.length > 1 ? `${formatCount(cell.length)} versions, newest first` : null}
          {mark}
        </span>
      ) : null}
      <ul className="space-y-1.5">
        {cell.slice(0, VERSIONS_SHOWN).map((version, position) => (
          // By position, like the rows: a cell that comes to show another flow reuses its items.
          <Version key={position} org={org} row={row} version={version} />
        ))}
      </ul>
      {more > 0 && first ? (
        <a
          href={`${snapshotPath(org, first.env, first.snapshotIndex)}?${new URLSearchParams(
            row.kind === 'flow' ? { flow: row.name } : { q: row.name },
          ).toString()}`}
          className="mt-1 block text-xs text-accent underline-offset-2 hover:underline"
        >
          and {formatCount(more)} more in {first.env}#{first.snapshotIndex}
        </a>
      ) : null}
    </>
  )
}
