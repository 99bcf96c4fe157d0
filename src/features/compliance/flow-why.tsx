/**
 * Flow compliance (`latest_state`), explained: it is the state of the flow's latest trail, so
 * the explanation is that trail's checklist. Flows from before trails fall back to their latest
 * artifact. Everything is fetched when the explanation is opened.
 */
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { artifactQueries } from '@/api/artifacts'
import { isApiError } from '@/api/client'
import type { ComplianceState } from '@/api/domain'
import { trailQueries } from '@/api/trails'
import { complianceWord } from '@/components/compliance-badge'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { ArtifactExplanation } from './artifact-why'
import { ComplianceWhy } from './compliance-why'
import { artifactPath, trailPath } from '@/lib/app-paths'
import { RECENT_TRAILS } from './recent-trails'
import { TrailChecklist } from './trail-why'

/** What is known when Kosli lists neither trails nor artifacts: its state, and nothing behind it. */
export function nothingListedText(state: ComplianceState | null): string {
  return state === null
    ? 'Kosli lists no trails and no artifacts for this flow.'
    : `Kosli rates this flow ${complianceWord(state)}, but lists no trails and no artifacts that explain it.`
}

function LatestArtifact({
  org,
  flow,
  state,
}: {
  org: string
  flow: string
  state: ComplianceState | null
}) {
  const query = useQuery(artifactQueries.flowList(org, flow, 1, 1))
  if (query.isPending) return <Skeleton rows={2} label="Loading the latest artifact" />
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  const latest = query.data.artifacts[0]
  if (!latest) {
    return <p className="text-muted">{nothingListedText(state)}</p>
  }
  return (
    <div className="space-y-2">
      <p>
        The flow has no trails; its state is that of its latest artifact,{' '}
        <Link
          className="text-accent hover:underline"
          to={artifactPath(org, flow, latest.fingerprint)}
        >
          {latest.name || latest.fingerprint}
        </Link>
        .
      </p>
      <ArtifactExplanation org={org} flow={flow} artifact={latest} />
    </div>
  )
}

export function FlowExplanation({
  org,
  flow,
  state = null,
}: {
  org: string
  flow: string
  /** the flow's `latest_state`, when known */
  state?: ComplianceState | null
}) {
  const query = useQuery(trailQueries.flowList(org, flow, 1, RECENT_TRAILS))
  const noTrails = query.isError && isApiError(query.error) && query.error.status === 404
  if (query.isPending) return <Skeleton rows={3} label="Loading the latest trail" />
  if (noTrails || (query.isSuccess && query.data.trails.length === 0)) {
    return <LatestArtifact org={org} flow={flow} state={state} />
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  const [latest] = query.data.trails
  if (!latest) return null
  return (
    <div className="space-y-2">
      <p>
        A flow's state is that of its latest trail,{' '}
        <Link
          className="font-mono text-accent hover:underline"
          to={trailPath(org, flow, latest.name)}
        >
          {latest.name}
        </Link>
        .
      </p>
      <TrailChecklist org={org} trail={latest} />
    </div>
  )
}

export function FlowComplianceWhy({
  org,
  flow,
  state,
  label,
}: {
  org: string
  flow: string
  state: ComplianceState | null
  label?: string
}) {
  return (
    <ComplianceWhy value={state} subject={`flow ${flow}`} label={label}>
      <FlowExplanation org={org} flow={flow} state={state} />
    </ComplianceWhy>
  )
}
