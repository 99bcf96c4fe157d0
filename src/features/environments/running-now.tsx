import { useMemo, type ReactNode } from 'react'
import { Link } from 'react-router'
import type { Snapshot, SnapshotArtifact } from '@/api/snapshots'
import { ComplianceBadge } from '@/components/compliance-badge'
import { ShortId } from '@/components/short-id'
import { Table } from '@/components/table'
import { TimeCell } from '@/components/time-stamp'
import { artifactPath, snapshotPath } from '@/lib/app-paths'
import { ProvenanceLink } from '@/components/provenance-link'
import { useInAppAnchors } from '@/components/in-app-anchors'
import { formatCount, shortArtifactName } from '@/lib/format'
import { NEW_ROW_CLASS, NewMark } from '@/components/new-mark'
import { useArrivals } from '@/components/use-arrivals'

/** How many rows the environment page lists; the snapshot page has every one, with filters. */
export const RUNNING_SHOWN = 50

/** Non-compliant first (what needs attention), then unknown, then by name. */
export function runningFirst(artifacts: ReadonlyArray<SnapshotArtifact>): SnapshotArtifact[] {
  // Names and ranks once per artifact: a large environment runs thousands.
  return artifacts
    .filter((artifact) => !artifact.exited)
    .map((artifact) => ({
      artifact,
      rank: artifact.compliant === false ? 0 : artifact.compliant === null ? 1 : 2,
      name: shortArtifactName(artifact.name),
    }))
    .sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ artifact }) => artifact)
}

/** What runs in the environment now: its latest snapshot's artifacts, without opening it. */
export function RunningNow({
  org,
  env,
  snapshot,
}: {
  org: string
  env: string
  snapshot: Snapshot
}) {
  const running = useMemo(() => runningFirst(snapshot.artifacts), [snapshot.artifacts])
  const shown = running.slice(0, RUNNING_SHOWN)
  const rowKey = (artifact: SnapshotArtifact) => `${artifact.fingerprint}/${artifact.name}`
  const arrived = useArrivals(shown.map(rowKey), env)
  const onAnchorClick = useInAppAnchors()
  const snapshotLink = (
    // Underlined: it sits in a sentence, where colour alone would not mark it as a link.
    <Link
      to={snapshotPath(org, env, snapshot.index)}
      className="text-accent underline underline-offset-2"
    >
      snapshot #{snapshot.index}
    </Link>
  )
  return (
    <section aria-labelledby="running-heading" className="space-y-2">
      <h2 id="running-heading" className="font-semibold">
        Running now ({formatCount(running.length)})
      </h2>
      {running.length === 0 ? (
        <p className="text-muted">
          Nothing runs in {env} in {snapshotLink}.
        </p>
      ) : (
        <>
          <Table
            compact
            onClick={onAnchorClick}
            caption={<>Artifacts running in {env}, non-compliant first</>}
            columns={['Artifact', 'Commit', 'Flow', 'Replicas', 'Compliance', 'Running since']}
          >
            {shown.map((artifact) => (
              <RunningRow
                key={rowKey(artifact)}
                org={org}
                artifact={artifact}
                isNew={arrived.has(rowKey(artifact))}
              />
            ))}
          </Table>
          <p className="text-sm text-muted">
            {running.length > shown.length
              ? `Showing ${formatCount(shown.length)} of ${formatCount(running.length)}, non-compliant first. `
              : null}
            Open {snapshotLink} to filter, sort and export every artifact.
          </p>
        </>
      )}
    </section>
  )
}

/**
 * One running artifact: name, commit, flow, replicas, compliance and since when. `member` adds
 * the cell that names which member of a logical environment runs it. Its in-app links are plain
 * anchors: the table around it navigates with `useInAppAnchors`.
 */
export function RunningRow({
  org,
  artifact,
  isNew = false,
  member,
}: {
  org: string
  artifact: SnapshotArtifact
  isNew?: boolean
  member?: ReactNode
}) {
  const name = shortArtifactName(artifact.name) || 'unknown'
  return (
    <tr className={isNew ? `align-top ${NEW_ROW_CLASS}` : 'align-top'}>
      <th scope="row" className="px-3 py-2 font-medium">
        {artifact.flow ? (
          <a
            href={artifactPath(org, artifact.flow, artifact.fingerprint)}
            className="text-accent hover:underline"
            title={artifact.name}
          >
            {name}
          </a>
        ) : (
          <span title={artifact.name}>{name}</span>
        )}
        {isNew ? <NewMark /> : null}
      </th>
      {member === undefined ? null : <td className="px-3 py-2">{member}</td>}
      <td className="px-3 py-2">
        <ShortId value={artifact.gitCommit} kind="commit" href={artifact.commitUrl} />
      </td>
      <td className="px-3 py-2">
        <ProvenanceLink org={org} flow={artifact.flow} />
      </td>
      <td className="px-3 py-2 tabular-nums">{artifact.replicas}</td>
      <td className="px-3 py-2">
        <ComplianceBadge value={artifact.compliant} />
      </td>
      <td className="px-3 py-2">
        <TimeCell value={artifact.runningSince} />
      </td>
    </tr>
  )
}
