import { describeError } from '@/components/describe-error'
import { TimeStamp } from '@/components/time-stamp'
import type { ColumnState, MatrixColumn } from './build-matrix'
import { environmentPath, snapshotPath } from '@/lib/app-paths'

/** An environment's heading: its name, and which snapshot the column shows (or why none). */
export function ColumnHeader({
  org,
  column,
  state,
}: {
  org: string
  column: MatrixColumn
  state: ColumnState | undefined
}) {
  return (
    <div className="flex flex-col gap-0.5 font-normal">
      <a
        href={environmentPath(org, column.name)}
        className="font-semibold break-all text-ink underline-offset-2 hover:underline"
      >
        {column.name}
      </a>
      <span className="text-xs text-muted">
        {column.logical ? `logical: ${column.sources.join(', ') || 'no members'}` : column.type}
      </span>
      <ColumnStatus org={org} state={state} />
    </div>
  )
}

function ColumnStatus({ org, state }: { org: string; state: ColumnState | undefined }) {
  if (!state || state.status === 'loading') {
    return <span className="text-xs text-muted">Loading snapshot…</span>
  }
  if (state.status === 'missing') {
    return <span className="text-xs text-muted">{state.message}</span>
  }
  if (state.status === 'error') {
    return (
      <span className="flex flex-col gap-1 text-xs">
        {state.failures.map((failure) => {
          const description = describeError(failure.error)
          return (
            <span key={failure.env} className="text-bad">
              <span aria-hidden="true">✕ </span>
              {failure.env}: {description.title}
              {description.status ? ` (HTTP ${description.status})` : ''}
              <button
                type="button"
                onClick={failure.retry}
                className="ml-1 rounded border border-line bg-raised px-1.5 font-medium text-ink hover:bg-surface"
                aria-label={`Retry ${failure.env}`}
              >
                Retry
              </button>
            </span>
          )
        })}
      </span>
    )
  }
  return (
    <span className="flex flex-col text-xs">
      {state.snapshots.map((snapshot) => (
        <span key={snapshot.environment}>
          <a
            href={snapshotPath(org, snapshot.environment, snapshot.index)}
            className="font-mono text-accent underline-offset-2 hover:underline"
          >
            {snapshot.environment}#{snapshot.index}
          </a>{' '}
          <TimeStamp value={snapshot.timestamp} variant="relative" className="text-muted" />
        </span>
      ))}
    </span>
  )
}
