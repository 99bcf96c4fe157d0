import { Link } from 'react-router'
import type { ComplianceState } from '@/api/domain'
import { ComplianceBadge } from '@/components/compliance-badge'
import { ShortId } from '@/components/short-id'
import { Table } from '@/components/table'
import { TimeStamp } from '@/components/time-stamp'
import { ArtifactComplianceWhy } from '@/features/compliance/artifact-why'
import { artifactPath, environmentPath } from '@/lib/app-paths'
import { pluralise, shortArtifactName } from '@/lib/format'

export interface Candidate {
  fingerprint: string
  name: string
  flow: string | null
  gitCommit: string | null
  state: ComplianceState
  createdAt?: number | null
  /** Environment names; `undefined` when not known. */
  runningIn?: string[] | undefined
}

/** Artifacts to choose from when an expression, prefix or search names more than one. */
export function ArtifactCandidates({
  org,
  candidates,
  caption,
  showRunningIn = false,
  showCount = false,
}: {
  org: string
  candidates: ReadonlyArray<Candidate>
  caption: string
  /** Adds a column with the environments each artifact runs in. */
  showRunningIn?: boolean
  /** Says under the table how many artifacts it lists. */
  showCount?: boolean
}) {
  const showCreated = candidates.some((candidate) => candidate.createdAt !== undefined)
  const columns = [
    'Artifact',
    'Flow',
    'Fingerprint',
    'Commit',
    'Compliance',
    ...(showCreated ? ['Created'] : []),
    ...(showRunningIn ? ['Running in'] : []),
  ]
  return (
    <Table
      caption={caption}
      columns={columns}
      footer={showCount ? pluralise(candidates.length, 'artifact') : undefined}
    >
      {candidates.map((candidate) => (
        <tr key={`${candidate.flow ?? ''}/${candidate.fingerprint}`} className="align-top">
          <th scope="row" className="px-3 py-2 font-medium break-all">
            {candidate.flow ? (
              <Link
                className="text-accent underline-offset-2 hover:underline"
                to={artifactPath(org, candidate.flow, candidate.fingerprint)}
              >
                {candidate.name || candidate.fingerprint}
              </Link>
            ) : (
              candidate.name || candidate.fingerprint
            )}
          </th>
          <td className="px-3 py-2">
            {candidate.flow ?? <span className="text-muted">none</span>}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <ShortId value={candidate.fingerprint} kind="fingerprint" length={12} />
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <ShortId value={candidate.gitCommit} kind="commit" />
          </td>
          <td className="px-3 py-2">
            {candidate.flow ? (
              <ArtifactComplianceWhy
                org={org}
                flow={candidate.flow}
                fingerprint={candidate.fingerprint}
                state={candidate.state}
                subject={shortArtifactName(candidate.name || candidate.fingerprint)}
              />
            ) : (
              <ComplianceBadge value={candidate.state} />
            )}
          </td>
          {showCreated ? (
            <td className="px-3 py-2 whitespace-nowrap">
              <TimeStamp value={candidate.createdAt} />
            </td>
          ) : null}
          {showRunningIn ? (
            <td className="px-3 py-2">
              <RunningIn org={org} environments={candidate.runningIn} />
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  )
}

function RunningIn({ org, environments }: { org: string; environments: string[] | undefined }) {
  if (environments === undefined) return <span className="text-muted">unknown</span>
  if (environments.length === 0) return <span className="text-muted">none</span>
  return (
    <ul className="flex flex-wrap gap-1">
      {environments.map((env) => (
        <li key={env}>
          <Link
            className="text-accent underline-offset-2 hover:underline"
            to={environmentPath(org, env)}
          >
            {env}
          </Link>
        </li>
      ))}
    </ul>
  )
}
