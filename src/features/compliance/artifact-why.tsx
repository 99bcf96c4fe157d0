/**
 * Artifact compliance, explained: Kosli's own words (`state_info`), then the template checklist
 * of the artifact's trail with its own slot marked; legacy artifacts (before trails) are
 * explained by the evidence Kosli received for them.
 *
 * - `ArtifactComplianceWhy` — the badge-button. Give it the `artifact` when you have one (its
 *   trail and evidence are used as they are); otherwise `flow` + `fingerprint` and it fetches
 *   the artifact when opened.
 */
import { useQuery } from '@tanstack/react-query'
import { artifactQueries, type Artifact, type ArtifactAddress } from '@/api/artifacts'
import type { ComplianceState } from '@/api/domain'
import { ComplianceBadge } from '@/components/compliance-badge'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ComplianceWhy } from './compliance-why'
import { TrailChecklistLoader } from './trail-why'

type ArtifactFacts = Pick<Artifact, 'fingerprint' | 'trail' | 'stateInfo' | 'evidence' | 'state'>

function LegacyEvidence({ artifact }: { artifact: ArtifactFacts }) {
  if (!artifact.evidence.length) {
    return (
      <p className="text-muted">
        It has no trail and no evidence on record, so nothing explains this state beyond Kosli's
        verdict.
      </p>
    )
  }
  return (
    <div role="group" aria-label="Evidence" className="space-y-1">
      <p>
        A legacy artifact (before trails): its compliance comes from the evidence Kosli received.
      </p>
      <ul className="divide-y divide-line rounded border border-line">
        {artifact.evidence.map((item, index) => (
          <li key={`${item.name}-${index}`} className="flex flex-wrap items-center gap-2 px-3 py-1">
            <span className="font-medium break-all">{item.name}</span>
            <span className="text-muted">{item.type ?? 'unknown type'}</span>
            <ComplianceBadge value={item.isCompliant} />
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The explanation itself, for an artifact already loaded. */
export function ArtifactExplanation({
  org,
  flow,
  artifact,
}: {
  org: string
  flow: string
  artifact: ArtifactFacts
}) {
  return (
    <div className="space-y-2">
      {artifact.stateInfo ? (
        <p>
          <span className="font-medium">Kosli says: </span>
          <span className="break-words">{artifact.stateInfo}</span>
        </p>
      ) : null}
      {artifact.trail ? (
        <TrailChecklistLoader
          org={org}
          flow={flow}
          trail={artifact.trail}
          highlight={artifact.fingerprint}
        />
      ) : (
        <LegacyEvidence artifact={artifact} />
      )}
    </div>
  )
}

function FetchedArtifactExplanation({ org, flow, fingerprint }: ArtifactAddress) {
  const query = useQuery(artifactQueries.detail(org, flow, fingerprint))
  if (query.isPending) return <Skeleton rows={2} label="Loading the artifact" />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  return <ArtifactExplanation org={org} flow={flow} artifact={query.data} />
}

export type ArtifactComplianceWhyProps = {
  org: string
  flow: string
  /** What the button names: 'runner:16d9990'. */
  subject: string
  label?: string
} & (
  | { artifact: ArtifactFacts; fingerprint?: undefined; state?: undefined }
  | { artifact?: undefined; fingerprint: string; state: ComplianceState | null }
)

export function ArtifactComplianceWhy(props: ArtifactComplianceWhyProps) {
  const { org, flow, subject, label } = props
  const state = props.artifact ? props.artifact.state : props.state
  return (
    <ComplianceWhy value={state} subject={subject} label={label}>
      {props.artifact ? (
        <ArtifactExplanation org={org} flow={flow} artifact={props.artifact} />
      ) : (
        <FetchedArtifactExplanation org={org} flow={flow} fingerprint={props.fingerprint} />
      )}
    </ComplianceWhy>
  )
}
