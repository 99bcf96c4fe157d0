import { useQueries } from '@tanstack/react-query'
import { Link } from 'react-router'
import { snapshotQueries, type Snapshot, type SnapshotArtifact } from '@/api/snapshots'
import { describeError } from '@/components/describe-error'
import { useInAppAnchors } from '@/components/in-app-anchors'
import { Skeleton } from '@/components/skeleton'
import { Table } from '@/components/table'
import { environmentPath, snapshotPath } from '@/lib/app-paths'
import { formatCount, pluralise } from '@/lib/format'
import { RUNNING_SHOWN, RunningRow, runningFirst } from './running-now'

interface MemberRow {
  member: string
  snapshot: Snapshot
  artifact: SnapshotArtifact
}

/**
 * What runs in a logical environment now: a logical environment has no snapshots of its own,
 * so this is every member's latest snapshot, combined, with a column naming the member. A
 * member that fails or has no snapshot yet says so beside the rest.
 */
export function LogicalRunningNow({
  org,
  env,
  members,
}: {
  org: string
  env: string
  members: ReadonlyArray<string>
}) {
  const results = useQueries({
    queries: members.map((member) => snapshotQueries.detail(org, { kind: 'latest', env: member })),
  })
  const onAnchorClick = useInAppAnchors()
  const rows: MemberRow[] = []
  results.forEach((result, position) => {
    const member = members[position]
    if (!member || !result.data) return
    const snapshot = result.data
    for (const artifact of runningFirst(snapshot.artifacts))
      rows.push({ member, snapshot, artifact })
  })
  // Non-compliant first across members, as for one environment.
  const rank = (artifact: SnapshotArtifact) =>
    artifact.compliant === false ? 0 : artifact.compliant === null ? 1 : 2
  rows.sort((a, b) => rank(a.artifact) - rank(b.artifact))
  const shown = rows.slice(0, RUNNING_SHOWN)
  const pending = results.some((result) => result.isPending)

  return (
    <section aria-labelledby="running-heading" className="space-y-2">
      <h2 id="running-heading" className="font-semibold">
        Running now ({formatCount(rows.length)}) across {pluralise(members.length, 'member')}
      </h2>
      <ul className="space-y-0.5 text-sm">
        {members.map((member, position) => {
          const result = results[position]
          return (
            <li key={member}>
              <Link to={environmentPath(org, member)} className="text-accent hover:underline">
                {member}
              </Link>
              <span className="text-muted">: </span>
              {!result || result.isPending ? (
                <span className="text-muted">loading its latest snapshot…</span>
              ) : result.data ? (
                <>
                  <Link
                    to={snapshotPath(org, member, result.data.index)}
                    className="font-mono text-accent underline underline-offset-2"
                  >
                    #{result.data.index}
                  </Link>
                  <span className="text-muted">
                    {' '}
                    · {pluralise(runningFirst(result.data.artifacts).length, 'artifact')} running
                  </span>
                </>
              ) : (
                <span className="text-bad">
                  {describeError(result.error).title}{' '}
                  <button
                    type="button"
                    className="text-accent underline underline-offset-2"
                    onClick={() => void result.refetch()}
                  >
                    Retry
                  </button>
                </span>
              )}
            </li>
          )
        })}
      </ul>
      {rows.length === 0 ? (
        pending ? (
          <Skeleton rows={3} label={`Loading what runs in ${env}`} />
        ) : (
          <p className="text-muted">Nothing runs in the members of {env}.</p>
        )
      ) : (
        <>
          <Table
            compact
            onClick={onAnchorClick}
            caption={<>Artifacts running in the members of {env}, non-compliant first</>}
            columns={[
              'Artifact',
              'Member',
              'Commit',
              'Flow',
              'Replicas',
              'Compliance',
              'Running since',
            ]}
          >
            {shown.map(({ member, snapshot, artifact }) => (
              <RunningRow
                key={`${member}/${artifact.fingerprint}/${artifact.name}`}
                org={org}
                artifact={artifact}
                member={
                  <a
                    href={snapshotPath(org, member, snapshot.index, artifact.fingerprint)}
                    className="font-mono text-accent hover:underline"
                  >
                    {member}#{snapshot.index}
                  </a>
                }
              />
            ))}
          </Table>
          {rows.length > shown.length ? (
            <p className="text-sm text-muted">
              Showing {formatCount(shown.length)} of {formatCount(rows.length)}, non-compliant
              first; each member&apos;s snapshot has every one.
            </p>
          ) : null}
        </>
      )}
    </section>
  )
}
