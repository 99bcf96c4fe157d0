import { useQueries, type QueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { Artifact } from '@/api/artifacts'
import { eventQueries } from '@/api/events'
import { snapshotQueries, type Snapshot } from '@/api/snapshots'
import { complianceWord } from '@/components/compliance-badge'
import { TimeStamp } from '@/components/time-stamp'
import { ArtifactComplianceWhy } from '@/features/compliance/artifact-why'
import { SnapshotArtifactWhy } from '@/features/compliance/snapshot-why'
import { environmentPath, snapshotPath } from '@/lib/app-paths'
import { shortArtifactName } from '@/lib/format'
import {
  complianceChanged,
  startEnvironments,
  startSnapshots,
  startTimes,
  type StartSnapshot,
} from './start-snapshots'
import { Table } from '@/components/table'
import type { ArtifactSectionProps } from './artifact-props'

/** The environments' events around the artifact's start times, which say where each run began. */
function startEventQueries(org: string, artifact: Artifact) {
  const times = startTimes(artifact)
  return startEnvironments(artifact).flatMap((env) =>
    times.map((time) => eventQueries.around(org, env, time)),
  )
}

function startSnapshotQuery(org: string, start: StartSnapshot & { index: number }) {
  return snapshotQueries.detail(org, { kind: 'index', env: start.environment, index: start.index })
}

function hasIndex(start: StartSnapshot): start is StartSnapshot & { index: number } {
  return start.index !== null
}

/**
 * Starts what the section needs without waiting for it: all the event lookups at once, then
 * all the start snapshots at once. The page's loader calls it with the artifact.
 */
export function prefetchComplianceAtStart(
  queryClient: QueryClient,
  org: string,
  artifact: Artifact,
): void {
  const lookups = startEventQueries(org, artifact).map((query) =>
    queryClient.ensureQueryData(query),
  )
  void Promise.all(lookups).then(
    (lists) => {
      for (const start of startSnapshots(artifact, lists.flat()).filter(hasIndex))
        void queryClient.prefetchQuery(startSnapshotQuery(org, start))
    },
    // The section shows the failure and offers a retry.
    () => undefined,
  )
}

interface RowState {
  start: StartSnapshot
  status: 'finding' | 'no-start' | 'pending' | 'error' | 'ready'
  snapshot: Snapshot | undefined
  refetch: (() => void) | undefined
}

function StartCell({ org, row }: { org: string; row: RowState }) {
  const { start } = row
  if (row.status === 'finding') return <span className="text-muted">finding its start…</span>
  if (start.index === null) {
    return <span className="text-muted">unknown: its events here show no start</span>
  }
  return (
    <span className="flex flex-wrap items-baseline gap-x-2">
      <Link
        className="font-mono text-accent hover:underline"
        to={snapshotPath(org, start.environment, start.index)}
      >
        {start.environment}#{start.index}
      </Link>
      <TimeStamp value={start.timestamp} className="text-muted" />
    </span>
  )
}

/**
 * Per environment the artifact ran in: the compliance its start snapshot gave it (with that
 * snapshot's policy decisions one click away) next to its compliance now, flagged when they
 * differ. All start snapshots are fetched at once (and the route loader begins them with the
 * artifact), never one after another.
 */
export function ComplianceAtStart({ org, flow, artifact }: ArtifactSectionProps) {
  const lookups = useQueries({ queries: startEventQueries(org, artifact) })
  const finding = lookups.some((lookup) => lookup.isPending)
  const failedLookups = lookups.filter((lookup) => lookup.isError)
  const starts = startSnapshots(
    artifact,
    lookups.flatMap((lookup) => lookup.data ?? []),
  )
  // Snapshots are asked for only once every start is known, so they are asked for together.
  const known = finding ? [] : starts.filter(hasIndex)
  const results = useQueries({ queries: known.map((start) => startSnapshotQuery(org, start)) })
  const rows: RowState[] = starts.map((start) => {
    if (finding) return { start, status: 'finding', snapshot: undefined, refetch: undefined }
    const position = known.findIndex((item) => item.environment === start.environment)
    const result = position >= 0 ? results[position] : undefined
    if (!result) {
      if (failedLookups.length === 0)
        return { start, status: 'no-start', snapshot: undefined, refetch: undefined }
      const refetch = () => {
        for (const lookup of failedLookups) void lookup.refetch()
      }
      return { start, status: 'error', snapshot: undefined, refetch }
    }
    return {
      start,
      status: result.isPending ? 'pending' : result.isError ? 'error' : 'ready',
      snapshot: result.data,
      refetch: () => void result.refetch(),
    }
  })
  const name = shortArtifactName(artifact.name || artifact.fingerprint)
  const entryOf = (row: RowState) =>
    row.snapshot?.artifacts.find((item) => item.fingerprint === artifact.fingerprint)
  const changed = rows.filter((row) =>
    complianceChanged(entryOf(row)?.compliant ?? null, artifact.state),
  )
  const settled = rows.every((row) => row.status !== 'pending' && row.status !== 'finding')

  return (
    <section aria-labelledby="compliance-at-start-heading" className="space-y-2">
      <h2 id="compliance-at-start-heading" className="text-lg font-semibold">
        Compliance when it started running
      </h2>
      {rows.length === 0 ? (
        <p className="text-muted">
          It has not run in any environment, so there is no start to compare with.
        </p>
      ) : (
        <>
          {/* Two lines kept on phones, where the answer wraps: the table does not move down. */}
          <p aria-live="polite" className="max-sm:min-h-[2lh]">
            {!settled ? (
              <span className="text-muted">Reading the snapshots it started running in…</span>
            ) : changed.length ? (
              <>
                <span aria-hidden="true" className="text-warn">
                  ⚠{' '}
                </span>
                Its compliance has changed since it started running in{' '}
                {changed.map((row) => row.start.environment).join(', ')}: it is{' '}
                {complianceWord(artifact.state)} now.
              </>
            ) : (
              <span className="text-muted">
                Its compliance now is the same as when it started running in each environment.
              </span>
            )}
          </p>
          <Table
            compact
            caption={<>Compliance of {name} when it started running in each environment, and now</>}
            // Fixed widths where there is room for them (a tablet's width up): a cell's
            // 'loading…' turning into its badge does not move the columns.
            tableClassName="md:table-fixed"
            columns={[
              { name: 'Environment', width: 'md:w-32 lg:w-36' },
              'Started running in',
              { name: 'Compliance then', width: 'md:w-44 lg:w-48' },
              { name: 'Compliance now', width: 'md:w-40 lg:w-56' },
            ]}
          >
            {rows.map((row) => {
              const entry = entryOf(row)
              const differs = complianceChanged(entry?.compliant ?? null, artifact.state)
              const where = `${row.start.environment}#${row.start.index ?? '?'}`
              return (
                <tr key={row.start.environment} className="align-top">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <Link
                      className="text-accent hover:underline"
                      to={environmentPath(org, row.start.environment)}
                    >
                      {row.start.environment}
                    </Link>
                  </th>
                  <td className="px-3 py-2">
                    <StartCell org={org} row={row} />
                  </td>
                  <td className="px-3 py-2">
                    {row.status === 'no-start' ? (
                      <span className="text-muted">unknown</span>
                    ) : row.status === 'finding' ? (
                      <span className="text-muted">loading…</span>
                    ) : row.status === 'pending' ? (
                      <span className="text-muted">loading {where}…</span>
                    ) : row.status === 'error' ? (
                      <span className="flex flex-wrap items-center gap-2 text-bad">
                        <span>
                          Could not read{' '}
                          {row.start.index === null
                            ? `the events of ${row.start.environment}`
                            : where}
                          .
                        </span>
                        <button
                          type="button"
                          onClick={row.refetch}
                          className="rounded border border-line px-2 py-0.5 text-xs text-ink hover:bg-raised"
                        >
                          Try again
                        </button>
                      </span>
                    ) : entry ? (
                      <SnapshotArtifactWhy org={org} artifact={entry} where={where} />
                    ) : (
                      <span className="text-muted">unknown: {where} does not list it</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {differs ? (
                      <span className="flex flex-wrap items-center gap-2">
                        <ArtifactComplianceWhy
                          org={org}
                          flow={flow}
                          artifact={artifact}
                          subject={`${name} now`}
                        />
                        <span className="text-xs font-medium text-warn">
                          <span aria-hidden="true">⚠ </span>changed since it started
                        </span>
                      </span>
                    ) : entry ? (
                      <span className="text-muted">same as then</span>
                    ) : (
                      <span className="text-muted">not compared</span>
                    )}
                  </td>
                </tr>
              )
            })}
          </Table>
        </>
      )}
    </section>
  )
}
