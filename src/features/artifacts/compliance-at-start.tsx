import { useQueries } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { Artifact } from '@/api/artifacts'
import { snapshotQueries, type Snapshot } from '@/api/snapshots'
import { complianceWord } from '@/components/compliance-badge'
import { TimeStamp } from '@/components/time-stamp'
import { ArtifactComplianceWhy } from '@/features/compliance/artifact-why'
import { SnapshotArtifactWhy } from '@/features/compliance/snapshot-why'
import { environmentPath, snapshotPath } from '@/lib/app-paths'
import { shortArtifactName } from '@/lib/format'
import { complianceChanged, startSnapshots, type StartSnapshot } from './start-snapshots'
import { Table } from '@/components/table'

/** The start snapshots to fetch, one per environment; the page's loader starts them early. */
export function startSnapshotQueries(org: string, artifact: Artifact) {
  return startSnapshots(artifact).flatMap((start) =>
    start.index === null
      ? []
      : [
          snapshotQueries.detail(org, {
            kind: 'index',
            env: start.environment,
            index: start.index,
          }),
        ],
  )
}

interface RowState {
  start: StartSnapshot
  status: 'no-start' | 'pending' | 'error' | 'ready'
  snapshot: Snapshot | undefined
  refetch: (() => void) | undefined
}

function StartCell({ org, start }: { org: string; start: StartSnapshot }) {
  if (start.index === null) {
    return <span className="text-muted">unknown: its history names no start here</span>
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
export function ComplianceAtStart({
  org,
  flow,
  artifact,
}: {
  org: string
  flow: string
  artifact: Artifact
}) {
  const starts = startSnapshots(artifact)
  const known = starts.filter((start) => start.index !== null)
  const results = useQueries({
    queries: known.map((start) =>
      snapshotQueries.detail(org, {
        kind: 'index',
        env: start.environment,
        index: start.index ?? 0,
      }),
    ),
  })
  const rows: RowState[] = starts.map((start) => {
    const position = known.indexOf(start)
    const result = position >= 0 ? results[position] : undefined
    if (!result) return { start, status: 'no-start', snapshot: undefined, refetch: undefined }
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
  const settled = rows.every((row) => row.status !== 'pending')

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
          <p aria-live="polite">
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
            columns={['Environment', 'Started running in', 'Compliance then', 'Compliance now']}
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
                    <StartCell org={org} start={row.start} />
                  </td>
                  <td className="px-3 py-2">
                    {row.status === 'no-start' ? (
                      <span className="text-muted">unknown</span>
                    ) : row.status === 'pending' ? (
                      <span className="text-muted">loading {where}…</span>
                    ) : row.status === 'error' ? (
                      <span className="flex flex-wrap items-center gap-2 text-bad">
                        <span>Could not read {where}.</span>
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
