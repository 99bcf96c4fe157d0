import { Link } from 'react-router'
import type { ComplianceState } from '@/api/domain'
import { ComplianceBadge } from '@/components/compliance-badge'
import { ShortId } from '@/components/short-id'
import { TimeStamp } from '@/components/time-stamp'
import { artifactPath } from './paths'

export interface Candidate {
  fingerprint: string
  name: string
  flow: string | null
  gitCommit: string | null
  state: ComplianceState
  createdAt?: number | null
}

/** Artifacts to choose from when an expression names more than one. */
export function ArtifactCandidates({
  org,
  candidates,
  caption,
}: {
  org: string
  candidates: ReadonlyArray<Candidate>
  caption: string
}) {
  const showCreated = candidates.some((candidate) => candidate.createdAt !== undefined)
  return (
    <div className="overflow-x-auto rounded border border-line bg-surface">
      <table className="w-full text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line bg-raised text-sm">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Artifact
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Flow
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Fingerprint
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Commit
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Compliance
            </th>
            {showCreated ? (
              <th scope="col" className="px-3 py-2 font-semibold">
                Created
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
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
                <ComplianceBadge value={candidate.state} />
              </td>
              {showCreated ? (
                <td className="px-3 py-2 whitespace-nowrap">
                  <TimeStamp value={candidate.createdAt} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
