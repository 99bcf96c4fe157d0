import { useState } from 'react'
import { Link } from 'react-router'
import type { Snapshot } from '@/api/snapshots'
import { diffWithPreviousPath } from '@/lib/app-paths'
import { formatDuration, formatRelative } from '@/lib/time'

interface Arrival {
  index: number
  timestamp: number
  /** When the page learnt of it, for "taken 10s ago". */
  seenAt: number
}

interface Tracked {
  env: string
  first: number | null
  arrival: Arrival | null
}

/** "just now", "10s ago" for the last hour, then "3 hours ago". */
export function takenAgo(timestamp: number, nowMs: number): string {
  const age = nowMs / 1000 - timestamp
  if (age >= -5 && age < 1) return 'just now'
  if (age >= 0 && age < 3600) return `${formatDuration(Math.floor(age))} ago`
  return formatRelative(timestamp, nowMs)
}

/**
 * Says so when a refresh brought a newer latest snapshot than the page first showed, and that
 * the page now shows it: a polite status, one sentence, not every changed row.
 */
export function LatestSnapshotNotice({
  org,
  env,
  snapshot,
  receivedAt,
}: {
  org: string
  env: string
  snapshot: Snapshot | undefined
  /** When the page received `snapshot` (the query's dataUpdatedAt), in ms. */
  receivedAt: number
}) {
  const index = snapshot?.index ?? null
  // What the page first showed for this environment, and the newest arrival since.
  const [tracked, setTracked] = useState<Tracked>({ env, first: index, arrival: null })
  if (tracked.env !== env) {
    setTracked({ env, first: index, arrival: null })
  } else if (tracked.first === null && index !== null) {
    setTracked({ env, first: index, arrival: null })
  } else if (
    snapshot &&
    tracked.first !== null &&
    snapshot.index > tracked.first &&
    snapshot.index !== tracked.arrival?.index
  ) {
    setTracked({
      ...tracked,
      arrival: { index: snapshot.index, timestamp: snapshot.timestamp, seenAt: receivedAt },
    })
  }

  const shown = tracked.env === env ? tracked.arrival : null
  const diff = shown ? diffWithPreviousPath(org, env, shown.index) : null
  return (
    <div role="status" className="empty:hidden">
      {shown ? (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-info/50 bg-info-soft px-3 py-2 text-sm">
          <span>
            <span aria-hidden="true">● </span>
            New snapshot <span className="font-mono font-medium">#{shown.index}</span> taken{' '}
            {takenAgo(shown.timestamp, shown.seenAt)}: now showing it.
          </span>
          {diff ? (
            <Link to={diff} className="text-accent underline underline-offset-2">
              What changed in #{shown.index}
            </Link>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}
