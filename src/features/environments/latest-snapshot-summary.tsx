import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { Snapshot } from '@/api/snapshots'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { TimeStamp } from '@/components/time-stamp'
import { pluralise } from '@/lib/format'

const count = new Intl.NumberFormat('en-US')
const FRAME = 'rounded border border-line bg-surface p-4'
import { complianceRollup, rollupSentence } from '@/features/compliance/compliance-rollup'
import { SnapshotComplianceWhy } from '@/features/compliance/snapshot-why'
import { classifySnapshotProblem } from '@/components/snapshot-problem'
import { diffWithPreviousPath, snapshotPath } from '@/lib/app-paths'

/** The environment's latest snapshot at a glance, or why there is none. */
export function LatestSnapshotSummary({
  org,
  env,
  snapshot,
  error,
  loading,
  onRetry,
  members = [],
}: {
  onRetry: () => void
  /** A logical environment's members: it has no snapshots of its own. */
  members?: ReadonlyArray<string>
  org: string
  env: string
  snapshot: Snapshot | undefined
  error: unknown
  loading: boolean
}) {
  if (!snapshot) {
    if (loading) return <Skeleton rows={2} label="Loading the latest snapshot" />
    if (members.length > 0) {
      return (
        <NoSnapshot title="A logical environment">
          {env} has no snapshots of its own: it stands for {members.join(', ')}. What runs in each
          member&apos;s latest snapshot is listed below, combined.
        </NoSnapshot>
      )
    }
    if (error && classifySnapshotProblem(error).kind !== 'no-snapshots') {
      return <ErrorState error={error} onRetry={onRetry} />
    }
    return (
      <NoSnapshot title="No snapshots yet">
        Nothing has been reported to {env}, so there is nothing running to show.
      </NoSnapshot>
    )
  }
  const running = snapshot.artifacts.filter((artifact) => !artifact.exited).length
  const counts = snapshot.complianceCount
  const diff = diffWithPreviousPath(org, env, snapshot.index)
  return (
    <section aria-labelledby="latest-heading" className={FRAME}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="latest-heading" className="font-semibold">
          Latest snapshot{' '}
          <Link
            to={snapshotPath(org, env, snapshot.index)}
            className="font-mono text-accent hover:underline"
          >
            #{snapshot.index}
          </Link>
        </h2>
        <SnapshotComplianceWhy org={org} snapshot={snapshot} />
      </div>
      <p className="mt-1 text-sm">
        <span className="text-muted">Taken </span>
        <TimeStamp value={snapshot.timestamp} />
      </p>
      <p className="mt-2 text-sm font-medium">
        {rollupSentence(complianceRollup(snapshot.artifacts))}
      </p>
      <p className="mt-1 text-sm">
        {pluralise(running, 'artifact')} running:{' '}
        <span className="text-ok">
          <span aria-hidden="true">✓ </span>
          {count.format(counts.compliant)} compliant
        </span>
        {' · '}
        <span className="text-bad">
          <span aria-hidden="true">✕ </span>
          {count.format(counts.nonCompliant)} non-compliant
        </span>
        {' · '}
        <span>
          <span aria-hidden="true">? </span>
          {count.format(counts.unknown)} unknown
        </span>
      </p>
      <p className="mt-3 flex flex-wrap gap-3 text-sm">
        <Link to={snapshotPath(org, env, snapshot.index)} className="text-accent hover:underline">
          Open snapshot #{snapshot.index}
        </Link>
        {diff ? (
          <Link to={diff} className="text-accent hover:underline">
            Diff with previous
          </Link>
        ) : null}
      </p>
    </section>
  )
}

/** In place of the latest snapshot's summary: why there is none to show. */
function NoSnapshot({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby="latest-heading" className={FRAME}>
      <h2 id="latest-heading" className="font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-muted">{children}</p>
    </section>
  )
}
